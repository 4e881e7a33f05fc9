// The route table compiled once into a trie, frozen into a flat array of nodes (as Hummingbird
// does). Lookup walks decoded path segments; a literal child is tried before the parameter child,
// and the search backtracks, so "/events/latest" beats "/events/{id}" whatever the order of
// registration. 405 comes from the same walk: a path that matches with another method.
// Parameter values are collected by position and named from the pattern that matched (as Go's
// ServeMux does): routes with differently named parameters at one position share a node, so a
// node cannot hold the names.
import ChronicleHTTP
import HTTPTypes

struct RouteTree: Sendable {
    struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: Int?
        var routes: [HTTPRequest.Method: Int] = [:]
    }

    private(set) var nodes: [Node] = [Node()]

    /// Inserts a route and returns nil, or the index of the route it conflicts with.
    mutating func insert(_ pattern: RoutePattern, route: Int) -> Int? {
        var current = 0
        for segment in pattern.segments {
            switch segment {
            case .literal(let text):
                if let next = nodes[current].literals[text] {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].literals[text] = nodes.count - 1
                    current = nodes.count - 1
                }
            case .parameter:
                if let existing = nodes[current].parameter {
                    current = existing
                } else {
                    nodes.append(Node())
                    nodes[current].parameter = nodes.count - 1
                    current = nodes.count - 1
                }
            }
        }
        if let existing = nodes[current].routes[pattern.method] { return existing }
        nodes[current].routes[pattern.method] = route
        return nil
    }

    /// Finds a node for `segments` accepted by `accepts`, collecting the parameter values in order.
    func find(_ segments: ArraySlice<String>, from node: Int = 0, values: inout [String],
              accepts: (Node) -> Bool) -> Int? {
        guard let segment = segments.first else { return accepts(nodes[node]) ? node : nil }
        let rest = segments.dropFirst()
        if let child = nodes[node].literals[segment],
           let found = find(rest, from: child, values: &values, accepts: accepts) {
            return found
        }
        if let child = nodes[node].parameter, !segment.isEmpty {
            values.append(segment)
            if let found = find(rest, from: child, values: &values, accepts: accepts) { return found }
            values.removeLast()
        }
        return nil
    }

    /// Every method served anywhere in the tree, for `OPTIONS *`.
    var allMethods: Set<HTTPRequest.Method> {
        Set(nodes.flatMap { $0.routes.keys })
    }
}
