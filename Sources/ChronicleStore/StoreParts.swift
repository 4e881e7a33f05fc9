// The indexes a store builds over its records (positions by id, events and quotes by field, date
// intervals), each an independent task run on every core: at a million events they are most of
// the time a store takes to open from a snapshot.
import ChronicleRecords
import Dispatch

struct StoreParts {
    /// Raised whenever what an index holds changes without its layout changing (which keys an event
    /// is filed under, `Principals`' rule): an index file names it, and one made under another
    /// version is rebuilt. `StoreSnapshotTests` records a digest of every index of the shipped data
    /// (the named ones here and in `Store.textIndexes`, every id lookup, the date intervals, and
    /// the indexes record types declare) under this version and fails when the indexes change and
    /// this does not.
    static let derivationVersion = 5

    var eventDays = DayIntervals([]), quoteDays = DayIntervals([])
    /// Each record type's id lookup, keyed by the type (`RecordKinds.all`).
    var idTables: [ObjectIdentifier: IDTable] = [:]
    var eventsByActor = FieldIndex([:]), eventsByType = FieldIndex([:])
    var eventsByDocument = FieldIndex([:]), eventsByCountry = FieldIndex([:])
    var quotesBySpeaker = FieldIndex([:]), quotesByEvent = FieldIndex([:]), quotesByLanguage = FieldIndex([:])
    var eventsBySource = FieldIndex([:]), eventsByTarget = FieldIndex([:])
    var eventsBySourceAgent = FieldIndex([:]), eventsByTargetAgent = FieldIndex([:]), quotesBySpeakerPrincipal = FieldIndex([:])
    var eventsByCertainty = FieldIndex([:]), eventsByStatement = FieldIndex([:]), eventsByFlag = FieldIndex([:])
    var quotesByStance = FieldIndex([:]), quotesByRefusedLabel = FieldIndex([:])
    var eventsByMonth = FieldIndex([:]), quotesByMonth = FieldIndex([:])
    var eventsByPrecision = FieldIndex([:])

    /// Parts an index file holds, every one of them.
    init(eventDays: DayIntervals, quoteDays: DayIntervals, idTables: [ObjectIdentifier: IDTable]) {
        self.eventDays = eventDays
        self.quoteDays = quoteDays
        self.idTables = idTables
    }

    /// One independent piece of work: it builds some indexes and returns how to put them in place.
    private typealias Task = @Sendable () -> @Sendable (inout StoreParts) -> Void

    /// Builds every part from records in store order (`RecordKind.inStoreOrder`).
    init(_ ordered: Dataset) {
        let actors = ordered.actors, events = ordered.events, quotes = ordered.quotes
        // Named tasks rather than numbered cases: a new index is one more closure in one of the lists.
        var lookups: [Task] = RecordKinds.all.map { Self.idTable($0, of: ordered) }
        lookups.append {
            let events = DayIntervals(events.map(\.date)), quotes = DayIntervals(quotes.map(\.date))
            return { $0.eventDays = events; $0.quoteDays = quotes }
        }
        let fields: [Task] = [
            {
                let (byActor, byDocument) = Self.eventsByActorAndDocument(events)
                let actor = FieldIndex(byActor), document = FieldIndex(byDocument)
                return { $0.eventsByActor = actor; $0.eventsByDocument = document }
            },
            {
                let (byType, byCountry) = Self.eventsByTypeAndCountry(events)
                let type = FieldIndex(byType), country = FieldIndex(byCountry)
                return { $0.eventsByType = type; $0.eventsByCountry = country }
            },
            {
                let (bySpeaker, byEvent, byLanguage) = Self.quoteIndexes(quotes)
                let speaker = FieldIndex(bySpeaker), event = FieldIndex(byEvent), language = FieldIndex(byLanguage)
                return { $0.quotesBySpeaker = speaker; $0.quotesByEvent = event; $0.quotesByLanguage = language }
            },
            {
                let roles = Self.roleIndexes(events, principals: Principals(actors: actors))
                return {
                    $0.eventsBySource = roles.source; $0.eventsByTarget = roles.target
                    $0.eventsBySourceAgent = roles.sourceAgent; $0.eventsByTargetAgent = roles.targetAgent
                }
            },
            {
                let speakers = FieldIndex(Self.speakerPrincipals(quotes, events: events, principals: Principals(actors: actors)))
                return { $0.quotesBySpeakerPrincipal = speakers }
            },
            {
                let events = FieldIndex(Self.byMonth(events.map(\.date))), quotes = FieldIndex(Self.byMonth(quotes.map(\.date)))
                return { $0.eventsByMonth = events; $0.quotesByMonth = quotes }
            },
            {
                var byPrecision: [String: [Int32]] = [:]
                for position in events.indices { byPrecision.add(Int32(position), to: events[position].date.precision.rawValue) }
                let precision = FieldIndex(byPrecision)
                return { $0.eventsByPrecision = precision }
            },
            {
                let (certainty, statement, flag, stance, refused) = Self.caveatIndexes(events, quotes)
                return {
                    $0.eventsByCertainty = certainty; $0.eventsByStatement = statement; $0.eventsByFlag = flag
                    $0.quotesByStance = stance; $0.quotesByRefusedLabel = refused
                }
            },
        ]
        let tasks = lookups + fields
        let slots = ResultSlots<@Sendable (inout StoreParts) -> Void>(count: tasks.count)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in slots.set(index, tasks[index]()) }
        for fill in slots.all { fill(&self) }
    }

    /// The task that builds one record type's id lookup.
    private static func idTable<Kind: RecordKind>(_ kind: Kind.Type, of ordered: Dataset) -> Task {
        let records = ordered[kind], key = ObjectIdentifier(kind)
        return {
            let table = IDTable(records.map(\.id))
            return { $0.idTables[key] = table }
        }
    }

    typealias FieldIndexPath = (store: KeyPath<Store, FieldIndex>, parts: WritableKeyPath<StoreParts, FieldIndex>)

    /// The field indexes, in the order an index file holds them: where each lives in the store and
    /// in the parts, and the records its positions point into.
    static var fieldIndexes: [(index: FieldIndexPath, records: any RecordKind.Type)] {
        [
            ((\.eventsByActor, \.eventsByActor), Event.self), ((\.eventsByType, \.eventsByType), Event.self),
            ((\.eventsByDocument, \.eventsByDocument), Event.self), ((\.eventsByCountry, \.eventsByCountry), Event.self),
            ((\.quotesBySpeaker, \.quotesBySpeaker), Quote.self), ((\.quotesByEvent, \.quotesByEvent), Quote.self),
            ((\.quotesByLanguage, \.quotesByLanguage), Quote.self),
            ((\.eventsBySource, \.eventsBySource), Event.self), ((\.eventsByTarget, \.eventsByTarget), Event.self),
            ((\.eventsBySourceAgent, \.eventsBySourceAgent), Event.self), ((\.eventsByTargetAgent, \.eventsByTargetAgent), Event.self),
            ((\.quotesBySpeakerPrincipal, \.quotesBySpeakerPrincipal), Quote.self),
            ((\.eventsByCertainty, \.eventsByCertainty), Event.self), ((\.eventsByStatement, \.eventsByStatement), Event.self),
            ((\.eventsByFlag, \.eventsByFlag), Event.self), ((\.quotesByStance, \.quotesByStance), Quote.self),
            ((\.quotesByRefusedLabel, \.quotesByRefusedLabel), Quote.self),
            ((\.eventsByMonth, \.eventsByMonth), Event.self), ((\.quotesByMonth, \.quotesByMonth), Quote.self),
            ((\.eventsByPrecision, \.eventsByPrecision), Event.self),
        ]
    }

    private static func eventsByActorAndDocument(_ events: [Event]) -> ([String: [Int32]], [String: [Int32]]) {
        var byActor: [String: [Int32]] = [:], byDocument: [String: [Int32]] = [:]
        // By position, reading fields in place: a copy of each event would retain and release every field.
        for position in events.indices {
            let id = Int32(position)
            // An actor or document named twice in one event lists the event once.
            for participant in events[position].actors { byActor.add(id, to: participant.actor) }
            for source in events[position].sources { byDocument.add(id, to: source.document) }
        }
        return (byActor, byDocument)
    }

    private static func eventsByTypeAndCountry(_ events: [Event]) -> ([String: [Int32]], [String: [Int32]]) {
        var byType: [String: [Int32]] = [:], byCountry: [String: [Int32]] = [:]
        for position in events.indices {
            let id = Int32(position)
            // Every prefix of the CAMEO code (so "11" finds 111 and 112 with one lookup) and the PLOVER type.
            for key in events[position].type.searchKeys { byType.add(id, to: key) }
            if let country = events[position].location?.country { byCountry[country.uppercased(), default: []].append(id) }
        }
        return (byType, byCountry)
    }

    private static func quoteIndexes(_ quotes: [Quote]) -> ([String: [Int32]], [String: [Int32]], [String: [Int32]]) {
        var bySpeaker: [String: [Int32]] = [:], byEvent: [String: [Int32]] = [:], byLanguage: [String: [Int32]] = [:]
        for position in quotes.indices {
            let id = Int32(position)
            bySpeaker[quotes[position].speaker, default: []].append(id)
            if let event = quotes[position].event { byEvent[event, default: []].append(id) }
            byLanguage[quotes[position].language.lowercased(), default: []].append(id)
        }
        return (bySpeaker, byEvent, byLanguage)
    }
}

extension StoreParts {
    /// Events by source and by target, at the principal level and as named.
    private static func roleIndexes(
        _ events: [Event], principals: Principals
    ) -> (source: FieldIndex, target: FieldIndex, sourceAgent: FieldIndex, targetAgent: FieldIndex) {
        var source: [String: [Int32]] = [:], target: [String: [Int32]] = [:]
        var sourceAgent: [String: [Int32]] = [:], targetAgent: [String: [Int32]] = [:]
        for position in events.indices {
            let id = Int32(position)
            for participant in events[position].actors where participant.role == .source || participant.role == .target {
                let isSource = participant.role == .source
                // `add` lists an event once per key however many of its participants share the key.
                if isSource { sourceAgent.add(id, to: participant.actor) } else { targetAgent.add(id, to: participant.actor) }
                for key in principals.keys(of: participant) {
                    if isSource { source.add(id, to: key) } else { target.add(id, to: key) }
                }
            }
        }
        return (FieldIndex(source), FieldIndex(target), FieldIndex(sourceAgent), FieldIndex(targetAgent))
    }

    /// Events by date certainty, statement and assertion flag; quotes by stance and refused label.
    private static func caveatIndexes(
        _ events: [Event], _ quotes: [Quote]
    ) -> (FieldIndex, FieldIndex, FieldIndex, FieldIndex, FieldIndex) {
        var certainty: [String: [Int32]] = [:], statement: [String: [Int32]] = [:], flag: [String: [Int32]] = [:]
        for position in events.indices {
            let id = Int32(position)
            certainty.add(id, to: events[position].certainty.rawValue)
            if let name = events[position].statement { statement.add(id, to: name) }
            for name in events[position].assertion.flags { flag.add(id, to: name) }
        }
        var stance: [String: [Int32]] = [:], refused: [String: [Int32]] = [:]
        for position in quotes.indices {
            stance.add(Int32(position), to: quotes[position].stance.rawValue)
            refused.add(Int32(position), to: String(quotes[position].refusedLabel))
        }
        return (FieldIndex(certainty), FieldIndex(statement), FieldIndex(flag), FieldIndex(stance), FieldIndex(refused))
    }

    /// Records by the months of the year they are dated in ("1"–"12"; `EDTFDate.months`), which a
    /// month's name in a search finds in every system.
    private static func byMonth(_ dates: [EDTFDate]) -> [String: [Int32]] {
        var byMonth: [String: [Int32]] = [:]
        for (position, date) in dates.enumerated() {
            for month in date.months { byMonth.add(Int32(position), to: String(month)) }
        }
        return byMonth
    }

    /// Quotes by every key their speaker is found under at the principal level.
    private static func speakerPrincipals(_ quotes: [Quote], events: [Event], principals: Principals) -> [String: [Int32]] {
        var positions: [String: Int] = [:]
        for (position, event) in events.enumerated() where positions[event.id] == nil { positions[event.id] = position }
        var bySpeaker: [String: [Int32]] = [:]
        for position in quotes.indices {
            for key in principals.speakerKeys(quotes[position], events: { positions[$0].map { events[$0] } }) {
                bySpeaker.add(Int32(position), to: key)
            }
        }
        return bySpeaker
    }
}

extension Dictionary where Value == [Int32] {
    /// Appends `id` to `key`'s list unless it is its last already (a record naming a key twice),
    /// with one lookup.
    mutating func add(_ id: Int32, to key: Key) {
        Self.appendOnce(&self[key, default: []], id)
    }

    private static func appendOnce(_ list: inout [Int32], _ id: Int32) {
        if list.last != id { list.append(id) }
    }
}
