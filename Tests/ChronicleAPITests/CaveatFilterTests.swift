import ChronicleAPI
import Foundation
import Testing

/// The caveats a researcher filters on, from the shipped data: date certainty, the statement an act
/// belongs to, assertion flags, a quote's stance and whether it is a refused label. Unknown values
/// are a 400 that lists the allowed ones.
@Suite struct CaveatFilterTests {
    let harness: APIHarness

    init() throws { harness = try APIHarness() }

    func total(_ target: String) throws -> Int {
        (try harness.json(target)["meta"] as? [String: Any])?["total"] as? Int ?? -1
    }

    @Test func eventsFilterOnCertaintyStatementAndFlag() throws {
        #expect(try total("/events?certainty=stated") == 6)
        #expect(try total("/events?certainty=inferred") == 5)
        #expect(try total("/events?certainty=inferred&certainty=reported") == 6)
        #expect(try total("/events?statement=maeci-communique-2025-01-01") == 5)
        #expect(try total("/events?statement=attaf-remarks-2024-12-30&target=mali") == 2)
        #expect(try harness.ids("/events?flag=venue_disputed").count == 1)
        #expect(try total("/actors/mali/events?certainty=stated") > 0)
        let counts = try harness.json("/aggregate/events?by=year&certainty=inferred")["meta"] as? [String: Any]
        #expect(counts?["events"] as? Int == 5)
    }

    @Test func quotesFilterOnStanceAndRefusedLabel() throws {
        #expect(try harness.ids("/quotes?stance=refused") == ["attaf-refused-term"])
        #expect(try total("/quotes?stance=asserted") == 7)
        #expect(try harness.ids("/quotes?refused_label=true") == ["attaf-refused-term"])
        #expect(try total("/quotes?refused_label=false&speaker=mali") == 6)
        #expect(try total("/actors/ahmed-attaf/quotes?stance=refused") == 1)
    }

    @Test func unknownValuesListTheAllowedOnes() throws {
        for (target, parameter, listed) in [
            ("/events?certainty=sure", "certainty", "stated, inferred, reported"),
            ("/events?statement=nothing", "statement", "attaf-remarks-2024-12-30, maeci-communique-2025-01-01"),
            ("/events?flag=odd", "flag", "venue_disputed"),
            ("/quotes?stance=maybe", "stance", "asserted, refused"),
            ("/quotes?refused_label=yes", "refused_label", "true, false"),
            ("/aggregate/events?by=year&certainty=x", "certainty", "stated, inferred, reported"),
        ] {
            let response = try harness.get(target)
            #expect(response.status.code == 400, "\(target)")
            let problem = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            #expect(problem?["parameter"] as? String == parameter, "\(target)")
            #expect((problem?["detail"] as? String)?.contains(listed) == true, "\(target): \(String(describing: problem?["detail"]))")
        }
    }
}
