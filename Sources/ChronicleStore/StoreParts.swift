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

    /// With `fieldIndexes` false, the events' and quotes' field indexes are left empty for the
    /// caller to set (a snapshot holds them); the id lookups and date intervals are built.
    init(documents: [Document], actors: [Actor], events: [Event], quotes: [Quote], fieldIndexes: Bool = true) {
        let slots = ResultSlots<(inout StoreParts) -> Void>(count: 6)
        let tasks = fieldIndexes ? [0, 1, 2, 3, 4, 5] : [0, 3, 5]
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
            let task = tasks[index]
            switch task {
            case 0:
                let positions = Self.positions(events.map(\.id))
                slots.set(task) { $0.eventPositions = positions }
            case 1:
                let (byActor, byDocument) = Self.eventsByActorAndDocument(events)
                slots.set(task) { $0.eventsByActor = byActor; $0.eventsByDocument = byDocument }
            case 2:
                let (byType, byCountry) = Self.eventsByTypeAndCountry(events)
                slots.set(task) { $0.eventsByType = byType; $0.eventsByCountry = byCountry }
            case 3:
                let positions = Self.positions(quotes.map(\.id))
                let days = DayIntervals(quotes.map(\.date))
                slots.set(task) { $0.quotePositions = positions; $0.quoteDays = days }
            case 4:
                let (bySpeaker, byEvent, byLanguage) = Self.quoteIndexes(quotes)
                slots.set(task) { $0.quotesBySpeaker = bySpeaker; $0.quotesByEvent = byEvent; $0.quotesByLanguage = byLanguage }
            default:
                let days = DayIntervals(events.map(\.date))
                let documentPositions = Self.positions(documents.map(\.id)), actorPositions = Self.positions(actors.map(\.id))
                slots.set(task) { $0.eventDays = days; $0.documentPositions = documentPositions; $0.actorPositions = actorPositions }
            }
        }
        for fill in slots.all { fill(&self) }
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
