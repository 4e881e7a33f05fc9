import HTTPTypes

/// A complete request as handlers see it: the head, the decoded body, and where it came from.
public struct Request: Sendable {
    public var head: RequestHead
    public var body: [UInt8]
    /// Trailer fields of a chunked body (RFC 9112 section 7.1.2); empty otherwise.
    public var trailers: HTTPFields
    /// The peer's address, e.g. "127.0.0.1:53422", for logs.
    public var remoteAddress: String

    public init(head: RequestHead, body: [UInt8] = [], trailers: HTTPFields = HTTPFields(), remoteAddress: String = "-") {
        self.head = head
        self.body = body
        self.trailers = trailers
        self.remoteAddress = remoteAddress
    }

    public var method: HTTPRequest.Method { head.method }
    public var headerFields: HTTPFields { head.headerFields }
    public var target: RequestTarget { head.target }
    public var queryItems: [QueryItem] { head.target.queryItems }
}

extension Request {
    /// A request built from a method, an origin-form target and fields, for tests and in-process calls.
    public static func make(
        _ method: HTTPRequest.Method, _ target: String, headerFields: HTTPFields = [:], body: [UInt8] = []
    ) throws(HTTPParseError) -> Request {
        var fields = headerFields
        if fields[.hostField] == nil { fields[.hostField] = "localhost" }
        let head = RequestHead(
            method: method, rawTarget: target, target: try RequestTarget.parse(target, method: method),
            version: .http1_1, headerFields: fields, framing: body.isEmpty ? .none : .length(body.count),
            keepAlive: true, expectsContinue: false)
        return Request(head: head, body: body)
    }
}
