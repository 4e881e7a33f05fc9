@testable import ChronicleAPI
import Foundation
import Testing

/// Every field of a record's JSON is in its CSV, or is listed here as left out with the reason: a
/// field added to the JSON fails this test until someone decides where it goes in the CSV.
@Suite struct ExportCoverageTests {
    let formats: FormatTests

    init() throws { formats = try FormatTests() }

    /// For each JSON field: the CSV columns that carry it, or why none does.
    enum Export {
        case columns([String])
        case excluded(String)
    }

    static let events: [String: Export] = [
        "id": .columns(["id"]), "date": .columns(["date"]), "date_range": .columns(["date_start", "date_end", "precision"]),
        "certainty": .columns(["certainty"]), "date_note": .columns(["date_note"]),
        "type": .columns(["cameo_code", "cameo_label", "cameo_root", "cameo_base", "plover_code", "plover_mode", "plover_context",
                          "plover_context_extra"]),
        "actors": .columns(["actors", "participant_basis"]),
        "title": .columns(["title_en", "title_ar", "title_fr"]), "summary": .columns(["summary_en", "summary_ar", "summary_fr"]),
        "sources": .columns(["sources"]), "statement": .columns(["statement"]), "in_response_to": .columns(["in_response_to"]),
        "assertion": .columns(["asserted_by", "assertion_flags"]),
        "location": .columns(["country", "place_en", "latitude", "longitude"]),
        "justification": .excluded("the whole sentences behind the coding, as long passages with spans; `sources` gives the act's span"),
        "quotes": .excluded("the link is kept on the quotes' side: their `events` column"),
        "former_ids": .excluded("the record's history, not a claim about the act"),
        "coding_note": .columns(["coding_note"]),
        "links": .excluded("navigation within the API"),
    ]

    static let quotes: [String: Export] = [
        "id": .columns(["id"]), "text": .columns(["text"]), "language": .columns(["language"]), "kind": .columns(["kind"]),
        "stance": .columns(["stance"]), "refused_label": .columns(["refused_label"]), "speaker": .columns(["speaker"]),
        "event": .columns(["event"]), "events": .columns(["events"]), "date": .columns(["date"]),
        "date_range": .columns(["date_start", "date_end"]), "certainty": .columns(["certainty"]), "date_note": .columns(["date_note"]),
        "translation": .columns(["translation_en", "translation_fr"]), "translation_notes": .columns(["translation_notes_en"]),
        "translation_of": .columns(["translation_of"]), "original_fr": .columns(["original_fr", "original_fr_verbatim"]),
        "departures": .columns(["departures"]), "source": .columns(["document", "start", "end"]), "note": .columns(["note"]),
        "label_attributed_to": .columns(["label_attributed_to"]),
        "original": .excluded("true exactly when another quote names this one in its `translation_of` column"),
        "translations": .excluded("the inverse of `translation_of`, which each translation's row carries"),
        "links": .excluded("navigation within the API"),
    ]

    static let actors: [String: Export] = [
        "id": .columns(["id"]), "kind": .columns(["kind"]), "names": .columns(["name_en", "name_ar", "name_fr"]),
        "aliases": .columns(["aliases"]), "short_forms": .columns(["short_forms"]), "ambiguous_names": .columns(["ambiguous_names"]),
        "description": .columns(["description_en"]), "affiliations": .columns(["affiliations"]),
        "codes": .columns(["iso3166_alpha3", "cameo_code", "plover_code", "plover_sector"]), "roles": .columns(["roles"]),
        "roles_as_of": .columns(["roles_as_of"]), "links": .excluded("navigation within the API"),
    ]

    static let documents: [String: Export] = [
        "id": .columns(["id"]), "title": .columns(["title_en", "title_ar"]), "languages": .columns(["languages"]),
        "length": .columns(["length"]), "sha256": .columns(["sha256"]), "kind": .columns(["kind"]), "published": .columns(["published"]),
        "provenance": .columns(["outlet", "url", "published_certainty"]), "note": .columns(["note_en"]),
        "links": .excluded("navigation within the API"),
    ]

    @Test(arguments: [("events", events), ("quotes", quotes), ("actors", actors), ("documents", documents)])
    func everyJSONFieldIsExportedOrExcludedWithAReason(_ list: String, _ table: [String: Export]) throws {
        let records = try formats.harness.json("/\(list)?limit=500")["data"] as? [[String: Any]] ?? []
        let fields = Set(records.flatMap(\.keys))
        #expect(!fields.isEmpty)
        let unclassified = fields.subtracting(table.keys).sorted()
        #expect(unclassified.isEmpty, "\(list): JSON fields with no CSV column and no reason: \(unclassified)")
        let header = formats.parseCSV(formats.drain(try formats.get("/\(list)?format=csv"))).first ?? []
        for (field, export) in table {
            switch export {
            case .columns(let columns):
                for column in columns { #expect(header.contains(column), "\(list).\(field): no CSV column \(column)") }
            case .excluded(let reason):
                #expect(!reason.isEmpty)
            }
        }
        // Every CSV column is accounted for by some field.
        let mapped = Set(table.values.flatMap { if case .columns(let columns) = $0 { columns } else { [String]() } })
        #expect(Set(header).subtracting(mapped).isEmpty, "\(list): columns from no field: \(Set(header).subtracting(mapped).sorted())")
    }
}
