// A checked, indexed store saved to one file, so a restart reads it instead of decoding, checking
// and indexing the data files again (a million events: minutes of work, seconds to read).
//
// A snapshot is used only for the data it was made from and by the build that made it: its header
// holds the dataset's fingerprint (the SHA-256 of every data file, see
// `Dataset.contentFingerprint`) and the SHA-256 of the executable that wrote it, and both must
// equal the reader's. A snapshot is only ever written from a store that passed the loader's checks,
// so a matching fingerprint proves the checks for these bytes, and a matching build proves the
// rules they were checked and indexed by. A SHA-256 of the whole file closes it, so a damaged file
// is refused rather than served; a refused snapshot means a full load.
//
// Layout: the magic "CHRNSNAP", the format version and a byte-order mark (4 bytes each), the
// fingerprint and the builder's digest, then the sections (dataset info, lexicon, documents,
// actors, shared values, events, quotes, the three text indexes, the seven field indexes), then
// the 32-byte digest. Events
// and quotes are in blocks of `blockSize` records, each prefixed with its length in bytes, which
// are decoded in parallel.
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
    static let formatVersion: UInt32 = 1
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let blockSize = 8192
    static let digestSize = 32

    /// The SHA-256 of the running executable: a snapshot is read only by the build that wrote it,
    /// whose loader, checks, tokenizer and stemmer made it. Nil where the executable cannot be read.
    public static let builder: String? = Digest.sha256Hex(fileAtPath: "/proc/self/exe")

    /// The file that holds the snapshot of `dataDirectory` in `directory`: one per data directory,
    /// named by the SHA-256 of its absolute path as given (symbolic links not followed, so a
    /// `current` link switched between releases keeps one snapshot, replaced when its data changes).
    public static func path(for dataDirectory: String, in directory: String) -> String {
        let absolute = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
        let name = Digest.sha256Hex(Array(absolute.utf8)).prefix(24)
        return URL(fileURLWithPath: directory).appendingPathComponent("\(name).snapshot").path
    }

    // MARK: Writing

    /// Writes `store` to `path`: to a temporary file beside it, synced, then renamed over it, so a
    /// reader sees the old file or the whole new one. Returns the bytes written.
    @discardableResult
    public static func write(_ store: Store, to path: String) throws(SnapshotError) -> Int {
        guard let builder else { throw .unavailable("cannot read the executable to name the build") }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unavailable("cannot create \(directory): \(error.localizedDescription)")
        }
        removeAbandonedTemporaries(of: path)
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unavailable("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var output = SnapshotOutput(descriptor: descriptor)
        do {
            try encode(store, builder: builder, into: &output)
            try output.finish()
            guard fsync(descriptor) == 0 else {
                throw SnapshotError.unavailable("cannot sync \(temporary): \(String(cString: strerror(errno)))")
            }
            close(descriptor)
            guard rename(temporary, path) == 0 else {
                throw SnapshotError.unavailable("cannot rename to \(path): \(String(cString: strerror(errno)))")
            }
            return output.written
        } catch let error as SnapshotError {
            close(descriptor)
            unlink(temporary)
            throw error
        } catch {
            close(descriptor)
            unlink(temporary)
            throw .unavailable("\(error)")
        }
    }

    /// Temporary files of this snapshot left by processes that ended while writing (a second
    /// SIGTERM, a crash); a writer that still runs keeps its own.
    private static func removeAbandonedTemporaries(of path: String) {
        let url = URL(fileURLWithPath: path)
        let prefix = url.lastPathComponent + "."
        let directory = url.deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = pid_t(name.dropFirst(prefix.count).dropLast(4)), pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { unlink(directory + "/" + name) }
        }
    }

    private static func encode(_ store: Store, builder: String, into output: inout SnapshotOutput) throws(SnapshotError) {
        var w = SnapshotWriter(capacity: 1 << 20)
        w.raw(magic)
        withUnsafeBytes(of: formatVersion.littleEndian) { w.raw($0) }
        withUnsafeBytes(of: byteOrderMark) { w.raw($0) }
        w.write(store.fingerprint)
        w.write(builder)
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
        for index in [store.actorNames, store.eventText, store.quoteText] {
            try output.append(flat: index.terms.bytes, &w)
            try output.append(flat: index.terms.starts, &w)
            try output.append(flat: index.postingStarts, &w)
            try output.append(flat: index.postings, &w)
        }
        for index in [store.eventsByActor, store.eventsByType, store.eventsByDocument, store.eventsByCountry,
                      store.quotesBySpeaker, store.quotesByEvent, store.quotesByLanguage] {
            write(index, to: &w)
        }
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

    // MARK: Reading

    /// Reads the snapshot at `path` if it was made from data with `fingerprint` by this build, and
    /// throws why not otherwise.
    public static func read(path: String, fingerprint: String) throws(SnapshotError) -> Store {
        try read(path: path, expected: fingerprint, computing: nil)
    }

    /// Reads the snapshot at `path` if it was made by this build from the data in `directory` as it
    /// is now: the data files are hashed while the snapshot decodes (on a loaded machine that is
    /// most of a second saved at a million events), and the store is returned only once the two
    /// fingerprints are equal.
    public static func read(path: String, dataDirectory directory: String) throws(SnapshotError) -> Store {
        try read(path: path, expected: nil, computing: { Dataset.contentFingerprint(directory: directory) })
    }

    private static func read(
        path: String, expected: String?, computing: (@Sendable () -> String?)?
    ) throws(SnapshotError) -> Store {
        guard let builder else { throw .unavailable("cannot read the executable to name the build") }
        let file = try MappedFile(path: path)
        let bytes = file.bytes
        guard bytes.count > magic.count + 8 + digestSize else { throw .damaged("\(bytes.count) bytes is too short") }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - digestSize)])
        var r = SnapshotReader(body)
        guard Array(try r.bytes(magic.count)).elementsEqual(magic) else { throw .stale("not a Chronicle snapshot") }
        let version = UInt32(littleEndian: try r.bytes(4).loadUnaligned(as: UInt32.self))
        guard version == formatVersion else { throw .stale("format \(version), this build reads \(formatVersion)") }
        guard try r.bytes(4).loadUnaligned(as: UInt32.self) == byteOrderMark else { throw .stale("written with the other byte order") }
        let storedFingerprint: String = try r.read(), storedBuilder: String = try r.read()
        if let expected, storedFingerprint != expected { throw .stale("made from other data (\(storedFingerprint.prefix(12)))") }
        guard storedBuilder == builder else { throw .stale("made by another build of Chronicle (\(storedBuilder.prefix(12)))") }

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
        var indexes: [TextIndex] = []
        for count in [actors.count, events.count, quotes.count] {
            let terms = try readWords(&r)
            let starts: [Int32] = try r.flat(), postings: [Int32] = try r.flat()
            guard starts.count == terms.count + 1, starts.first == 0, starts.last.map(Int.init) == postings.count,
                  zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
                  postings.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw .damaged("a text index does not fit its records") }
            indexes.append(TextIndex(terms: terms, postingStarts: starts, postings: postings))
        }
        var parts = StoreParts(documents: documents, actors: actors, events: events, quotes: quotes, fieldIndexes: false)
        parts.eventsByActor = try readIndex(&r, positions: events.count)
        parts.eventsByType = try readIndex(&r, positions: events.count)
        parts.eventsByDocument = try readIndex(&r, positions: events.count)
        parts.eventsByCountry = try readIndex(&r, positions: events.count)
        parts.quotesBySpeaker = try readIndex(&r, positions: quotes.count)
        parts.quotesByEvent = try readIndex(&r, positions: quotes.count)
        parts.quotesByLanguage = try readIndex(&r, positions: quotes.count)
        guard r.isAtEnd else { throw .damaged("\(r.remaining) bytes after the last section") }
        return Store(
            fingerprint: fingerprint, info: info, documents: documents, actors: actors, events: events, quotes: quotes,
            lexicon: Lexicon(stems: stems, corpusWords: corpusWords), actorNames: indexes[0], eventText: indexes[1], quoteText: indexes[2],
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
