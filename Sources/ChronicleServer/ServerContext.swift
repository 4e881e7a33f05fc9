import ChronicleHTTP
import Logging
import Synchronization

/// What all event loops of one server share: the settings, the responder, the log, and two counters.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger
    let openConnections = Atomic<Int>(0)
    let draining = Atomic<Bool>(false)
    let drainDeadline = Atomic<Int64>(0)

    init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }
}
