import ChronicleRecords
import ChronicleRouter

/// Bad input or a missing record, in the RFC 9457 form the router writes out.
enum APIError {
    /// 400 naming the offending query parameter (also as the `parameter` extension member).
    static func parameter(_ name: String, _ detail: String) -> HTTPProblem {
        HTTPProblem(.badRequest, detail, extensions: [("parameter", name)])
    }

    static func notFound(_ error: DomainError) -> HTTPProblem {
        switch error {
        case .notFound(let kind, let id):
            return HTTPProblem(.notFound, "There is no \(kind) with id \"\(id)\".", extensions: [("id", id)])
        }
    }
}

/// Runs a store lookup, turning `DomainError` into its 404.
func lookup<T>(_ body: () throws(DomainError) -> T) throws(HTTPProblem) -> T {
    do {
        return try body()
    } catch {
        throw APIError.notFound(error)
    }
}
