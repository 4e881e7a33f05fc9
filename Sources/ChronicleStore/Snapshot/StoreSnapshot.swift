// A checked, indexed store compiled into one immutable file that the server maps and serves from
// in place, as Lucene serves a segment (ARCHITECTURE.md, "The index file"): the records as their
// stored bytes, decoded when read, and every index (ids, fields, dates, text postings) as flat
// arrays read where they lie. Opening one costs the header's checks and a pass over its checksums,
// not a decode of a million records.
//
// An index file is used only for the data it was made from and by an analyser and a set of checks
// that would have made the same store. Its directory names what it depends on, as Lucene's segment
// headers name their codec: the format (which is also the records' encoding), the dataset's
// fingerprint (the SHA-256 of every data file, lexicon included: `Dataset.contentFingerprint`), the
// analyser's identity (`AnalyzerVersion`) and the version of the loader's rules (`DatasetValidator`).
// It does not name the executable: another build with the same format, analyser and rules reads it,
// so a rolling update starts from the file its predecessor wrote, or the one its image ships. It is
// only ever written from a store that passed the loader's checks, and is served without them, so it
// is read only from a file and a directory that this user owns and that no one else may write.
//
// Layout: a fixed header of 48 bytes (the magic "CHRNSNAP", the format version and a byte-order
// mark, 4 bytes each; the file's length, the directory's offset and length, 8 bytes each,
// little-endian; the directory's CRC-32C and the CRC-32C of the 44 bytes before it, 4 bytes each),
// then the sections, each starting at a multiple of 16 bytes, then the directory: the
// fingerprint, the analyser's identity, the rules' and the derivation's versions, the record types
// it holds (`RecordKinds.collections`), and for every section its offset and its pieces, each
// piece's length and CRC-32C. A piece is at most 4 MiB, or one block of `blockSize` records, so
// the checksums are verified on every core. The sections, in order: the small part decoded at
// open (dataset info, each record type's count, the values records share, then the records of each
// type not read in place: documents, actors); the lexicon; the bytes and offsets of each type read
// in place (events, quotes); each type's id table, all in the order of `RecordKinds.all`; the date
// intervals; the text indexes (`Store.textIndexes`) and the field indexes
// (`StoreParts.fieldIndexes`), in their lists' order; then each type's declared indexes. The header and the directory are read with
// `pread` and checked before anything is mapped; every piece's checksum is verified before any
// record is read, so no request ever meets an unverified byte.
import CSystem
import ChronicleText
import ChronicleRecords
import Crypto
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum StoreSnapshot {
    static let magic = Array("CHRNSNAP".utf8)
    static let formatVersion: UInt32 = 8
    static let byteOrderMark: UInt32 = 0x0102_0304
    /// Records per block: a block is one checksummed piece.
    static let blockSize = 4096
    /// The most a piece of an array section holds.
    static let pieceSize = 4 << 20
    /// Sections start at multiples of this, so every flat array in them is aligned.
    static let alignment = 16
    static let fixedHeaderSize = 48
    /// The most a directory may take (a 10-million-event file lists some 3,000 pieces).
    static let maximumDirectorySize = 4 << 20

    /// A contiguous run of bytes in the file, checksummed in pieces.
    struct Section: Sendable {
        struct Piece: Sendable {
            var length: Int
            var crc: UInt32
        }

        var offset: Int
        var length: Int
        var pieces: [Piece]
    }

    /// What an index file depends on besides its data: the analyser, the loader's rules, how the
    /// indexes are derived, and the record types it holds with their declared indexes.
    public struct Dependencies: Equatable, Sendable {
        public var analyzer = AnalyzerVersion.identity
        public var rules = DatasetValidator.rulesVersion
        /// How the indexes are derived from the records (`StoreParts.derivationVersion`).
        public var indexes = StoreParts.derivationVersion
        /// The record types a store holds and their declared indexes (`RecordKinds.signature`): a
        /// file made for others has other sections.
        public var recordTypes = RecordKinds.signature
        public init() {}
    }

    /// The file that holds the index of `dataDirectory` in `directory`: one per data directory,
    /// named by the SHA-256 of its absolute path as given (symbolic links not followed, so a
    /// `current` link switched between releases keeps one file, replaced when its data changes).
    public static func path(for dataDirectory: String, in directory: String) -> String {
        let absolute = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
        let name = Digest.sha256Hex(Array(absolute.utf8)).prefix(24)
        return URL(fileURLWithPath: directory).appendingPathComponent("\(name).snapshot").path
    }

    // MARK: Writing

    /// Writes `store` to `path`. The old file at `path` is removed first (it is stale by definition:
    /// a file is written only when the store did not come from it), so a volume never holds two.
    /// The new file is written unnamed (`O_TMPFILE`) and linked in once complete and synced: a stop or
    /// a crash meanwhile leaves nothing behind, and writers in other containers (all pid 1) never
    /// share a name. Where the file system has no `O_TMPFILE`, a `mkstemp` name held under `flock`
    /// is used, and a later writer removes one whose writer is gone. Returns the bytes written.
    /// `afterHeader` runs once the first section is written (tests look at the directory then).
    @discardableResult
    public static func write(
        _ store: Store, to path: String, dependencies: Dependencies = Dependencies(), afterHeader: (() -> Void)? = nil
    ) throws(SnapshotError) -> Int {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try SnapshotDirectory.prepare(directory)
        if unlink(path) != 0 && errno != ENOENT {
            throw .unavailable("cannot remove the stale \(path): \(String(cString: strerror(errno)))")
        }
        var file = try TemporaryFile(in: directory, for: path)
        do {
            var output = SnapshotOutput(descriptor: file.descriptor)
            // The fixed header is written last, over these zeros, once the directory is known.
            try output.raw([UInt8](repeating: 0, count: fixedHeaderSize))
            try encode(store, into: &output, afterHeader: afterHeader)
            let directoryOffset = output.written
            let listing = directoryBytes(store.fingerprint, dependencies, output.sections)
            try output.raw(listing)
            let fixed = fixedHeader(length: output.written, directoryOffset: directoryOffset, directory: listing)
            var written = 0
            while written < fixed.count {
                let count = fixed.withUnsafeBytes { pwrite(file.descriptor, $0.baseAddress! + written, $0.count - written, off_t(written)) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    throw SnapshotError.unavailable("cannot write the index file's header: \(String(cString: strerror(errno)))")
                }
                written += count
            }
            guard fsync(file.descriptor) == 0 else {
                throw SnapshotError.unavailable("cannot sync the index file: \(String(cString: strerror(errno)))")
            }
            try file.link(to: path)
            // The new name survives a crash once the directory is synced too.
            let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directoryDescriptor >= 0 {
                fsync(directoryDescriptor)
                close(directoryDescriptor)
            }
            return output.written
        } catch let error as SnapshotError {
            file.discard()
            throw error
        } catch {
            file.discard()
            throw .unavailable("\(error)")
        }
    }

    static func fixedHeader(length: Int, directoryOffset: Int, directory: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        append(formatVersion)
        withUnsafeBytes(of: byteOrderMark) { bytes.append(contentsOf: $0) }
        append(UInt64(length))
        append(UInt64(directoryOffset))
        append(UInt64(directory.count))
        append(directory.withUnsafeBytes { chronicle_crc32c(0, $0.baseAddress, $0.count) })
        append(bytes.withUnsafeBytes { chronicle_crc32c(0, $0.baseAddress, $0.count) })
        return bytes
    }

    static func directoryBytes(_ fingerprint: String, _ dependencies: Dependencies, _ sections: [Section]) -> [UInt8] {
        var w = SnapshotWriter(capacity: 4096)
        w.write(fingerprint)
        w.write(dependencies.analyzer)
        w.count(dependencies.rules)
        w.count(dependencies.indexes)
        w.write(dependencies.recordTypes)
        w.count(sections.count)
        for section in sections {
            w.count(section.offset)
            w.count(section.pieces.count)
            for piece in section.pieces {
                w.count(piece.length)
                w.unsigned(UInt64(piece.crc))
            }
        }
        return w.bytes
    }

    private static func encode(_ store: Store, into output: inout SnapshotOutput, afterHeader: (() -> Void)?) throws(SnapshotError) {
        var w = SnapshotWriter(capacity: 1 << 20)
        w.write(store.info)
        for (_, count) in store.counts { w.count(count) }
        // The values events and quotes share come first, so every record type is read after them.
        let shared = SnapshotSharedValues.Builder(events: store.events, quotes: store.quotes)
        shared.write(to: &w)
        for kind in RecordKinds.all where !kind.readInPlace { writeDecodedAtOpen(kind, of: store, shared: shared, to: &w) }
        try output.section(&w)
        afterHeader?()
        try write(store.lexicon.stems, to: &output)
        try write(store.lexicon.corpusWords, to: &output)
        for kind in RecordKinds.all where kind.readInPlace { try writeInPlace(kind, of: store, shared: shared, into: &output) }
        for kind in RecordKinds.all {
            let table = store.idTable(kind)
            try write(table.ids, to: &output)
            try output.section(flat: table.positions)
        }
        for days in [store.eventDays, store.quoteDays] {
            try output.section(flat: days.first)
            try output.section(flat: days.last)
        }
        for (path, _) in Store.textIndexes { try write(store[keyPath: path], to: &output) }
        for (path, _) in StoreParts.fieldIndexes { try write(store[keyPath: path.store], to: &output) }
        for kind in RecordKinds.all { try writeDeclaredIndexes(kind, of: store, into: &output) }
    }

    /// The indexes a record type declares (`RecordKind.indexedFields`, `searchableText`), in that order.
    private static func writeDeclaredIndexes<Kind: RecordKind>(
        _ kind: Kind.Type, of store: Store, into output: inout SnapshotOutput
    ) throws(SnapshotError) {
        let table = store.tables[kind]
        for field in kind.indexedFields { try write(table.fields[field.name] ?? FieldIndex([:]), to: &output) }
        guard kind.searchableText != nil else { return }
        try write(table.text ?? TextIndex(TextIndex.Raw(count: 0) { _ in [] }, stem: { $0 }), to: &output)
    }

    private static func write(_ index: FieldIndex, to output: inout SnapshotOutput) throws(SnapshotError) {
        try write(index.keys, to: &output)
        try output.section(flat: index.starts)
        try output.section(flat: index.postings)
    }

    private static func write(_ index: TextIndex, to output: inout SnapshotOutput) throws(SnapshotError) {
        try write(index.terms, to: &output)
        try output.section(flat: index.postingStarts)
        try output.section(flat: index.postings)
    }

    /// A record type the file decodes when it opens: its count, then each record.
    private static func writeDecodedAtOpen<Kind: RecordKind>(
        _ kind: Kind.Type, of store: Store, shared: SnapshotSharedValues.Builder, to w: inout SnapshotWriter
    ) {
        let records = store.records(kind)
        w.count(records.count)
        for record in records { record.write(to: &w, shared: shared) }
    }

    /// A record type the file keeps as stored bytes, read in place.
    private static func writeInPlace<Kind: RecordKind>(
        _ kind: Kind.Type, of store: Store, shared: SnapshotSharedValues.Builder, into output: inout SnapshotOutput
    ) throws(SnapshotError) {
        try writeRecords(store.records(kind), into: &output) { $0.write(to: &$1, shared: shared) }
    }

    /// The records' encodings, a block of `blockSize` records per piece, then where each starts.
    private static func writeRecords<T>(
        _ records: RecordList<T>, into output: inout SnapshotOutput, _ write: (T, inout SnapshotWriter) -> Void
    ) throws(SnapshotError) {
        var offsets: [UInt64] = [0]
        offsets.reserveCapacity(records.count + 1)
        var block = SnapshotWriter(capacity: 4 << 20)
        var total = 0
        try output.beginSection()
        for start in stride(from: 0, to: records.count, by: blockSize) {
            block.removeAll()
            for position in start..<min(records.count, start + blockSize) {
                write(records[position], &block)
                offsets.append(UInt64(total + block.bytes.count))
            }
            total += block.bytes.count
            try block.bytes.withUnsafeBytes { bytes in Result { () throws(SnapshotError) in try output.piece(bytes) } }.get()
        }
        output.endSection()
        try output.section(flat: FlatArray(offsets))
    }

    private static func write(_ words: WordSet, to output: inout SnapshotOutput) throws(SnapshotError) {
        try output.section(flat: words.bytes)
        try output.section(flat: words.starts)
    }

    /// Removes the temporary file of a write in progress, for a process about to `_exit` during one
    /// (an unnamed `O_TMPFILE` file needs nothing: it goes with the process).
    public static func abandonWriteInProgress() {
        TemporaryFile.discardInProgress()
    }
}
