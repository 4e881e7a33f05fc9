/// What a query against the store can fail with; the API maps these to HTTP.
public enum DomainError: Error, Sendable, Equatable {
    case notFound(kind: String, id: String)
}
