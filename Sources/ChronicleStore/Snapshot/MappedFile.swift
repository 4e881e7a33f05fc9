import ChronicleRecords
#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only for as long as this lives: a snapshot is read in place, its pages
/// coming from the page cache, and none of it stays in the process once it is decoded.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer

    /// Maps `size` bytes of an open file (the size its header promised and `fstat` confirmed).
    init(descriptor: Int32, size: Int, path: String) throws(SnapshotError) {
        guard size > 0 else { throw .damaged("\(path) is empty") }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw .unavailable("cannot map \(path): \(String(cString: strerror(errno)))")
        }
        madvise(address, size, MADV_WILLNEED)
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
