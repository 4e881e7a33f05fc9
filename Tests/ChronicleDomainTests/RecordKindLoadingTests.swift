// Reading a data directory goes through `RecordKinds.all`: every record type's file is read and
// fingerprinted, and every type's ids are checked, whatever the type.
@testable import ChronicleRecords
@testable import ChronicleStore
@testable import ChronicleText
import Foundation
import Testing

@Suite struct RecordKindLoadingTests {
    @Test(arguments: RecordKinds.collections)
    func aDirectoryWithoutOneTypesFileIsRefusedNamingIt(_ collection: String) throws {
        let kind = try #require(RecordKinds.all.first { $0.collection == collection })
        let directory = try corruptedCopy(kind.file) { _ in }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(Dataset.contentFingerprint(directory: directory) != nil)
        try FileManager.default.removeItem(atPath: directory + "/" + kind.file)
        #expect(Dataset.contentFingerprint(directory: directory) == nil)
        #expect(problems(loading: directory).contains { $0.file == kind.file && $0.message.hasPrefix("cannot read") })
    }

    @Test(arguments: RecordKinds.collections)
    func aDuplicateIDIsFoundInEveryType(_ collection: String) throws {
        let kind = try #require(RecordKinds.all.first { $0.collection == collection })
        let directory = try corruptedCopy(kind.file) { records in records.append(records[0]) }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(problems(loading: directory).contains { $0.file == kind.file && $0.message == "duplicate id" })
    }

    @Test func theStoreHasATableForEveryType() throws {
        let dataset = try Dataset.load(directory: shippedDataDirectory)
        let store = Store(dataset)
        let counts = Dictionary(uniqueKeysWithValues: store.counts.map { ($0.collection, $0.count) })
        #expect(store.counts.map(\.collection) == RecordKinds.collections)
        for kind in RecordKinds.all { #expect(counts[kind.collection] == count(kind, in: dataset), "\(kind.collection)") }
    }

    private func count<Kind: RecordKind>(_ kind: Kind.Type, in dataset: Dataset) -> Int { dataset[kind].count }
}

/// A record type of the tests' own, declaring a field and texts, as a new type would.
struct Landmark: RecordKind, SnapshotCodable {
    let id: String
    let names: [String]
    let country: String

    static var collection: String { "landmarks" }
    static var singular: String { "landmark" }
    static var indexedFields: [IndexedField<Landmark>] { [IndexedField("country") { [$0.country] }] }
    static var searchableText: (@Sendable (Landmark) -> [String])? { { $0.names } }

    init(id: String, names: [String], country: String) {
        self.id = id
        self.names = names
        self.country = country
    }

    init(snapshot r: inout SnapshotReader) throws(SnapshotError) { id = try r.read(); names = try r.read(); country = try r.read() }

    func write(to w: inout SnapshotWriter) { w.write(id); w.write(names); w.write(country) }
}

@Suite struct DeclaredIndexTests {
    @Test func aTypesDeclaredFieldsAndTextsFilterItsRecords() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        let records = [
            Landmark(id: "a", names: ["Grande Mosquée de Bamako"], country: "MLI"),
            Landmark(id: "b", names: ["Maqam Echahid", "مقام الشهيد"], country: "DZA"),
            Landmark(id: "c", names: ["Mosquée de Djinguereber"], country: "MLI"),
        ]
        let raw = TextIndex.Raw(count: records.count) { records[$0].names }
        let stem = Lexicon.forIndexing(stems: WordSet([]), tokens: raw.tokens.keys).stem
        let table = Store.table(Landmark.self, records, positions: IDTable(records.map(\.id)), text: TextIndex(raw, stem: stem))
        func ids(_ fields: [(name: String, values: [String])], _ text: String?) -> [String] {
            let matches = store.matching(in: table, fields: fields, text: text)
            return (0..<matches.count).map { matches[$0].id }
        }
        #expect(ids([("country", ["MLI"])], nil) == ["a", "c"])
        #expect(ids([("country", ["MLI", "DZA"])], nil) == ["a", "b", "c"])
        #expect(ids([("country", ["XXX"])], nil).isEmpty)
        #expect(ids([], "mosquée") == ["a", "c"])
        #expect(ids([], "مقام") == ["b"])
        #expect(ids([("country", ["DZA"])], "mosquée").isEmpty)
        #expect(ids([("country", ["MLI"])], "Bamako") == ["a"])
    }
}
