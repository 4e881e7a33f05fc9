// A checked, indexed store saved to one file, so a restart reads it instead of decoding, checking
// and indexing the data files again (a million events: minutes of work, seconds to read).
//
// A snapshot is used only for the data it was made from and by an analyser and a set of checks that
// would have made the same store. Its header names what it depends on, as Lucene's segment headers
// name their codec: the format (which is also the records' encoding), the dataset's fingerprint
// (the SHA-256 of every data file, lexicon included: `Dataset.contentFingerprint`), the analyser's
// identity (`AnalyzerVersion`) and the version of the loader's rules (`DatasetValidator`). It does
// not name the executable: another build with the same format, analyser and rules reads it, so a
// rolling update starts from the snapshot its predecessor saved. A snapshot is only ever written
// from a store that passed the loader's checks. A SHA-256 of the file closes it, so a damaged file is
// refused rather than served; a refused snapshot means a full load. A snapshot is served without
// the loader's checks, so it is read only from a file and a directory that this user owns and that
// no one else may write (the snapshot directory must be as trusted as the data).
//
// Layout: the magic "CHRNSNAP", the format version and a byte-order mark (4 bytes each), the
// file's length in bytes (8, little-endian), then, under the digest: the fingerprint, the analyser's
// identity, the rules' version, the sections (dataset info, lexicon, documents, actors, shared
// values, events, quotes, the three text indexes, the seven field indexes), then the 32-byte SHA-256
// of everything after the length. Events and quotes are in blocks of `blockSize` records, each
// prefixed with its length in bytes, which are decoded in parallel. The header is read and checked,
// length against the file's size included, before anything is mapped or hashed.
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
    static let formatVersion: UInt32 = 2
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let blockSize = 8192
    static let digestSize = 32

    /// The bytes before the digested part: magic, format version, byte-order mark, file length.
    static let fixedHeaderSize = 8 + 4 + 4 + 8
    /// The most a header's variable part (fingerprint, analyser, rules) may take.
    static let maximumHeaderSize = 4096

    /// What a snapshot depends on besides its data: the analyser and the loader's rules.
    public struct Dependencies: Equatable, Sendable {
        public var analyzer = AnalyzerVersion.identity
        public var rules = DatasetValidator.rulesVersion
        public init() {}
    }

    /// The file that holds the snapshot of `dataDirectory` in `directory`: one per data directory,
    /// named by the SHA-256 of its absolute path as given (symbolic links not followed, so a
    /// `current` link switched between releases keeps one snapshot, replaced when its data changes).
    public static func path(for dataDirectory: String, in directory: String) -> String {
        let absolute = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
        let name = Digest.sha256Hex(Array(absolute.utf8)).prefix(24)
        return URL(fileURLWithPath: directory).appendingPathComponent("\(name).snapshot").path
    }

    // MARK: Writing

    /// Writes `store` to `path`. The old file at `path` is removed first (it is stale by definition:
    /// a snapshot is written only when the store did not come from it), so a volume never holds two.
    /// The new file is written unnamed (`O_TMPFILE`) and linked in once complete and synced: a stop or
    /// a crash meanwhile leaves nothing behind, and writers in other containers (all pid 1) never
    /// share a name. Where the file system has no `O_TMPFILE`, a `mkstemp` name held under `flock`
    /// is used, and a later writer removes one whose writer is gone. Returns the bytes written.
    /// `afterHeader` runs once the header is written (tests look at the directory then).
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
        var output = SnapshotOutput(descriptor: file.descriptor)
        do {
            try encode(store, dependencies: dependencies, into: &output, afterHeader: afterHeader)
            try output.finish()
            var length = UInt64(output.written).littleEndian
            guard withUnsafeBytes(of: &length, { pwrite(file.descriptor, $0.baseAddress, 8, off_t(fixedHeaderSize - 8)) }) == 8 else {
                throw SnapshotError.unavailable("cannot write the snapshot's length: \(String(cString: strerror(errno)))")
            }
            guard fsync(file.descriptor) == 0 else {
                throw SnapshotError.unavailable("cannot sync the snapshot: \(String(cString: strerror(errno)))")
            }
            try file.link(to: path)
            return output.written
        } catch let error as SnapshotError {
            file.discard()
            throw error
        } catch {
            file.discard()
            throw .unavailable("\(error)")
        }
    }

    private static func encode(
        _ store: Store, dependencies: Dependencies, into output: inout SnapshotOutput, afterHeader: (() -> Void)?
    ) throws(SnapshotError) {
        var w = SnapshotWriter(capacity: 1 << 20)
        w.raw(magic)
        withUnsafeBytes(of: formatVersion.littleEndian) { w.raw($0) }
        withUnsafeBytes(of: byteOrderMark) { w.raw($0) }
        // The length, written once it is known.
        withUnsafeBytes(of: UInt64(0)) { w.raw($0) }
        try output.appendUnhashed(w.bytes)
        w.removeAll()
        w.write(store.fingerprint)
        w.write(dependencies.analyzer)
        w.count(dependencies.rules)
        try output.append(&w)
        afterHeader?()
        w.write(store.info)
        write(store.lexicon.stems, to: &w)
        write(store.lexicon.corpusWords, to: &w)
        try output.append(&w)
        // Documents in small blocks: each one's text is indexed again as it is read, in parallel.
        try writeBlocks(store.documents, size: 16, into: &output, &w) { $0.write(to: &$1) }
        w.write(store.actors)
        let shared = SnapshotSharedValues.Builder(events: store.events, quotes: store.quotes)
        shared.write(to: &w)
        try output.append(&w)
        try writeBlocks(store.events, size: blockSize, into: &output, &w) { $0.write(to: &$1, shared: shared) }
        try writeBlocks(store.quotes, size: blockSize, into: &output, &w) { $0.write(to: &$1, shared: shared) }
        // Large flat arrays go to the file from where they lie, not through a copy.
        for (path, _) in Store.textIndexes {
            let index = store[keyPath: path]
            try output.append(flat: index.terms.bytes, &w)
            try output.append(flat: index.terms.starts, &w)
            try output.append(flat: index.postingStarts, &w)
            try output.append(flat: index.postings, &w)
        }
        for (index, _) in StoreParts.fieldIndexes { write(store[keyPath: index.store], to: &w) }
        try output.append(&w)
    }

    private static func writeBlocks<T>(
        _ records: [T], size: Int, into output: inout SnapshotOutput, _ w: inout SnapshotWriter, _ write: (T, inout SnapshotWriter) -> Void
    ) throws(SnapshotError) {
        w.count(records.count)
        try output.append(&w)
        var block = SnapshotWriter(capacity: 1 << 20)
        for start in stride(from: 0, to: records.count, by: size) {
            block.removeAll()
            for record in records[start..<min(records.count, start + size)] { write(record, &block) }
            w.count(block.bytes.count)
            try output.append(&w)
            try output.append(&block)
        }
    }

    /// A field index: its keys in order, each with its positions.
    private static func write(_ index: [String: [Int32]], to w: inout SnapshotWriter) {
        w.count(index.count)
        for key in index.keys.sorted() {
            w.write(key)
            w.flat(index[key]!)
        }
    }

    private static func readIndex(_ r: inout SnapshotReader, positions count: Int) throws(SnapshotError) -> [String: [Int32]] {
        let keys = try r.count(minimumSize: 2)
        var index: [String: [Int32]] = [:]
        index.reserveCapacity(keys)
        for _ in 0..<keys {
            let key: String = try r.read()
            let positions: [Int32] = try r.flat()
            guard positions.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw .damaged("a field index does not fit its records") }
            index[key] = positions
        }
        return index
    }

    private static func write(_ words: WordSet, to w: inout SnapshotWriter) {
        w.flat(words.bytes)
        w.flat(words.starts)
    }

    /// Removes the temporary file of a write in progress, for a process about to `_exit` during one
    /// (an unnamed `O_TMPFILE` file needs nothing: it goes with the process).
    public static func abandonWriteInProgress() {
        TemporaryFile.discardInProgress()
    }

    // MARK: Reading

    /// Reads the snapshot at `path` if it was made from data with `fingerprint` under `dependencies`
    /// (this build's analyser and rules), and throws why not otherwise.
    public static func read(
        path: String, fingerprint: String, dependencies: Dependencies = Dependencies()
    ) throws(SnapshotError) -> Store {
        try read(path: path, expected: fingerprint, computing: nil, dependencies: dependencies)
    }

    /// Reads the snapshot at `path` if it was made under this build's analyser and rules from the
    /// data in `directory` as it is now: the data files are hashed while the snapshot decodes (on a
    /// loaded machine that is most of a second saved at a million events), and the store is
    /// returned only once the two fingerprints are equal.
    public static func read(path: String, dataDirectory directory: String) throws(SnapshotError) -> Store {
        try read(path: path, expected: nil, computing: { Dataset.contentFingerprint(directory: directory) })
    }

    private static func read(
        path: String, expected: String?, computing: (@Sendable () -> String?)?, dependencies: Dependencies = Dependencies()
    ) throws(SnapshotError) -> Store {
        // Nothing of the file is read before its directory, its owner, its mode, its header and its
        // size are checked; nothing is hashed or decoded before its header matches.
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
        let file = try MappedFile(descriptor: descriptor, size: header.length, path: path)
        let bytes = file.bytes
        let body = UnsafeRawBufferPointer(rebasing: bytes[fixedHeaderSize..<(bytes.count - digestSize)])
        var r = SnapshotReader(body)
        let storedFingerprint: String = try r.read()
        _ = try r.read(String.self)
        _ = try r.count()

        // The data's fingerprint, when it is not known yet, is computed while the snapshot is checked
        // and decoded; nothing decoded is returned before it is compared.
        let matches = ResultSlots<Bool>(count: 1)
        let group = DispatchGroup()
        if let computing {
            DispatchQueue.global().async(group: group) { matches.set(0, computing() == storedFingerprint) }
        } else {
            matches.set(0, true)
        }
        defer { group.wait() }
        // The digest before any decoding: a damaged count must never size an allocation.
        guard SHA256.hash(data: body).elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - digestSize)...])) else {
            throw .damaged("checksum mismatch")
        }
        var store: Store?
        var failure: SnapshotError?
        // The mapping must outlive every read of it, whatever the optimizer makes of `file`.
        withExtendedLifetime(file) {
            do throws(SnapshotError) {
                store = try decode(&r, fingerprint: storedFingerprint)
            } catch {
                failure = error
            }
        }
        group.wait()
        guard matches.all.first == true else { throw .stale("made from other data (\(storedFingerprint.prefix(12)))") }
        if let failure { throw failure }
        return store!
    }

    private static func decode(_ r: inout SnapshotReader, fingerprint: String) throws(SnapshotError) -> Store {
        let info: DatasetInfo? = try r.read()
        let stems = try readWords(&r), corpusWords = try readWords(&r)
        let documents = try readBlocks(&r, size: 16, minimumRecordSize: 8) { r throws(SnapshotError) in try Document(snapshot: &r) }
        let actors: [Actor] = try r.read()
        let shared = try SnapshotSharedValues(snapshot: &r)
        let events = try readBlocks(&r, size: blockSize, minimumRecordSize: 24) { r throws(SnapshotError) in
            try Event(snapshot: &r, shared: shared)
        }
        let quotes = try readBlocks(&r, size: blockSize, minimumRecordSize: 24) { r throws(SnapshotError) in
            try Quote(snapshot: &r, shared: shared)
        }
        func count(of records: Store.Records) -> Int {
            switch records {
            case .actors: actors.count
            case .events: events.count
            case .quotes: quotes.count
            }
        }
        var indexes: [KeyPath<Store, TextIndex>: TextIndex] = [:]
        for (path, records) in Store.textIndexes {
            let count = count(of: records)
            let terms = try readWords(&r)
            let starts: [Int32] = try r.flat(), postings: [Int32] = try r.flat()
            guard starts.count == terms.count + 1, starts.first == 0, starts.last.map(Int.init) == postings.count,
                  zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
                  postings.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw .damaged("a text index does not fit its records") }
            indexes[path] = TextIndex(terms: terms, postingStarts: starts, postings: postings)
        }
        var parts = StoreParts(documents: documents, actors: actors, events: events, quotes: quotes, fieldIndexes: false)
        for (index, records) in StoreParts.fieldIndexes {
            parts[keyPath: index.parts] = try readIndex(&r, positions: count(of: records))
        }
        guard r.isAtEnd else { throw .damaged("\(r.remaining) bytes after the last section") }
        return Store(
            fingerprint: fingerprint, info: info, documents: documents, actors: actors, events: events, quotes: quotes,
            lexicon: Lexicon(stems: stems, corpusWords: corpusWords),
            actorNames: indexes[\.actorNames]!, eventText: indexes[\.eventText]!, quoteText: indexes[\.quoteText]!,
            parts: parts)
    }

    private static func readWords(_ r: inout SnapshotReader) throws(SnapshotError) -> WordSet {
        let bytes: [UInt8] = try r.flat(), starts: [Int32] = try r.flat()
        guard starts.first == 0, starts.last.map(Int.init) == bytes.count, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw .damaged("a word list does not fit its bytes")
        }
        return WordSet(bytes: bytes, starts: starts)
    }

    /// Records in blocks, decoded on every core straight into their place in the result.
    /// `minimumRecordSize`: fewer bytes than any record encodes to (every field takes at least a
    /// byte), so a count is believed only if the blocks can hold it and the result's allocation stays
    /// within a small multiple of the file's size.
    private static func readBlocks<T>(
        _ r: inout SnapshotReader, size blockSize: Int, minimumRecordSize: Int,
        _ decode: @escaping @Sendable (inout SnapshotReader) throws(SnapshotError) -> T
    ) throws(SnapshotError) -> [T] {
        let count = try r.count(minimumSize: minimumRecordSize)
        var blocks: [UnsafeRawBufferPointer] = []
        var total = 0
        while total < count {
            let records = min(blockSize, count - total)
            let length = try r.count(minimumSize: 1)
            guard length >= records * minimumRecordSize else { throw .damaged("a block of \(records) records in \(length) bytes") }
            blocks.append(try r.bytes(length))
            total += records
        }
        guard count > 0 else { return [] }
        let failures = ResultSlots<SnapshotError>(count: blocks.count)
        let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let shared = UnsafeSendable((blocks, buffer.baseAddress!))
            let made = ResultSlots<Int>(count: blocks.count)
            DispatchQueue.concurrentPerform(iterations: shared.value.0.count) { index in
                var reader = SnapshotReader(shared.value.0[index])
                let start = shared.value.1 + index * blockSize
                let expected = min(blockSize, count - index * blockSize)
                var done = 0
                do throws(SnapshotError) {
                    while done < expected {
                        (start + done).initialize(to: try decode(&reader))
                        done += 1
                    }
                    if !reader.isAtEnd { throw .damaged("a block has \(reader.remaining) bytes left over") }
                } catch {
                    failures.set(index, error)
                }
                made.set(index, done)
            }
            if failures.all.isEmpty {
                initialized = count
            } else {
                // Records of the blocks that did decode are let go; nothing is returned.
                for (index, done) in made.all.enumerated() { (buffer.baseAddress! + index * blockSize).deinitialize(count: done) }
                initialized = 0
            }
        }
        if let failure = failures.all.first { throw failure }
        return result
    }
}

/// Bytes handed to worker threads that only read them while the owner waits.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
