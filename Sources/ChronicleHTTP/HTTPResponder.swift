/// Anything that turns a request into a response: the server calls it on its event-loop threads,
/// so it must be thread-safe and must not block. A router is the usual responder.
public protocol HTTPResponder: Sendable {
    func respond(to request: Request) -> Response
}
