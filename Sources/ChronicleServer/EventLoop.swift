// One event loop: a thread, an epoll set, its own SO_REUSEPORT listener and the connections the
// kernel hands it. It never blocks but in epoll_wait, and wakes at least every `tick` to enforce
// deadlines. Another thread talks to it only through the wake eventfd and the shared atomics.
// Connections are indexed by the descriptor number they had when accepted; a slot is emptied by the
// same `close` that gives the descriptor back, so a stale index can never reach a new connection.
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
    var connections: [Connection?] = []
    var connectionCount = 0
    var scratch = [UInt8](repeating: 0, count: 65536)
    /// A spare descriptor, given up to accept-and-close one connection when the process runs out.
    private var reserveFD: Int32 = -1
    /// Accepting is paused (listeners unwatched) until then, after running out of descriptors.
    private var acceptPausedUntil: Int64 = 0
    /// Connections shed for lack of descriptors since the last warning (one warning a second at most).
    private var shedSinceWarning = 0
    private var lastShedWarning: Int64 = 0
    private var cachedSecond = -1
    private(set) var date = ""
    let tick: Int64
    private var drainingStarted = false
    /// Access lines formatted during this iteration, handed to the writer at its end.
    var accessLine: AccessLine
    var accessBuffer: [UInt8] = []
    var accessLines = 0
    static let accessBatchBytes = 64 << 10

    init(context: ServerContext, listener: Socket, tlsListener: Socket?) throws {
        self.context = context
        self.poll = try EventPoll()
        self.wake = try EventFD()
        self.listener = listener
        self.tlsListener = tlsListener
        accessLine = AccessLine(format: context.configuration.accessLogFormat, label: context.logger.label)
        let config = context.configuration
        let shortest = [config.headerTimeout, config.bodyTimeout, config.idleTimeout, config.writeTimeout]
            .map(\.milliseconds).min() ?? 1000
        tick = max(5, min(250, shortest / 4))
        try poll.add(wake, token: Self.wakeToken)
        try poll.add(listener, token: Self.listenerToken, interest: .read)
        if let tlsListener { try poll.add(tlsListener, token: Self.tlsListenerToken, interest: .read) }
        reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    deinit {
        if reserveFD >= 0 { Glibc.close(reserveFD) }
    }

    func run() {
        var lastSweep = MonotonicClock.now()
        while true {
            refreshDate()
            do {
                try poll.wait(timeoutMilliseconds: Int32(tick)) { event in
                    switch event.token {
                    case Self.listenerToken: acceptConnections(tls: false)
                    case Self.tlsListenerToken: acceptConnections(tls: true)
                    case Self.wakeToken: wake.drain()
                    default: handle(event)
                    }
                }
            } catch {
                // A broken epoll set cannot recover; stopping beats spinning on the error.
                context.logger.critical("event loop stopped: \(error)")
                break
            }
            handOverAccessLines()
            let now = MonotonicClock.now()
            if context.draining.load(ordering: .acquiring) {
                beginDraining()
                if connectionCount == 0 || now >= context.drainDeadline.load(ordering: .relaxed) { break }
            }
            if acceptPausedUntil > 0 && now >= acceptPausedUntil { resumeAccepting() }
            if now - lastSweep >= tick {
                sweep(now: now)
                lastSweep = now
            }
        }
        for case let connection? in connections { close(connection) }
        handOverAccessLines()
        closeListeners()
        if reserveFD >= 0 {
            Glibc.close(reserveFD)
            reserveFD = -1
        }
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
        guard let listener = tls ? tlsListener : listener, acceptPausedUntil == 0 else { return }
        let config = context.configuration
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
                shed(listener, error)
                return
            }
        }
    }

    /// Out of descriptors: accept with the reserve descriptor and close at once, so the client learns
    /// it now rather than at its timeout; without a reserve, stop watching the listeners for a while
    /// (a level-triggered listener left in the set would wake the loop in a busy loop).
    private func shed(_ listener: Socket, _ error: SocketError) {
        shedSinceWarning += 1
        let now = MonotonicClock.now()
        if now - lastShedWarning >= 1000 {
            context.logger.warning("out of descriptors: shedding connections", metadata: [
                "error": "\(error)", "shed": "\(shedSinceWarning)",
            ])
            lastShedWarning = now
            shedSinceWarning = 0
        }
        if reserveFD >= 0 {
            Glibc.close(reserveFD)
            if case .accepted(let socket, _) = listener.accept() { socket.close() }
            reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
        if reserveFD < 0 {
            acceptPausedUntil = now + 100
            for socket in [self.listener, tlsListener].compactMap({ $0 }) {
                try? poll.modify(socket, token: 0, interest: [])
            }
        }
    }

    private func resumeAccepting() {
        acceptPausedUntil = 0
        if reserveFD < 0 { reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC) }
        if let listener { try? poll.modify(listener, token: Self.listenerToken, interest: .read) }
        if let tlsListener { try? poll.modify(tlsListener, token: Self.tlsListenerToken, interest: .read) }
    }

    /// Over the connection limit: a best-effort 503 on the fresh socket, then close. What the client
    /// already sent is read first, so the close does not reset the 503 before the client reads it.
    private func refuse(_ socket: Socket) {
        var out: [UInt8] = []
        var response = Response.problem(.serviceUnavailable, "The server is at its connection limit; retry shortly.")
        response.headerFields[.retryAfter] = "1"
        response.headerFields.append(contentsOf: context.configuration.defaultHeaders)
        ResponseSerializer.serialize(response, omitBody: false, keepAlive: false, requestVersion: .http1_1, date: date, into: &out)
        _ = out.withUnsafeBytes { socket.write($0) }
        socket.shutdownWrite()
        _ = scratch.withUnsafeMutableBytes { socket.read(into: $0) }
        socket.close()
    }

    private func register(_ socket: Socket, address: SocketAddress, tls: Bool) {
        guard let slot = socket.rawDescriptor.map(Int.init) else { return }
        socket.setNoDelay()
        var session: TLSSession?
        if tls {
            guard let tlsContext = context.tls.withLock({ $0 }), let made = try? TLSSession(context: tlsContext, socket: socket) else {
                socket.close()
                context.openConnections.wrappingSubtract(1, ordering: .relaxed)
                return
            }
            session = made
        }
        let connection = Connection(
            socket: socket, tls: session, slot: slot, remoteAddress: address.description, now: MonotonicClock.now())
        if slot >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: max(slot + 1 - connections.count, 256)))
        }
        do {
            try poll.add(socket, token: UInt64(slot), interest: .read)
        } catch {
            context.logger.error("cannot watch a new connection: \(error)")
            socket.close()
            context.openConnections.wrappingSubtract(1, ordering: .relaxed)
            return
        }
        connections[slot] = connection
        connectionCount += 1
    }

    /// The one transition into `closed`: unwatch, give the descriptor back, release the output budget.
    func close(_ connection: Connection) {
        guard connection.isOpen, connections[connection.slot] === connection else { return }
        poll.remove(connection.socket)
        if case .lingering = connection.state {} else { connection.tls?.shutdown() }
        connection.socket.close()
        connection.state = .closed
        if let entry = connection.streamEntry {
            logAccess(connection, entry, complete: false)
            connection.streamEntry = nil
        }
        connection.stream = nil
        connection.output = OutputBuffer()
        connection.input = []
        connection.inputStart = 0
        account(connection)
        connections[connection.slot] = nil
        connectionCount -= 1
        context.openConnections.wrappingSubtract(1, ordering: .relaxed)
    }

    private func closeListeners() {
        for socket in [listener, tlsListener].compactMap({ $0 }) {
            poll.remove(socket)
            socket.close()
        }
        listener = nil
        tlsListener = nil
    }

    // MARK: Deadlines, the output budget and shutdown

    private func sweep(now: Int64) {
        for case let connection? in connections {
            guard let (deadline, expiry) = deadline(of: connection), now >= deadline else { continue }
            switch expiry {
            case .drop where connection.writeBlocked && peerIsReading(connection, now: now):
                continue
            case .drop:
                close(connection)
            case .requestTimeout(let what):
                // RFC 9110 section 15.5.9: 408 when the client took too long; the connection closes.
                fail(connection, HTTPParseError(.requestTimeout, "The request \(what) was not received in time."))
                drive(connection)
                settle(connection)
            }
        }
        enforceOutputBudget()
    }

    enum Expiry {
        /// Close without a word: the peer is silent, idle, or not reading what it asked for.
        case drop
        /// Answer 408, then close.
        case requestTimeout(String)
    }

    /// The one timer that runs in the connection's state, and what its passing means. While output
    /// is pending only the write timeout applies: a steady reader of a long export is never cut by
    /// the idle timer, which starts when the last byte is written.
    func deadline(of connection: Connection) -> (Int64, Expiry)? {
        let config = context.configuration
        switch connection.state {
        case .closed:
            return nil
        case .handshaking:
            // The header timeout also bounds a TLS handshake: a slow one is dropped like a slow request.
            return (connection.acceptedAt + config.headerTimeout.milliseconds, .drop)
        case .lingering(let until):
            return (until, .drop)
        case .closing, .open:
            if connection.writeBlocked { return (connection.stalledSince + config.writeTimeout.milliseconds, .drop) }
            if connection.pendingOutput > 0 || connection.stream != nil { return nil }
            guard case .open(let phase) = connection.state else { return nil }
            switch phase {
            case .head where connection.bufferedInput == 0:
                // A fresh connection must start its first request within the header timeout.
                let limit = connection.servedRequests == 0 ? config.headerTimeout : config.idleTimeout
                return (connection.idleSince + limit.milliseconds, .drop)
            case .head:
                let started = connection.requestStarted > 0 ? connection.requestStarted / 1_000_000 : connection.idleSince
                return (started + config.headerTimeout.milliseconds, .requestTimeout("header section"))
            case .body, .chunked:
                return (connection.bodyStarted + config.bodyTimeout.milliseconds, .requestTimeout("body"))
            }
        }
    }

    /// A blocked writer whose peer acknowledged bytes since the stall began is making progress: its
    /// write timeout starts again.
    private func peerIsReading(_ connection: Connection, now: Int64) -> Bool {
        guard let unsent = connection.socket.unsentBytes(), unsent < connection.unsentAtStall else { return false }
        connection.unsentAtStall = unsent
        connection.stalledSince = now
        return true
    }

    /// Past the server-wide budget for queued output, the connections whose peers have stopped
    /// reading longest are dropped until the total is within the budget again (each loop drops its
    /// own; connections that hold output have stopped reading new requests meanwhile).
    private func enforceOutputBudget() {
        let budget = context.configuration.maxQueuedOutputBytes
        guard context.queuedOutput.load(ordering: .relaxed) > budget else { return }
        // Only peers stalled for a while: a fast reader that met a full socket a moment ago is not dropped.
        let now = MonotonicClock.now()
        let minimumStall = min(1000, context.configuration.writeTimeout.milliseconds)
        let stalled = connections.compactMap { $0 }.filter { $0.writeBlocked && now - $0.stalledSince >= minimumStall }
            .sorted { $0.stalledSince < $1.stalledSince }
        for connection in stalled {
            guard context.queuedOutput.load(ordering: .relaxed) > budget else { break }
            context.logger.warning("output budget exceeded: dropping a connection that is not reading", metadata: [
                "remote": "\(connection.remoteAddress)", "queued_bytes": "\(connection.pendingOutput)",
            ])
            ServerMetrics.add(context.metrics.budgetDrops)
            close(connection)
        }
    }

    /// Stops accepting and closes idle connections; busy ones close after their current response.
    private func beginDraining() {
        if !drainingStarted {
            drainingStarted = true
            closeListeners()
        }
        // A lingering close: a client's next request, unread in the kernel, must not turn the close
        // into a reset that discards the end of the response it is still reading.
        for case let connection? in connections where connection.isIdle {
            if case .handshaking = connection.state { close(connection) } else { linger(connection); settle(connection) }
        }
    }
}
