// The query parameters of the list routes, read into the store's queries: which filters each route
// takes, their bounds (at most `maxFilterValues` values of a repeatable filter, ids that must name a
// record, values from a closed set or from the data's own vocabulary) and the 400 that names the
// parameter when one is refused.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP
import ChronicleRouter

extension ChronicleAPI {
    /// The filters of `/events`, which `/aggregate/events` shares.
    static let eventFilters: Set<String> = [
        "actor", "source", "target", "level", "certainty", "precision", "statement", "flag", "type", "country", "from", "to", "document",
        "q",
    ]

    func eventFilter(_ query: QueryParameters, store: Store) throws(HTTPProblem) -> EventQuery {
        var filter = try eventQuery(query, store: store)
        filter.actors = try actors(query, "actor", store: store)
        filter.type = try query.single("type")
        filter.document = try query.single("document")
        if let document = filter.document, !store.hasDocument(document) {
            throw APIError.parameter("document", "\"document\": there is no document with id \"\(document)\".")
        }
        return filter
    }

    /// The most values a repeatable filter takes: each one is a posting list to merge.
    static let maxFilterValues = 50

    /// A repeatable parameter's values, each once, at most `maxFilterValues` of them.
    func distinct(_ query: QueryParameters, _ name: String) throws(HTTPProblem) -> [String] {
        var seen = Set<String>()
        let values = try query.all(name).filter { seen.insert($0).inserted }
        guard values.count <= Self.maxFilterValues else {
            throw APIError.parameter(name, "\"\(name)\" takes at most \(Self.maxFilterValues) different values; got \(values.count).")
        }
        return values
    }

    /// The actors a repeatable parameter names, each of which must exist.
    func actors(_ query: QueryParameters, _ name: String, store: Store) throws(HTTPProblem) -> [String] {
        let ids = try distinct(query, name)
        for id in ids where !store.hasActor(id) {
            throw APIError.parameter(name, "\"\(name)\": there is no actor with id \"\(id)\".")
        }
        return ids
    }

    /// A repeatable parameter whose values must be among `allowed`; a 400 lists them.
    func values(_ query: QueryParameters, _ name: String, allowed: [String]) throws(HTTPProblem) -> [String] {
        let values = try distinct(query, name)
        for value in values where !allowed.contains(value) {
            throw Self.notAmong(name, allowed, value)
        }
        return values
    }

    /// The 400 for a value outside a closed set: it lists the set, or its first 50.
    static func notAmong(_ name: String, _ allowed: [String], _ value: String) -> HTTPProblem {
        let listed =
            allowed.isEmpty ? "none in this dataset" : allowed.prefix(50).joined(separator: ", ") + (allowed.count > 50 ? ", …" : "")
        return APIError.parameter(name, "\"\(name)\" must be one of \(listed); got \"\(value)\".")
    }

    /// `level`: whether actor filters match those acting for the named actors too (the default).
    func level(_ query: QueryParameters) throws(HTTPProblem) -> ActorLevel {
        guard let value = try query.single("level") else { return .principal }
        guard let level = ActorLevel(rawValue: value) else {
            let allowed = ActorLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.parameter("level", "\"level\" must be one of \(allowed); got \"\(value)\".")
        }
        return level
    }

    func eventQuery(_ query: QueryParameters, store: Store) throws(HTTPProblem) -> EventQuery {
        var filter = EventQuery()
        // Who did what to whom: repeatable, ORed within a role, ANDed across roles.
        filter.sources = try actors(query, "source", store: store)
        filter.targets = try actors(query, "target", store: store)
        filter.level = try level(query)
        filter.certainties = try values(query, "certainty", allowed: Event.Certainty.allCases.map(\.rawValue))
        filter.precisions = try values(query, "precision", allowed: EDTFDate.Precision.allCases.map(\.rawValue))
        filter.statements = try values(query, "statement", allowed: store.statements)
        filter.flags = try values(query, "flag", allowed: store.assertionFlags)
        if let country = try query.single("country") {
            // ISO 3166-1 alpha-3, any case.
            guard country.utf8.count == 3, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw APIError.parameter("country", "\"country\" is an ISO 3166-1 alpha-3 code such as MLI or DZA; got \"\(country)\".")
            }
            filter.country = country.uppercased()
        }
        (filter.from, filter.to) = try query.dateRange()
        filter.text = try query.text
        filter.order = try query.order
        return filter
    }

    func quoteQuery(_ query: QueryParameters, store: Store) throws(HTTPProblem) -> QuoteQuery {
        var filter = QuoteQuery()
        filter.event = try query.single("event")
        if let event = filter.event, !store.hasEvent(event) {
            throw APIError.parameter("event", "\"event\": there is no event with id \"\(event)\".")
        }
        filter.language = try query.single("lang")
        if let language = filter.language, !store.hasQuoteLanguage(language) {
            throw Self.notAmong("lang", store.quoteLanguages, language)
        }
        filter.stances = try values(query, "stance", allowed: Quote.Stance.allCases.map(\.rawValue))
        if let refused = try query.single("refused_label") {
            guard refused == "true" || refused == "false" else {
                throw APIError.parameter("refused_label", "\"refused_label\" must be one of true, false; got \"\(refused)\".")
            }
            filter.refusedLabel = refused == "true"
        }
        (filter.from, filter.to) = try query.dateRange()
        filter.text = try query.text
        filter.order = try query.order
        return filter
    }
}
