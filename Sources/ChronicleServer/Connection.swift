import ChronicleHTTP
import ChronicleSockets

/// One client connection's state, owned by exactly one event loop and touched only on its thread.
final class Connection {
    enum Phase {
        /// Waiting for (the rest of) a request head.
        case head
        /// Reading a Content-Length body.
        case body(RequestHead, remaining: Int)
        /// Reading a chunked body.
        case chunked(RequestHead, ChunkedDecoder)
        /// Our last response is written and the write side shut; reading and discarding until the peer closes,
        /// so a close never resets a response the peer has not read yet (the "lingering close").
        case lingering
    }

    /// What the read deadline, when it passes, means.
    enum Wait {
        case firstByte, header, body, idle, linger
    }

    let socket: Socket
    /// Present on HTTPS connections: reads and writes go through it.
    let tls: TLSSession?
    let remoteAddress: String
    var phase = Phase.head
    var input: [UInt8] = []
    var inputStart = 0
    var output: [UInt8] = []
    var outputStart = 0
    var body: [UInt8] = []
    /// Responses in `output` not yet fully written: the pipelining depth.
    var queuedResponses = 0
    var closeAfterFlush = false
    var peerClosed = false
    var readingPaused = false
    var writeInterest = false
    var wait = Wait.firstByte
    var readDeadline: Int64
    /// 0 while nothing is waiting to be written.
    var writeDeadline: Int64 = 0
    /// When the current request's first byte arrived, for the access log.
    var requestStarted: Int64 = 0
    /// The body being streamed, and whether it is chunked (1.1) or ends with the connection (1.0).
    var stream: ResponseStream?
    var streamChunked = true
    /// A stream has just ended: requests pipelined behind it are waiting.
    var streamEnded = false

    init(socket: Socket, tls: TLSSession?, remoteAddress: String, readDeadline: Int64) {
        self.socket = socket
        self.tls = tls
        self.remoteAddress = remoteAddress
        self.readDeadline = readDeadline
    }

    var bufferedInput: Int { input.count - inputStart }

    /// Reads from the socket, or through TLS.
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> Socket.IOResult {
        tls?.read(into: buffer) ?? socket.read(into: buffer)
    }

    func transmit(_ bytes: UnsafeRawBufferPointer) -> Socket.IOResult {
        tls?.write(bytes) ?? socket.write(bytes)
    }
    var pendingOutput: Int { output.count - outputStart }

    /// Nothing received, nothing to send, no request in progress: safe to close when draining.
    var isIdle: Bool {
        if case .head = phase { return bufferedInput == 0 && pendingOutput == 0 && stream == nil }
        return false
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
}
