import ChronicleHTTP
import ChronicleSockets
import ChronicleSync
import Logging
import Synchronization

/// What all event loops of one server share: the settings, the responder, the log, the counters they share.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger
    let openConnections = Atomic<Int>(0)
    let draining = Atomic<Bool>(false)
    let drainDeadline = Atomic<Int64>(0)
    /// Bytes held for clients across every connection of every loop (the output budget's measure):
    /// each connection's output storage while it has output pending, and each shared body once.
    let queuedOutput = Atomic<Int>(0)
    /// The shared bodies being written, counted once in `queuedOutput`.
    let sharedBodies = SharedBodies()
    /// Set when the server shuts down or is released: the threads that only watch it stop.
    let stopped = Atomic<Bool>(false)
    /// The TLS context new HTTPS connections use; replaced on a certificate reload.
    let tls: Locked<TLSContext?>
    let metrics = ServerMetrics()
    /// The writer of access lines, when the access log is on.
    let accessLog: LogWriter?

    init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger, tls: TLSContext?) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.tls = Locked(tls)
        accessLog = configuration.accessLog
            ? LogWriter(descriptor: configuration.accessLogDescriptor, capacity: configuration.accessLogQueueBytes) : nil
    }
}
