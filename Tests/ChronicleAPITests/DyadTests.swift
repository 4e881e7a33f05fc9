import ChronicleAPI
import Foundation
import Testing

/// Who did what to whom, answered from the shipped data: role filters, principal-level pairs and
/// speakers, and `level=agent` for the actors as named.
@Suite struct DyadTests {
    let harness: APIHarness

    init() throws { harness = try APIHarness() }

    func total(_ target: String) throws -> Int {
        try harness.json(target)["meta"].flatMap { ($0 as? [String: Any])?["total"] as? Int } ?? -1
    }

    @Test func sourceAndTargetGiveTheActsOfOneStateOnTheOther() throws {
        #expect(Set(try harness.ids("/events?source=algeria&target=mali")) == [
            "attaf-military-solution-comment", "attaf-rejects-terrorist-label",
        ])
        #expect(Set(try harness.ids("/events?source=mali&target=algeria")) == [
            "maiga-accuses-algeria-at-unga79", "mali-condemns-algerian-interference", "maeci-accuses-algeria-of-backing-terrorists",
            "maeci-disparages-algerian-officials", "maeci-rejects-algerian-lessons", "maeci-calls-on-algeria-to-mind-internal-crises",
        ])
        // `actor=` keeps its meaning: both in any role (Morocco's act and the movements' included).
        #expect(try total("/events?actor=mali&actor=algeria") == 11)
        // ORed within a role, ANDed across roles.
        #expect(try total("/events?source=algeria&source=morocco&target=mali") == 3)
        #expect(try total("/events?source=mali&target=mali") == 0)
        // The same on an actor's own list, and in counts.
        #expect(try total("/actors/algeria/events?target=mali") == 3)
        #expect(try total("/actors/algeria/events?source=algeria&target=mali") == 2)
    }

    /// Pairs are counted between principals by default, once per event: each pair's count is what
    /// `/events?source=A&target=B` lists. `level=agent` gives the pairs of actors as named.
    @Test func principalPairsEqualTheRoleFiltersTotals() throws {
        let pairs = try harness.json("/aggregate/events?by=pair")["data"] as? [[String: Any]] ?? []
        let counts = Dictionary(uniqueKeysWithValues: pairs.map { ($0["key"] as? String ?? "", $0["count"] as? Int ?? 0) })
        #expect(counts["mali->algeria"] == 6 && counts["algeria->mali"] == 2, "\(counts)")
        // No agent appears: a minister or a ministry counts as its state.
        #expect(!counts.keys.contains { $0.contains("maeci") || $0.contains("attaf") || $0.contains("authorities") }, "\(counts)")
        for pair in pairs {
            let source = pair["source"] as? String ?? "", target = pair["target"] as? String ?? ""
            #expect(try total("/events?source=\(source)&target=\(target)") == pair["count"] as? Int, "\(source)->\(target)")
        }
        // As named: the communiqué's three sources against its two targets, and more pairs in all.
        let agents = try harness.json("/aggregate/events?by=pair&level=agent&limit=1000")["data"] as? [[String: Any]] ?? []
        #expect(agents.count > pairs.count)
        #expect(agents.contains { $0["key"] as? String == "mali-maeci->algerian-authorities" })
        for pair in agents {
            let source = pair["source"] as? String ?? "", target = pair["target"] as? String ?? ""
            #expect(try total("/events?source=\(source)&target=\(target)&level=agent") == pair["count"] as? Int, "\(source)->\(target)")
        }
    }

    @Test func aStateSpeaksThroughThoseWhoActForIt() throws {
        // The ministry's five quotes and the prime minister's one.
        #expect(try total("/quotes?speaker=mali") == 6)
        #expect(try total("/actors/mali/quotes") == 6)
        #expect(try total("/quotes?speaker=mali&level=agent") == 0)
        #expect(try total("/quotes?speaker=algeria") == 2)
        #expect(try total("/quotes?speaker=mali-maeci") == 5)
    }

    @Test func unknownActorsAndLevelsAre400() throws {
        for (target, parameter) in [
            ("/events?source=nobody", "source"), ("/events?target=nobody", "target"), ("/events?level=state", "level"),
            ("/aggregate/events?by=pair&level=x", "level"), ("/quotes?level=", "level"), ("/actors/mali/events?target=nobody", "target"),
        ] {
            let response = try harness.get(target)
            #expect(response.status.code == 400, "\(target)")
            let body = String(decoding: response.body, as: UTF8.self)
            #expect(body.contains("\\\"\(parameter)\\\"") || body.contains("\"\(parameter)\""), "\(target): \(body)")
        }
        // Repeated values count once; more than 50 different ones are refused, not merged.
        #expect(try total("/events?source=algeria&source=algeria&target=mali") == 2)
        let many = (0..<51).map { "source=actor-\($0)" }.joined(separator: "&")
        let refused = try harness.get("/events?\(many)")
        #expect(refused.status.code == 400 && String(decoding: refused.body, as: UTF8.self).contains("at most 50"))
        let body = String(decoding: try harness.get("/events?level=state").body, as: UTF8.self)
        #expect(body.contains("principal, agent"), "\(body)")
    }
}
