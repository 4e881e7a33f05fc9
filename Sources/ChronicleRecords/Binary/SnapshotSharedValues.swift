// The values many records of a snapshot repeat, held once: event types, dates and date notes. A
// record refers to one by its index (0 for "none" where the field is optional), so the records read
// back share one instance of each, as `Interner` makes the loader's records share them.

package struct SnapshotSharedValues: Sendable {
    package let types: [EventType]
    package let dates: [EDTFDate]
    package let notes: [String]

    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        types = try r.read()
        dates = try r.read()
        notes = try r.read()
    }

    package func type(_ r: inout SnapshotReader) throws(SnapshotError) -> EventType {
        types[try Self.index(&r, count: types.count)]
    }

    package func date(_ r: inout SnapshotReader) throws(SnapshotError) -> EDTFDate {
        dates[try Self.index(&r, count: dates.count)]
    }

    package func note(_ r: inout SnapshotReader) throws(SnapshotError) -> String? {
        let index = try Self.index(&r, count: notes.count + 1)
        return index == 0 ? nil : notes[index - 1]
    }

    private static func index(_ r: inout SnapshotReader, count: Int) throws(SnapshotError) -> Int {
        let index = try r.unsigned()
        guard index < UInt64(count) else { throw .damaged("shared value \(index) of \(count)") }
        return Int(index)
    }

    /// The tables of a store's events and quotes, and the index of each value in them.
    package struct Builder {
        private(set) var types: [EventType] = []
        private(set) var dates: [EDTFDate] = []
        private(set) var notes: [String] = []
        private var typeIndex: [EventType: Int] = [:]
        private var dateIndex: [String: Int] = [:]
        private var noteIndex: [String: Int] = [:]

        package init(events: some Sequence<Event>, quotes: some Sequence<Quote>) {
            for event in events {
                add(event.date)
                if typeIndex[event.type] == nil {
                    typeIndex[event.type] = types.count
                    types.append(event.type)
                }
                if let note = event.dateNote, noteIndex[note] == nil {
                    noteIndex[note] = notes.count
                    notes.append(note)
                }
            }
            for quote in quotes { add(quote.date) }
        }

        private mutating func add(_ date: EDTFDate) {
            if dateIndex[date.description] == nil {
                dateIndex[date.description] = dates.count
                dates.append(date)
            }
        }

        package func write(to w: inout SnapshotWriter) {
            w.write(types)
            w.write(dates)
            w.write(notes)
        }

        package func writeType(_ type: EventType, to w: inout SnapshotWriter) { w.count(typeIndex[type]!) }
        package func writeDate(_ date: EDTFDate, to w: inout SnapshotWriter) { w.count(dateIndex[date.description]!) }
        package func writeNote(_ note: String?, to w: inout SnapshotWriter) { w.count(note.map { noteIndex[$0]! + 1 } ?? 0) }
    }
}
