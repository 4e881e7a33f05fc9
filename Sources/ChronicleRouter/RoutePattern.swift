// A route pattern in the style of Go 1.22's ServeMux: "GET /events/{id}". One method, a path of
// literal segments and `{name}` parameters that match exactly one decoded segment.
import ChronicleHTTP
import HTTPTypes

public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    public let method: HTTPRequest.Method
    public let segments: [Segment]
    /// The pattern as written, for messages and for listing routes.
    public let description: String

    public init(_ text: String) throws(RouterError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let method = HTTPRequest.Method(String(parts[0])) else {
            throw .invalidPattern(text, "expected \"METHOD /path\"")
        }
        let path = parts[1]
        guard path.hasPrefix("/") else { throw .invalidPattern(text, "the path must start with /") }
        var segments: [Segment] = []
        var names = Set<String>()
        for part in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() where !part.isEmpty {
            if part.hasPrefix("{") {
                guard part.hasSuffix("}"), part.count > 2 else { throw .invalidPattern(text, "malformed parameter \(part)") }
                let name = String(part.dropFirst().dropLast())
                guard names.insert(name).inserted else { throw .invalidPattern(text, "parameter {\(name)} appears twice") }
                segments.append(.parameter(name))
            } else {
                guard !part.contains("{"), !part.contains("}") else { throw .invalidPattern(text, "braces inside a literal segment") }
                segments.append(.literal(String(part)))
            }
        }
        self.method = method
        self.segments = segments
        self.description = "\(method.rawValue) \(path)"
    }

    /// The path with parameters written as `{name}`, as OpenAPI writes it.
    public var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): return text
            case .parameter(let name): return "{\(name)}"
            }
        }.joined(separator: "/")
    }

    /// The parameter names in path order.
    public var parameterNames: [String] {
        segments.compactMap { segment in
            if case .parameter(let name) = segment { return name }
            return nil
        }
    }
}
