@testable import ChronicleAPI
import Foundation
import Testing

/// The caveats the JSON carries, in the CSV too: an agent with its principal, the date's note and
/// certainty (on quotes as well), the basis of a participant, what an act answers, the annotators'
/// PLOVER context apart from the table's, a quote's original wording and departures, an actor's
/// dated roles and ambiguous names.
@Suite struct CaveatExportTests {
    let formats: FormatTests

    init() throws { formats = try FormatTests() }

    /// The CSV of `target` as one dictionary per row, keyed by the header.
    func rows(_ target: String) throws -> [String: [String: String]] {
        let table = formats.parseCSV(formats.drain(try formats.get(target)))
        let header = table.first ?? []
        return Dictionary(table.dropFirst().map { row in
            (row.first ?? "", Dictionary(uniqueKeysWithValues: zip(header, row)))
        }, uniquingKeysWith: { first, _ in first })
    }

    @Test func eventsCarryPrincipalsDateNotesBasisAndResponses() throws {
        let events = try rows("/events?format=csv")
        let attaf = try #require(events["attaf-military-solution-comment"])
        #expect(attaf["actors"]?.contains("ahmed-attaf:source>algeria") == true, "\(attaf["actors"] ?? "")")
        #expect(attaf["date_note"]?.contains("30 December") == true)
        #expect(attaf["certainty"] == "inferred")
        // The coder's alternative for the withdrawal from the Algiers accords, in CSV and JSON.
        #expect(events["mali-withdraws-from-algiers-accords"]?["coding_note"]?.contains("second target") == true)
        let json = try formats.harness.json("/events/mali-withdraws-from-algiers-accords")["data"] as? [String: Any]
        #expect((json?["coding_note"] as? String)?.contains("second target") == true)
        let communique = try #require(events["mali-condemns-algerian-interference"])
        #expect(communique["in_response_to"]?.isEmpty == false, "\(communique)")
        #expect(events.values.contains { $0["participant_basis"]?.isEmpty == false })
        for column in ["date_note", "participant_basis", "in_response_to", "plover_context_extra"] {
            #expect(attaf.keys.contains(column), "\(column)")
        }
    }

    @Test func quotesCarryTheirDatingAndOriginalWording() throws {
        let json = try formats.harness.json("/quotes/attaf-military-solution")["data"] as? [String: Any]
        #expect(json?["certainty"] as? String == "inferred")
        #expect((json?["date_note"] as? String)?.contains("30 December") == true)
        let quotes = try rows("/quotes?format=csv")
        let attaf = try #require(quotes["attaf-military-solution"])
        #expect(attaf["certainty"] == "inferred" && attaf["date_note"]?.contains("30 December") == true)
        #expect(quotes.values.contains { $0["original_fr"]?.isEmpty == false })
        #expect(quotes.values.contains { $0["departures"]?.isEmpty == false })
        #expect(quotes["maeci-condemns-interference"]?["events"]?.split(separator: ";").count == 3)
    }

    @Test func actorsCarryRolesAndAmbiguousNames() throws {
        let actors = try rows("/actors?format=csv")
        #expect(actors["ahmed-attaf"]?["roles"]?.contains("Minister of State") == true, "\(actors["ahmed-attaf"] ?? [:])")
        #expect(actors.values.contains { $0["ambiguous_names"]?.isEmpty == false })
    }
}
