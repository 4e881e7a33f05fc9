// The in-memory store: immutable once built, so any number of threads read it without locks.
// Events and quotes are kept sorted by date (then id); every index maps a key to ascending
// positions in those arrays, so intersections stay sorted and a page is a slice.

public final class Store: Sendable {
    public let documents: [Document]
    public let actors: [Actor]
    public let events: [Event]
    public let quotes: [Quote]
    /// See `Dataset.fingerprint`.
    public let fingerprint: String
    /// The codebooks the data follows and its coding history (dataset.json).
    public let info: DatasetInfo?

    let documentPositions: [String: Int]
    let actorPositions: [String: Int]
    let eventPositions: [String: Int]
    let quotePositions: [String: Int]
    let eventsByActor: [String: [Int32]]
    let eventsByType: [String: [Int32]]
    let eventsByDocument: [String: [Int32]]
    let eventsByCountry: [String: [Int32]]
    let quotesBySpeaker: [String: [Int32]]
    let quotesByEvent: [String: [Int32]]
    let quotesByLanguage: [String: [Int32]]
    /// Each event's and quote's date interval as day numbers, parallel to the sorted arrays: date
    /// filters read these instead of the records (no reference counting, one cache line per 8 items).
    let eventDays: DayIntervals
    let quoteDays: DayIntervals
    /// Events: titles, summaries and the passages they cite; quotes: text and translations; actors:
    /// their names (aliases, short forms). Notes and descriptions are not searched: they would match
    /// words a reader cannot see in the record. Participants' and speakers' names are not copied into
    /// these: a query word also matches the records of every actor it names (`actorNames`), which
    /// keeps these indexes a fraction of the size.
    let eventText: TextIndex
    let quoteText: TextIndex
    let actorNames: TextIndex
    /// The words of the corpus, which decide whether a stripped Arabic particle leaves a word.
    let lexicon: Lexicon

    /// Loads, checks and indexes a data directory.
    public static func load(directory: String) throws(DatasetError) -> Store {
        Store(try Dataset.load(directory: directory))
    }

    /// Indexes a dataset that `Dataset.load` has checked.
    public init(_ dataset: Dataset) {
        fingerprint = dataset.fingerprint
        info = dataset.info
        documents = dataset.documents.sorted { $0.id < $1.id }
        actors = dataset.actors.sorted { $0.id < $1.id }
        events = Self.byDate(dataset.events, date: \.date, id: \.id)
        quotes = Self.byDate(dataset.quotes, date: \.date, id: \.id)
        eventDays = DayIntervals(events.map(\.date))
        quoteDays = DayIntervals(quotes.map(\.date))
        documentPositions = Self.positions(documents.map(\.id))
        actorPositions = Self.positions(actors.map(\.id))
        eventPositions = Self.positions(events.map(\.id))
        quotePositions = Self.positions(quotes.map(\.id))

        var byActor: [String: [Int32]] = [:], byType: [String: [Int32]] = [:], byDocument: [String: [Int32]] = [:]
        var byCountry: [String: [Int32]] = [:]
        for (position, event) in events.enumerated() {
            let id = Int32(position)
            for actor in Set(event.actors.map(\.actor)) { byActor[actor, default: []].append(id) }
            // Every prefix of the CAMEO code (so "11" finds 111 and 112 with one lookup) and the PLOVER type.
            for key in event.type.searchKeys { byType[key, default: []].append(id) }
            for document in Set(event.sources.map(\.document)) { byDocument[document, default: []].append(id) }
            if let country = event.location?.country { byCountry[country.uppercased(), default: []].append(id) }
        }
        eventsByActor = byActor
        eventsByType = byType
        eventsByDocument = byDocument
        eventsByCountry = byCountry

        var bySpeaker: [String: [Int32]] = [:], byEvent: [String: [Int32]] = [:], byLanguage: [String: [Int32]] = [:]
        for (position, quote) in quotes.enumerated() {
            let id = Int32(position)
            bySpeaker[quote.speaker, default: []].append(id)
            if let event = quote.event { byEvent[event, default: []].append(id) }
            byLanguage[quote.language.lowercased(), default: []].append(id)
        }
        quotesBySpeaker = bySpeaker
        quotesByEvent = byEvent
        quotesByLanguage = byLanguage

        let actors = self.actors, events = self.events, quotes = self.quotes, documents = self.documents
        let documentPositions = self.documentPositions
        @Sendable func passage(_ cited: CitedSpan) -> String? {
            if let text = cited.text { return text }
            return documentPositions[cited.document].flatMap { documents[$0].text(of: cited.span) }
        }
        let rawNames = TextIndex.Raw(count: actors.count) { actors[$0].searchableNames }
        let rawEvents = TextIndex.Raw(count: events.count) { index in
            let event = events[index]
            return event.title.all + event.summary.all + event.sources.compactMap(passage)
        }
        let rawQuotes = TextIndex.Raw(count: quotes.count) { index in [quotes[index].text] + quotes[index].translation.all }
        let lexicon = Lexicon(stems: dataset.stems, tokens: [rawNames, rawEvents, rawQuotes].lazy.flatMap(\.tokens.keys))
        self.lexicon = lexicon
        actorNames = TextIndex(rawNames, lexicon: lexicon)
        eventText = TextIndex(rawEvents, lexicon: lexicon)
        quoteText = TextIndex(rawQuotes, lexicon: lexicon)
    }

    /// Sorted by date interval, then id: the sort moves small indices over flat day arrays, and the
    /// records are moved once at the end.
    private static func byDate<T>(_ items: [T], date: KeyPath<T, EDTFDate>, id: KeyPath<T, String>) -> [T] {
        let first = items.map { $0[keyPath: date].firstDay }, last = items.map { $0[keyPath: date].lastDay }
        // The ids too: reading one through the record inside the comparator would copy the record.
        let ids = items.map { $0[keyPath: id] }
        var order = Array(items.indices)
        order.sort { a, b in
            if first[a] != first[b] { return first[a] < first[b] }
            if last[a] != last[b] { return last[a] < last[b] }
            return ids[a] < ids[b]
        }
        return order.map { items[$0] }
    }

    private static func positions(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Lookups

    public func document(_ id: String) throws(DomainError) -> Document {
        guard let position = documentPositions[id] else { throw .notFound(kind: "document", id: id) }
        return documents[position]
    }

    public func actor(_ id: String) throws(DomainError) -> Actor {
        guard let position = actorPositions[id] else { throw .notFound(kind: "actor", id: id) }
        return actors[position]
    }

    public func event(_ id: String) throws(DomainError) -> Event {
        guard let position = eventPositions[id] else { throw .notFound(kind: "event", id: id) }
        return events[position]
    }

    public func quote(_ id: String) throws(DomainError) -> Quote {
        guard let position = quotePositions[id] else { throw .notFound(kind: "quote", id: id) }
        return quotes[position]
    }

    /// Positions in the sorted arrays, for per-record caches.
    public func eventPosition(_ id: String) -> Int? { eventPositions[id] }
    public func quotePosition(_ id: String) -> Int? { quotePositions[id] }
    public func actorPosition(_ id: String) -> Int? { actorPositions[id] }
    public func documentPosition(_ id: String) -> Int? { documentPositions[id] }

    public func hasActor(_ id: String) -> Bool { actorPositions[id] != nil }
    public func hasEvent(_ id: String) -> Bool { eventPositions[id] != nil }
    public func hasDocument(_ id: String) -> Bool { documentPositions[id] != nil }
}
