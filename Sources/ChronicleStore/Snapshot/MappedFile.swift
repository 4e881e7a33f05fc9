import ChronicleRecords
#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only for as long as this lives: a snapshot is read in place, its pages
/// coming from the page cache, and none of it stays in the process once it is decoded.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws(SnapshotError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unavailable("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unavailable("cannot stat \(path): \(String(cString: strerror(errno)))") }
        let size = Int(status.st_size)
        guard size > 0 else { throw .damaged("\(path) is empty") }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw .unavailable("cannot map \(path): \(String(cString: strerror(errno)))")
        }
        madvise(address, size, MADV_WILLNEED)
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
