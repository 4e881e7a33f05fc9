// Driving one connection: its events, reading, writing (streamed bodies pulled as the socket takes
// them), back-pressure, and the lingering close after a final response; taking requests off the
// input is in EventLoop+Requests.swift. Every event ends in
// `settle`, which derives what epoll should watch from the connection's state (read only while a
// request can be taken, write only while output is blocked) and accounts its queued output.
import ChronicleHTTP
import ChronicleSockets
import Logging

extension EventLoop {
    /// Output queued beyond this stops the loop from answering more pipelined requests on the connection.
    static let outputHighWater = 1 << 20
    /// How much of a streamed body is produced ahead of the socket.
    static let streamBatch = 256 * 1024

    func handle(_ event: EventPoll.Event) {
        let slot = Int(event.token)
        guard slot < connections.count, let connection = connections[slot] else { return }
        if case .handshaking = connection.state {
            continueHandshake(connection)
        } else {
            if wantsRead(connection) && (event.readable || event.hangup || (event.writable && connection.tlsWantsWrite)) {
                receive(connection)
            }
            drive(connection)
            // EPOLLHUP/EPOLLERR are reported whatever the interest: a peer gone both ways that we
            // are not reading from can be told nothing more, and would wake the loop forever.
            if event.hangup, connection.isOpen, !wantsRead(connection) { close(connection) }
        }
        settle(connection)
    }

    /// Drives a TLS handshake as the socket allows; a failure (plain HTTP on the TLS port, an old
    /// protocol version, a bad client hello) closes the connection.
    private func continueHandshake(_ connection: Connection) {
        guard let tls = connection.tls else { return }
        switch tls.handshake() {
        case .complete:
            ServerMetrics.add(context.metrics.tlsHandshakes)
            if tls.sessionReused { ServerMetrics.add(context.metrics.tlsResumedSessions) }
            connection.tlsWantsWrite = false
            connection.state = .open(.head(RequestParser.Progress()))
            receive(connection)  // the client may have sent its request with the handshake's last flight
            drive(connection)
        case .wantRead:
            connection.tlsWantsWrite = false
        case .wantWrite:
            connection.tlsWantsWrite = true
        case .failed(let reason):
            ServerMetrics.add(context.metrics.tlsHandshakeFailures)
            context.logger.debug("TLS handshake failed", metadata: ["remote": "\(connection.remoteAddress)", "reason": "\(reason)"])
            close(connection)
        }
    }

    /// Whether the connection may take more input now. Never while a response streams or the queue
    /// is full (a client cannot grow the server by sending behind a pending response: the bytes
    /// stay in its own socket buffer), never after a final response, always while lingering.
    func wantsRead(_ connection: Connection) -> Bool {
        switch connection.state {
        case .open:
            // Only when every complete request in the buffer is answered (`awaitingInput`): bytes a
            // client sends ahead stay in its own socket buffer, and a FIN is not seen while requests
            // it sent before are still to be answered.
            return !connection.peerClosed && connection.stream == nil && connection.awaitingInput && canAnswerMore(connection)
        case .lingering:
            return true
        case .handshaking, .closing, .closed:
            return false
        }
    }

    /// Room for another response on this connection, and in the server-wide output budget.
    private func canAnswerMore(_ connection: Connection) -> Bool {
        if connection.queuedResponses >= max(1, context.configuration.maxPipelinedRequests) { return false }
        if connection.pendingOutput >= Self.outputHighWater { return false }
        if connection.pendingOutput > 0 && context.queuedOutput.load(ordering: .relaxed) > context.configuration.maxQueuedOutputBytes {
            return false
        }
        return true
    }

    /// One read: appended to the input, discarded while lingering, or the end of the peer's stream.
    private func receive(_ connection: Connection) {
        let result = scratch.withUnsafeMutableBytes { connection.receive(into: $0) }
        switch result {
        case .bytes(let count):
            ServerMetrics.add(context.metrics.bytesIn, count)
            if case .lingering = connection.state { return }
            connection.input.append(contentsOf: scratch[0..<count])
            connection.awaitingInput = false
        case .wouldBlock:
            connection.tlsWantsWrite = connection.tls?.readWantsWrite == true
        case .closed:
            if case .lingering = connection.state {
                close(connection)
            } else {
                connection.peerClosed = true
            }
        }
    }

    /// Answers what can be answered, writes what can be written, and moves the connection on:
    /// to `closing` once nothing more can arrive, to `lingering` once a final response is out.
    func drive(_ connection: Connection) {
        while connection.isOpen {
            if case .open = connection.state { answerBuffered(connection) }
            if connection.peerClosed, case .open = connection.state, connection.stream == nil,
               connection.bufferedInput == 0 || connection.awaitingInput {
                // Whatever is left can never complete: deliver what we owe, then close.
                connection.state = .closing
                connection.discardInput()
            }
            guard flush(connection) else { return }
            switch connection.state {
            case .closing:
                linger(connection)
                return
            case .open:
                if connection.bufferedInput > 0 && !connection.awaitingInput { continue }  // pipelined behind the output
                // TLS may hold decrypted input that epoll cannot see.
                if connection.tls?.hasBufferedInput == true && wantsRead(connection) {
                    receive(connection)
                    continue
                }
                return
            default:
                return
            }
        }
    }

    /// Answers every complete request in the buffer, in order, until the input runs out or the
    /// connection may not queue more output for now.
    private func answerBuffered(_ connection: Connection) {
        while case .open(let phase) = connection.state, connection.stream == nil, !connection.awaitingInput,
              connection.bufferedInput > 0, canAnswerMore(connection) {
            switch phase {
            case .head(let progress): parseHead(connection, progress)
            case .body(let head, let remaining): readBody(connection, head, remaining)
            case .chunked(let head, var decoder): readChunks(connection, head, &decoder)
            }
        }
        connection.compactInput()
    }

    /// Writes queued output (pulling a streamed body as the socket takes it) until everything is
    /// written, the socket is full, or the peer is gone. True when nothing is left to write.
    private func flush(_ connection: Connection) -> Bool {
        var wrote = false
        while connection.isOpen {
            if connection.pendingOutput == 0 {
                // What is written is released before more is produced: a long export never keeps
                // its sent bytes, only the batch in flight.
                connection.output.dropWritten(keepingCapacityUpTo: Self.streamBatch * 2)
                if !pullStream(connection) { break }
            } else {
                // A pipeline that never drains to empty: drop the written front (TLS may retry from a
                // moved buffer: SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER).
                connection.output.dropWritten(keepingCapacityUpTo: Self.streamBatch)
            }
            let result = connection.transmitOutput()
            switch result {
            case .bytes(let count):
                ServerMetrics.add(context.metrics.bytesOut, count)
                connection.output.consume(count)
                connection.writeBlocked = false
                wrote = true
            case .wouldBlock:
                if !connection.writeBlocked {
                    connection.writeBlocked = true
                    connection.stalledSince = MonotonicClock.now()
                    connection.unsentAtStall = connection.socket.unsentBytes() ?? 0
                }
                return false
            case .closed:
                close(connection)
            }
        }
        guard connection.isOpen else { return false }
        connection.output.dropWritten(keepingCapacityUpTo: 1 << 16)
        connection.queuedResponses = 0
        connection.writeBlocked = false
        // The idle timer starts when the last byte is written, and only then: events that write
        // nothing (a TLS record with no data, say) do not keep a silent connection alive.
        if wrote { connection.idleSince = MonotonicClock.now() }
        return true
    }

    /// Appends the next pieces of a streamed body to the output queue; false when there is nothing more.
    private func pullStream(_ connection: Connection) -> Bool {
        guard let stream = connection.stream else { return false }
        let before = connection.output.queuedTotal
        while connection.pendingOutput < Self.streamBatch {
            guard let piece = stream.next() else {
                if connection.streamChunked { connection.output.append(contentsOf: ResponseSerializer.lastChunk) }
                connection.stream = nil
                if var entry = connection.streamEntry {
                    entry.bytes += connection.output.queuedTotal - before
                    logAccess(connection, entry, complete: true)
                    connection.streamEntry = nil
                }
                // A 1.0 stream ends with the connection (it was answered without keep-alive).
                return connection.pendingOutput > 0
            }
            connection.output.append { ResponseSerializer.appendChunk(piece, chunked: connection.streamChunked, into: &$0) }
        }
        connection.streamEntry?.bytes += connection.output.queuedTotal - before
        return true
    }

    /// The final response is written: shut our side and read until the peer closes (or a short
    /// deadline), so the peer reads the response before any reset.
    func linger(_ connection: Connection) {
        if connection.peerClosed {
            close(connection)
            return
        }
        connection.tls?.shutdown()
        connection.socket.shutdownWrite()
        connection.state = .lingering(until: MonotonicClock.now() + min(2000, context.configuration.headerTimeout.milliseconds))
        connection.discardInput()
    }

    /// Brings epoll's interest and the server-wide output budget in line with the connection's state.
    func settle(_ connection: Connection) {
        guard connection.isOpen else { return }
        account(connection)
        var interest: EventPoll.Interest = []
        if case .handshaking = connection.state {
            interest = connection.tlsWantsWrite ? .write : .read
        } else {
            if wantsRead(connection) { interest.insert(.read) }
            if connection.writeBlocked || connection.tlsWantsWrite { interest.insert(.write) }
        }
        guard interest != connection.registered else { return }
        do {
            try poll.modify(connection.socket, token: UInt64(connection.slot), interest: interest)
            connection.registered = interest
        } catch {
            context.logger.error("cannot change what a connection waits for; closing it: \(error)")
            close(connection)
        }
    }

    /// Moves the difference between what the connection's output holds and what it last declared
    /// into the server-wide total: its own storage, and a shared body counted once for all holders.
    func account(_ connection: Connection) {
        let owned = connection.output.ownedHeld
        var delta = owned - connection.accountedOwned
        connection.accountedOwned = owned
        let shared = connection.output.sharedBody
        let id = shared.map(SharedBodies.id(of:))
        if id != connection.accountedShared {
            if let previous = connection.accountedShared { delta -= context.sharedBodies.release(previous) }
            if let shared { delta += context.sharedBodies.hold(shared) }
            connection.accountedShared = id
        }
        guard delta != 0 else { return }
        context.queuedOutput.wrappingAdd(delta, ordering: .relaxed)
    }
}
