@testable import ChronicleAPI
import ChronicleStore

import ChronicleHTTP
import Foundation
import HTTPTypes
import Testing

/// `/aggregate/events`: the counts a dashboard draws instead of downloading every event.
@Suite struct AggregateTests {
    let harness: APIHarness

    init() throws { harness = try APIHarness() }

    private func buckets(_ target: String) throws -> [[String: Any]] {
        try #require(try harness.json(target)["data"] as? [[String: Any]])
    }

    @Test func monthlyCountsKeepCoarserDatesAtTheirOwnPrecision() throws {
        let data = try buckets("/aggregate/events?by=month")
        let keys = data.map { $0["key"] as? String ?? "" }
        // The Algiers accords are dated only "2015": a year bucket, never a January.
        #expect(keys.first == "2015")
        #expect(data.first?["precision"] as? String == "year")
        #expect(!keys.contains("2015-01"))
        #expect(keys == keys.sorted())
        // Every matching event is counted exactly once.
        let total = data.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        #expect(total == 12)
        // Each month bucket holds exactly the events /events lists for that month and starts in it.
        for bucket in data where bucket["precision"] as? String == "month" {
            let key = bucket["key"] as! String
            let events = try #require(try harness.json("/events?from=\(key)&to=\(key)&limit=500")["data"] as? [[String: Any]])
            let starting = events.filter { (($0["date"] as? String) ?? "").hasPrefix(key) }
            #expect(starting.count == bucket["count"] as? Int, "\(key)")
        }
    }

    @Test func dayAndYearGroupings() throws {
        let days = try buckets("/aggregate/events?by=day")
        #expect(days.contains { $0["key"] as? String == "2024-01-25" && $0["precision"] as? String == "day" })
        // The interval "2024-09/2025-01" has no day: it counts at its start month.
        #expect(days.contains { $0["key"] as? String == "2024-09" && $0["precision"] as? String == "month" })
        let years = try buckets("/aggregate/events?by=year")
        #expect(years.map { $0["key"] as? String } == ["2015", "2024", "2025"])
        #expect(years.allSatisfy { $0["precision"] as? String == "year" })
    }

    @Test func filtersAreThoseOfEvents() throws {
        let accusations = try harness.json("/aggregate/events?by=plover&type=ACCUSE")
        let data = try #require(accusations["data"] as? [[String: Any]])
        #expect(data.count == 1 && data[0]["key"] as? String == "ACCUSE" && data[0]["label"] as? String == "Accuse")
        let listed = try #require(try harness.json("/events?type=ACCUSE")["meta"] as? [String: Any])
        #expect(data[0]["count"] as? Int == listed["total"] as? Int)
        let meta = try #require(accusations["meta"] as? [String: Any])
        #expect(meta["events"] as? Int == listed["total"] as? Int)
        #expect((accusations["links"] as? [String: Any])?["events"] as? String == "/events?type=ACCUSE")
        // Search and actor filters too.
        let attaf = try harness.json("/aggregate/events?by=year&actor=ahmed-attaf&q=%D8%B9%D8%B7%D8%A7%D9%81")
        let attafEvents = try harness.json("/events?actor=ahmed-attaf&q=%D8%B9%D8%B7%D8%A7%D9%81")
        #expect((attaf["meta"] as? [String: Any])?["events"] as? Int == (attafEvents["meta"] as? [String: Any])?["total"] as? Int)
    }

    @Test func pairsAreDirectedWithTheirTypes() throws {
        let data = try buckets("/aggregate/events?by=pair")
        let forward = try #require(data.first { $0["source"] as? String == "mali" && $0["target"] as? String == "algeria" })
        let types = try #require(forward["types"] as? [String: Int])
        #expect(types["ACCUSE"] != nil)
        #expect(types.values.reduce(0, +) == forward["count"] as? Int)
        // Algeria → Mali is another edge, not the same one.
        let backward = data.first { $0["source"] as? String == "algeria" && $0["target"] as? String == "mali" }
        #expect(backward != nil && backward?["count"] as? Int != forward["count"] as? Int)
        let counts = data.map { $0["count"] as? Int ?? 0 }
        #expect(counts == counts.sorted(by: >))
    }

    /// Date buckets split their counts by CAMEO quad class, as the dashboard stacks its bars.
    @Test func dateBucketsCountEachQuadClass() throws {
        let names = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
        var totals = [String: Int]()
        for bucket in try buckets("/aggregate/events?by=month") {
            let quads = try #require(bucket["quads"] as? [String: Int])
            #expect(Set(quads.keys) == Set(names))
            #expect(quads.values.reduce(0, +) == bucket["count"] as? Int)
            for (name, count) in quads { totals[name, default: 0] += count }
        }
        let events = try harness.json("/events?limit=500")["data"] as? [[String: Any]] ?? []
        func quad(_ event: [String: Any]) -> String {
            let root = Int((((event["type"] as? [String: Any])?["cameo"] as? [String: Any])?["root"] as? String) ?? "") ?? 0
            return names[root <= 5 ? 0 : root <= 8 ? 1 : root <= 13 ? 2 : 3]
        }
        for name in names { #expect(totals[name, default: 0] == events.filter { quad($0) == name }.count, "\(name)") }
        #expect(try buckets("/aggregate/events?by=actor").allSatisfy { $0["quads"] == nil })
    }

    /// Where events took place: each country's count is what `/events?country=` lists, largest first.
    @Test func countriesCountWhatTheCountryFilterLists() throws {
        let data = try buckets("/aggregate/events?by=country")
        #expect(!data.isEmpty)
        var located = 0
        for bucket in data {
            let key = try #require(bucket["key"] as? String)
            #expect(key.count == 3 && key == key.uppercased())
            let listed = try harness.ids("/events?limit=500&country=" + key).count
            #expect(bucket["count"] as? Int == listed, "\(key)")
            located += listed
        }
        let counts = data.compactMap { $0["count"] as? Int }
        #expect(counts == counts.sorted(by: >))
        let all = try harness.json("/events?limit=500")["data"] as? [[String: Any]] ?? []
        #expect(located == all.filter { ($0["location"] as? [String: Any])?["country"] != nil }.count)
        #expect(try harness.json("/aggregate/events?by=country&actor=algeria")["meta"].flatMap { ($0 as? [String: Any])?["events"] as? Int }
            == (try harness.ids("/events?limit=500&actor=algeria").count))
    }

    @Test func actorCountsCountEachParticipantOnce() throws {
        let data = try buckets("/aggregate/events?by=actor")
        let mali = try #require(data.first { $0["key"] as? String == "mali" })
        let listed = try #require(try harness.json("/actors/mali/events")["meta"] as? [String: Any])
        #expect(mali["count"] as? Int == listed["total"] as? Int)
    }

    @Test func limitsAndErrors() throws {
        let limited = try harness.json("/aggregate/events?by=pair&limit=2&level=agent")
        #expect((limited["data"] as? [Any])?.count == 2)
        let meta = try #require(limited["meta"] as? [String: Any])
        #expect(meta["buckets"] as? Int == 14 && meta["count"] as? Int == 2 && meta["limit"] as? Int == 2)
        // Between principals (a minister and a ministry count as their state): six pairs.
        let principals = try #require(try harness.json("/aggregate/events?by=pair&limit=2")["meta"] as? [String: Any])
        #expect(principals["buckets"] as? Int == 6)
        for target in ["/aggregate/events", "/aggregate/events?by=week", "/aggregate/events?by=month&limit=0",
                       "/aggregate/events?by=month&limit=10001", "/aggregate/events?by=month&sort=date",
                       "/aggregate/events?by=month&actor=nobody", "/aggregate/events?by=month&by=year"] {
            let response = try harness.get(target)
            #expect(response.status == .badRequest, "\(target)")
            #expect(response.headerFields[.contentType] == "application/problem+json", "\(target)")
        }
    }

    @Test func anUnchangedCountIsNotModified() throws {
        let first = try harness.get("/aggregate/events?by=month")
        let tag = try #require(first.headerFields[.eTag])
        let request = try Request.make(.get, "/aggregate/events?by=month", headerFields: [.ifNoneMatch: tag])
        #expect(harness.router.respond(to: request).status == .notModified)
        let other = try Request.make(.get, "/aggregate/events?by=year", headerFields: [.ifNoneMatch: tag])
        #expect(harness.router.respond(to: other).status == .ok)
    }

    /// The corpus is counted once per generation and grouping (off the loops, by `precomputeAggregates`),
    /// and `limit` slices that count: a client varying `limit` to defeat the response cache makes
    /// no new count, and every slice equals counting with that limit.
    @Test func limitsSliceOneCountPerGenerationAndFilter() throws {
        let holder = harness.api.data
        holder.precomputeAggregates()
        let groupings = EventCounts.Grouping.allCases.count
        #expect(holder.aggregates.count == groupings)
        let all = holder.current.matchingEvents(EventQuery())
        for limit in [1, 2, 3, 5, 8, 13, 1000] {
            let data = try buckets("/aggregate/events?by=pair&limit=\(limit)")
            let expected = EventCounts(all, by: .pair, limit: limit, principalsFrom: holder.current).buckets
            #expect(data.map { $0["key"] as? String } == expected.map(\.key))
            #expect(data.map { $0["count"] as? Int } == expected.map(\.count))
        }
        #expect(holder.aggregates.count == groupings)
        // A filter is counted once, whatever the limit.
        for limit in [1, 2, 3] { _ = try buckets("/aggregate/events?by=actor&actor=mali&limit=\(limit)") }
        #expect(holder.aggregates.count == groupings + 1)
        // A new generation counts anew.
        holder.replace(with: holder.current)
        _ = try buckets("/aggregate/events?by=year")
        #expect(holder.aggregates.count == 1)
    }

    /// A count over more events than a loop may spend on one answer is made off the loops: the
    /// request is answered 503 with Retry-After, and the same request after it gets the counts.
    @Test func aCountTooLargeForALoopIsMadeOffItAndAnsweredOnRetry() throws {
        let api = ChronicleAPI(data: DatasetHolder(try Store.load(directory: dataDirectory)), aggregateLoopLimit: 3)
        let router = try api.makeRouter()
        let target = "/aggregate/events?by=pair&actor=mali"
        let first = router.respond(to: try Request.make(.get, target))
        #expect(first.status == .serviceUnavailable)
        #expect(first.headerFields[.retryAfter] == "5")
        #expect(first.headerFields[.contentType] == "application/problem+json")
        let deadline = ContinuousClock.now + .seconds(20)
        var answer = router.respond(to: try Request.make(.get, target))
        while answer.status != .ok && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
            answer = router.respond(to: try Request.make(.get, target))
        }
        #expect(answer.status == .ok)
        let data = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any]
        #expect(String(decoding: answer.body, as: UTF8.self) == String(decoding: try harness.get(target).body, as: UTF8.self))
        #expect((data?["data"] as? [Any])?.isEmpty == false)
        // A filter small enough for the loop is answered at once.
        #expect(router.respond(to: try Request.make(.get, "/aggregate/events?by=pair&actor=morocco")).status == .ok)
    }
}
