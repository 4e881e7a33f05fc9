
import Foundation
import Testing

/// The validator refuses the classes of coding error a researcher would publish by mistake: codes
/// that disagree, an event with nobody acting, a state missing beside its minister, a refused label
/// presented as the speaker's words, a cited passage that is not what the document says.
@Suite struct CodingValidationTests {
    func event(_ id: String, in records: [[String: Any]]) -> Int { records.firstIndex { $0["id"] as? String == id }! }

    @Test func codesThatDisagreeAreRefusedNamingTheEvent() throws {
        let directory = try corruptedCopy("events.json") { records in
            // The old coding: signing a formal agreement as AGREE, and REDUCE_RELATIONS.
            let signed = event("algiers-accords-signed", in: records)
            var type = records[signed]["type"] as! [String: Any]
            type["plover"] = ["code": "AGREE", "label": "Agree", "context": ["diplomatic"]]
            records[signed]["type"] = type
            let withdrawal = event("mali-withdraws-from-algiers-accords", in: records)
            type = records[withdrawal]["type"] as! [String: Any]
            type["plover"] = ["code": "REDUCE_RELATIONS", "label": "Reduce relations"]
            records[withdrawal]["type"] = type
            // CAMEO 01 carries no PLOVER event.
            let comment = event("attaf-military-solution-comment", in: records)
            type = records[comment]["type"] as! [String: Any]
            type["plover"] = ["code": "REJECT", "label": "Reject"]
            records[comment]["type"] = type
        }
        let found = problems(loading: directory)
        #expect(
            found.contains { $0.record == "algiers-accords-signed" && $0.message.contains("CAMEO 057 maps to PLOVER SUPPORT, not AGREE") })
        #expect(
            found.contains {
                $0.record == "mali-withdraws-from-algiers-accords" && $0.message.contains("maps to PLOVER SANCTION, not REDUCE_RELATIONS")
            })
        #expect(found.contains { $0.record == "attaf-military-solution-comment" && $0.message.contains("has no PLOVER event") })
    }

    @Test func aCameoCodeOutsideTheTableAndAWrongRootAreRefused() throws {
        let directory = try corruptedCopy("events.json") { records in
            var type = records[0]["type"] as! [String: Any]
            var cameo = type["cameo"] as! [String: Any]
            cameo["code"] = "999"
            type["cameo"] = cameo
            records[0]["type"] = type
            var other = records[1]["type"] as! [String: Any]
            var otherCameo = other["cameo"] as! [String: Any]
            otherCameo["root"] = "19"
            other["cameo"] = otherCameo
            records[1]["type"] = other
        }
        let found = problems(loading: directory)
        #expect(found.contains { $0.message.contains("999 is not in the CAMEO→PLOVER table") })
        #expect(found.contains { $0.message.contains("CAMEO root \"19\"") })
    }

    @Test func rolesNeedASourceAndAnAgentsPrincipal() throws {
        let directory = try corruptedCopy("events.json") { records in
            // The ministry's condemnation without Mali as a source, and the accusation without any source.
            let condemnation = event("mali-condemns-algerian-interference", in: records)
            records[condemnation]["actors"] = (records[condemnation]["actors"] as! [[String: Any]]).filter {
                $0["actor"] as? String != "mali"
            }
            let accusation = event("maiga-accuses-algeria-at-unga79", in: records)
            records[accusation]["actors"] = (records[accusation]["actors"] as! [[String: Any]]).filter { $0["role"] as? String != "source" }
        }
        let found = problems(loading: directory)
        #expect(
            found.contains {
                $0.record == "mali-condemns-algerian-interference" && $0.message.contains("acts for \"mali\", which is not a source")
            })
        #expect(found.contains { $0.record == "maiga-accuses-algeria-at-unga79" && $0.message.contains("no source") })
    }

    @Test func aRefusedLabelMustSaySo() throws {
        let directory = try corruptedCopy("quotes.json") { records in
            let term = records.firstIndex { $0["id"] as? String == "attaf-refused-term" }!
            records[term]["refused_label"] = false
            let other = records.firstIndex { $0["id"] as? String == "maeci-no-lessons" }!
            records[other].removeValue(forKey: "refused_label")
        }
        let found = problems(loading: directory)
        #expect(found.contains { $0.record == "attaf-refused-term" && $0.message.contains("refused_label false disagree") })
        // The flag is required: a quote without it does not load.
        #expect(
            found.contains {
                $0.file == "quotes.json" && $0.message.contains("refused_label") && $0.record?.contains("maeci-no-lessons") == true
            })
    }

    @Test func aCitedPassageMustBeWhatTheDocumentSays() throws {
        let directory = try corruptedCopy("events.json") { records in
            var sources = records[0]["sources"] as! [[String: Any]]
            sources[0]["text"] = "not what the document says"
            records[0]["sources"] = sources
        }
        #expect(problems(loading: directory).contains { $0.message.contains("not \"not what the document says\"") })
    }

    @Test func translationLinksMustResolveBothWays() throws {
        let directory = try corruptedCopy("quotes.json") { records in
            let passage = records.firstIndex { $0["id"] as? String == "maeci-no-lessons" }!
            records[passage]["translation_of"] = "attaf-military-solution"
            // An original listing a translation that does not name it back.
            let tweet = records.firstIndex { $0["id"] as? String == "maeci-communique-fr" }!
            records[tweet]["original"] = true
            records[tweet]["translations"] = ["maeci-focus-on-internal-crises"]
        }
        let found = problems(loading: directory)
        #expect(found.contains { $0.record == "maeci-no-lessons" && $0.message.contains("is not marked original") })
        #expect(found.contains { $0.record == "maeci-communique-fr" && $0.message.contains("does not name it in translation_of") })
    }

    @Test func aStateNeedsItsISOCode() throws {
        let directory = try corruptedCopy("actors.json") { records in
            let mali = records.firstIndex { $0["id"] as? String == "mali" }!
            records[mali]["codes"] = [String: Any]()
        }
        #expect(problems(loading: directory).contains { $0.record == "mali" && $0.message.contains("ISO 3166-1 alpha-3") })
    }
}
