/// Mistakes in the route table, reported at start-up.
public enum RouterError: Error, Equatable, CustomStringConvertible {
    case invalidPattern(String, String)
    case conflict(String, String)

    public var description: String {
        switch self {
        case .invalidPattern(let pattern, let reason): return "invalid route pattern \"\(pattern)\": \(reason)"
        case .conflict(let first, let second): return "route \"\(second)\" conflicts with \"\(first)\""
        }
    }
}
