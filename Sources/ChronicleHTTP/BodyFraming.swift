/// How the body of a request is delimited (RFC 9112 section 6.3).
public enum BodyFraming: Equatable, Sendable {
    /// No body: neither Content-Length nor Transfer-Encoding was sent.
    case none
    /// Exactly this many bytes follow the header section.
    case length(Int)
    /// The chunked transfer coding (RFC 9112 section 7.1).
    case chunked
}
