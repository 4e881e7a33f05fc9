// Many records repeat the same values (an event type's labels, a date, a date note). Decoding
// gives each its own heap copy; pointing equal values at one instance lets the copies go, which
// matters at a million events.

enum Interner {
    static func share(_ events: inout [Event], _ quotes: inout [Quote]) {
        var dates: [String: EDTFDate] = [:]
        var types: [[UInt8]: EventType] = [:]
        var notes: [String: String] = [:]
        func date(_ value: EDTFDate) -> EDTFDate {
            if let shared = dates[value.description] { return shared }
            dates[value.description] = value
            return value
        }
        for index in events.indices {
            events[index].date = date(events[index].date)
            let key = events[index].type.sharingKey
            if let shared = types[key] { events[index].type = shared } else { types[key] = events[index].type }
            if let note = events[index].dateNote {
                if let shared = notes[note] { events[index].dateNote = shared } else { notes[note] = note }
            }
        }
        for index in quotes.indices { quotes[index].date = date(quotes[index].date) }
    }
}

extension EventType {
    /// Equal exactly when every field is (its snapshot encoding), so equal types may share one instance.
    var sharingKey: [UInt8] {
        var writer = SnapshotWriter(capacity: 256)
        write(to: &writer)
        return writer.bytes
    }
}
