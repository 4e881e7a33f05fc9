import HTTPTypes

/// A response value: what handlers return and the server serializes.
/// `Date`, `Content-Length` and `Connection` are owned by the server and set when it writes.
public struct Response: Sendable {
    public var status: HTTPResponse.Status
    public var headerFields: HTTPFields
    public var body: [UInt8]
    /// A body produced piece by piece while it is written (sent with chunked transfer coding);
    /// `body` is ignored when this is set.
    public var stream: ResponseStream?
    /// The route pattern that answered ("GET /events/{id}"), set by the router for metrics and logs;
    /// never sent.
    public var route: String?

    public init(status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:], body: [UInt8] = []) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }

    /// A streamed response: the server pulls pieces from `stream` as the client reads.
    public init(status: HTTPResponse.Status = .ok, contentType: String, stream: ResponseStream) {
        self.init(status: status, headerFields: [.contentType: contentType])
        self.stream = stream
    }

    /// A UTF-8 text or JSON body with its media type.
    public init(status: HTTPResponse.Status = .ok, contentType: String, body: [UInt8]) {
        self.init(status: status, headerFields: [.contentType: contentType], body: body)
    }
}
