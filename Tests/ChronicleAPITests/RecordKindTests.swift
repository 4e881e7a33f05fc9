// Every record type of `RecordKinds.all` is served from its two descriptors alone (`RecordKind`,
// `RenderedKind`): its list in every format, its records by id, its 404, its count and its link.
@testable import ChronicleAPI
import ChronicleRecords
import ChronicleStore
import Foundation
import Testing

@Suite struct RecordKindTests {
    let harness: APIHarness

    init() throws { harness = try APIHarness() }

    @Test func everyRecordTypeIsRenderedUnderItsOwnName() {
        #expect(RecordKinds.rendered.map { $0.collection } == RecordKinds.collections)
        #expect(Set(RecordKinds.collections).count == RecordKinds.collections.count)
        #expect(Set(RecordKinds.all.map { $0.singular }).count == RecordKinds.all.count)
    }

    @Test(arguments: RecordKinds.rendered.map { $0.collection })
    func everyRecordTypeIsServedByItsCollection(_ collection: String) throws {
        let kind = try #require(RecordKinds.rendered.first { $0.collection == collection })
        let index = try harness.json("/")
        let count = try #require((index["counts"] as? [String: Int])?[collection])
        #expect((index["links"] as? [String: String])?[collection] == "/\(collection)")
        let list = try harness.json("/\(collection)?limit=500")
        let records = try #require(list["data"] as? [[String: Any]])
        #expect(records.count == count && count > 0)
        // Every record by its id, and an id that is not there named with the record's name.
        for id in records.compactMap({ $0["id"] as? String }) {
            let one = try #require(try harness.json("/\(collection)/\(Paths.encode(id))")["data"] as? [String: Any])
            #expect(one["id"] as? String == id)
        }
        let missing = try harness.get("/\(collection)/no-such-record")
        #expect(missing.status == .notFound)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("no \(kind.singular) with id"))
        // The exports: the type's CSV columns, and one NDJSON line per record.
        let csv = try export("/\(collection)?format=csv&limit=500")
        #expect(csv.split(separator: "\r\n").first.map(String.init) == kind.csvColumns.joined(separator: ","))
        let ndjson = try export("/\(collection)?format=ndjson&limit=500")
        #expect(ndjson.split(separator: "\n").count == count)
    }

    /// A type's declared fields filter its list: a value of its first record keeps exactly the
    /// records with that value, a value no record has is a 400 naming the field, and an unknown name
    /// is refused.
    @Test(arguments: RecordKinds.rendered.filter { !$0.indexedFieldNames.isEmpty }.map { $0.collection })
    func declaredFieldsFilterTheList(_ collection: String) throws {
        let kind = try #require(RecordKinds.rendered.first { $0.collection == collection })
        try expectDeclaredFieldsFilter(kind)
        #expect(try harness.get("/\(collection)?no_such_field=1").status == .badRequest)
    }

    private func expectDeclaredFieldsFilter<Kind: RenderedKind>(_ kind: Kind.Type) throws {
        let records = Array(harness.api.data.current.records(kind))
        for field in kind.indexedFields {
            let value = try #require(records.lazy.flatMap { field.keys($0) }.first, "\(field.name)")
            let expected = records.filter { field.keys($0).contains(value) }.map(\.id)
            let query = "\(field.name)=\(formEncode(value))"
            #expect(try harness.ids("/\(kind.collection)?\(query)&limit=500") == expected, "\(query)")
            let unknown = try harness.get("/\(kind.collection)?\(field.name)=no-such-value")
            #expect(unknown.status == .badRequest, "\(field.name)")
            let problem = try JSONSerialization.jsonObject(with: Data(unknown.body)) as? [String: Any]
            #expect(problem?["parameter"] as? String == field.name)
        }
    }

    /// An export's whole body, pulled from its stream as a connection would.
    private func export(_ target: String) throws -> String {
        let response = try harness.get(target)
        var body = response.body
        if let stream = response.stream {
            while let piece = stream.next() { body += piece }
        }
        return String(decoding: body, as: UTF8.self)
    }
}
