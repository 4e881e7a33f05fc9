@testable import ChronicleAPI
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP
import ChronicleRouter
import Foundation
import Testing

/// Records rendered later (a large dataset is served before they are pre-rendered) answer with the
/// same bytes as records rendered at once, before and after `renderRecords()`.
@Suite struct DatasetHolderTests {
    @Test func recordsRenderedLaterAnswerTheSameBytes() throws {
        let store = try Store.load(directory: dataDirectory)
        let now = DatasetHolder(store)
        let later = DatasetHolder(store, renderLater: true)
        #expect(later.snapshot.rendered[Event.self].allSatisfy { $0 == nil })
        #expect(now.snapshot.rendered[Event.self].contains { $0 != nil })
        let targets = [
            "/events", "/events?limit=500", "/events?format=ndjson", "/quotes", "/actors", "/documents",
            "/events/\(store.events[0].id)", "/quotes/\(store.quotes[0].id)", "/events?q=%D8%A7%D9%84%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1",
        ]
        let expected = try ChronicleAPI(data: now).makeRouter()
        let router = try ChronicleAPI(data: later).makeRouter()
        func body(_ router: Router, _ target: String) throws -> [UInt8] {
            router.respond(to: try Request.make(.get, target)).body
        }
        for target in targets { #expect(try body(router, target) == body(expected, target), "\(target)") }
        later.renderRecords()
        #expect(later.snapshot.rendered[Event.self].contains { $0 != nil })
        #expect(later.snapshot.rendered[Event.self].count == store.events.count)
        for target in targets { #expect(try body(router, target) == body(expected, target), "\(target)") }
    }
}
