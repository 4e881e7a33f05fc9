// The in-memory store: immutable once built, so any number of threads read it without locks.
// Events and quotes are kept sorted by date (then id); every index maps a key to ascending
// positions in those arrays, so intersections stay sorted and a page is a slice.

import ChronicleText
import ChronicleRecords
public final class Store: Sendable {
    public let documents: [Document]
    public let actors: [Actor]
    /// Events and quotes: values, or their stored bytes in a mapped index file (`RecordList`).
    public let events: RecordList<Event>
    public let quotes: RecordList<Quote>
    /// See `Dataset.fingerprint`.
    public let fingerprint: String
    /// The codebooks the data follows and its coding history (dataset.json).
    public let info: DatasetInfo?

    let documentPositions: IDTable
    let actorPositions: IDTable
    let eventPositions: IDTable
    let quotePositions: IDTable
    let eventsByActor: FieldIndex
    let eventsByType: FieldIndex
    let eventsByDocument: FieldIndex
    let eventsByCountry: FieldIndex
    let quotesBySpeaker: FieldIndex
    /// Roles at the principal level (the actor and whom it counts as: `Principals`) and as named.
    let eventsBySource: FieldIndex
    let eventsByTarget: FieldIndex
    let eventsBySourceAgent: FieldIndex
    let eventsByTargetAgent: FieldIndex
    let quotesBySpeakerPrincipal: FieldIndex
    /// Caveats as filters: events by date certainty, statement and assertion flag; quotes by stance
    /// and by whether they are a refused label ("true", "false").
    let eventsByCertainty: FieldIndex
    let eventsByStatement: FieldIndex
    let eventsByFlag: FieldIndex
    let quotesByStance: FieldIndex
    let quotesByRefusedLabel: FieldIndex
    /// Events and quotes by the months they are dated in, for month names in a search.
    let eventsByMonth: FieldIndex
    let eventsByPrecision: FieldIndex
    let quotesByMonth: FieldIndex
    /// Whom each actor counts as, for pair counts at the principal level.
    let principals: Principals
    /// Each ambiguous name's search terms, analysed once (`ambiguities(in:)`).
    let ambiguousNames: [(terms: [[UInt8]], ambiguity: Ambiguity)]
    let quotesByEvent: FieldIndex
    let quotesByLanguage: FieldIndex
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

    /// The records an index's positions point into.
    enum Records { case actors, events, quotes }

    /// The text indexes, in the order a snapshot holds them, with the records each one's postings
    /// point into.
    static var textIndexes: [(index: KeyPath<Store, TextIndex>, records: Records)] {
        [(\.actorNames, .actors), (\.eventText, .events), (\.quoteText, .quotes)]
    }

    /// Loads, checks and indexes a data directory.
    public static func load(directory: String) throws(DatasetError) -> Store {
        Store(try Dataset.load(directory: directory))
    }

    /// Indexes a dataset that `Dataset.load` has checked.
    public convenience init(_ dataset: Dataset) {
        let documents = dataset.documents.sorted { $0.id < $1.id }
        let actors = dataset.actors.sorted { $0.id < $1.id }
        let events = Self.byDate(dataset.events, date: \.date, id: \.id)
        let quotes = Self.byDate(dataset.quotes, date: \.date, id: \.id)
        let documentPositions = IDTable(documents.map(\.id))
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
        let (lexicon, stem) = Lexicon.forIndexing(
            stems: dataset.stems, tokens: [rawNames, rawEvents, rawQuotes].lazy.flatMap(\.tokens.keys))
        // Six independent pieces, built on every core: the id lookups, and the events' and the
        // quotes' field indexes.
        let parts = StoreParts(documents: documents, actors: actors, events: events, quotes: quotes)
        self.init(
            fingerprint: dataset.fingerprint, info: dataset.info, documents: documents, actors: actors,
            events: RecordList(events), quotes: RecordList(quotes), lexicon: lexicon, actorNames: TextIndex(rawNames, stem: stem),
            eventText: TextIndex(rawEvents, stem: stem), quoteText: TextIndex(rawQuotes, stem: stem), parts: parts)
    }

    /// A store from records already in its order (documents and actors by id, events and quotes by
    /// date then id) and its indexes, as `init(_:)` builds them or an index file holds them.
    init(fingerprint: String, info: DatasetInfo?, documents: [Document], actors: [Actor], events: RecordList<Event>,
         quotes: RecordList<Quote>, lexicon: Lexicon, actorNames: TextIndex, eventText: TextIndex, quoteText: TextIndex,
         parts: StoreParts) {
        self.fingerprint = fingerprint
        self.info = info
        self.documents = documents
        self.actors = actors
        self.events = events
        self.quotes = quotes
        self.lexicon = lexicon
        self.actorNames = actorNames
        self.eventText = eventText
        self.quoteText = quoteText
        eventDays = parts.eventDays
        quoteDays = parts.quoteDays
        documentPositions = parts.documentPositions
        actorPositions = parts.actorPositions
        eventPositions = parts.eventPositions
        quotePositions = parts.quotePositions
        eventsByActor = parts.eventsByActor
        eventsByType = parts.eventsByType
        eventsByDocument = parts.eventsByDocument
        eventsByCountry = parts.eventsByCountry
        quotesBySpeaker = parts.quotesBySpeaker
        eventsBySource = parts.eventsBySource
        eventsByTarget = parts.eventsByTarget
        eventsBySourceAgent = parts.eventsBySourceAgent
        eventsByTargetAgent = parts.eventsByTargetAgent
        quotesBySpeakerPrincipal = parts.quotesBySpeakerPrincipal
        principals = Principals(actors: actors)
        ambiguousNames = Self.analysedAmbiguousNames(actors, lexicon: lexicon)
        eventsByCertainty = parts.eventsByCertainty
        eventsByStatement = parts.eventsByStatement
        eventsByFlag = parts.eventsByFlag
        quotesByStance = parts.quotesByStance
        quotesByRefusedLabel = parts.quotesByRefusedLabel
        eventsByMonth = parts.eventsByMonth
        eventsByPrecision = parts.eventsByPrecision
        quotesByMonth = parts.quotesByMonth
        quotesByEvent = parts.quotesByEvent
        quotesByLanguage = parts.quotesByLanguage
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

    /// How a quote's date is known: its primary event's certainty and date note, when the two share
    /// the date (nil otherwise, or without an event).
    public func dating(of quote: Quote) -> (certainty: Event.Certainty, note: String?)? {
        guard let id = quote.event ?? quote.events.first, let event = try? event(id), event.date.description == quote.date.description
        else {
            return nil
        }
        return (event.certainty, event.dateNote)
    }

    /// The statements and the assertion flags the events have, sorted: what `statement=` and `flag=` accept.
    public var statements: [String] { eventsByStatement.keyStrings }
    public var assertionFlags: [String] { eventsByFlag.keyStrings }
}
