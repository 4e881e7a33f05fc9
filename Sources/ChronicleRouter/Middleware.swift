import ChronicleHTTP

/// A step around every request the router answers, routed or not (404, 405 and OPTIONS included),
/// for logging, CORS, compression and the like. Call `next` to go on, or answer directly.
public protocol Middleware: Sendable {
    func handle(_ request: Request, next: (Request) -> Response) -> Response
}
