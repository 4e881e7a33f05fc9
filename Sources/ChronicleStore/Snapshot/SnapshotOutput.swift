import CSystem
import ChronicleText
import ChronicleRecords
#if canImport(Glibc)
import Glibc
#endif

/// An index file being written: sections one after the other, each aligned for the flat arrays
/// it may hold and written in pieces of at most `StoreSnapshot.pieceSize` bytes, each piece with its
/// CRC-32C. What was written is listed in `sections`, which becomes the file's directory.
struct SnapshotOutput {
    private let descriptor: Int32
    private(set) var written = 0
    private(set) var sections: [StoreSnapshot.Section] = []
    private var open: StoreSnapshot.Section?

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Starts a section at the next multiple of `StoreSnapshot.alignment`.
    mutating func beginSection() throws(SnapshotError) {
        precondition(open == nil, "a section is already open")
        let padding = (StoreSnapshot.alignment - written % StoreSnapshot.alignment) % StoreSnapshot.alignment
        if padding > 0 {
            try Self.zeros.withUnsafeBytes { zeros in
                Result { () throws(SnapshotError) in try writeAll(UnsafeRawBufferPointer(rebasing: zeros.prefix(padding))) }
            }.get()
        }
        open = StoreSnapshot.Section(offset: written, length: 0, pieces: [])
    }

    /// Appends one piece to the open section (a block of records, or part of an array).
    mutating func piece(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        precondition(open != nil, "no section is open")
        try writeAll(bytes)
        open!.length += bytes.count
        open!.pieces.append(.init(length: bytes.count, crc: bytes.isEmpty ? 0 : chronicle_crc32c(0, bytes.baseAddress, bytes.count)))
    }

    mutating func endSection() {
        sections.append(open!)
        open = nil
    }

    /// A whole section from bytes, in pieces.
    mutating func section(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        try beginSection()
        var start = 0
        repeat {
            let end = min(bytes.count, start + StoreSnapshot.pieceSize)
            try piece(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            start = end
        } while start < bytes.count
        endSection()
    }

    /// A section holding what `writer` holds; empties the writer.
    mutating func section(_ writer: inout SnapshotWriter) throws(SnapshotError) {
        try writer.bytes.withUnsafeBytes { bytes in Result { () throws(SnapshotError) in try section(bytes) } }.get()
        writer.removeAll()
    }

    /// A section holding a flat array's values as they lie in memory.
    mutating func section<T: BitwiseCopyable>(flat values: FlatArray<T>) throws(SnapshotError) {
        try values.withUnsafeBytes { bytes in Result { () throws(SnapshotError) in try section(bytes) } }.get()
    }

    /// Bytes outside any section (the directory).
    mutating func raw(_ bytes: [UInt8]) throws(SnapshotError) {
        try bytes.withUnsafeBytes { bytes in Result { () throws(SnapshotError) in try writeAll(bytes) } }.get()
    }

    private static let zeros = [UInt8](repeating: 0, count: StoreSnapshot.alignment)

    private mutating func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .unavailable("cannot write the index file: \(String(cString: strerror(errno)))") }
            offset += count
        }
        written += bytes.count
    }
}
