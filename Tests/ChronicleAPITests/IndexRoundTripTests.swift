import ChronicleAPI
import ChronicleGenerator
import ChronicleHTTP
import ChronicleRouter
import ChronicleRecords
import ChronicleStore
import Foundation
import HTTPTypes
import Testing

/// A store opened from its index file answers every route with the same bytes as the store loaded
/// from the data files: every record's JSON, CSV and NDJSON, every detail, search and aggregate.
@Suite struct IndexRoundTripTests {
    func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-index-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    func body(_ router: Router, _ target: String) throws -> [UInt8] {
        let response = router.respond(to: try Request.make(.get, target))
        var bytes = response.body
        while let piece = response.stream?.next() { bytes += piece }
        return bytes
    }

    /// The targets compared: each list whole in each format, and a detail, a search and an aggregate
    /// for records spread over the store.
    func targets(_ store: Store) -> [String] {
        var targets: [String] = []
        for list in RecordKinds.collections {
            targets += ["/\(list)?format=csv", "/\(list)?format=ndjson", "/\(list)?limit=1000", "/\(list)?limit=1000&pretty"]
        }
        targets += ["/events?sort=-date&limit=1000", "/aggregate/events?by=month", "/aggregate/events?by=pair", "/actors?q=mali"]
        // The indexes a record type declares, read from the file as from the store.
        targets += [
            "/documents?language=ar", "/documents?language=FR&kind=news%20article", "/documents?kind=tweet", "/documents?language=en",
        ]
        let step = max(1, store.events.count / 50)
        for position in stride(from: 0, to: store.events.count, by: step) {
            let event = store.events[position]
            targets.append("/events/\(event.id)")
            if let actor = event.actors.first?.actor { targets.append("/events?actor=\(actor)&format=csv") }
        }
        for position in stride(from: 0, to: store.quotes.count, by: max(1, store.quotes.count / 20)) {
            targets.append("/quotes/\(store.quotes[position].id)")
        }
        return targets
    }

    func expectSameAnswers(data: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let loaded = try Store.load(directory: data)
        try StoreSnapshot.write(loaded, to: directory + "/data.index")
        let mapped = try StoreSnapshot.read(path: directory + "/data.index", fingerprint: loaded.fingerprint)
        #expect(mapped.events.isStored && !loaded.events.isStored)
        // No pre-rendered records on either side: every record's bytes are rendered from the record.
        let fromFiles = try ChronicleAPI(data: DatasetHolder(loaded, renderBudgetBytes: 0)).makeRouter()
        let fromIndex = try ChronicleAPI(data: DatasetHolder(mapped, renderBudgetBytes: 0)).makeRouter()
        for target in targets(loaded) {
            let expected = try body(fromFiles, target)
            #expect(!expected.isEmpty, "\(target)")
            #expect(try body(fromIndex, target) == expected, "\(target)")
        }
    }

    @Test func theShippedDataAnswersTheSameFromItsIndex() throws {
        try expectSameAnswers(data: dataDirectory)
    }

    @Test func twentyThousandGeneratedEventsAnswerTheSameFromTheirIndex() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try DatasetGenerator(events: 20_000, seed: 23).write(to: data)
        try expectSameAnswers(data: data)
    }
}
