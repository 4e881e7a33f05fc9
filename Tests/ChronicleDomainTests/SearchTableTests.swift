import ChronicleStore
import Foundation
import Testing

/// The search test table (search-cases.tsv): queries in Arabic, French and English written from the
/// seed, each with the records it must find (recall) and those it must not (precision), and why.
/// Columns: query, kind (events, quotes, actors), expected ids, must-not ids, why.
@Suite struct SearchTableTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let line: Int
        let query: String
        let kind: String
        let expected: Set<String>
        let mustNot: Set<String>
        let why: String
        var testDescription: String { "line \(line): \(query) (\(kind))" }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("search-cases.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst().compactMap { index, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { return nil }
            func ids(_ field: String) -> Set<String> { Set(field.split(separator: ",").map(String.init)) }
            return Case(
                line: index + 1, query: fields[0], kind: fields[1], expected: ids(fields[2]), mustNot: ids(fields[3]), why: fields[4])
        }
    }()

    static let store = try! Store.load(directory: shippedDataDirectory)

    @Test func theTableHasEnoughCasesInEachLanguage() {
        #expect(Self.cases.count >= 60)
        let arabic = Self.cases.filter { $0.query.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
        #expect(arabic.count >= 30)
        #expect(Self.cases.count - arabic.count >= 30)  // French and English
        #expect(Self.cases.filter { !$0.mustNot.isEmpty }.count >= 60)  // precision, not only recall
    }

    @Test(arguments: cases)
    func searchFindsWhatItShouldAndNothingItShouldNot(_ test: Case) throws {
        guard let found = Self.found(test) else {
            Issue.record("unknown kind \(test.kind)")
            return
        }
        #expect(test.expected.isSubset(of: found), "missing \(test.expected.subtracting(found).sorted()); \(test.why)")
        #expect(found.isDisjoint(with: test.mustNot), "unwanted \(found.intersection(test.mustNot).sorted()); \(test.why)")
    }

    /// Recall and precision over the whole table, printed for the README: recall is the share of
    /// expected ids found; precision is the share of the judged ids found (expected or must-not)
    /// that were expected.
    @Test func recallAndPrecisionOverTheWholeTable() {
        var expectedFound = 0, expected = 0, unwantedFound = 0
        for test in Self.cases {
            guard let found = Self.found(test) else { continue }
            expected += test.expected.count
            expectedFound += test.expected.intersection(found).count
            unwantedFound += test.mustNot.intersection(found).count
        }
        let recall = Double(expectedFound) / Double(max(expected, 1))
        let precision = Double(expectedFound) / Double(max(expectedFound + unwantedFound, 1))
        print(
            "search table: \(Self.cases.count) queries, recall \(Self.rounded(recall)) (\(expectedFound) of \(expected) expected ids), "
                + "precision \(Self.rounded(precision)) (\(unwantedFound) must-not ids found)")
        #expect(recall >= 0.97)
        #expect(precision >= 0.97)
    }

    private static func rounded(_ value: Double) -> String { String(format: "%.3f", value) }

    /// The ids a row's query finds, or nil for an unknown kind.
    static func found(_ test: Case) -> Set<String>? {
        let store = Self.store
        switch test.kind {
        case "events":
            var query = EventQuery()
            query.text = test.query
            query.limit = 1000
            return Set(store.events(query).items.map(\.id))
        case "quotes":
            var query = QuoteQuery()
            query.text = test.query
            query.limit = 1000
            return Set(store.quotes(query).items.map(\.id))
        case "actors":
            var query = ActorQuery()
            query.text = test.query
            query.limit = 1000
            return Set(store.actors(query).items.map(\.id))
        default:
            return nil
        }
    }
}
