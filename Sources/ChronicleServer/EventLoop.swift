// One event loop: a thread, an epoll set, its own SO_REUSEPORT listener and the connections the
// kernel hands it. It never blocks but in epoll_wait, and wakes at least every `tick` to enforce
// deadlines. Another thread talks to it only through the wake eventfd and the shared atomics.
import ChronicleHTTP
import ChronicleSockets
import Logging

#if canImport(Glibc)
import Glibc
#endif

final class EventLoop: @unchecked Sendable {
    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1
    static let tlsListenerToken = UInt64.max - 2

    let context: ServerContext
    let poll: EventPoll
    let wake: EventFD
    var listener: Socket?
    var tlsListener: Socket?
    /// Connections indexed by file descriptor.
    var connections: [Connection?] = []
    var connectionCount = 0
    var scratch = [UInt8](repeating: 0, count: 65536)
    private var reserveFD: Int32 = -1
    private var acceptPausedUntil: Int64 = 0
    private var cachedSecond = -1
    private(set) var date = ""
    let tick: Int64

    init(context: ServerContext, listener: Socket, tlsListener: Socket?) throws {
        self.context = context
        self.poll = try EventPoll()
        self.wake = try EventFD()
        self.listener = listener
        self.tlsListener = tlsListener
        let config = context.configuration
        let shortest = [config.headerTimeout, config.bodyTimeout, config.idleTimeout, config.writeTimeout]
            .map(\.milliseconds).min() ?? 1000
        tick = max(5, min(250, shortest / 4))
        try poll.add(wake.fd, token: Self.wakeToken, interest: .read)
        try poll.add(listener.fd, token: Self.listenerToken, interest: .read)
        if let tlsListener { try poll.add(tlsListener.fd, token: Self.tlsListenerToken, interest: .read) }
        reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    func run() {
        var lastSweep = MonotonicClock.now()
        while true {
            refreshDate()
            poll.wait(timeoutMilliseconds: Int32(tick)) { event in
                switch event.token {
                case Self.listenerToken: acceptConnections(tls: false)
                case Self.tlsListenerToken: acceptConnections(tls: true)
                case Self.wakeToken: wake.drain()
                default: handle(event)
                }
            }
            let now = MonotonicClock.now()
            if context.draining.load(ordering: .acquiring) {
                beginDraining()
                if connectionCount == 0 || now >= context.drainDeadline.load(ordering: .relaxed) { break }
            }
            if now - lastSweep >= tick {
                sweep(now: now)
                lastSweep = now
            }
        }
        for case let connection? in connections { close(connection) }
        for socket in [listener, tlsListener].compactMap({ $0 }) { poll.remove(socket.fd); socket.close() }
        wake.close()
        if reserveFD >= 0 { Glibc.close(reserveFD) }
    }

    private func refreshDate() {
        let second = Int(time(nil))
        if second != cachedSecond {
            cachedSecond = second
            date = HTTPDate.format(second)
        }
    }

    // MARK: Accepting

    private func acceptConnections(tls: Bool) {
        guard let listener = tls ? tlsListener : listener else { return }
        let config = context.configuration
        if acceptPausedUntil > 0 {
            if MonotonicClock.now() < acceptPausedUntil { return }
            acceptPausedUntil = 0
        }
        // A bounded batch per wake-up, so a flood of connections cannot starve the ones we have.
        for _ in 0..<64 {
            switch listener.accept() {
            case .accepted(let socket, let address):
                let open = context.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
                if open > config.maxConnections {
                    context.openConnections.wrappingSubtract(1, ordering: .relaxed)
                    ServerMetrics.add(context.metrics.refusedConnections)
                    // Over TLS a plaintext 503 would be noise to the client: just close.
                    if tls { socket.close() } else { refuse(socket) }
                    continue
                }
                ServerMetrics.add(context.metrics.acceptedConnections)
                register(socket, address: address, tls: tls)
            case .wouldBlock:
                return
            case .aborted:
                continue
            case .exhausted(let error):
                // Out of descriptors: accept with the reserve descriptor and close at once, so the
                // level-triggered listener does not spin and the client learns it now, not at timeout.
                context.logger.warning("accept failed: \(error); shedding a connection")
                if reserveFD >= 0 {
                    Glibc.close(reserveFD)
                    if case .accepted(let socket, _) = listener.accept() { socket.close() }
                    reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
                }
                if reserveFD < 0 { acceptPausedUntil = MonotonicClock.now() + 100 }
                return
            }
        }
    }

    /// Over the connection limit: a best-effort 503 on the fresh socket, then close.
    private func refuse(_ socket: Socket) {
        var out: [UInt8] = []
        var response = Response.problem(.serviceUnavailable, "The server is at its connection limit; retry shortly.")
        response.headerFields[.retryAfter] = "1"
        response.headerFields.append(contentsOf: context.configuration.defaultHeaders)
        ResponseSerializer.serialize(response, omitBody: false, keepAlive: false, requestVersion: .http1_1, date: date, into: &out)
        _ = out.withUnsafeBytes { socket.write($0) }
        socket.shutdownWrite()
        socket.close()
    }

    private func register(_ socket: Socket, address: SocketAddress, tls: Bool) {
        socket.setNoDelay()
        var session: TLSSession?
        if tls {
            guard let tlsContext = context.tls.withLock({ $0 }), let made = try? TLSSession(context: tlsContext, fd: socket.fd) else {
                socket.close()
                context.openConnections.wrappingSubtract(1, ordering: .relaxed)
                return
            }
            session = made
        }
        // The header timeout also bounds a TLS handshake: a slow one is dropped like a slow request.
        let deadline = MonotonicClock.now() + context.configuration.headerTimeout.milliseconds
        let connection = Connection(socket: socket, tls: session, remoteAddress: address.description, readDeadline: deadline)
        let fd = Int(socket.fd)
        if fd >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: max(fd + 1 - connections.count, 256)))
        }
        do {
            try poll.add(socket.fd, token: UInt64(fd), interest: .read)
        } catch {
            context.logger.error("cannot watch a new connection: \(error)")
            socket.close()
            context.openConnections.wrappingSubtract(1, ordering: .relaxed)
            return
        }
        connections[fd] = connection
        connectionCount += 1
    }

    func close(_ connection: Connection) {
        let fd = Int(connection.socket.fd)
        guard fd < connections.count, connections[fd] === connection else { return }
        poll.remove(connection.socket.fd)
        connection.tls?.shutdown()
        connection.socket.close()
        connections[fd] = nil
        connectionCount -= 1
        context.openConnections.wrappingSubtract(1, ordering: .relaxed)
    }

    // MARK: Deadlines and shutdown

    private func sweep(now: Int64) {
        for case let connection? in connections {
            if connection.writeDeadline > 0 && now >= connection.writeDeadline {
                close(connection)  // the peer stopped reading: nothing more can be delivered
            } else if connection.readDeadline > 0 && now >= connection.readDeadline {
                readDeadlinePassed(connection)
            }
        }
    }

    private func readDeadlinePassed(_ connection: Connection) {
        connection.readDeadline = 0
        switch connection.wait {
        case .firstByte, .idle, .linger:
            close(connection)
        case .header, .body:
            // RFC 9110 section 15.5.9: 408 when the client took too long; the connection closes.
            let what = connection.wait == .header ? "header section" : "body"
            fail(connection, HTTPParseError(.requestTimeout, "The request \(what) was not received in time."))
        }
    }

    private var drainingStarted = false

    /// Stops accepting and closes idle connections; busy ones close after their current response.
    private func beginDraining() {
        if !drainingStarted {
            drainingStarted = true
            for socket in [listener, tlsListener].compactMap({ $0 }) {
                poll.remove(socket.fd)
                socket.close()
            }
            listener = nil
            tlsListener = nil
        }
        for case let connection? in connections where connection.isIdle {
            close(connection)
        }
    }
}
