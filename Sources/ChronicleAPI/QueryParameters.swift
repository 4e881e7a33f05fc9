// Query-string validation: every endpoint lists the parameters it understands, and anything
// else, a repeated single-valued parameter, an empty value or a malformed one is a 400 that names
// the parameter, so a typo ("?actr=mali") is an error rather than a silently unfiltered list.
import ChronicleRecords
import ChronicleStore
import ChronicleText
import ChronicleHTTP
import ChronicleRouter

struct QueryParameters {
    static let maxLimit = 500
    static let defaultLimit = 50
    /// Accepted by every endpoint.
    static let common: Set<String> = ["pretty"]
    static let paging: Set<String> = ["limit", "offset", "format"]

    let items: [QueryItem]

    init(_ request: Request, allowed: Set<String>) throws(HTTPProblem) {
        items = request.queryItems
        let known = allowed.union(Self.common)
        for item in items where !known.contains(item.name) {
            throw APIError.parameter(
                item.name, "Unknown query parameter \"\(item.name)\"; this endpoint accepts: \(known.sorted().joined(separator: ", ")).")
        }
        for item in items where item.name == "pretty" {
            guard Self.prettyValues.keys.contains((item.value ?? "").lowercased()) else {
                throw APIError.parameter(
                    "pretty", "\"pretty\" is true or false (or 1, 0, yes, no, or no value); got \"\(item.value ?? "")\".")
            }
        }
    }

    /// What `pretty` may say, and what it means.
    static let prettyValues: [String: Bool] = ["": true, "1": true, "true": true, "yes": true, "0": false, "false": false, "no": false]

    /// `?pretty`, `?pretty=true` or `?pretty=1` indents the JSON (values were checked at init).
    var pretty: Bool {
        guard let item = items.last(where: { $0.name == "pretty" }) else { return false }
        return Self.prettyValues[(item.value ?? "").lowercased()] ?? false
    }

    func all(_ name: String) throws(HTTPProblem) -> [String] {
        var values: [String] = []
        for item in items where item.name == name {
            guard let value = item.value, !value.isEmpty else { throw APIError.parameter(name, "\"\(name)\" needs a value.") }
            values.append(value)
        }
        return values
    }

    func single(_ name: String) throws(HTTPProblem) -> String? {
        let values = try all(name)
        guard values.count <= 1 else { throw APIError.parameter(name, "\"\(name)\" may be given only once.") }
        return values.first
    }

    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws(HTTPProblem) -> Int {
        guard let text = try single(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.parameter(
                name, "\"\(name)\" must be a whole number from \(range.lowerBound) to \(range.upperBound); got \"\(text)\".")
        }
        return number
    }

    var limit: Int { get throws(HTTPProblem) { try integer("limit", default: Self.defaultLimit, in: 1...Self.maxLimit) } }
    var offset: Int { get throws(HTTPProblem) { try integer("offset", default: 0, in: 0...Int(Int32.max)) } }

    /// A partial date: "2024", "2024-09" or "2024-09-15" (EDTF level 0, no interval).
    func date(_ name: String) throws(HTTPProblem) -> EDTFDate? {
        guard let text = try single(name) else { return nil }
        guard let date = EDTFDate(text), date.precision != .interval else {
            throw APIError.parameter(name, "\"\(name)\" must be a date written YYYY, YYYY-MM or YYYY-MM-DD; got \"\(text)\".")
        }
        return date
    }

    /// `from` and `to`, checked to be in order.
    func dateRange() throws(HTTPProblem) -> (from: EDTFDate?, to: EDTFDate?) {
        let from = try date("from"), to = try date("to")
        if let from, let to, from.firstDay > to.lastDay {
            throw APIError.parameter("from", "\"from\" (\(from)) is after \"to\" (\(to)).")
        }
        return (from, to)
    }

    var order: SortOrder {
        get throws(HTTPProblem) {
            guard let text = try single("sort") else { return .ascending }
            guard let order = SortOrder(rawValue: text) else {
                throw APIError.parameter("sort", "\"sort\" must be \"date\" (oldest first) or \"-date\" (newest first); got \"\(text)\".")
            }
            return order
        }
    }

    /// A search string with at least one letter or digit.
    var text: String? {
        get throws(HTTPProblem) {
            guard let q = try single("q") else { return nil }
            guard !TextNormalizer.tokens(q).isEmpty else { throw APIError.parameter("q", "\"q\" must contain a letter or a digit.") }
            return q
        }
    }
}
