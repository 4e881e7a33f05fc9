// Taking one request off a connection: the head (resumed where the parser stopped), a body by
// length or in chunks, the responder's answer queued in order, and the 400/408 answers for what
// cannot be parsed or waited for. The access log is written here.
import ChronicleHTTP
import ChronicleSockets
import Logging

extension EventLoop {
    func parseHead(_ connection: Connection, _ progress: RequestParser.Progress) {
        if connection.requestStarted == 0 { connection.requestStarted = MonotonicClock.nanoseconds() }
        let limits = context.configuration.limits
        let result = connection.input.withUnsafeBytes {
            RequestParser.parse(UnsafeRawBufferPointer(rebasing: $0[connection.inputStart...]), limits: limits, resuming: progress)
        }
        switch result {
        case .needMore(let progress):
            connection.state = .open(.head(progress))
            connection.awaitingInput = true
        case .invalid(let error):
            fail(connection, error)
        case .complete(let head, let consumed):
            connection.inputStart += consumed
            switch head.framing {
            case .none:
                answer(connection, Request(head: head, remoteAddress: connection.remoteAddress))
            case .length(let length):
                startBody(connection, head)
                connection.state = .open(.body(head, remaining: length))
            case .chunked:
                startBody(connection, head)
                connection.state = .open(.chunked(head, ChunkedDecoder(limits: limits)))
            }
        }
    }

    private func startBody(_ connection: Connection, _ head: RequestHead) {
        connection.bodyStarted = MonotonicClock.now()
        connection.body = []
        connection.awaitingInput = connection.bufferedInput == 0
        // RFC 9110 section 10.1.1: a client waiting on 100-continue gets the interim response
        // unless the body is already on its way.
        if head.expectsContinue && connection.bufferedInput == 0 {
            connection.output.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
        }
    }

    func readBody(_ connection: Connection, _ head: RequestHead, _ remaining: Int) {
        let take = min(remaining, connection.bufferedInput)
        connection.body.append(contentsOf: connection.input[connection.inputStart..<(connection.inputStart + take)])
        connection.inputStart += take
        if take < remaining {
            connection.state = .open(.body(head, remaining: remaining - take))
            connection.awaitingInput = true
            return
        }
        answer(connection, Request(head: head, body: connection.body, remoteAddress: connection.remoteAddress))
    }

    func readChunks(_ connection: Connection, _ head: RequestHead, _ decoder: inout ChunkedDecoder) {
        do {
            let progress = try connection.input.withUnsafeBytes {
                try decoder.decode(UnsafeRawBufferPointer(rebasing: $0[connection.inputStart...]), into: &connection.body)
            }
            switch progress {
            case .needMore:
                connection.inputStart = connection.input.count
                connection.state = .open(.chunked(head, decoder))
                connection.awaitingInput = true
            case .done(let consumed):
                connection.inputStart += consumed
                answer(connection, Request(
                    head: head, body: connection.body, trailers: decoder.trailers, remoteAddress: connection.remoteAddress))
            }
        } catch let error as HTTPParseError {
            fail(connection, error)
        } catch {
            fail(connection, HTTPParseError(.badRequest, "\(error)"))
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
        let before = connection.output.queuedTotal
        var bodyFollows = false
        connection.output.append { out in
            bodyFollows = ResponseSerializer.serializeHead(
                response, omitBody: request.method == .head, keepAlive: keepAlive,
                requestVersion: request.head.version, date: date, into: &out)
        }
        if bodyFollows { connection.output.appendBody(response.body, share: connection.tls == nil) }
        connection.queuedResponses += 1
        connection.servedRequests += 1
        let entry = AccessEntry(
            method: request.method.rawValue, path: request.head.rawTarget, status: response.status.code,
            requestID: response.headerFields[.requestID], started: connection.requestStarted,
            bytes: connection.output.queuedTotal - before)
        connection.requestStarted = 0
        connection.body = []
        if streamed {
            connection.stream = response.stream
            connection.streamChunked = request.head.version == .http1_1
            connection.streamEntry = entry
        } else {
            logAccess(connection, entry, complete: true)
        }
        if keepAlive {
            connection.state = .open(.head(RequestParser.Progress()))
            connection.awaitingInput = connection.bufferedInput == 0
        } else {
            connection.state = .closing
            connection.discardInput()
        }
    }

    /// Formats the request's line into this loop's buffer; `handOverAccessLines` passes the lines to
    /// the writer once per loop iteration. A streamed body cut short (the peer went away, a timeout,
    /// the drain deadline) says "incomplete".
    func logAccess(_ connection: Connection, _ entry: AccessEntry, complete: Bool) {
        guard context.accessLog != nil else { return }
        let micros = entry.started > 0 ? (MonotonicClock.nanoseconds() - entry.started) / 1000 : 0
        accessLine.append(entry, micros: micros, remote: connection.remoteText, complete: complete, into: &accessBuffer)
        accessLines += 1
        if accessBuffer.count >= Self.accessBatchBytes { handOverAccessLines() }
    }

    /// Gives this loop's formatted lines to the writer (it never waits: a full queue drops them).
    func handOverAccessLines() {
        guard accessLines > 0, let log = context.accessLog else { return }
        // An exact-size copy: the queue's bound counts what batches hold, not spare capacity,
        // and this loop keeps its buffer.
        log.submit(Array(accessBuffer), lines: accessLines)
        accessBuffer.removeAll(keepingCapacity: true)
        accessLines = 0
    }

    /// Answers a request we could not parse or wait for, then closes: after a framing error
    /// nothing else on the connection can be trusted (RFC 9112 section 9.3).
    func fail(_ connection: Connection, _ error: HTTPParseError) {
        guard case .open = connection.state else { return }
        context.metrics.countRejection(status: error.status.code)
        var response = Response.problem(error.status, error.reason)
        response.headerFields.append(contentsOf: context.configuration.defaultHeaders)
        connection.output.append { out in
            ResponseSerializer.serialize(
                response, omitBody: false, keepAlive: false, requestVersion: .http1_1, date: date, into: &out)
        }
        connection.queuedResponses += 1
        connection.state = .closing
        connection.discardInput()
        // At debug, as nginx keeps client protocol errors below its default level: what a client
        // can make the server log at will is counted in /metrics (by status), not written out.
        context.logger.debug("rejected request", metadata: [
            "status": .stringConvertible(error.status.code), "reason": "\(error.reason)", "remote": "\(connection.remoteAddress)",
        ])
    }
}
