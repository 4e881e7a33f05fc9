import CSystem
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A counter descriptor another thread can signal to wake an event loop out of `epoll_wait`.
/// It owns its descriptor and is closed only when freed, so `signal()` from any thread can never
/// reach a descriptor number that was given back to the kernel.
public final class EventFD: Sendable {
    private let fd: Int32

    public init() throws {
        fd = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard fd >= 0 else { throw SocketError("eventfd") }
    }

    deinit { _ = Glibc.close(fd) }

    package var rawDescriptor: Int32 { fd }

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
}
