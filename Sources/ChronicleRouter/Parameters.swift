/// Path parameters captured by a route, e.g. `id` in "GET /events/{id}", percent-decoded.
public struct Parameters: Sendable, Equatable {
    private var pairs: [(String, String)] = []

    public init(_ pairs: [(String, String)] = []) { self.pairs = pairs }

    public subscript(name: String) -> String? { pairs.first { $0.0 == name }?.1 }

    mutating func append(_ name: String, _ value: String) { pairs.append((name, value)) }
    mutating func removeLast() { pairs.removeLast() }

    public static func == (lhs: Parameters, rhs: Parameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs, by: ==)
    }
}
