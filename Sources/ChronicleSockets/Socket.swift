// Thin, typed wrappers over the POSIX socket calls the server needs. Nothing here knows HTTP.
// Every call retries EINTR; EAGAIN is reported as a value (`.wouldBlock`), not an error.
//
// A `Socket` owns its descriptor: `close()` gives the number back to the kernel and invalidates the
// object, so no later call can reach a number another connection may already own. I/O after close
// traps in debug builds and answers `.closed` in release builds without touching the number.
import CSystem
#if canImport(Glibc)
import Glibc
#endif

public final class Socket {
    /// -1 once closed.
    private var descriptor: Int32

    /// Takes ownership of `fd`: it is closed by `close()` or, at the latest, when the socket is freed.
    public init(adopting fd: Int32) {
        precondition(fd >= 0, "adopting an invalid descriptor")
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    public var isOpen: Bool { descriptor >= 0 }

    /// The descriptor number while open, for code in this package that hands it to the kernel
    /// (epoll registration, OpenSSL's BIO). Nil after close.
    package var rawDescriptor: Int32? { descriptor >= 0 ? descriptor : nil }

    /// The outcome of a non-blocking read or write.
    public enum IOResult: Equatable, Sendable {
        case bytes(Int)
        case wouldBlock
        case closed
    }

    /// Creates a listening socket on `host:port` (IPv4 or IPv6 literal or name; "::" is dual-stack).
    /// `reusePort` lets several event loops bind the same port and have the kernel spread connections.
    public static func listen(host: String, port: UInt16, reusePort: Bool, backlog: Int32 = 1024) throws -> Socket {
        let address = try SocketAddress.resolve(host: host, port: port)
        let fd = Glibc.socket(
            Int32(address.family), Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket") }
        // On a throw below, the socket is freed and its deinit closes the descriptor.
        let socket = Socket(adopting: fd)
        try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1)
        if reusePort { try socket.setOption(SOL_SOCKET, SO_REUSEPORT, 1) }
        if address.family == sa_family_t(AF_INET6) {
            try socket.setOption(Int32(IPPROTO_IPV6), IPV6_V6ONLY, host == "::" ? 0 : 1)
        }
        let rc = address.withSockAddr { Glibc.bind(fd, $0, $1) }
        guard rc == 0 else {
            let code = errno
            throw SocketError("bind \(host):\(port)", code: code)
        }
        guard Glibc.listen(fd, backlog) == 0 else { throw SocketError("listen") }
        return socket
    }

    /// Fails when another socket is listening on `host:port` already. The event loops' listeners set
    /// `SO_REUSEPORT`, which lets any process of the same user bind the same port and take a share
    /// of its connections; a bind without it (`SO_REUSEADDR` only, as every listener here has) fails
    /// with EADDRINUSE while any listener holds the port, ours or another server's. So a server probes
    /// before it binds its own (Linux `socket(7)`). Port 0 is never taken.
    public static func checkNotListening(host: String, port: UInt16) throws {
        guard port != 0 else { return }
        let address = try SocketAddress.resolve(host: host, port: port)
        let fd = Glibc.socket(Int32(address.family), Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket") }
        let probe = Socket(adopting: fd)
        try probe.setOption(SOL_SOCKET, SO_REUSEADDR, 1)
        if address.family == sa_family_t(AF_INET6) {
            try probe.setOption(Int32(IPPROTO_IPV6), IPV6_V6ONLY, host == "::" ? 0 : 1)
        }
        let rc = address.withSockAddr { Glibc.bind(fd, $0, $1) }
        let code = errno
        probe.close()
        guard rc == 0 else {
            if code == EADDRINUSE {
                throw SocketError(
                    "bind \(host):\(port)",
                    reason: "another process is already listening on this address and port; stop it, or serve on another port (--port)")
            }
            throw SocketError("bind \(host):\(port)", code: code)
        }
    }

    /// The outcome of `accept4` on a non-blocking listener.
    public enum AcceptResult {
        case accepted(Socket, SocketAddress)
        case wouldBlock
        /// The process or system is out of descriptors (EMFILE/ENFILE), or memory.
        case exhausted(SocketError)
        /// The peer went away before we accepted it; try the next one.
        case aborted
    }

    public func accept() -> AcceptResult {
        guard let fd = usable() else { return .aborted }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        while true {
            let client = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    chronicle_accept4(fd, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
                }
            }
            if client >= 0 { return .accepted(Socket(adopting: client), SocketAddress(storage: storage)) }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .exhausted(SocketError("accept4", code: code))
            default: return .aborted  // ECONNABORTED, EPROTO, EPERM: this peer only
            }
        }
    }

    /// Reads into `buffer`; `.closed` on end of stream or a connection error.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        guard let fd = usable() else { return .closed }
        while true {
            let n = Glibc.recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .closed
            }
        }
    }

    /// Sends without raising SIGPIPE; `.closed` when the peer is gone.
    public func write(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        guard let fd = usable() else { return .closed }
        while true {
            let n = Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return .bytes(n) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .closed
            }
        }
    }

    /// Sends two buffers in one call (sendmsg with two iovecs: a response head and a body kept
    /// elsewhere, without copying them together), without raising SIGPIPE.
    public func write(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> IOResult {
        guard let fd = usable() else { return .closed }
        var pieces = [
            iovec(iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress), iov_len: first.count),
            iovec(iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress), iov_len: second.count),
        ]
        while true {
            let n = pieces.withUnsafeMutableBufferPointer { buffer in
                var message = msghdr()
                message.msg_iov = buffer.baseAddress
                message.msg_iovlen = buffer.count
                return Glibc.sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
            }
            if n >= 0 { return .bytes(n) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .closed
            }
        }
    }

    public func setOption(_ level: Int32, _ name: Int32, _ value: Int32) throws {
        guard let fd = usable() else { throw SocketError("setsockopt(\(name))", code: EBADF) }
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            let code = errno
            throw SocketError("setsockopt(\(name))", code: code)
        }
    }

    /// Disables Nagle: responses are written whole, so coalescing only adds latency.
    public func setNoDelay() { try? setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1) }

    /// The port the socket is bound to (useful after binding port 0).
    public func localPort() throws -> UInt16 {
        guard let fd = usable() else { throw SocketError("getsockname", code: EBADF) }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard rc == 0 else { throw SocketError("getsockname") }
        return SocketAddress(storage: storage).port
    }

    /// Bytes written but not yet acknowledged by the peer (SIOCOUTQ), or nil when unknown. While a
    /// send would block, a falling count means the peer is still reading.
    public func unsentBytes() -> Int? {
        guard let fd = usable() else { return nil }
        var count: Int32 = 0
        guard chronicle_unsent_bytes(fd, &count) == 0 else { return nil }
        return Int(count)
    }

    /// Half-closes the write side, so a peer sees our last response before the connection ends.
    public func shutdownWrite() {
        guard let fd = usable() else { return }
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Gives the descriptor back to the kernel. Idempotent: a second call does nothing.
    public func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    /// The descriptor for an I/O call, or nil (and a trap in debug builds) after close.
    private func usable() -> Int32? {
        assert(descriptor >= 0, "I/O on a closed socket")
        return descriptor >= 0 ? descriptor : nil
    }
}
