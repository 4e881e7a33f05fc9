// Many records repeat the same values (an event type's labels, a date, a date note). Decoding
// gives each its own heap copy; pointing equal values at one instance lets the copies go, which
// matters at a million events.

enum Interner {
    static func share(_ events: inout [Event], _ quotes: inout [Quote]) {
        var dates: [String: EDTFDate] = [:]
        var types: [String: EventType] = [:]
        var notes: [String: String] = [:]
        func date(_ value: EDTFDate) -> EDTFDate {
            if let shared = dates[value.description] { return shared }
            dates[value.description] = value
            return value
        }
        for index in events.indices {
            events[index].date = date(events[index].date)
            let type = events[index].type
            // Equal codes and labels share one instance; anything else that differs keeps its own.
            let plover = type.plover.map { [$0.code, $0.label, $0.mode ?? ""] + $0.context + ["|"] + $0.contextExtra } ?? []
            let key = ([type.cameo.code, type.cameo.label, type.cameo.root, type.cameo.rootLabel ?? "", type.cameo.base,
                        type.cameo.baseLabel ?? "", type.cameo.codebook ?? "", type.ploverNote ?? ""] + plover).joined(separator: "\u{1}")
            if let shared = types[key] { events[index].type = shared } else { types[key] = type }
            if let note = events[index].dateNote {
                if let shared = notes[note] { events[index].dateNote = shared } else { notes[note] = note }
            }
        }
        for index in quotes.indices { quotes[index].date = date(quotes[index].date) }
    }
}
