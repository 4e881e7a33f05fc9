import HTTPTypes

/// An RFC 9457 problem details object, the body of every error response.
public struct ProblemDetails: Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: HTTPResponse.Status
    public var detail: String
    /// Extension members (RFC 9457 section 3.2), e.g. the offending parameter.
    public var extensions: [(String, String)]

    public init(
        status: HTTPResponse.Status, detail: String, title: String? = nil, type: String = "about:blank", extensions: [(String, String)] = []
    ) {
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.status = status
        self.detail = detail
        self.extensions = extensions
    }

    public static func == (lhs: ProblemDetails, rhs: ProblemDetails) -> Bool {
        lhs.type == rhs.type && lhs.title == rhs.title && lhs.status == rhs.status && lhs.detail == rhs.detail
            && lhs.extensions.elementsEqual(rhs.extensions, by: ==)
    }

    public static let mediaType = "application/problem+json"

    public var json: [UInt8] {
        var writer = JSONWriter()
        writer.object { w in
            w.member("type", type)
            w.member("title", title)
            w.member("status", status.code)
            w.member("detail", detail)
            for (key, value) in extensions { w.member(key, value) }
        }
        writer.newline()
        return writer.bytes
    }

    public var response: Response {
        Response(status: status, contentType: Self.mediaType, body: json)
    }
}

extension Response {
    /// An `application/problem+json` error response.
    public static func problem(_ status: HTTPResponse.Status, _ detail: String, extensions: [(String, String)] = []) -> Response {
        ProblemDetails(status: status, detail: detail, extensions: extensions).response
    }
}
