import ChronicleHTTP
import ChronicleSockets

/// One client connection, owned by exactly one event loop and touched only on its thread.
///
/// Its life is one state machine (drawn in ARCHITECTURE.md); `EventLoop` makes every transition:
///
///     handshaking ──▶ open ──▶ closing ──▶ lingering ──▶ closed
///          │            │         │            │
///          └────────────┴─────────┴────────────┴──────▶ closed   (timeout, reset, drain)
///
/// `closed` is final: the socket is given back to the kernel by the same transition, and every
/// operation of the loop checks `isOpen` first, so nothing is read from or written to a descriptor
/// number that may belong to another client by then. What the loop may do in each state (read,
/// answer, write) and which timer runs are derived from the state and the observations kept beside
/// it (buffered bytes, end-of-stream, a blocked write, what TLS asks for), never stored as
/// permissions; none of those observations is a phase of the connection's life (ARCHITECTURE.md).
final class Connection {
    enum State {
        /// TLS handshake in progress (HTTPS only).
        case handshaking
        /// Reading and answering requests; responses may be queued or streaming meanwhile (pipelining).
        case open(RequestPhase)
        /// A final response is queued: nothing more is read or answered. Lingers once it is written.
        case closing
        /// The final response is written and the write side shut; input is read and discarded until
        /// the peer closes or `until` passes, so a close never resets a response the peer has not read.
        case lingering(until: Int64)
        /// The descriptor is given back. No transition leaves this state.
        case closed
    }

    /// Where the connection is in reading the current request.
    enum RequestPhase {
        /// Waiting for (the rest of) a request head; the parser resumes where it stopped.
        case head(RequestParser.Progress)
        /// Reading a Content-Length body.
        case body(RequestHead, remaining: Int)
        /// Reading a chunked body.
        case chunked(RequestHead, ChunkedDecoder)
    }

    let socket: Socket
    /// Present on HTTPS connections: reads and writes go through it.
    let tls: TLSSession?
    /// This connection's index in its loop's table (the descriptor number when it was accepted);
    /// an index only, never used for I/O.
    let slot: Int
    let remoteAddress: String
    /// The same, as the access log writes it.
    let remoteText: [UInt8]
    var state: State

    var input: [UInt8] = []
    var inputStart = 0
    /// The buffered input holds no complete request (or body piece): wait for more bytes.
    var awaitingInput = true
    /// The peer sent end-of-stream (or reset): nothing more will arrive.
    var peerClosed = false
    var body: [UInt8] = []

    var output = OutputBuffer()
    /// Responses in `output` not yet fully written: the pipelining depth.
    var queuedResponses = 0
    /// The body being streamed, and whether it is chunked (1.1) or ends with the connection (1.0).
    var stream: ResponseStream?
    var streamChunked = true
    /// The access-log entry of the streamed response, written when the stream ends.
    var streamEntry: AccessEntry?
    /// Owned output storage counted in the server-wide budget, and the shared body it holds there.
    var accountedOwned = 0
    var accountedShared: UInt?

    /// The last write could not complete: the loop waits for EPOLLOUT, and `stalledSince` starts the
    /// write timeout ("no progress"), the only timer while output is pending.
    var writeBlocked = false
    var stalledSince: Int64 = 0
    /// The kernel's unacknowledged byte count when the stall was last measured: a peer that reads
    /// slowly never lets the socket become writable within the timeout (the kernel waits for a third
    /// of a multi-megabyte send buffer to drain), but it acknowledges bytes, and that is progress.
    var unsentAtStall = 0
    /// TLS: the handshake, or a read, needs the socket writable first.
    var tlsWantsWrite = false
    /// What epoll currently watches for.
    var registered: EventPoll.Interest = .read

    let acceptedAt: Int64
    /// When the last byte of the last response was written (or the connection accepted): the idle timer.
    var idleSince: Int64
    /// When the current request's first byte was parsed, in nanoseconds (0: no request begun).
    var requestStarted: Int64 = 0
    var bodyStarted: Int64 = 0
    var servedRequests = 0

    init(socket: Socket, tls: TLSSession?, slot: Int, remoteAddress: String, now: Int64) {
        self.socket = socket
        self.tls = tls
        self.slot = slot
        self.remoteAddress = remoteAddress
        self.remoteText = Array(remoteAddress.utf8)
        self.state = tls == nil ? .open(.head(RequestParser.Progress())) : .handshaking
        self.acceptedAt = now
        self.idleSince = now
    }

    var isOpen: Bool {
        if case .closed = state { return false }
        return true
    }

    var bufferedInput: Int { input.count - inputStart }
    var pendingOutput: Int { output.pending }

    /// Reads from the socket, or through TLS.
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> Socket.IOResult {
        tls?.read(into: buffer) ?? socket.read(into: buffer)
    }

    /// Writes what `output` holds: head and shared body in one gathered write on a plain socket;
    /// through TLS, the first piece (a TLS record copies anyway, and a retried write must start
    /// with the same bytes).
    func transmitOutput() -> Socket.IOResult {
        output.withPending { owned, body in
            if let tls { return tls.write(owned.isEmpty ? body : owned) }
            if body.isEmpty { return socket.write(owned) }
            if owned.isEmpty { return socket.write(body) }
            return socket.write(owned, body)
        }
    }

    /// Nothing received, nothing to send, no request in progress: safe to close when draining.
    var isIdle: Bool {
        switch state {
        case .handshaking: return true
        case .open(.head): return bufferedInput == 0 && pendingOutput == 0 && stream == nil
        default: return false
        }
    }

    /// Drops consumed input so the buffer does not grow with a long-lived connection.
    func compactInput() {
        if inputStart == input.count {
            input.removeAll(keepingCapacity: input.capacity <= 65536)
            inputStart = 0
        } else if inputStart > 32768 {
            input.removeFirst(inputStart)
            inputStart = 0
        }
    }

    /// Forgets unread input: after a final response nothing else on the connection is answered.
    func discardInput() {
        input = []
        inputStart = 0
        awaitingInput = true
    }
}

/// An access-log line waiting for its streamed body to end.
struct AccessEntry {
    let method: String
    let path: String
    let status: Int
    let requestID: String?
    let started: Int64
    var bytes: Int
}
