import ChronicleRecords
#if canImport(Glibc)
import Glibc
#endif

/// A snapshot file's header, read with `pread` from the open file before anything is mapped or
/// hashed, and checked against the file: a regular file this user owns and no one else may write,
/// whose size is the length the header promises (a valid head followed by a hole of many gigabytes
/// is refused here, in microseconds, instead of being mapped and hashed whole).
struct SnapshotHeader {
    let fingerprint: String
    let analyzer: String
    let rules: Int
    let length: Int

    init(descriptor: Int32, path: String) throws(SnapshotError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unavailable("cannot stat \(path): \(String(cString: strerror(errno)))") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .untrusted("\(path) is not a regular file") }
        try SnapshotDirectory.checkOwnership(status, of: path)
        let size = Int(status.st_size)
        let fixed = StoreSnapshot.fixedHeaderSize
        guard size > fixed + StoreSnapshot.digestSize else { throw .damaged("\(size) bytes is too short") }
        var head = [UInt8](repeating: 0, count: min(size, fixed + StoreSnapshot.maximumHeaderSize))
        let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count == head.count else { throw .unavailable("cannot read \(path): \(String(cString: strerror(errno)))") }
        var header: (String, String, Int, Int)?
        var failure: SnapshotError?
        head.withUnsafeBytes { bytes in
            do throws(SnapshotError) {
                header = try Self.parse(bytes, fileSize: size)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        (fingerprint, analyzer, rules, length) = header!
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, fileSize: Int) throws(SnapshotError) -> (String, String, Int, Int) {
        var r = SnapshotReader(bytes)
        guard Array(try r.bytes(StoreSnapshot.magic.count)).elementsEqual(StoreSnapshot.magic) else {
            throw .stale("not a Chronicle snapshot")
        }
        let version = UInt32(littleEndian: try r.bytes(4).loadUnaligned(as: UInt32.self))
        guard version == StoreSnapshot.formatVersion else {
            throw .stale("format \(version), this build reads \(StoreSnapshot.formatVersion)")
        }
        guard try r.bytes(4).loadUnaligned(as: UInt32.self) == StoreSnapshot.byteOrderMark else {
            throw .stale("written with the other byte order")
        }
        let length = UInt64(littleEndian: try r.bytes(8).loadUnaligned(as: UInt64.self))
        guard length == UInt64(fileSize) else { throw .damaged("the header promises \(length) bytes; the file has \(fileSize)") }
        let fingerprint: String = try r.read(), analyzer: String = try r.read()
        let rules = try r.count()
        return (fingerprint, analyzer, rules, fileSize)
    }
}
