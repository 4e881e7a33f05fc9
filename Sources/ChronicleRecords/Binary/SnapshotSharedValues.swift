// The values many records of a snapshot repeat, held once: event types, dates and date notes. A
// record refers to one by its index (0 for "none" where the field is optional), so the records read
// back share one instance of each, as `Interner` makes the loader's records share them.

struct SnapshotSharedValues {
    let types: [EventType]
    let dates: [EDTFDate]
    let notes: [String]

    init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        types = try r.read()
        dates = try r.read()
        notes = try r.read()
    }

    func type(_ r: inout SnapshotReader) throws(SnapshotError) -> EventType {
        types[try Self.index(&r, count: types.count)]
    }

    func date(_ r: inout SnapshotReader) throws(SnapshotError) -> EDTFDate {
        dates[try Self.index(&r, count: dates.count)]
    }

    func note(_ r: inout SnapshotReader) throws(SnapshotError) -> String? {
        let index = try Self.index(&r, count: notes.count + 1)
        return index == 0 ? nil : notes[index - 1]
    }

    private static func index(_ r: inout SnapshotReader, count: Int) throws(SnapshotError) -> Int {
        let index = try r.unsigned()
        guard index < UInt64(count) else { throw .damaged("shared value \(index) of \(count)") }
        return Int(index)
    }

    /// The tables of a store's events and quotes, and the index of each value in them.
    struct Builder {
        private(set) var types: [EventType] = []
        private(set) var dates: [EDTFDate] = []
        private(set) var notes: [String] = []
        private var typeIndex: [[UInt8]: Int] = [:]
        private var dateIndex: [String: Int] = [:]
        private var noteIndex: [String: Int] = [:]

        init(events: [Event], quotes: [Quote]) {
            for event in events {
                add(event.date)
                let key = event.type.sharingKey
                if typeIndex[key] == nil {
                    typeIndex[key] = types.count
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

        func write(to w: inout SnapshotWriter) {
            w.write(types)
            w.write(dates)
            w.write(notes)
        }

        func writeType(_ type: EventType, to w: inout SnapshotWriter) { w.count(typeIndex[type.sharingKey]!) }
        func writeDate(_ date: EDTFDate, to w: inout SnapshotWriter) { w.count(dateIndex[date.description]!) }
        func writeNote(_ note: String?, to w: inout SnapshotWriter) { w.count(note.map { noteIndex[$0]! + 1 } ?? 0) }
    }
}
