// The in-memory store: immutable once built, so any number of threads read it without locks.
// Events and quotes are kept sorted by date (then id); every index maps a key to ascending
// positions in those arrays, so intersections stay sorted and a page is a slice.

import ChronicleText
import ChronicleRecords
public final class Store: Sendable {
    /// Every record type's records in store order (values, or their stored bytes in a mapped index
    /// file: `RecordList`) and its id lookup, one table per type of `RecordKinds.all`.
    package let tables: RecordTables
    /// See `Dataset.fingerprint`.
    public let fingerprint: String
    /// The codebooks the data follows and its coding history (dataset.json).
    public let info: DatasetInfo?

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

    /// The text indexes, in the order an index file holds them, with the record type each one's
    /// postings point into.
    static var textIndexes: [(index: KeyPath<Store, TextIndex>, records: any RecordKind.Type)] {
        [(\.actorNames, Actor.self), (\.eventText, Event.self), (\.quoteText, Quote.self)]
    }

    /// Loads, checks and indexes a data directory.
    public static func load(directory: String) throws(DatasetError) -> Store {
        Store(try Dataset.load(directory: directory))
    }

    /// Indexes a dataset that `Dataset.load` has checked.
    public convenience init(_ dataset: Dataset) {
        var ordered = Dataset(fingerprint: dataset.fingerprint)
        for kind in RecordKinds.all { Self.order(kind, of: dataset, into: &ordered) }
        let documents = ordered.documents, actors = ordered.actors, events = ordered.events, quotes = ordered.quotes
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
        // The texts other record types declare (`RecordKind.searchableText`) share the lexicon.
        var declaredTexts: [ObjectIdentifier: TextIndex.Raw] = [:]
        for kind in RecordKinds.all { declaredTexts[ObjectIdentifier(kind)] = Self.declaredText(kind, of: ordered) }
        let (lexicon, stem) = Lexicon.forIndexing(
            stems: dataset.stems, tokens: ([rawNames, rawEvents, rawQuotes] + declaredTexts.values).lazy.flatMap(\.tokens.keys))
        // Independent pieces, built on every core: the id lookups, the date intervals, and the
        // events' and the quotes' field indexes.
        let parts = StoreParts(ordered)
        var tables = RecordTables()
        for kind in RecordKinds.all {
            let text = declaredTexts[ObjectIdentifier(kind)].map { TextIndex($0, stem: stem) }
            Self.fill(&tables, kind, from: ordered, parts: parts, text: text)
        }
        self.init(
            fingerprint: dataset.fingerprint, info: dataset.info, tables: tables, lexicon: lexicon,
            actorNames: TextIndex(rawNames, stem: stem), eventText: TextIndex(rawEvents, stem: stem),
            quoteText: TextIndex(rawQuotes, stem: stem), parts: parts)
    }

    private static func order<Kind: RecordKind>(_ kind: Kind.Type, of dataset: Dataset, into ordered: inout Dataset) {
        ordered[kind] = kind.inStoreOrder(dataset[kind])
    }

    private static func fill<Kind: RecordKind>(
        _ tables: inout RecordTables, _ kind: Kind.Type, from ordered: Dataset, parts: StoreParts, text: TextIndex?
    ) {
        let positions = parts.idTables[ObjectIdentifier(kind)] ?? IDTable([])
        tables[kind] = table(kind, ordered[kind], positions: positions, text: text)
    }

    /// A record type's table from its records in store order: its declared fields indexed.
    static func table<Kind: RecordKind>(_ kind: Kind.Type, _ records: [Kind], positions: IDTable, text: TextIndex?) -> RecordTable<Kind> {
        var fields: [String: FieldIndex] = [:]
        for field in kind.indexedFields {
            var byKey: [String: [Int32]] = [:]
            for position in records.indices {
                for key in field.filed(records[position]) { byKey[key, default: []].append(Int32(position)) }
            }
            fields[field.name] = FieldIndex(byKey)
        }
        return RecordTable(records: RecordList(records), positions: positions, fields: fields, text: text)
    }

    /// The texts a record type declares for search, record by record; nil when it declares none.
    private static func declaredText<Kind: RecordKind>(_ kind: Kind.Type, of ordered: Dataset) -> TextIndex.Raw? {
        guard let texts = kind.searchableText else { return nil }
        let records = ordered[kind]
        return TextIndex.Raw(count: records.count) { texts(records[$0]) }
    }

    /// A store from records already in its order (`RecordKind.inStoreOrder`) and its indexes, as
    /// `init(_:)` builds them or an index file holds them.
    init(
        fingerprint: String, info: DatasetInfo?, tables: RecordTables, lexicon: Lexicon, actorNames: TextIndex, eventText: TextIndex,
        quoteText: TextIndex, parts: StoreParts
    ) {
        self.fingerprint = fingerprint
        self.info = info
        self.tables = tables
        self.lexicon = lexicon
        self.actorNames = actorNames
        self.eventText = eventText
        self.quoteText = quoteText
        eventDays = parts.eventDays
        quoteDays = parts.quoteDays
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
        let actors = Array(tables[Actor.self].records)
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

    // MARK: Lookups

    /// The records of one type, in store order.
    package func records<Kind: RecordKind>(_ kind: Kind.Type) -> RecordList<Kind> { tables[kind].records }

    /// The record with `id`, or `notFound` naming the type.
    package func record<Kind: RecordKind>(_ kind: Kind.Type, _ id: String) throws(DomainError) -> Kind {
        let table = tables[kind]
        guard let position = table.positions[id] else { throw .notFound(kind: kind.singular, id: id) }
        return table.records[position]
    }

    /// Where the record with `id` is in store order, for per-record caches.
    package func position<Kind: RecordKind>(_ kind: Kind.Type, _ id: String) -> Int? { tables[kind].positions[id] }

    /// Each record type's collection and its count, in `RecordKinds.all`'s order.
    public var counts: [(collection: String, count: Int)] { RecordKinds.all.map { ($0.collection, count(of: $0)) } }

    private func count<Kind: RecordKind>(of kind: Kind.Type) -> Int { tables[kind].records.count }

    /// One record type's id lookup, for the index file.
    func idTable<Kind: RecordKind>(_ kind: Kind.Type) -> IDTable { tables[kind].positions }

    /// One record type's declared fields' indexes, by name, and its declared texts' index.
    func declaredFields<Kind: RecordKind>(_ kind: Kind.Type) -> [String: FieldIndex] { tables[kind].fields }
    func declaredText<Kind: RecordKind>(_ kind: Kind.Type) -> TextIndex? { tables[kind].text }

    /// The values a record type's declared field has, as they are filed (in lower case when the field
    /// folds case), in byte order: what the field's filter accepts.
    package func values<Kind: RecordKind>(_ kind: Kind.Type, of field: String) -> [String] {
        tables[kind].fields[field]?.keyStrings ?? []
    }

    /// Whether some record of the type has `value` in a declared field, compared as the filter compares it.
    package func has<Kind: RecordKind>(_ kind: Kind.Type, _ field: String, _ value: String) -> Bool {
        guard let declared = Kind.indexedFields.first(where: { $0.name == field }), let index = tables[kind].fields[field] else {
            return false
        }
        return index.contains(declared.asked(value))
    }

    public var documents: RecordList<Document> { tables[Document.self].records }
    public var actors: RecordList<Actor> { tables[Actor.self].records }
    public var events: RecordList<Event> { tables[Event.self].records }
    public var quotes: RecordList<Quote> { tables[Quote.self].records }

    public func document(_ id: String) throws(DomainError) -> Document { try record(Document.self, id) }
    public func actor(_ id: String) throws(DomainError) -> Actor { try record(Actor.self, id) }
    public func event(_ id: String) throws(DomainError) -> Event { try record(Event.self, id) }
    public func quote(_ id: String) throws(DomainError) -> Quote { try record(Quote.self, id) }

    public func eventPosition(_ id: String) -> Int? { position(Event.self, id) }
    public func quotePosition(_ id: String) -> Int? { position(Quote.self, id) }
    public func actorPosition(_ id: String) -> Int? { position(Actor.self, id) }
    public func documentPosition(_ id: String) -> Int? { position(Document.self, id) }

    public func hasActor(_ id: String) -> Bool { actorPosition(id) != nil }
    public func hasEvent(_ id: String) -> Bool { eventPosition(id) != nil }
    public func hasDocument(_ id: String) -> Bool { documentPosition(id) != nil }

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

    /// The languages the quotes are in, in lower case and sorted: what `lang=` accepts (in any case).
    public var quoteLanguages: [String] { quotesByLanguage.keyStrings }
    public func hasQuoteLanguage(_ language: String) -> Bool { quotesByLanguage.contains(language.lowercased()) }
}
