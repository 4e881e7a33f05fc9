import ChronicleHTTP
import HTTPTypes

/// An error that knows its HTTP form. Handlers throw these (or domain errors that an adapter maps
/// to them); the router answers with the problem document and any extra header fields.
public protocol HTTPError: Error {
    var problem: ProblemDetails { get }
    var headerFields: HTTPFields { get }
}

extension HTTPError {
    public var headerFields: HTTPFields { [:] }
}

/// A ready-made `HTTPError` for handlers.
public struct HTTPProblem: HTTPError, Equatable {
    public let problem: ProblemDetails
    public let headerFields: HTTPFields

    public init(_ status: HTTPResponse.Status, _ detail: String, extensions: [(String, String)] = [], headerFields: HTTPFields = [:]) {
        self.problem = ProblemDetails(status: status, detail: detail, extensions: extensions)
        self.headerFields = headerFields
    }
}
