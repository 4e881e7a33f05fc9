// Reading, parsing, answering and writing one connection: keep-alive, pipelining with responses in
// order, back-pressure on slow readers, and the lingering close after a final response.
import ChronicleHTTP
import ChronicleSockets
import Logging

extension EventLoop {
    /// Output queued beyond this stops the loop from answering more pipelined requests on the connection.
    static let outputHighWater = 1 << 20

    func handle(_ event: EventPoll.Event) {
        let fd = Int(event.token)
        guard fd < connections.count, let connection = connections[fd] else { return }
        if let tls = connection.tls, !tls.handshakeComplete {
            continueHandshake(connection, tls)
            return
        }
        if event.writable { flush(connection) }
        guard connections[fd] === connection else { return }
        if event.readable || event.hangup || (event.writable && connection.tls?.readWantsWrite == true) { read(connection) }
    }

    /// Drives a TLS handshake as the socket allows; a failure (plain HTTP on the TLS port, an old
    /// protocol version, a bad client hello) closes the connection.
    private func continueHandshake(_ connection: Connection, _ tls: TLSSession) {
        switch tls.handshake() {
        case .complete:
            ServerMetrics.add(context.metrics.tlsHandshakes)
            if tls.sessionReused { ServerMetrics.add(context.metrics.tlsResumedSessions) }
            setWriteInterest(connection, false)
            read(connection)  // the client may have sent its request with the handshake's last flight
        case .wantRead:
            setWriteInterest(connection, false)
        case .wantWrite:
            setWriteInterest(connection, true)
        case .failed(let reason):
            ServerMetrics.add(context.metrics.tlsHandshakeFailures)
            context.logger.debug("TLS handshake failed", metadata: ["remote": "\(connection.remoteAddress)", "reason": "\(reason)"])
            close(connection)
        }
    }

    private func read(_ connection: Connection) {
        let result = scratch.withUnsafeMutableBytes { connection.receive(into: $0) }
        switch result {
        case .bytes(let count):
            ServerMetrics.add(context.metrics.bytesIn, count)
            if case .lingering = connection.phase { return }  // discarded
            connection.input.append(contentsOf: scratch[0..<count])
            process(connection)
            // TLS may hold more decrypted input than epoll can see.
            if connection.tls?.hasBufferedInput == true, !connection.readingPaused,
               connections[Int(connection.socket.fd)] === connection {
                read(connection)
            }
        case .wouldBlock:
            if connection.tls?.readWantsWrite == true { setWriteInterest(connection, true) }
            return
        case .closed:
            if case .lingering = connection.phase { close(connection); return }
            connection.peerClosed = true
            process(connection)
            // Whatever is left can never complete; deliver what we owe, then close.
            if connections[Int(connection.socket.fd)] === connection {
                connection.closeAfterFlush = true
                setReadInterest(connection, false)
                flush(connection)
            }
        }
    }

    /// Answers every complete request in the buffer, in order, until the input runs out or
    /// the connection has enough queued output for now.
    func process(_ connection: Connection) {
        let config = context.configuration
        while !connection.closeAfterFlush && connection.stream == nil {
            if connection.queuedResponses >= config.maxPipelinedRequests || connection.pendingOutput >= Self.outputHighWater {
                setReadInterest(connection, false)  // resumed by flush once the peer catches up
                break
            }
            let progressed: Bool
            switch connection.phase {
            case .head: progressed = parseHead(connection)
            case .body(let head, let remaining): progressed = readBody(connection, head, remaining)
            case .chunked(let head, var decoder): progressed = readChunks(connection, head, &decoder)
            case .lingering: progressed = false
            }
            if !progressed { break }
        }
        connection.compactInput()
        flush(connection)
    }

    private func parseHead(_ connection: Connection) -> Bool {
        guard connection.bufferedInput > 0 else { return false }
        if connection.wait != .header {
            connection.wait = .header
            connection.readDeadline = MonotonicClock.now() + context.configuration.headerTimeout.milliseconds
            connection.requestStarted = MonotonicClock.nanoseconds()
        }
        let limits = context.configuration.limits
        let result = connection.input.withUnsafeBytes {
            RequestParser.parse(UnsafeRawBufferPointer(rebasing: $0[connection.inputStart...]), limits: limits)
        }
        switch result {
        case .needMore:
            return false
        case .invalid(let error):
            fail(connection, error)
            return false
        case .complete(let head, let consumed):
            connection.inputStart += consumed
            switch head.framing {
            case .none:
                answer(connection, Request(head: head, remoteAddress: connection.remoteAddress))
            case .length(let length):
                startBody(connection, head)
                connection.phase = .body(head, remaining: length)
            case .chunked:
                startBody(connection, head)
                connection.phase = .chunked(head, ChunkedDecoder(limits: limits))
            }
            return true
        }
    }

    private func startBody(_ connection: Connection, _ head: RequestHead) {
        connection.wait = .body
        connection.readDeadline = MonotonicClock.now() + context.configuration.bodyTimeout.milliseconds
        connection.body = []
        // RFC 9110 section 10.1.1: a client waiting on 100-continue gets the interim response
        // unless the body is already on its way.
        if head.expectsContinue && connection.bufferedInput == 0 {
            connection.output.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
        }
    }

    private func readBody(_ connection: Connection, _ head: RequestHead, _ remaining: Int) -> Bool {
        let take = min(remaining, connection.bufferedInput)
        guard take > 0 else { return false }
        connection.body.append(contentsOf: connection.input[connection.inputStart..<(connection.inputStart + take)])
        connection.inputStart += take
        if take < remaining {
            connection.phase = .body(head, remaining: remaining - take)
            return false
        }
        answer(connection, Request(head: head, body: connection.body, remoteAddress: connection.remoteAddress))
        return true
    }

    private func readChunks(_ connection: Connection, _ head: RequestHead, _ decoder: inout ChunkedDecoder) -> Bool {
        guard connection.bufferedInput > 0 else { return false }
        do {
            let progress = try connection.input.withUnsafeBytes {
                try decoder.decode(UnsafeRawBufferPointer(rebasing: $0[connection.inputStart...]), into: &connection.body)
            }
            switch progress {
            case .needMore:
                connection.inputStart = connection.input.count
                connection.phase = .chunked(head, decoder)
                return false
            case .done(let consumed):
                connection.inputStart += consumed
                answer(connection, Request(
                    head: head, body: connection.body, trailers: decoder.trailers, remoteAddress: connection.remoteAddress))
                return true
            }
        } catch let error as HTTPParseError {
            fail(connection, error)
            return false
        } catch {
            fail(connection, HTTPParseError(.badRequest, "\(error)"))
            return false
        }
    }

    /// Calls the responder and queues the response; the connection stays open if both sides want it.
    private func answer(_ connection: Connection, _ request: Request) {
        var response = context.responder.respond(to: request)
        response.headerFields.append(contentsOf: context.configuration.defaultHeaders)
        let draining = context.draining.load(ordering: .relaxed)
        let streamed = response.stream != nil && request.method != .head
        // A 1.0 client cannot read chunks: the streamed body ends when the connection does.
        let keepAlive = request.head.keepAlive && !draining && !connection.peerClosed
            && !(streamed && request.head.version == .http1_0)
        let before = connection.output.count
        ResponseSerializer.serialize(
            response, omitBody: request.method == .head, keepAlive: keepAlive,
            requestVersion: request.head.version, date: date, into: &connection.output)
        connection.queuedResponses += 1
        if streamed {
            connection.stream = response.stream
            connection.streamChunked = request.head.version == .http1_1
        }
        connection.phase = .head
        connection.body = []
        connection.wait = .idle
        connection.readDeadline = MonotonicClock.now() + context.configuration.idleTimeout.milliseconds
        if !keepAlive { connection.closeAfterFlush = true }
        if context.configuration.accessLog {
            logAccess(connection, request, response, bytes: connection.output.count - before)
        }
    }

    private func logAccess(_ connection: Connection, _ request: Request, _ response: Response, bytes: Int) {
        let micros = (MonotonicClock.nanoseconds() - connection.requestStarted) / 1000
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)", "path": "\(request.head.rawTarget)",
            "status": "\(response.status.code)", "bytes": "\(bytes)", "duration_us": "\(micros)",
            "remote": "\(connection.remoteAddress)",
        ]
        if let id = response.headerFields[.requestID] { metadata["request_id"] = "\(id)" }
        context.logger.info("request", metadata: metadata)
    }

    /// Answers a request we could not parse or wait for, then closes: after a framing error
    /// nothing else on the connection can be trusted (RFC 9112 section 9.3).
    func fail(_ connection: Connection, _ error: HTTPParseError) {
        ServerMetrics.add(context.metrics.rejectedRequests)
        var response = Response.problem(error.status, error.reason)
        response.headerFields.append(contentsOf: context.configuration.defaultHeaders)
        if error.status == .httpVersionNotSupported { response.headerFields[.connection] = "close" }
        ResponseSerializer.serialize(
            response, omitBody: false, keepAlive: false, requestVersion: .http1_1, date: date, into: &connection.output)
        connection.queuedResponses += 1
        connection.closeAfterFlush = true
        connection.inputStart = connection.input.count
        if context.configuration.accessLog {
            context.logger.info("rejected request", metadata: [
                "status": "\(error.status.code)", "reason": "\(error.reason)", "remote": "\(connection.remoteAddress)",
            ])
        }
        flush(connection)
    }

    /// Writes queued output until done or the socket is full; then waits for EPOLLOUT.
    func flush(_ connection: Connection) {
        while connection.pendingOutput > 0 || pullStream(connection) {
            let result = connection.output.withUnsafeBytes {
                connection.transmit(UnsafeRawBufferPointer(rebasing: $0[connection.outputStart...]))
            }
            switch result {
            case .bytes(let count):
                ServerMetrics.add(context.metrics.bytesOut, count)
                connection.outputStart += count
                connection.writeDeadline = MonotonicClock.now() + context.configuration.writeTimeout.milliseconds
            case .wouldBlock:
                if connection.writeDeadline == 0 {
                    connection.writeDeadline = MonotonicClock.now() + context.configuration.writeTimeout.milliseconds
                }
                setWriteInterest(connection, true)
                return
            case .closed:
                close(connection)
                return
            }
        }
        connection.output.removeAll(keepingCapacity: connection.output.capacity <= (1 << 16))
        connection.outputStart = 0
        connection.writeDeadline = 0
        connection.queuedResponses = 0
        setWriteInterest(connection, false)
        if connection.closeAfterFlush {
            linger(connection)
        } else if connection.readingPaused || connection.streamEnded {
            // Requests that arrived behind a long or streamed response are answered now.
            connection.streamEnded = false
            setReadInterest(connection, true)
            process(connection)
            if connection.tls?.hasBufferedInput == true, connections[Int(connection.socket.fd)] === connection {
                read(connection)
            }
        }
    }

    /// Appends the next pieces of a streamed body to the output queue; false when there is nothing more.
    private func pullStream(_ connection: Connection) -> Bool {
        guard let stream = connection.stream else { return false }
        var appended = false
        while connection.pendingOutput < Self.streamBatch {
            guard let piece = stream.next() else {
                if connection.streamChunked { connection.output.append(contentsOf: ResponseSerializer.lastChunk) }
                connection.stream = nil
                connection.streamEnded = true
                return true
            }
            ResponseSerializer.appendChunk(piece, chunked: connection.streamChunked, into: &connection.output)
            appended = appended || !piece.isEmpty
        }
        return appended || connection.pendingOutput > 0
    }

    /// How much of a streamed body is produced ahead of the socket.
    static let streamBatch = 256 * 1024

    private func linger(_ connection: Connection) {
        if case .lingering = connection.phase { return }
        if connection.peerClosed { close(connection); return }
        connection.phase = .lingering
        connection.tls?.shutdown()
        connection.socket.shutdownWrite()
        connection.wait = .linger
        connection.readDeadline = MonotonicClock.now() + min(2000, context.configuration.headerTimeout.milliseconds)
        connection.input = []
        connection.inputStart = 0
        setReadInterest(connection, true)
    }

    private func setReadInterest(_ connection: Connection, _ on: Bool) {
        guard connection.readingPaused == on else { return }
        connection.readingPaused = !on
        updateInterest(connection)
    }

    func setWriteInterest(_ connection: Connection, _ on: Bool) {
        guard connection.writeInterest != on else { return }
        connection.writeInterest = on
        updateInterest(connection)
    }

    private func updateInterest(_ connection: Connection) {
        var interest: EventPoll.Interest = []
        if !connection.readingPaused { interest.insert(.read) }
        if connection.writeInterest { interest.insert(.write) }
        try? poll.modify(connection.socket.fd, token: UInt64(connection.socket.fd), interest: interest)
    }
}
