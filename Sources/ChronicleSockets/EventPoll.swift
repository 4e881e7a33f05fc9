// A minimal epoll wrapper: register descriptors with a 64-bit token, wait for readiness.
// Level-triggered: a loop reads until EAGAIN, and interest in EPOLLOUT is added only while
// output is queued, so an idle socket never wakes the loop. Registration takes the owning
// objects (`Socket`, `EventFD`), never raw numbers, so a closed socket cannot be registered.
import CSystem
#if canImport(Glibc)
import Glibc
#endif

public final class EventPoll {
    public struct Interest: OptionSet, Sendable, Equatable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let read = Interest(rawValue: EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
        public static let write = Interest(rawValue: EPOLLOUT.rawValue)
    }

    public struct Event: Sendable {
        public let token: UInt64
        public let readable: Bool
        public let writable: Bool
        /// Error or hang-up on the descriptor.
        public let hangup: Bool
    }

    private let fd: Int32
    private var buffer: [epoll_event]

    public init(capacity: Int = 256) throws {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw SocketError("epoll_create1") }
        buffer = [epoll_event](repeating: epoll_event(), count: capacity)
    }

    deinit { close(fd) }

    public func add(_ socket: Socket, token: UInt64, interest: Interest) throws {
        guard let descriptor = socket.rawDescriptor else { throw SocketError("epoll_ctl", code: EBADF) }
        try control(EPOLL_CTL_ADD, descriptor, token: token, interest: interest)
    }

    public func add(_ eventFD: EventFD, token: UInt64) throws {
        try control(EPOLL_CTL_ADD, eventFD.rawDescriptor, token: token, interest: .read)
    }

    public func modify(_ socket: Socket, token: UInt64, interest: Interest) throws {
        guard let descriptor = socket.rawDescriptor else { throw SocketError("epoll_ctl", code: EBADF) }
        try control(EPOLL_CTL_MOD, descriptor, token: token, interest: interest)
    }

    /// Stops watching `socket` (call before closing it; closing also removes it from the set).
    public func remove(_ socket: Socket) {
        guard let descriptor = socket.rawDescriptor else { return }
        var event = epoll_event()
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, descriptor, &event)
    }

    private func control(_ op: Int32, _ descriptor: Int32, token: UInt64, interest: Interest) throws {
        var event = epoll_event()
        event.events = interest.rawValue
        event.data.u64 = token
        guard epoll_ctl(fd, op, descriptor, &event) == 0 else { throw SocketError("epoll_ctl") }
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and calls `body` for each ready descriptor.
    /// EINTR is an empty wait; any other failure (EBADF, EINVAL: a broken epoll set) is thrown, so a
    /// caller can never spin on it.
    public func wait(timeoutMilliseconds: Int32, _ body: (Event) -> Void) throws(SocketError) {
        let count = buffer.withUnsafeMutableBufferPointer {
            epoll_wait(fd, $0.baseAddress, Int32($0.count), timeoutMilliseconds)
        }
        if count < 0 {
            let code = errno
            if code == EINTR { return }
            throw SocketError("epoll_wait", code: code)
        }
        for index in 0..<Int(count) {
            let event = buffer[index]
            let flags = event.events
            body(Event(
                token: event.data.u64,
                readable: flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0,
                writable: flags & EPOLLOUT.rawValue != 0,
                hangup: flags & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0))
        }
    }
}
