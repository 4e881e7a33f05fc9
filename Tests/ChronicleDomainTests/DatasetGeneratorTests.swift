import ChronicleGenerator
import ChronicleStore
import Foundation
import Testing

@Suite struct DatasetGeneratorTests {
    func generate(_ events: Int, seed: UInt64) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-gen-\(UUID().uuidString)").path
        try DatasetGenerator(events: events, seed: seed).write(to: directory)
        return directory
    }

    @Test func generatedDataPassesTheLoadersChecks() throws {
        let store = try Store.load(directory: try generate(2500, seed: 7))
        #expect(store.events.count == 2500)
        #expect(store.quotes.count == 625)
        #expect(store.documents.count == 3)
        // Every quote is the text of its span (the loader checked it; this reads one back).
        let quote = store.quotes[0]
        #expect(try store.document(quote.source.document).text(of: quote.source) == quote.text)
        var query = EventQuery()
        query.text = "synthetic"
        #expect(store.events(query).total == 2500)
    }

    @Test func theSameSeedGivesTheSameFiles() throws {
        let a = try generate(300, seed: 3), b = try generate(300, seed: 3), c = try generate(300, seed: 4)
        for file in ["events.json", "quotes.json", "actors.json", "documents.json"] {
            let first = try Data(contentsOf: URL(fileURLWithPath: a + "/" + file))
            #expect(first == (try Data(contentsOf: URL(fileURLWithPath: b + "/" + file))))
            if file == "events.json" { #expect(first != (try Data(contentsOf: URL(fileURLWithPath: c + "/" + file)))) }
        }
    }
}
