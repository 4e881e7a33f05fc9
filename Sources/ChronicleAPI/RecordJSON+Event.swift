import ChronicleRecords
import ChronicleStore
import ChronicleHTTP

extension RecordJSON {
    static func write(_ event: Event, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("id", event.id)
            write(event.date, &w)
            w.member("certainty", event.certainty.rawValue)
            if let note = event.dateNote { w.member("date_note", note) }
            w.key("type"); write(event.type, &w)
            w.key("actors")
            w.array { w in
                for participant in event.actors {
                    w.object { w in
                        w.member("id", participant.actor)
                        w.member("role", participant.role.rawValue)
                        w.member("name", (try? store.actor(participant.actor))?.names.en)
                        if let principal = participant.actingFor { w.member("acting_for", principal) }
                        if let basis = participant.basis { w.member("basis", basis.rawValue) }
                        if let note = participant.note { w.member("note", note) }
                    }
                }
            }
            w.key("title"); write(event.title, &w)
            w.key("summary"); write(event.summary, &w)
            w.key("sources")
            w.array { w in for cited in event.sources { write(cited, store: store, &w) } }
            w.key("justification")
            w.array { w in for cited in event.justification { write(cited, store: store, &w) } }
            w.member("statement", event.statement)
            w.member("in_response_to", strings: event.inResponseTo)
            w.member("quotes", strings: event.quotes)
            w.key("assertion"); write(event.assertion, store: store, &w)
            w.key("location")
            if let location = event.location { write(location, store: store, &w) } else { w.null() }
            if !event.formerIDs.isEmpty { w.member("former_ids", strings: event.formerIDs) }
            // The coder's reasoning and the alternatives considered: a caveat a researcher should see.
            if let note = event.codingNote { w.member("coding_note", note) }
            w.key("links")
            w.object { w in
                w.member("self", "/events/\(Paths.encode(event.id))")
                w.member("quotes", "/quotes?event=\(Paths.encodeQuery(event.id))")
            }
        }
    }

    static func write(_ type: EventType, _ w: inout JSONWriter) {
        w.object { w in
            w.key("cameo")
            w.object { w in
                w.member("code", type.cameo.code)
                w.member("label", type.cameo.label)
                w.member("root", type.cameo.root)
                if let label = type.cameo.rootLabel { w.member("root_label", label) }
                w.member("base", type.cameo.base)
                if let label = type.cameo.baseLabel { w.member("base_label", label) }
                if let codebook = type.cameo.codebook { w.member("codebook", codebook) }
            }
            w.key("plover")
            if let plover = type.plover {
                w.object { w in
                    w.member("code", plover.code)
                    w.member("label", plover.label)
                    w.member("mode", plover.mode)
                    w.member("context", strings: plover.context + plover.contextExtra)
                }
            } else {
                w.null()
            }
            if let note = type.ploverNote { w.member("plover_note", note) }
        }
    }

    static func write(_ assertion: Assertion, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("by", assertion.by.rawValue)
            if let actor = assertion.actor { w.member("actor", actor) }
            if let cue = assertion.cue { w.key("cue"); write(cue, store: store, &w) }
            w.member("flags", strings: assertion.flags)
            if let evidence = assertion.evidence { w.member("evidence", evidence) }
            if let note = assertion.note { w.member("note", note) }
        }
    }

    static func write(_ location: Location, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("country", location.country)
            member("place", location.place, &w)
            if let id = location.geonamesID { w.member("geonames_id", id) }
            if let coordinates = location.coordinates {
                w.key("coordinates")
                w.object { w in
                    w.member("lat", coordinates.lat)
                    w.member("lon", coordinates.lon)
                }
            }
            if let precision = location.precision { w.member("precision", precision) }
            if let basis = location.basis { w.member("basis", basis) }
            if let span = location.span { w.key("span"); write(span, store: store, &w) }
        }
    }
}

extension Event: RenderedKind {
    static let csvColumns = [
        "id", "date", "date_start", "date_end", "precision", "certainty", "cameo_code", "cameo_label", "cameo_root", "cameo_base",
        "plover_code", "plover_mode", "plover_context", "actors", "title_en", "title_ar", "title_fr", "summary_en", "summary_ar",
        "summary_fr", "statement", "asserted_by", "assertion_flags", "country", "place_en", "latitude", "longitude", "sources",
        "date_note", "participant_basis", "in_response_to", "plover_context_extra", "coding_note",
    ]

    static func csvRow(_ event: Event, store: Store) -> [String] {
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

    static func writeJSON(_ event: Event, store: Store, _ w: inout JSONWriter) { RecordJSON.write(event, store: store, &w) }
}
