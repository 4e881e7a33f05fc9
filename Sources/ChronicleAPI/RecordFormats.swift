// The CSV columns of each record type (documented in the README) and its JSON writer.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP

enum RecordFormats {
    static let eventColumns = [
        "id", "date", "date_start", "date_end", "precision", "certainty", "cameo_code", "cameo_label", "cameo_root",
        "cameo_base", "plover_code", "plover_mode", "plover_context", "actors", "title_en", "title_ar", "title_fr",
        "summary_en", "summary_ar", "summary_fr", "statement", "asserted_by", "assertion_flags", "country", "place_en",
        "latitude", "longitude", "sources", "date_note", "participant_basis", "in_response_to", "plover_context_extra",
        "coding_note",
    ]

    static func eventRow(_ event: Event) -> [String] {
        let type = event.type, location = event.location
        let dates = [event.date.description, event.date.firstISODate, event.date.lastISODate, event.date.precision.rawValue]
        let codes = [type.cameo.code, type.cameo.label, type.cameo.root, type.cameo.base, type.plover?.code ?? "",
                     type.plover?.mode ?? "", (type.plover?.context ?? []).joined(separator: ";")]
        // An agent with its principal: `ahmed-attaf:source>algeria`.
        let actors = event.actors.map { "\($0.actor):\($0.role.rawValue)" + ($0.actingFor.map { ">" + $0 } ?? "") }.joined(separator: ";")
        let texts = [event.title.en, event.title.ar, event.title.fr, event.summary.en, event.summary.ar, event.summary.fr].map { $0 ?? "" }
        let assertion = [event.statement ?? "", event.assertion.by.rawValue, event.assertion.flags.joined(separator: ";")]
        let place = [location?.country ?? "", location?.place?.en ?? "",
                     location?.coordinates.map { "\($0.lat)" } ?? "", location?.coordinates.map { "\($0.lon)" } ?? ""]
        let sources = event.sources.map { "\($0.document):\($0.start)-\($0.end)" }.joined(separator: ";")
        let caveats = [
            event.dateNote ?? "",
            event.actors.compactMap { p in p.basis.map { "\(p.actor):\(p.role.rawValue):\($0.rawValue)" } }.joined(separator: ";"),
            event.inResponseTo.joined(separator: ";"), (type.plover?.contextExtra ?? []).joined(separator: ";"), event.codingNote ?? "",
        ]
        return [event.id] + dates + [event.certainty.rawValue] + codes + [actors] + texts + assertion + place + [sources] + caveats
    }

    static func events(_ store: Store, _ rendered: RenderedRecords) -> RecordFormat<Event> {
        RecordFormat(
            csvHeader: eventColumns, csvRow: eventRow, json: { RecordJSON.write($0, store: store, &$1) }, rendered: rendered.events)
    }

    static func quotes(_ store: Store, _ rendered: RenderedRecords) -> RecordFormat<Quote> {
        RecordFormat(
            csvHeader: ["id", "text", "language", "kind", "stance", "refused_label", "speaker", "event", "date", "date_start",
                        "date_end", "translation_en", "translation_fr", "translation_of", "document", "start", "end", "events", "certainty",
                        "date_note", "label_attributed_to", "original_fr", "original_fr_verbatim", "departures", "note",
                        "translation_notes_en"],
            csvRow: { quote in
                let dating = store.dating(of: quote)
                return [
                    quote.id, quote.text, quote.language, quote.kind.rawValue, quote.stance.rawValue, quote.refusedLabel ? "true" : "false",
                 quote.speaker, quote.event ?? "", quote.date.description, quote.date.firstISODate, quote.date.lastISODate,
                 quote.translation.en ?? "", quote.translation.fr ?? "", quote.translationOf ?? "", quote.source.document,
                 String(quote.source.start), String(quote.source.end), quote.events.joined(separator: ";"),
                    dating?.certainty.rawValue ?? "", dating?.note ?? "", quote.labelAttributedTo?.actor ?? "",
                    quote.originalFrench?.text ?? "",
                    quote.originalFrench.map { $0.verbatim ? "true" : "false" } ?? "", quote.departures.joined(separator: ";"),
                    quote.note ?? "", quote.translationNotes?.en ?? "",
                ]
            },
            json: { RecordJSON.write($0, store: store, &$1) }, rendered: rendered.quotes)
    }

    static func actors(_ rendered: RenderedRecords) -> RecordFormat<Actor> { RecordFormat<Actor>(
            csvHeader: [
                "id", "kind", "name_en", "name_ar", "name_fr", "aliases", "short_forms", "affiliations", "iso3166_alpha3", "cameo_code",
                "plover_code", "plover_sector", "description_en", "roles", "ambiguous_names", "roles_as_of",
            ],
        csvRow: { actor in
            // A dated role: `title@of[start..end]`; an ambiguous name: `name=what else it denotes`.
            let roles = actor.roles.map { role in
                (role.title.en ?? "") + (role.of.map { "@" + $0 } ?? "") + "[\(role.start ?? "")..\(role.end ?? "")]"
            }
            return [actor.id, actor.kind.rawValue, actor.names.en ?? "", actor.names.ar ?? "", actor.names.fr ?? "",
             actor.aliases.joined(separator: " | "), actor.shortForms.joined(separator: " | "), actor.affiliations.joined(separator: ";"),
             actor.codes.iso3166Alpha3?.code ?? "", actor.codes.cameo?.code ?? "", actor.codes.plover?.code ?? "",
             actor.codes.plover?.sector ?? "", actor.description?.en ?? "", roles.joined(separator: ";"),
             actor.ambiguousNames.map { "\($0.name)=\($0.alsoDenotes)" }.joined(separator: ";"), actor.rolesAsOf ?? ""]
        },
        json: { RecordJSON.write($0, &$1) }, rendered: rendered.actors) }

    static func documents(_ rendered: RenderedRecords) -> RecordFormat<Document> { RecordFormat<Document>(
        csvHeader: [
            "id", "title_en", "title_ar", "languages", "length", "sha256", "kind", "published", "outlet", "url", "published_certainty",
            "note_en",
        ],
        csvRow: { document in
            [document.id, document.title.en ?? "", document.title.ar ?? "", document.languages.joined(separator: ";"),
             String(document.length), document.sha256, document.kind ?? "", document.published ?? "",
             document.provenance?.outlet ?? "", document.provenance?.url ?? "", document.provenance?.publishedCertainty ?? "",
             document.note?.en ?? ""]
        },
        json: { RecordJSON.write($0, &$1) }, rendered: rendered.documents) }
}
