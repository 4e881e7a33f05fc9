/// Path parameters captured by a route, e.g. `id` in "GET /events/{id}", percent-decoded.
public struct Parameters: Sendable, Equatable {
    private var pairs: [(String, String)] = []

    public init(_ pairs: [(String, String)] = []) { self.pairs = pairs }

    /// Names the values a match collected, in path order, from the pattern that matched.
    init(names: [String], values: [String]) {
        precondition(names.count == values.count, "a match collects one value per parameter")
        pairs = Array(zip(names, values))
    }

    public subscript(name: String) -> String? { pairs.first { $0.0 == name }?.1 }


    public static func == (lhs: Parameters, rhs: Parameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs, by: ==)
    }
}
