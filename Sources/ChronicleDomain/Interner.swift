// Many records repeat the same values (an event type's labels, a date, a date note). Decoding
// gives each its own heap copy; pointing equal values at one instance lets the copies go, which
// matters at a million events.

enum Interner {
    static func share(_ events: inout [Event], _ quotes: inout [Quote]) {
        var dates: [String: EDTFDate] = [:]
        var types: [String: Event.EventType] = [:]
        var notes: [String: String] = [:]
        func date(_ value: EDTFDate) -> EDTFDate {
            if let shared = dates[value.description] { return shared }
            dates[value.description] = value
            return value
        }
        for index in events.indices {
            events[index].date = date(events[index].date)
            let type = events[index].type
            let key = type.cameo.code + "\u{1}" + type.cameo.label + "\u{1}" + type.plover.code + "\u{1}" + type.plover.label
            if let shared = types[key] { events[index].type = shared } else { types[key] = type }
            if let note = events[index].dateNote {
                if let shared = notes[note] { events[index].dateNote = shared } else { notes[note] = note }
            }
        }
        for index in quotes.indices { quotes[index].date = date(quotes[index].date) }
    }
}
