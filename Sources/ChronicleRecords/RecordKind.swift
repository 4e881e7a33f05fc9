// What every layer needs to know of one record type, declared once, by the type itself
// (ARCHITECTURE.md, "Where to add what"): its collection's name, which names its data file, its
// count and its routes; what one record is called in messages; its id; the order the store keeps
// the records in; how an index file holds them; the fields and texts its list filters and
// searches by. `RecordKinds.all` lists the types: reading a data directory, its fingerprint, the
// store's tables, id lookups and declared indexes, and the index file's records go through that
// list. The indexes built across types (an event's principals, the passages it cites) are listed
// by name instead (`StoreParts.fieldIndexes`, `Store.textIndexes`), each with the type it points into.

/// A record type of the dataset.
package protocol RecordKind: Codable, Sendable {
    /// The collection: the data file `<collection>.json`, the key of its count, the metrics label.
    static var collection: String { get }
    /// One record, in messages ("there is no event with id …").
    static var singular: String { get }
    /// The data file, relative to the data directory.
    static var file: String { get }
    var id: String { get }
    /// The records in the order the store keeps them (and pages them): by id unless the type says otherwise.
    static func inStoreOrder(_ records: [Self]) -> [Self]
    /// Whether an index file keeps the records as their stored bytes, each decoded when it is read
    /// (the large collections), rather than decoding all of them when the file is opened.
    static var readInPlace: Bool { get }
    /// The record's encoding in an index file (`Binary/`). `shared` holds the event types, dates and
    /// date notes of events and quotes, which their encodings refer to by index; another type
    /// writes its values itself.
    init(snapshot r: inout SnapshotReader, shared: SnapshotSharedValues) throws(SnapshotError)
    func write(to w: inout SnapshotWriter, shared: SnapshotSharedValues.Builder)
    /// The fields its list filters by, each indexed on its own (`GET /<collection>?<name>=…`). None
    /// by default: events, quotes and actors have filters of their own, built across types
    /// (`StoreParts`), and their list routes.
    static var indexedFields: [IndexedField<Self>] { get }
    /// The texts `q=` searches in its list, analysed as every text is (one lexicon, one stemmer for
    /// index and query); nil when its list has no search (the default, for the same reason).
    static var searchableText: (@Sendable (Self) -> [String])? { get }
}

/// A field a record type's list filters by: `GET /<collection>?<name>=value` keeps the records
/// whose keys include the value; several values keep those with any of them.
package struct IndexedField<Record>: Sendable {
    package let name: String
    /// Whether keys and the values asked for are compared in lower case (`language=FR` is `fr`).
    package let foldsCase: Bool
    package let keys: @Sendable (Record) -> [String]

    package init(_ name: String, foldsCase: Bool = false, keys: @escaping @Sendable (Record) -> [String]) {
        self.name = name
        self.foldsCase = foldsCase
        self.keys = keys
    }

    /// The keys a record is filed under.
    package func filed(_ record: Record) -> Set<String> { Set(keys(record).map { foldsCase ? $0.lowercased() : $0 }) }

    /// A value asked for, as the keys are filed.
    package func asked(_ value: String) -> String { foldsCase ? value.lowercased() : value }
}

extension RecordKind {
    package static var file: String { collection + ".json" }
    package static func inStoreOrder(_ records: [Self]) -> [Self] { records.sorted { $0.id < $1.id } }
    package static var readInPlace: Bool { false }
    package static var indexedFields: [IndexedField<Self>] { [] }
    package static var searchableText: (@Sendable (Self) -> [String])? { nil }
    /// The names of `indexedFields`, in their order.
    package static var indexedFieldNames: [String] { indexedFields.map(\.name) }
    package static var isSearchable: Bool { searchableText != nil }
}

extension RecordKind where Self: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader, shared: SnapshotSharedValues) throws(SnapshotError) {
        try self.init(snapshot: &r)
    }

    package func write(to w: inout SnapshotWriter, shared: SnapshotSharedValues.Builder) { write(to: &w) }
}

/// Records kept in date order: by the first day of their date, then the last, then id. The sort
/// moves small indices over flat day arrays, and the records are moved once at the end.
package protocol DatedRecordKind: RecordKind {
    var date: EDTFDate { get }
}

extension DatedRecordKind {
    package static func inStoreOrder(_ items: [Self]) -> [Self] {
        let first = items.map { $0.date.firstDay }, last = items.map { $0.date.lastDay }
        // The ids too: reading one through the record inside the comparator would copy the record.
        let ids = items.map(\.id)
        var order = Array(items.indices)
        order.sort { a, b in
            if first[a] != first[b] { return first[a] < first[b] }
            if last[a] != last[b] { return last[a] < last[b] }
            return ids[a] < ids[b]
        }
        return order.map { items[$0] }
    }
}

/// The dataset's record types, in the order their files are read and fingerprinted.
package enum RecordKinds {
    package static let all: [any RecordKind.Type] = [Document.self, Actor.self, Event.self, Quote.self]

    /// The collections' names, in that order.
    package static var collections: [String] { all.map { $0.collection } }

    /// What an index file made for these types holds of each, in order: "documents[language,kind],
    /// actors, events*, quotes*" (`*`: read in place; in brackets, the declared fields, and `q` for
    /// declared texts). A file with another signature has other sections and is not read.
    package static var signature: String {
        all.map { kind in
            let declared = kind.indexedFieldNames + (kind.isSearchable ? ["q"] : [])
            return kind.collection + (kind.readInPlace ? "*" : "") + (declared.isEmpty ? "" : "[\(declared.joined(separator: ","))]")
        }.joined(separator: ",")
    }
}
