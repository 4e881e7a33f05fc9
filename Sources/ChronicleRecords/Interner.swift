// Many records repeat the same values (an event type's labels, a date, a date note). Decoding
// gives each its own heap copy; pointing equal values at one instance lets the copies go, which
// matters at a million events.

package enum Interner {
    package static func share(_ events: inout [Event], _ quotes: inout [Quote]) {
        var dates: [String: EDTFDate] = [:]
        // Equal types (every field equal, Hashable) share one instance.
        var types: [EventType: EventType] = [:]
        var notes: [String: String] = [:]
        func date(_ value: EDTFDate) -> EDTFDate {
            if let shared = dates[value.description] { return shared }
            dates[value.description] = value
            return value
        }
        for index in events.indices {
            events[index].date = date(events[index].date)
            let type = events[index].type
            if let shared = types[type] { events[index].type = shared } else { types[type] = type }
            if let note = events[index].dateNote {
                if let shared = notes[note] { events[index].dateNote = shared } else { notes[note] = note }
            }
        }
        for index in quotes.indices { quotes[index].date = date(quotes[index].date) }
    }
}
