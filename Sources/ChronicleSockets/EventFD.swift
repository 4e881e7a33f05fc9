import CSystem
#if canImport(Glibc)
import Glibc
#endif

/// A counter descriptor another thread can signal to wake an event loop out of `epoll_wait`.
public struct EventFD: Sendable {
    public let fd: Int32

    public init() throws {
        fd = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard fd >= 0 else { throw SocketError("eventfd") }
    }

    /// Safe from any thread.
    public func signal() {
        var one: UInt64 = 1
        _ = Glibc.write(fd, &one, 8)
    }

    /// Clears pending signals (called by the loop that owns it).
    public func drain() {
        var value: UInt64 = 0
        _ = Glibc.read(fd, &value, 8)
    }

    public func close() { _ = Glibc.close(fd) }
}
