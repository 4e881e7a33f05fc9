// The indexes a store builds over its records (positions by id, events and quotes by field, date
// intervals), each an independent task run on every core: at a million events they are most of
// the time a store takes to open from a snapshot.
import ChronicleRecords
import Dispatch

struct StoreParts {
    var eventDays = DayIntervals([]), quoteDays = DayIntervals([])
    var documentPositions: [String: Int] = [:], actorPositions: [String: Int] = [:]
    var eventPositions: [String: Int] = [:], quotePositions: [String: Int] = [:]
    var eventsByActor: [String: [Int32]] = [:], eventsByType: [String: [Int32]] = [:]
    var eventsByDocument: [String: [Int32]] = [:], eventsByCountry: [String: [Int32]] = [:]
    var quotesBySpeaker: [String: [Int32]] = [:], quotesByEvent: [String: [Int32]] = [:], quotesByLanguage: [String: [Int32]] = [:]

    /// One independent piece of work: it builds some indexes and returns how to put them in place.
    private typealias Task = @Sendable () -> @Sendable (inout StoreParts) -> Void

    /// With `fieldIndexes` false, the events' and quotes' field indexes are left empty for the
    /// caller to set (a snapshot holds them); the id lookups and date intervals are built.
    init(documents: [Document], actors: [Actor], events: [Event], quotes: [Quote], fieldIndexes: Bool = true) {
        // Named tasks rather than numbered cases: a new index is one more closure in one of the lists.
        let lookups: [Task] = [
            { let positions = Self.positions(events.map(\.id)); return { $0.eventPositions = positions } },
            {
                let positions = Self.positions(quotes.map(\.id)), days = DayIntervals(quotes.map(\.date))
                return { $0.quotePositions = positions; $0.quoteDays = days }
            },
            {
                let days = DayIntervals(events.map(\.date))
                let documentPositions = Self.positions(documents.map(\.id)), actorPositions = Self.positions(actors.map(\.id))
                return { $0.eventDays = days; $0.documentPositions = documentPositions; $0.actorPositions = actorPositions }
            },
        ]
        let fields: [Task] = [
            {
                let (byActor, byDocument) = Self.eventsByActorAndDocument(events)
                return { $0.eventsByActor = byActor; $0.eventsByDocument = byDocument }
            },
            {
                let (byType, byCountry) = Self.eventsByTypeAndCountry(events)
                return { $0.eventsByType = byType; $0.eventsByCountry = byCountry }
            },
            {
                let (bySpeaker, byEvent, byLanguage) = Self.quoteIndexes(quotes)
                return { $0.quotesBySpeaker = bySpeaker; $0.quotesByEvent = byEvent; $0.quotesByLanguage = byLanguage }
            },
        ]
        let tasks = lookups + (fieldIndexes ? fields : [])
        let slots = ResultSlots<@Sendable (inout StoreParts) -> Void>(count: tasks.count)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in slots.set(index, tasks[index]()) }
        for fill in slots.all { fill(&self) }
    }

    typealias FieldIndex = (store: KeyPath<Store, [String: [Int32]]>, parts: WritableKeyPath<StoreParts, [String: [Int32]]>)

    /// The field indexes, in the order a snapshot holds them: where each lives in the store and in
    /// the parts, and the records its positions point into.
    static var fieldIndexes: [(index: FieldIndex, records: Store.Records)] {
        [
            ((\.eventsByActor, \.eventsByActor), .events), ((\.eventsByType, \.eventsByType), .events),
            ((\.eventsByDocument, \.eventsByDocument), .events), ((\.eventsByCountry, \.eventsByCountry), .events),
            ((\.quotesBySpeaker, \.quotesBySpeaker), .quotes), ((\.quotesByEvent, \.quotesByEvent), .quotes),
            ((\.quotesByLanguage, \.quotesByLanguage), .quotes),
        ]
    }

    static func positions(_ ids: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(ids.count)
        // The first of equal ids wins (the loader refuses duplicates; this keeps lookups defined).
        for (position, id) in ids.enumerated() where positions[id] == nil { positions[id] = position }
        return positions
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
