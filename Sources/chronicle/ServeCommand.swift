import ArgumentParser
import ChronicleAPI
import ChronicleHTTP
import ChronicleRouter
import ChronicleServer
import ChronicleSockets
import ChronicleStore
import ChronicleSync
import Foundation
import Logging

/// `chronicle serve`: load the data, listen, and serve until SIGTERM/SIGINT; SIGHUP reloads the data.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        // Before any thread starts, so every thread inherits the blocked signal mask.
        SignalWatcher.block()
        let settings = try options.settings()
        // The loop count is derived once, and the log says how.
        let threads = settings.server.threads > 0
            ? ProcessorCount.Derivation(count: settings.server.threads, reason: "set in the configuration")
            : ProcessorCount.available()
        // Before any thread allocates: one malloc arena per loop, at least two.
        FreedMemory.limitArenas(to: max(2, threads.count), environment: ProcessInfoEnvironment.current)
        let log = ApplicationLog(format: settings.logFormat, level: settings.logLevel)
        let logger = log.logger
        // Every way out of here (an error thrown to the argument parser's exit included) waits for
        // the log's last lines, up to a deadline.
        defer { log.flush() }
        // Signals are taken from the start: a SIGTERM while a large dataset loads ends the process at
        // once (there is nothing to drain yet) instead of waiting for the load.
        let running = RunningServer()
        let status = ServiceStatus()
        let signals = SignalState()
        SignalWatcher.start { signal in
            Self.handle(signal, running: running, status: status, signals: signals, settings: settings, log: log)
        }

        let loader = DatasetLoader(
            path: DataDirectory.resolve(settings.data), settings: settings, environment: ProcessInfoEnvironment.current, logger: logger)
        let saver = SnapshotSaver(loader: loader)
        let holder = try Self.loadDataset(loader, saver: saver)
        let serverReference = Locked<HTTPServer?>(nil)
        let router = try Self.makeRouter(holder: holder, status: status, settings: settings, logger: logger) {
            serverReference.withLock { $0 }?.metricsExposition() ?? ""
        }
        var configuration = settings.server
        configuration.threads = threads.count
        configuration.applicationLog = log.writer
        let server = try Self.bind(configuration, router: router, settings: settings, logger: logger)
        serverReference.withLock { $0 = server }
        server.start()
        let reloader = DataReloader(holder: holder, loader: loader, saver: saver, server: server)
        let stopping = !running.set(server, reloader)
        if stopping {
            // A stop signal came while the server was being set up: shut down at once.
            server.shutdown()
        }
        let pid = getpid()
        Self.announce(server, pid: pid, threads: threads, stopping: stopping, settings: settings, logger: logger)
        server.wait()
        if !settings.runtimeFile.isEmpty { RuntimeFile.remove(settings.runtimeFile, pid: pid) }
        logger.info("stopped")
        if saver.isSaving { logger.info("shutdown abandons the snapshot being saved; the next start loads the data files") }
        if reloader.isRunning || saver.isSaving {
            // An abandoned reload is still loading, or a snapshot being written (its temporary file
            // is never renamed into place): end the process without running exit-time destructors
            // under their feet (the log is written line by line, nothing is lost).
            StoreSnapshot.abandonWriteInProgress()
            log.flush()
            Glibc._exit(0)
        }
    }

    /// The API behind its middleware, from the outside in (ARCHITECTURE.md, "The order of the
    /// middleware"). `serverMetrics` gives the server's own counters once it exists.
    static func makeRouter(
        holder: DatasetHolder, status: ServiceStatus, settings: Settings, logger: Logger,
        serverMetrics: @escaping @Sendable () -> String
    ) throws -> Router {
        let requestMetrics = RequestMetrics()
        var cacheOptions = ResponseCache.Options()
        cacheOptions.capacityBytes = settings.responseCacheBytes
        // A reload is a new generation: nothing cached from the old data is served after it.
        let responseCache = ResponseCache(options: cacheOptions, epoch: { holder.generation })
        let api = ChronicleAPI(data: holder, status: status, metrics: {
            requestMetrics.exposition() + responseCache.exposition() + serverMetrics()
        })
        var representation = RepresentationMiddleware.Options()
        representation.cacheControl = settings.cacheControl
        representation.compressionThreshold = settings.compressionThreshold
        let middleware: [any Middleware] = [
            RequestIDMiddleware(),
            MetricsMiddleware(metrics: requestMetrics),
            CORSMiddleware(allowedOrigins: settings.allowedOrigins),
            responseCache,
            RepresentationMiddleware(options: representation),
        ]
        return try api.makeRouter(middleware: middleware, errorReporter: { error, request in
            logger.error("handler failed", metadata: ["error": "\(error)", "path": "\(request.head.rawTarget)"])
        })
    }

    /// Binds the listeners (and loads the certificate); a failure is logged and ends the process.
    static func bind(_ configuration: ServerConfiguration, router: Router, settings: Settings, logger: Logger) throws -> HTTPServer {
        do {
            return try HTTPServer(configuration: configuration, responder: router, logger: logger)
        } catch let error as TLSError {
            logger.critical("cannot serve HTTPS: \(error)")
            throw ExitCode(1)
        } catch {
            logger.critical("cannot listen: \(error)", metadata: ["host": "\(settings.host)", "port": "\(settings.port)"])
            throw ExitCode(1)
        }
    }

    /// Writes the runtime file and logs "listening". The file is recorded once SIGHUP reloads and
    /// before "listening" is logged: whoever waits for that line finds the file, and a `reload` sent
    /// through it is not ignored.
    static func announce(
        _ server: HTTPServer, pid: pid_t, threads: ProcessorCount.Derivation, stopping: Bool, settings: Settings, logger: Logger
    ) {
        if !settings.runtimeFile.isEmpty && !stopping {
            let file = RuntimeFile(pid: pid, host: settings.host, httpPort: Int(server.port), httpsPort: server.tlsPort.map { Int($0) })
            do {
                try file.write(to: settings.runtimeFile)
            } catch {
                logger.warning("cannot write the runtime file; healthcheck and reload fall back to the configured port", metadata: [
                    "runtime_file": "\(settings.runtimeFile)", "error": "\(error.localizedDescription)",
                ])
            }
        }
        let shownHost = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        logger.info("listening on http://\(shownHost):\(server.port)", metadata: [
            "threads": .stringConvertible(threads.count), "threads_from": "\(threads.reason)",
        ])
        if let tlsPort = server.tlsPort {
            logger.info("listening on https://\(shownHost):\(tlsPort)", metadata: ["certificate": "\(settings.tlsCertificate)"])
        }
    }

    /// Loads and checks the data directory into a holder. The store is reachable only through the
    /// holder once this returns: a reload that replaces it lets it go (a local of `run()` would keep the
    /// first dataset in memory for the life of the process).
    static func loadDataset(_ loader: DatasetLoader, saver: SnapshotSaver) throws -> DatasetHolder {
        let logger = loader.logger, dataPath = loader.path
        logger.info("loading dataset", metadata: ["data": "\(dataPath)"])
        let started = ContinuousClock.now
        let store: Store, source: DatasetLoader.Source
        do {
            (store, source) = try loader.load()
        } catch {
            logger.critical("refusing to start: \(error.summary())", metadata: ["data": "\(dataPath)"])
            throw ExitCode(1)
        }
        let loadTime = ContinuousClock.now - started
        let metadata: Logger.Metadata = [
            "data": "\(dataPath)", "source": "\(source.rawValue)", "load_ms": .stringConvertible(Int(loadTime / .milliseconds(1))),
        ]
        logger.info("dataset loaded", metadata: metadata.merging(store.countsMetadata) { own, _ in own })
        // A load from the files leaves its decoding buffers free but held by the allocator; a
        // snapshot's pages were mapped, not allocated, and go with the mapping.
        if source == .files { FreedMemory.release() }
        // Off the start-up path: the server starts and serves while records are pre-rendered
        // (answers are rendered on demand meanwhile) and while the snapshot is written.
        let holder = DatasetHolder(store, loadSeconds: loadTime.seconds, renderLater: true)
        Thread.detachNewThread {
            holder.renderRecords()
            holder.precomputeAggregates()
        }
        saver.save(holder, generation: holder.generation, source: source, loadTime: loadTime)
        return holder
    }

    /// What each signal does: SIGHUP reloads; the first SIGTERM/SIGINT drains (or, before the server
    /// runs, exits at once); a second exits at once.
    static func handle(
        _ signal: Int32, running: RunningServer, status: ServiceStatus, signals: SignalState, settings: Settings, log: ApplicationLog
    ) {
        // Nothing here writes to a log destination: lines are queued, and the flushes before
        // `_exit` wait for the writers up to a deadline, so a stdout nobody reads cannot hold a signal.
        let logger = log.logger
        if signal == SIGHUP {
            if let reloader = running.reloader { reloader.request() } else { logger.info("SIGHUP during start-up: ignored") }
            return
        }
        guard signals.firstStop() else {
            logger.warning("second signal: exiting at once")
            running.server?.flushAccessLog(timeout: .milliseconds(500))
            log.flush(timeout: .milliseconds(500))
            // _exit: no atexit handlers or static destructors racing the event loops.
            StoreSnapshot.abandonWriteInProgress()
            Glibc._exit(1)
        }
        guard let (server, reloader) = running.stop() else {
            // Nothing is served yet, so nothing needs draining: end now rather than after the load.
            logger.info("stop signal during start-up: exiting", metadata: ["signal": "\(signal)"])
            log.flush()
            Glibc._exit(0)
        }
        if reloader.stop() { logger.info("shutdown abandons the reload in progress") }
        // /ready answers 503 from now on; the listeners stay open for the configured delay so
        // a load balancer notices before connections are refused.
        status.beginDraining()
        logger.info("shutting down: draining connections", metadata: [
            "signal": .stringConvertible(Int(signal)), "open_connections": .stringConvertible(Int(server.openConnections)),
            "delay_ms": .stringConvertible(settings.shutdownDelayMs), "deadline_ms": .stringConvertible(settings.drainTimeoutMs),
        ])
        // On its own thread, so a second signal during the delay still exits at once.
        Thread.detachNewThread {
            if settings.shutdownDelayMs > 0 { usleep(UInt32(settings.shutdownDelayMs) * 1000) }
            server.shutdown()
        }
    }
}

/// Counts stop signals: the first drains, the second exits.
final class SignalState: Sendable {
    private let stops = Locked(0)
    func firstStop() -> Bool { stops.withLock { $0 += 1; return $0 == 1 } }
}

#if canImport(Glibc)
import Glibc
#endif
