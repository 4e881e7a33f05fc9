// Cross-origin access for browser dashboards (the Fetch standard's CORS protocol). Allowed origins
// are "*" (the default: the data is public and read-only) or a list. A preflight from an allowed
// origin gets 204 with the allowed methods and headers; a disallowed origin gets no CORS headers
// at all, so the browser refuses the response. With a list, the answer depends on Origin, so it
// carries Vary: Origin.
import ChronicleHTTP
import HTTPTypes

public struct CORSMiddleware: Middleware {
    public let allowedOrigins: [String]
    public var maxAgeSeconds = 86_400
    static let allowedMethods = "GET, HEAD, OPTIONS"
    static let exposedHeaders = "Link, ETag, X-Request-ID"

    public init(allowedOrigins: [String] = ["*"]) { self.allowedOrigins = allowedOrigins }

    private var wildcard: Bool { allowedOrigins.contains("*") }

    private func allows(_ origin: String) -> Bool { wildcard || allowedOrigins.contains(origin) }

    public func handle(_ request: Request, next: (Request) -> Response) -> Response {
        guard let origin = request.headerFields[.origin] else {
            var response = next(request)
            if wildcard {
                // The answer to "*" does not depend on Origin, so it is the same with or without
                // one: a browser or proxy cache that stored a same-origin response (no Origin
                // sent) may hand it to a cross-origin caller, which must find the header there.
                response.headerFields[.accessControlAllowOrigin] = "*"
                response.headerFields[.accessControlExposeHeaders] = Self.exposedHeaders
            } else {
                response.headerFields.append(HTTPField(name: .vary, value: "Origin"))
            }
            return response
        }
        let preflight = request.method == .options && request.headerFields[.accessControlRequestMethod] != nil
        if preflight && allows(origin) {
            var response = Response(status: .noContent)
            addOrigin(origin, to: &response)
            response.headerFields[.accessControlAllowMethods] = Self.allowedMethods
            if let headers = request.headerFields[.accessControlRequestHeaders].flatMap(Self.fieldNames) {
                response.headerFields[.accessControlAllowHeaders] = headers
                response.headerFields.append(HTTPField(name: .vary, value: "Access-Control-Request-Headers"))
            }
            response.headerFields[.accessControlMaxAge] = String(maxAgeSeconds)
            return response
        }
        var response = next(request)
        if allows(origin) {
            addOrigin(origin, to: &response)
            response.headerFields[.accessControlExposeHeaders] = Self.exposedHeaders
        } else {
            response.headerFields.append(HTTPField(name: .vary, value: "Origin"))
        }
        return response
    }

    /// The requested header names as a clean list, or nil when any element is not a field name
    /// (a token, RFC 9110 section 5.1): nothing a client sends is copied back unchecked.
    static func fieldNames(_ list: String) -> String? {
        var names: [String] = []
        for element in list.split(separator: ",") {
            let name = element.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            if name.isEmpty { continue }
            guard HTTPField.Name(String(name)) != nil else { return nil }
            names.append(String(name).lowercased())
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    private func addOrigin(_ origin: String, to response: inout Response) {
        if wildcard {
            response.headerFields[.accessControlAllowOrigin] = "*"
        } else {
            response.headerFields[.accessControlAllowOrigin] = origin
            response.headerFields.append(HTTPField(name: .vary, value: "Origin"))
        }
    }
}
