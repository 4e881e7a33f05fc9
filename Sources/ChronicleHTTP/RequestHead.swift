import HTTPTypes

/// A parsed request line and header section, with the framing and connection facts derived from them.
public struct RequestHead: Sendable {
    public var method: HTTPRequest.Method
    /// The request-target exactly as sent.
    public var rawTarget: String
    /// The target split and percent-decoded.
    public var target: RequestTarget
    public var version: HTTPVersion
    /// Header fields in the order received; duplicates kept.
    public var headerFields: HTTPFields
    public var framing: BodyFraming
    /// Whether the client allows the connection to stay open after this exchange (RFC 9112 section 9.3).
    public var keepAlive: Bool
    /// `Expect: 100-continue` was sent (RFC 9110 section 10.1.1).
    public var expectsContinue: Bool

    public init(
        method: HTTPRequest.Method, rawTarget: String, target: RequestTarget, version: HTTPVersion,
        headerFields: HTTPFields, framing: BodyFraming, keepAlive: Bool, expectsContinue: Bool
    ) {
        self.method = method
        self.rawTarget = rawTarget
        self.target = target
        self.version = version
        self.headerFields = headerFields
        self.framing = framing
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
    }
}
