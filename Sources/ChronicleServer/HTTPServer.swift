// The server: N event loops, each with its own SO_REUSEPORT listener on the same port, so the
// kernel spreads new connections across loops with no hand-off between threads.
import ChronicleHTTP
import ChronicleSockets
import ChronicleSync
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

public final class HTTPServer: Sendable {
    let context: ServerContext
    private let loops: [EventLoop]
    private let threads = Locked<[pthread_t]>([])
    private let shutdownRequested = Atomic<Bool>(false)
    /// The port actually bound (the configured one, or the one the kernel picked for port 0).
    public let port: UInt16
    public var configuration: ServerConfiguration { context.configuration }

    /// The HTTPS port, when TLS is configured.
    public let tlsPort: UInt16?

    /// Loads the TLS certificate (if any) and binds the listeners; nothing is served until `start()`.
    /// A missing, unreadable or mismatched certificate or key fails here with a `TLSError`.
    public init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger) throws {
        let tlsContext = try configuration.tls.map { settings throws(TLSError) in
            try TLSContext(certificateChainPath: settings.certificateChainPath, privateKeyPath: settings.privateKeyPath)
        }
        context = ServerContext(configuration: configuration, responder: responder, logger: logger, tls: tlsContext)
        var loops: [EventLoop] = []
        var port = configuration.port
        var tlsPort = configuration.tls?.port
        // Our listeners share their port (SO_REUSEPORT), and would share it with another server too:
        // refuse to start beside one instead of splitting its connections with it.
        try Socket.checkNotListening(host: configuration.host, port: port)
        if let requested = tlsPort { try Socket.checkNotListening(host: configuration.host, port: requested) }
        // On a throw, everything made so far is freed, and each socket, eventfd and epoll set closes
        // its own descriptor: nothing leaks and nothing stays bound.
        for _ in 0..<configuration.effectiveThreads {
            let listener = try Socket.listen(host: configuration.host, port: port, reusePort: true)
            if port == 0 { port = try listener.localPort() }
            var tlsListener: Socket?
            if let requested = tlsPort {
                let socket = try Socket.listen(host: configuration.host, port: requested, reusePort: true)
                if requested == 0 { tlsPort = try socket.localPort() }
                tlsListener = socket
            }
            loops.append(try EventLoop(context: context, listener: listener, tlsListener: tlsListener))
        }
        self.loops = loops
        self.port = port
        self.tlsPort = tlsPort
    }

    /// Loads a new certificate and key for connections accepted from now on; on error the current
    /// one stays.
    public func reloadTLS() throws {
        guard let settings = context.configuration.tls else { return }
        let fresh = try TLSContext(certificateChainPath: settings.certificateChainPath, privateKeyPath: settings.privateKeyPath)
        context.tls.withLock { $0 = fresh }
    }

    /// A server released without a shutdown stops the threads that only watch it (the memory trimmer).
    deinit { context.stopped.store(true, ordering: .relaxed) }

    /// Connection, TLS and byte counters.
    public var metrics: ServerMetrics { context.metrics }

    /// Starts one thread per event loop and returns at once.
    public func start() {
        threads.withLock { threads in
            guard threads.isEmpty else { return }
            context.accessLog?.start()
            threads = loops.map { loop in ThreadLauncher.start { loop.run() } }
            // Holds the context only (no descriptors): it ends within a second of the shutdown.
            let context = self.context
            let trimmer = ThreadLauncher.start { OutputMemory.giveBack(context: context) { context.stopped.load(ordering: .relaxed) } }
            pthread_detach(trimmer)
        }
    }

    /// Bytes queued for clients across all connections (bounded by `maxQueuedOutputBytes`).
    public var queuedOutputBytes: Int { context.queuedOutput.load(ordering: .relaxed) }

    /// Open connections across all loops.
    public var openConnections: Int { context.openConnections.load(ordering: .relaxed) }

    /// True once a graceful shutdown has begun.
    public var isDraining: Bool { context.draining.load(ordering: .relaxed) }

    /// Graceful shutdown: stop accepting, close idle connections, let requests in flight finish
    /// (answered with `Connection: close`), and force-close whatever remains after `drainTimeout`.
    public func shutdown() {
        // Idempotent: only the first call sets the deadline and wakes the loops.
        guard shutdownRequested.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        context.stopped.store(true, ordering: .relaxed)
        let deadline = MonotonicClock.now() + context.configuration.drainTimeout.milliseconds
        context.drainDeadline.store(deadline, ordering: .relaxed)
        context.draining.store(true, ordering: .releasing)
        for loop in loops { loop.wake.signal() }
    }

    /// Blocks until every event loop has stopped (after `shutdown()`). Only the first caller waits.
    public func wait() {
        let started = threads.withLock { threads in
            defer { threads = [] }
            return threads
        }
        for thread in started { ThreadLauncher.join(thread) }
        // Every loop has handed over its last lines: write them all before returning, within
        // what is left of the drain deadline (at least half a second), so a log destination that
        // has stopped reading cannot push the stop past the orchestrator's kill timeout.
        let left = max(500, (context.drainDeadline.load(ordering: .relaxed) - MonotonicClock.now()))
        if !started.isEmpty, let log = context.accessLog, !log.close(timeout: .milliseconds(left)) {
            context.logger.warning("the access log's destination is not reading: lines still queued at exit are lost")
        }
    }

    /// Has the access lines queued so far written, waiting up to `timeout`: for a process about to
    /// `_exit`, which the writer thread would not outlive. The calling thread (the signal thread)
    /// never writes itself, so a destination that has stopped reading cannot hold it.
    @discardableResult
    public func flushAccessLog(timeout: Duration) -> Bool {
        context.accessLog?.flush(timeout: timeout) ?? true
    }
}
