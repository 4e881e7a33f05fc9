// Dispatch: method and path to a handler, 404/405/OPTIONS from the route table, the middleware
// chain around it all, and thrown errors mapped to problem documents. No sockets: a router is a
// value you can call with a `Request` in a test.
import ChronicleHTTP
import HTTPTypes

public typealias Handler = @Sendable (Request, Parameters) throws -> Response

public struct Router: HTTPResponder {
    public enum Match {
        case found(RoutePattern, Handler, Parameters)
        /// The path exists, with these methods only.
        case methodNotAllowed(allowed: [HTTPRequest.Method])
        case notFound
    }

    private let dispatcher: Dispatcher
    /// The middleware wrapped around dispatch, composed once here rather than per request.
    private let chain: @Sendable (Request) -> Response

    /// The patterns in registration order.
    public var routes: [RoutePattern] { dispatcher.handlers.map(\.pattern) }

    /// Builds the route table; a malformed or conflicting pattern fails here, naming both patterns.
    public init(
        routes: [(String, Handler)], middleware: [any Middleware] = [],
        errorReporter: @escaping @Sendable (any Error, Request) -> Void = { _, _ in }
    ) throws(RouterError) {
        var tree = RouteTree()
        var handlers: [(pattern: RoutePattern, handler: Handler)] = []
        for (text, handler) in routes {
            let pattern = try RoutePattern(text)
            if let existing = tree.insert(pattern, route: handlers.count) {
                throw .conflict(handlers[existing].pattern.description, pattern.description)
            }
            handlers.append((pattern, handler))
        }
        let dispatcher = Dispatcher(tree: tree, handlers: handlers, errorReporter: errorReporter)
        self.dispatcher = dispatcher
        var next: @Sendable (Request) -> Response = { dispatcher.dispatch($0) }
        for step in middleware.reversed() {
            let inner = next
            next = { step.handle($0, next: inner) }
        }
        chain = next
    }

    /// Resolves a method and decoded path segments. HEAD falls back to GET (RFC 9110 section 9.3.2).
    public func match(_ method: HTTPRequest.Method, _ segments: [String]) -> Match {
        dispatcher.match(method, segments)
    }

    public func respond(to request: Request) -> Response { chain(request) }
}

/// Routing proper: the table, the handlers, and the answers made from the table (404, 405, OPTIONS).
private struct Dispatcher: Sendable {
    let tree: RouteTree
    let handlers: [(pattern: RoutePattern, handler: Handler)]
    let errorReporter: @Sendable (any Error, Request) -> Void

    func match(_ method: HTTPRequest.Method, _ segments: [String]) -> Router.Match {
        var path = segments[...]
        if path.last == "" { path = path.dropLast() }  // "/events/" is "/events"; "/" is the root
        var values: [String] = []
        let wanted: [HTTPRequest.Method] = method == .head ? [.head, .get] : [method]
        if let node = tree.find(path, values: &values, accepts: { node in wanted.contains { node.routes[$0] != nil } }) {
            let routes = tree.nodes[node].routes
            let index = wanted.lazy.compactMap { routes[$0] }.first!
            let pattern = handlers[index].pattern
            return .found(pattern, handlers[index].handler, Parameters(names: pattern.parameterNames, values: values))
        }
        var ignored: [String] = []
        if let node = tree.find(path, values: &ignored, accepts: { !$0.routes.isEmpty }) {
            return .methodNotAllowed(allowed: Self.allowed(tree.nodes[node].routes.keys))
        }
        return .notFound
    }

    func dispatch(_ request: Request) -> Response {
        if request.target.form == .asterisk {
            return options(allowed: Self.allowed(tree.allMethods))
        }
        switch match(request.method, request.target.segments) {
        case .found(let pattern, let handler, let parameters):
            var response: Response
            do {
                response = try handler(request, parameters)
            } catch let error as any HTTPError {
                response = error.problem.response
                response.headerFields.append(contentsOf: error.headerFields)
            } catch {
                errorReporter(error, request)
                response = .problem(.internalServerError, "The server failed to answer this request; it has been logged.")
            }
            response.route = pattern.description
            return response
        case .methodNotAllowed(let allowed):
            // RFC 9110 section 9.3.7: OPTIONS on a path describes what the path allows.
            if request.method == .options { return options(allowed: allowed) }
            // RFC 9110 section 15.5.6: 405 carries Allow.
            var response = Response.problem(
                .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.target.path).",
                extensions: [("allow", allowHeader(allowed))])
            response.headerFields[.allow] = allowHeader(allowed)
            return response
        case .notFound:
            return .problem(.notFound, "No resource at \(request.target.path).")
        }
    }

    private func options(allowed: [HTTPRequest.Method]) -> Response {
        Response(status: .noContent, headerFields: [.allow: allowHeader(allowed)])
    }

    private func allowHeader(_ methods: [HTTPRequest.Method]) -> String {
        methods.map(\.rawValue).joined(separator: ", ")
    }

    /// The methods a set of routes allows, with HEAD for GET and OPTIONS always, in a stable order.
    static func allowed(_ methods: some Sequence<HTTPRequest.Method>) -> [HTTPRequest.Method] {
        var set = Set(methods)
        if set.contains(.get) { set.insert(.head) }
        set.insert(.options)
        return set.sorted { $0.rawValue < $1.rawValue }
    }
}
