import ChronicleServer
import ChronicleSync

/// The server and its reloader once they exist, for the signal thread, which starts before them.
/// A stop signal before they exist ends the process at once: during start-up there is nothing to
/// drain, and a large dataset can take longer to load than an orchestrator waits.
final class RunningServer: Sendable {
    private struct State {
        var server: HTTPServer?
        var reloader: DataReloader?
        var stopping = false
    }

    private let state = Locked(State())

    var reloader: DataReloader? { state.withLock { $0.reloader } }
    var server: HTTPServer? { state.withLock { $0.server } }

    /// Publishes the running server; false when a stop signal came first (the caller shuts it down).
    func set(_ server: HTTPServer, _ reloader: DataReloader) -> Bool {
        state.withLock { state in
            state.server = server
            state.reloader = reloader
            return !state.stopping
        }
    }

    /// From the signal thread: the server to drain, or nil during start-up.
    func stop() -> (HTTPServer, DataReloader)? {
        state.withLock { state in
            state.stopping = true
            guard let server = state.server, let reloader = state.reloader else { return nil }
            return (server, reloader)
        }
    }
}
