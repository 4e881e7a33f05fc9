import CSystem
import ChronicleRecords
#if canImport(Glibc)
import Glibc
#endif

/// An index file's fixed header and directory, read with `pread` from the open file before anything
/// is mapped, and checked against the file: a regular file this user owns and no one else may
/// write, whose size is the length the header promises (a valid head followed by a hole of many
/// gigabytes is refused here, in microseconds), whose header and directory checksums hold, and
/// whose sections all lie inside it.
struct SnapshotHeader {
    let fingerprint: String
    let analyzer: String
    let rules: Int
    let indexes: Int
    /// The record types the file holds, in their order (`RecordKinds.collections`).
    let recordTypes: String
    let length: Int
    let sections: [StoreSnapshot.Section]
    /// Where the directory starts: the last section ends there.
    let directoryOffset: Int

    init(descriptor: Int32, path: String) throws(SnapshotError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unavailable("cannot stat \(path): \(String(cString: strerror(errno)))") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .untrusted("\(path) is not a regular file") }
        try SnapshotDirectory.checkOwnership(status, of: path)
        let size = Int(status.st_size)
        guard size >= StoreSnapshot.fixedHeaderSize else { throw .damaged("\(size) bytes is too short") }
        let fixed = try Self.pread(descriptor, count: StoreSnapshot.fixedHeaderSize, at: 0, path: path)
        let (directoryOffset, directoryLength, directoryCRC) = try fixed.withUnsafeBytes { bytes in
            Result { () throws(SnapshotError) in try Self.parseFixed(bytes, fileSize: size) }
        }.get()
        let directory = try Self.pread(descriptor, count: directoryLength, at: directoryOffset, path: path)
        guard directory.withUnsafeBytes({ chronicle_crc32c(0, $0.baseAddress, $0.count) }) == directoryCRC else {
            throw .damaged("the directory's checksum does not match")
        }
        let parsed = try directory.withUnsafeBytes { bytes in
            Result { () throws(SnapshotError) in try Self.parseDirectory(bytes, before: directoryOffset) }
        }.get()
        (fingerprint, analyzer, rules, indexes, recordTypes, sections) = parsed
        length = size
        self.directoryOffset = directoryOffset
    }

    private static func pread(_ descriptor: Int32, count: Int, at offset: Int, path: String) throws(SnapshotError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes { Glibc.pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else {
                throw .unavailable("cannot read \(path): \(read < 0 ? String(cString: strerror(errno)) : "end of file")")
            }
            done += read
        }
        return bytes
    }

    /// The fixed header: magic, format version, byte-order mark, file length, where the directory
    /// lies and its checksum, and the checksum of all of that.
    private static func parseFixed(_ bytes: UnsafeRawBufferPointer, fileSize: Int) throws(SnapshotError) -> (Int, Int, UInt32) {
        guard bytes.prefix(StoreSnapshot.magic.count).elementsEqual(StoreSnapshot.magic) else { throw .stale("not a Chronicle index file") }
        func field<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        let version = field(8, UInt32.self)
        guard version == StoreSnapshot.formatVersion else {
            throw .stale("format \(version), this build reads \(StoreSnapshot.formatVersion)")
        }
        guard bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self) == StoreSnapshot.byteOrderMark else {
            throw .stale("written with the other byte order")
        }
        let checked = StoreSnapshot.fixedHeaderSize - 4
        guard chronicle_crc32c(0, bytes.baseAddress, checked) == field(checked, UInt32.self) else {
            throw .damaged("the header's checksum does not match")
        }
        let length = field(16, UInt64.self)
        guard length == UInt64(fileSize) else { throw .damaged("the header promises \(length) bytes; the file has \(fileSize)") }
        let offset = field(24, UInt64.self), count = field(32, UInt64.self)
        guard offset >= UInt64(StoreSnapshot.fixedHeaderSize), count <= UInt64(StoreSnapshot.maximumDirectorySize),
              offset <= length, count == length - offset else { throw .damaged("the directory does not end the file") }
        return (Int(offset), Int(count), field(40, UInt32.self))
    }

    /// The directory: what the file depends on, then every section's place, length and pieces.
    private static func parseDirectory(
        _ bytes: UnsafeRawBufferPointer, before end: Int
    ) throws(SnapshotError) -> (String, String, Int, Int, String, [StoreSnapshot.Section]) {
        var r = SnapshotReader(bytes)
        let fingerprint: String = try r.read(), analyzer: String = try r.read()
        let rules = try r.count(), indexes = try r.count()
        let recordTypes: String = try r.read()
        // Each section takes at least three bytes, each piece two.
        let count = try r.count(minimumSize: 3)
        var sections: [StoreSnapshot.Section] = []
        sections.reserveCapacity(count)
        var previousEnd = StoreSnapshot.fixedHeaderSize
        for _ in 0..<count {
            let offset = try r.unsigned(), pieceCount = try r.count(minimumSize: 2)
            guard offset <= UInt64(end) else { throw .damaged("a section starts after the directory") }
            var pieces: [StoreSnapshot.Section.Piece] = []
            pieces.reserveCapacity(pieceCount)
            var length = 0
            for index in 0..<pieceCount {
                let pieceLength = try r.unsigned(), crc = try r.unsigned()
                // Only a section's one piece may be empty (an empty array): empty pieces cannot
                // multiply what the directory makes the reader allocate.
                guard pieceLength > 0 || (pieceCount == 1 && index == 0) else { throw .damaged("an empty piece in a section") }
                guard crc <= UInt64(UInt32.max), pieceLength <= UInt64(end - length) else {
                    throw .damaged("a piece of a section is out of range")
                }
                length += Int(pieceLength)
                pieces.append(.init(length: Int(pieceLength), crc: UInt32(crc)))
            }
            let start = Int(offset)
            guard start >= previousEnd, start % StoreSnapshot.alignment == 0, length <= end - start else {
                throw .damaged("a section lies outside the file or over another")
            }
            previousEnd = start + length
            sections.append(.init(offset: start, length: length, pieces: pieces))
        }
        guard r.isAtEnd else { throw .damaged("\(r.remaining) bytes after the directory") }
        return (fingerprint, analyzer, rules, indexes, recordTypes, sections)
    }
}
