import ChronicleRecords
import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// A snapshot file being written: every byte goes to the descriptor and into the closing digest.
struct SnapshotOutput {
    private let descriptor: Int32
    private var hasher = SHA256()
    private(set) var written = 0

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Writes what `writer` holds and empties it.
    mutating func append(_ writer: inout SnapshotWriter) throws(SnapshotError) {
        // `withUnsafeBytes` rethrows untyped errors: the result carries the typed one out.
        try writer.bytes.withUnsafeBytes { bytes in
            hasher.update(bufferPointer: bytes)
            return Result { () throws(SnapshotError) in try writeAll(bytes) }
        }.get()
        written += writer.bytes.count
        writer.removeAll()
    }

    /// Writes what `writer` holds, then `values` as `SnapshotWriter.flat` encodes them, from the
    /// array's own storage.
    mutating func append<T: FixedWidthInteger>(flat values: [T], _ writer: inout SnapshotWriter) throws(SnapshotError) {
        writer.count(values.count)
        try append(&writer)
        try values.withUnsafeBytes { bytes in
            hasher.update(bufferPointer: bytes)
            return Result { () throws(SnapshotError) in try writeAll(bytes) }
        }.get()
        written += values.count * MemoryLayout<T>.size
    }

    /// Writes bytes the digest does not cover: the header's fixed part, whose length field is
    /// filled in at the end and checked against the file's size instead.
    mutating func appendUnhashed(_ bytes: [UInt8]) throws(SnapshotError) {
        try bytes.withUnsafeBytes { bytes in Result { () throws(SnapshotError) in try writeAll(bytes) } }.get()
        written += bytes.count
    }

    /// Writes the digest of everything before it.
    mutating func finish() throws(SnapshotError) {
        let digest = Array(hasher.finalize())
        try digest.withUnsafeBytes { bytes in Result { () throws(SnapshotError) in try writeAll(bytes) } }.get()
        written += digest.count
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .unavailable("cannot write the snapshot: \(String(cString: strerror(errno)))") }
            offset += count
        }
    }
}
