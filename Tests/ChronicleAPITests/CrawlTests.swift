@testable import ChronicleAPI
import ChronicleHTTP
import ChronicleRecords
import Foundation
import Testing

/// Every route of the shipped data, answered in-process, against the answers recorded in
/// `crawl.tsv`: status, content type, ETag and the SHA-256 of the body, per target. A change that
/// should not change what the API says (a refactoring, a new layout) must leave every row as it was;
/// a change that should updates the file (`CHRONICLE_RECORD_CRAWL=1 swift test --filter CrawlTests`)
/// and shows the rows it changed in its diff. The file's first line names the representation
/// version it was recorded under (`Listing.representationVersion`, part of every list's ETag):
/// re-recording a changed body under the same version is refused, so a new representation always
/// comes with new ETags and no client's cache takes the old body for it. /ready and /metrics are left out: they report the
/// process (load time, counters), not the data.
@Suite struct CrawlTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("crawl.tsv")

    /// The targets: every list in every format, every record's detail, every actor's and document's
    /// sub-resources, every aggregate grouping, filtered lists that exercise each filter, the
    /// dashboard and its assets, and a few errors.
    func targets(_ harness: APIHarness) throws -> [String] {
        var targets = ["/", "/health", "/openapi.json", "/dashboard"]
        let lists = ["/events", "/actors", "/quotes", "/documents"]
        for list in lists {
            for format in ["json", "csv", "ndjson"] {
                targets.append("\(list)?limit=100&format=\(format)")
                targets.append("\(list)?limit=3&offset=2&format=\(format)")
            }
            targets.append("\(list)?pretty")
            for id in try harness.ids("\(list)?limit=100") {
                let path = "\(list)/\(id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id)"
                targets.append(path)
                if list == "/actors" { targets += [path + "/events", path + "/quotes", path + "/events?format=csv"] }
                if list == "/documents" { targets.append(path + "/text") }
            }
        }
        for by in ["year", "month", "day", "plover", "cameo", "actor", "pair"] {
            targets.append("/aggregate/events?by=\(by)")
            targets.append("/aggregate/events?by=\(by)&actor=mali&limit=3")
        }
        let queries = [
            "/events?actor=mali&actor=algeria", "/events?type=REJECT", "/events?country=MLI", "/events?from=2025-01&to=2025-12",
            "/events?sort=-date", "/events?document=d5a7a52965b0d6aa", "/quotes?speaker=ahmed-attaf", "/quotes?lang=fr",
            "/quotes?from=2024", "/actors?kind=state", "/events?q=" + formEncode("الجزائر"),
            "/events?q=" + formEncode("Maïga"), "/quotes?q=" + formEncode("terroristes"), "/events?q=" + formEncode("وزارة"),
            "/actors?q=" + formEncode("مالي"), "/events?limit=0", "/events?limit=abc", "/nowhere", "/events?unknown=1",
        ]
        targets += queries
        let page = String(decoding: try harness.get("/dashboard").body, as: UTF8.self)
        for match in page.matches(of: /\/dashboard\/assets\/[^"' )]+/) { targets.append(String(match.output)) }
        return targets
    }

    func row(_ harness: APIHarness, _ target: String) throws -> String {
        let response = try harness.get(target)
        let type = response.headerFields[.contentType] ?? "-"
        let etag = response.headerFields[.eTag] ?? "-"
        // A streamed export's body is in its stream, pulled here as a connection would.
        var body = response.body
        if let stream = response.stream {
            while let piece = stream.next() { body += piece }
        }
        let digest = Digest.sha256Hex(body)
        return [target, String(response.status.code), type, etag, digest].joined(separator: "\t")
    }

    @Test func everyRouteAnswersAsRecorded() throws {
        let harness = try APIHarness()
        let rows = try targets(harness).map { try row(harness, $0) }
        #expect(rows.count > 100)
        let version = "# representation \(Listing.representationVersion)"
        let lines = try String(contentsOf: Self.golden, encoding: .utf8).split(separator: "\n").map(String.init)
        let recordedVersion = lines.first ?? ""
        let recorded = Array(lines.dropFirst())
        // Body digests by target, with the ETag: a body that changed under the same ETag is a new
        // representation (new data changes the ETag too, through the dataset's fingerprint).
        func bodies(_ rows: [String]) -> [String: String] {
            Dictionary(rows.map { row in
                let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
                return (String(fields[0]), String(fields[3]) + " " + String(fields.last ?? ""))
            }, uniquingKeysWith: { first, _ in first })
        }
        let before = bodies(recorded), now = bodies(rows)
        // Records and lists, whose ETags carry the version (the OpenAPI document and the dashboard
        // are tagged by their bodies' own digests).
        let versioned = ["/events", "/actors", "/quotes", "/documents", "/aggregate"]
        let changedBodies = now.filter { target, tagged in
            let (etag, digest) = (tagged.split(separator: " ").first, tagged.split(separator: " ").last)
            // An answer without an ETag (a 400 listing the parameters a route takes) is never
            // revalidated by one, so no cache can take its old body for a new one.
            guard etag != "-" else { return false }
            return versioned.contains { target.hasPrefix($0) } && before[target].map { old in
                old.split(separator: " ").first == etag && old.split(separator: " ").last != digest
            } ?? false
        }.keys.sorted()
        if ProcessInfo.processInfo.environment["CHRONICLE_RECORD_CRAWL"] == "1" {
            guard recordedVersion != version || changedBodies.isEmpty else {
                Issue.record("bodies changed under \(version) (\(changedBodies.prefix(5))): raise Listing.representationVersion first")
                return
            }
            try ([version] + rows).joined(separator: "\n").appending("\n").write(to: Self.golden, atomically: true, encoding: .utf8)
            return
        }
        #expect(recordedVersion == version, "recorded under \(recordedVersion); re-record with CHRONICLE_RECORD_CRAWL=1")
        #expect(rows.count == recorded.count, "\(rows.count) targets crawled, \(recorded.count) recorded")
        for (now, before) in zip(rows, recorded) where now != before {
            Issue.record("answer changed:\n  recorded \(before)\n  now      \(now)")
        }
    }
}
