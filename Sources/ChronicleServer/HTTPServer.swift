// The server: N event loops, each with its own SO_REUSEPORT listener on the same port, so the
// kernel spreads new connections across loops with no hand-off between threads.
import ChronicleHTTP
import ChronicleSockets
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

public final class HTTPServer: Sendable {
    private let context: ServerContext
    private let loops: [EventLoop]
    private let threads = Mutex<[pthread_t]>([])
    /// The port actually bound (the configured one, or the one the kernel picked for port 0).
    public let port: UInt16
    public var configuration: ServerConfiguration { context.configuration }

    /// Binds the listeners; nothing is served until `start()`.
    public init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger) throws {
        context = ServerContext(configuration: configuration, responder: responder, logger: logger)
        var loops: [EventLoop] = []
        var port = configuration.port
        do {
            for _ in 0..<configuration.effectiveThreads {
                let listener = try Socket.listen(host: configuration.host, port: port, reusePort: true)
                if port == 0 { port = try listener.localPort() }
                do {
                    loops.append(try EventLoop(context: context, listener: listener))
                } catch {
                    listener.close()
                    throw error
                }
            }
        } catch {
            for loop in loops { loop.listener?.close() }
            throw error
        }
        self.loops = loops
        self.port = port
    }

    /// Starts one thread per event loop and returns at once.
    public func start() {
        threads.withLock { threads in
            guard threads.isEmpty else { return }
            threads = loops.map { loop in ThreadLauncher.start { loop.run() } }
        }
    }

    /// Open connections across all loops.
    public var openConnections: Int { context.openConnections.load(ordering: .relaxed) }

    /// True once a graceful shutdown has begun.
    public var isDraining: Bool { context.draining.load(ordering: .relaxed) }

    /// Graceful shutdown: stop accepting, close idle connections, let requests in flight finish
    /// (answered with `Connection: close`), and force-close whatever remains after `drainTimeout`.
    public func shutdown() {
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
    }
}
