import HTTPTypes

/// Why a request was refused by the codec, with the status it maps to at the edge.
/// Every parse error closes the connection: after a framing error nothing that follows can be trusted.
public struct HTTPParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let reason: String

    public init(_ status: HTTPResponse.Status, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    static func bad(_ reason: String) -> HTTPParseError { HTTPParseError(.badRequest, reason) }

    public var description: String { "\(status.code) \(reason)" }
}
