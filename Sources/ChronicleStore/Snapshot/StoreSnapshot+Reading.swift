// Opening an index file: the header and directory checked before the map, every checksum verified,
// then the sections read in the order the writer wrote them (`SectionReader`) into a store whose
// records and indexes lie in the mapping (StoreSnapshot.swift describes the layout).
import CSystem
import ChronicleText
import ChronicleRecords
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension StoreSnapshot {
    /// Opens the index file at `path` if it was made from data with `fingerprint` under
    /// `dependencies` (this build's analyser and rules), and throws why not otherwise.
    public static func read(
        path: String, fingerprint: String, dependencies: Dependencies = Dependencies()
    ) throws(SnapshotError) -> Store {
        try read(path: path, expected: fingerprint, computing: nil, dependencies: dependencies)
    }

    /// Opens the index file at `path` if it was made under this build's analyser and rules from the
    /// data in `directory` as it is now: the data files are hashed while the checksums are verified,
    /// and the store is returned only once the two fingerprints are equal.
    public static func read(path: String, dataDirectory directory: String) throws(SnapshotError) -> Store {
        try read(path: path, expected: nil, computing: { Dataset.contentFingerprint(directory: directory) })
    }

    /// Opens the index file at `path` whatever data it was made from (`chronicle index --verify`, and
    /// a server told to serve a shipped index): what it was made from is `Store.fingerprint`.
    public static func read(path: String) throws(SnapshotError) -> Store {
        try read(path: path, expected: nil, computing: nil)
    }

    /// Opens the index file at `path` as `read(path:)` does, then decodes every record it stores:
    /// `chronicle index --verify`.
    public static func verify(path: String) throws(SnapshotError) -> Store {
        let store = try read(path: path)
        for kind in RecordKinds.all where kind.readInPlace { try verifyDecoding(kind, of: store) }
        return store
    }

    private static func read(
        path: String, expected: String?, computing: (@Sendable () -> String?)?, dependencies: Dependencies = Dependencies()
    ) throws(SnapshotError) -> Store {
        // Nothing of the file is mapped before its directory, its owner, its mode, its header, its
        // directory and its size are checked; no record is read before every checksum is verified.
        try SnapshotDirectory.checkTrusted(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw .unavailable("cannot open \(path): \(String(cString: strerror(errno)))") }
        // The mapping outlives the descriptor; the descriptor is only for the header and the map.
        defer { close(descriptor) }
        let header = try SnapshotHeader(descriptor: descriptor, path: path)
        if let expected, header.fingerprint != expected { throw .stale("made from other data (\(header.fingerprint.prefix(12)))") }
        guard header.analyzer == dependencies.analyzer else {
            throw .stale("made by another analyser (\(header.analyzer); this build has \(dependencies.analyzer))")
        }
        guard header.rules == dependencies.rules else {
            throw .stale("checked under other rules (version \(header.rules); this build has \(dependencies.rules))")
        }
        guard header.indexes == dependencies.indexes else {
            throw .stale("indexed under other rules (version \(header.indexes); this build has \(dependencies.indexes))")
        }
        guard header.recordTypes == dependencies.recordTypes else {
            throw .stale("made for other record types (\(header.recordTypes.prefix(200)); this build has \(dependencies.recordTypes))")
        }
        let file = try MappedFile(descriptor: descriptor, size: header.length, path: path)

        // The data's fingerprint, when it is not known yet, is computed while the checksums are
        // verified; nothing is returned before it is compared.
        let matches = ResultSlots<Bool>(count: 1)
        let group = DispatchGroup()
        if let computing {
            DispatchQueue.global().async(group: group) { matches.set(0, computing() == header.fingerprint) }
        } else {
            matches.set(0, true)
        }
        defer { group.wait() }
        try verify(header.sections, in: file, directoryOffset: header.directoryOffset)
        let store = try decode(SectionReader(file: file, sections: header.sections), fingerprint: header.fingerprint)
        group.wait()
        guard matches.all.first == true else { throw .stale("made from other data (\(header.fingerprint.prefix(12)))") }
        return store
    }

    /// Every piece's CRC-32C, on every core, and the padding between sections, which must be zeros:
    /// every byte of the file is checked.
    static func verify(_ sections: [Section], in file: MappedFile, directoryOffset: Int) throws(SnapshotError) {
        var all: [(start: Int, piece: Section.Piece, section: Int)] = []
        var end = fixedHeaderSize
        for (number, section) in sections.enumerated() {
            guard file.bytes[end..<section.offset].allSatisfy({ $0 == 0 }) else {
                throw .damaged("padding before section \(number) is not zero")
            }
            end = section.offset + section.length
            var start = section.offset
            for piece in section.pieces {
                all.append((start, piece, number))
                start += piece.length
            }
        }
        guard end == directoryOffset else { throw .damaged("bytes between the last section and the directory") }
        let failures = ResultSlots<Int>(count: all.count)
        let base = UnsafeSendable(file.bytes), pieces = all
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            let (start, piece, section) = pieces[index]
            let crc = piece.length == 0 ? 0 : chronicle_crc32c(0, base.value.baseAddress! + start, piece.length)
            if crc != piece.crc { failures.set(index, section) }
        }
        if let section = failures.all.first { throw .damaged("section \(section) fails its checksum") }
    }

    private static func decode(_ sections: SectionReader, fingerprint: String) throws(SnapshotError) -> Store {
        var sections = sections
        var r = SnapshotReader(try sections.next())
        let info: DatasetInfo? = try r.read()
        var counts: [ObjectIdentifier: Int] = [:]
        for kind in RecordKinds.all { counts[ObjectIdentifier(kind)] = try r.count() }
        let shared = try SnapshotSharedValues(snapshot: &r)
        // Each type's records, as a `RecordList` of its own type, until its id table joins it.
        var lists: [ObjectIdentifier: any Sendable] = [:]
        for kind in RecordKinds.all where !kind.readInPlace {
            let count = counts[ObjectIdentifier(kind)] ?? 0
            lists[ObjectIdentifier(kind)] = try readDecodedAtOpen(kind, from: &r, count: count, shared: shared)
        }
        guard r.isAtEnd else { throw .damaged("the first section does not add up") }
        let stems = try sections.words(), corpusWords = try sections.words()
        for kind in RecordKinds.all where kind.readInPlace {
            let count = counts[ObjectIdentifier(kind)] ?? 0
            lists[ObjectIdentifier(kind)] = try readInPlace(kind, from: &sections, count: count, shared: shared)
        }
        func count(of kind: any RecordKind.Type) -> Int { counts[ObjectIdentifier(kind)] ?? 0 }
        var idTables: [ObjectIdentifier: IDTable] = [:]
        for kind in RecordKinds.all {
            let expected = count(of: kind)
            let ids = try sections.words(), positions = try sections.flat(Int32.self)
            let inRange = positions.withUnsafeBufferPointer { $0.allSatisfy { UInt32(bitPattern: $0) < UInt32(clamping: expected) } }
            guard ids.count == expected, positions.count == expected, inRange else {
                throw .damaged("an id table does not fit its records")
            }
            idTables[ObjectIdentifier(kind)] = IDTable(ids: ids, positions: positions)
        }
        var days: [DayIntervals] = []
        for expected in [count(of: Event.self), count(of: Quote.self)] {
            let first = try sections.flat(Int32.self), last = try sections.flat(Int32.self)
            guard first.count == expected, last.count == expected else { throw .damaged("date intervals do not fit their records") }
            days.append(DayIntervals(first: first, last: last))
        }
        var indexes: [KeyPath<Store, TextIndex>: TextIndex] = [:]
        for (path, records) in Store.textIndexes { indexes[path] = try readTextIndex(from: &sections, records: count(of: records)) }
        var parts = StoreParts(eventDays: days[0], quoteDays: days[1], idTables: idTables)
        for (path, records) in StoreParts.fieldIndexes {
            parts[keyPath: path.parts] = try readFieldIndex(from: &sections, records: count(of: records))
        }
        // Each type's declared indexes, then its table.
        var tables = RecordTables()
        for kind in RecordKinds.all {
            let key = ObjectIdentifier(kind)
            let declared = try readDeclaredIndexes(kind, from: &sections, count: count(of: kind))
            try join(kind, lists[key], idTables[key] ?? IDTable([]), declared, into: &tables)
        }
        guard sections.isAtEnd else { throw .damaged("sections after the last index") }
        return Store(
            fingerprint: fingerprint, info: info, tables: tables, lexicon: Lexicon(stems: stems, corpusWords: corpusWords),
            actorNames: indexes[\.actorNames]!, eventText: indexes[\.eventText]!, quoteText: indexes[\.quoteText]!,
            parts: parts)
    }

    private static func verifyDecoding<Kind: RecordKind>(_ kind: Kind.Type, of store: Store) throws(SnapshotError) {
        try store.records(kind).verifyDecoding()
    }

    /// A record type the file decodes when it opens: its count, then each record.
    private static func readDecodedAtOpen<Kind: RecordKind>(
        _ kind: Kind.Type, from r: inout SnapshotReader, count: Int, shared: SnapshotSharedValues
    ) throws(SnapshotError) -> any Sendable {
        let stored = try r.count(minimumSize: 1)
        guard stored == count else { throw .damaged("the first section does not add up") }
        var records: [Kind] = []
        // Reserved only as far as a small multiple of the file: a count is never believed beyond that.
        records.reserveCapacity(min(count, 4096))
        for _ in 0..<count { records.append(try Kind(snapshot: &r, shared: shared)) }
        return RecordList(records)
    }

    /// A record type the file keeps as stored bytes, each decoded when it is read.
    private static func readInPlace<Kind: RecordKind>(
        _ kind: Kind.Type, from sections: inout SectionReader, count: Int, shared: SnapshotSharedValues
    ) throws(SnapshotError) -> any Sendable {
        let records: RecordList<Kind> = try sections.records(count: count) { r throws(SnapshotError) in
            try Kind(snapshot: &r, shared: shared)
        }
        return records
    }

    /// The indexes a record type declares: each field's, then its text's.
    private static func readDeclaredIndexes<Kind: RecordKind>(
        _ kind: Kind.Type, from sections: inout SectionReader, count: Int
    ) throws(SnapshotError) -> (fields: [String: FieldIndex], text: TextIndex?) {
        var fields: [String: FieldIndex] = [:]
        for field in kind.indexedFields { fields[field.name] = try readFieldIndex(from: &sections, records: count) }
        guard kind.searchableText != nil else { return (fields, nil) }
        return (fields, try readTextIndex(from: &sections, records: count))
    }

    /// A field index as `write(_: FieldIndex, to:)` lays it out.
    private static func readFieldIndex(from sections: inout SectionReader, records: Int) throws(SnapshotError) -> FieldIndex {
        let (keys, starts, postings) = try readPostings(from: &sections, records: records, "a field index")
        return FieldIndex(keys: keys, starts: starts, postings: postings)
    }

    /// A text index as `write(_: TextIndex, to:)` lays it out.
    private static func readTextIndex(from sections: inout SectionReader, records: Int) throws(SnapshotError) -> TextIndex {
        let (terms, starts, postings) = try readPostings(from: &sections, records: records, "a text index")
        return TextIndex(terms: terms, postingStarts: starts, postings: postings)
    }

    /// What field and text indexes share on disk: the keys (or terms), where each key's postings
    /// start, and the postings, which must point into `records` records.
    private static func readPostings(
        from sections: inout SectionReader, records: Int, _ what: String
    ) throws(SnapshotError) -> (WordSet, FlatArray<Int32>, FlatArray<Int32>) {
        let keys = try sections.words()
        let starts = try sections.flat(Int32.self), postings = try sections.flat(Int32.self)
        guard try postingsFit(starts, postings, keys: keys.count, records: records) else {
            throw .damaged("\(what) does not fit its records")
        }
        return (keys, starts, postings)
    }

    /// Puts one type's records beside its id table and its declared indexes.
    private static func join<Kind: RecordKind>(
        _ kind: Kind.Type, _ list: (any Sendable)?, _ positions: IDTable, _ declared: (fields: [String: FieldIndex], text: TextIndex?),
        into tables: inout RecordTables
    ) throws(SnapshotError) {
        guard let records = list as? RecordList<Kind> else { throw .damaged("no records of \(kind.collection)") }
        tables[kind] = RecordTable(records: records, positions: positions, fields: declared.fields, text: declared.text)
    }

    /// Whether `starts` divides `postings` into `keys` ascending runs of positions below `records`.
    private static func postingsFit(
        _ starts: FlatArray<Int32>, _ postings: FlatArray<Int32>, keys: Int, records: Int
    ) throws(SnapshotError) -> Bool {
        guard starts.count == keys + 1, starts.first == 0, starts.last.map(Int.init) == postings.count else { return false }
        let ascending = starts.withUnsafeBufferPointer { starts in zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 } }
        let limit = UInt32(clamping: records)
        // One unsigned comparison per value: a negative position is a large unsigned one.
        return ascending && postings.withUnsafeBufferPointer { $0.allSatisfy { UInt32(bitPattern: $0) < limit } }
    }
}

/// Memory handed to worker threads that only read it while the owner waits.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
