// One TLS connection driven without blocking: OpenSSL reads and writes the non-blocking socket
// through a BIO that sends with MSG_NOSIGNAL (COpenSSL/shim.h) and reports SSL_ERROR_WANT_READ /
// WANT_WRITE, which the event loop turns into epoll interest. The session owns its socket: once
// `close()` has run, no call reaches OpenSSL or the descriptor again. Used on the loop thread
// that owns the connection only.
import COpenSSL

#if canImport(Glibc)
import Glibc
#endif

public final class TLSSession {
    private let ssl: OpaquePointer
    public let socket: Socket
    public private(set) var handshakeComplete = false
    /// The last read could not go on until the socket is writable (TLS may need to send first).
    public private(set) var readWantsWrite = false

    public enum HandshakeProgress: Equatable {
        case complete
        case wantRead
        case wantWrite
        case failed(String)
    }

    public init(context: TLSContext, socket: Socket) throws(TLSError) {
        guard let descriptor = socket.rawDescriptor else { throw TLSError("the socket is closed") }
        guard let ssl = SSL_new(context.context) else { throw TLSError("SSL_new failed: \(TLSContext.lastError())") }
        guard chronicle_ssl_attach_socket(ssl, descriptor) == 1 else {
            SSL_free(ssl)
            throw TLSError("cannot attach the socket: \(TLSContext.lastError())")
        }
        self.ssl = ssl
        self.socket = socket
        SSL_set_accept_state(ssl)
    }

    deinit { SSL_free(ssl) }

    public func handshake() -> HandshakeProgress {
        guard socket.isOpen else { return .failed("connection closed") }
        ERR_clear_error()
        let rc = SSL_do_handshake(ssl)
        if rc == 1 {
            handshakeComplete = true
            return .complete
        }
        switch SSL_get_error(ssl, rc) {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        default:
            let reason = TLSContext.lastError()
            return .failed(reason == "unknown error" ? "peer closed or sent no TLS" : reason)
        }
    }

    /// Decrypted bytes into `buffer`; `.wouldBlock` when TLS needs more from the socket.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Socket.IOResult {
        guard socket.isOpen else { return .closed }
        ERR_clear_error()
        readWantsWrite = false
        let n = SSL_read(ssl, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        if n > 0 { return .bytes(Int(n)) }
        switch SSL_get_error(ssl, n) {
        case SSL_ERROR_WANT_READ: return .wouldBlock
        case SSL_ERROR_WANT_WRITE:
            readWantsWrite = true
            return .wouldBlock
        // The BIO retries EINTR itself, so SSL_ERROR_SYSCALL is a real failure or an end of stream
        // (a stale errno must never turn an EOF into "would block" and a busy loop).
        default: return .closed  // close_notify, an EOF, a reset, or a protocol error
        }
    }

    /// Encrypts and sends; with partial writes enabled, `.bytes(n)` may be less than asked.
    public func write(_ bytes: UnsafeRawBufferPointer) -> Socket.IOResult {
        guard socket.isOpen else { return .closed }
        guard bytes.count > 0 else { return .bytes(0) }
        ERR_clear_error()
        let n = SSL_write(ssl, bytes.baseAddress, Int32(min(bytes.count, Int(Int32.max))))
        if n > 0 { return .bytes(Int(n)) }
        switch SSL_get_error(ssl, n) {
        case SSL_ERROR_WANT_WRITE, SSL_ERROR_WANT_READ: return .wouldBlock
        default: return .closed
        }
    }

    /// Decrypted bytes that OpenSSL holds but epoll cannot see.
    public var hasBufferedInput: Bool { socket.isOpen && SSL_pending(ssl) > 0 }

    /// Sends close_notify (best effort, non-blocking).
    public func shutdown() {
        guard socket.isOpen, handshakeComplete else { return }
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// True when the handshake resumed a cached session or ticket.
    public var sessionReused: Bool { chronicle_ssl_session_reused(ssl) == 1 }
}
