import ChronicleRecords
import ChronicleStore
import ChronicleHTTP

extension RecordJSON {
    static func write(_ quote: Quote, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("id", quote.id)
            w.member("text", quote.text)
            w.member("language", quote.language)
            w.member("kind", quote.kind.rawValue)
            // A label the speaker refused is never presented as their own words without saying so.
            w.member("stance", quote.stance.rawValue)
            w.member("refused_label", quote.refusedLabel)
            if let attribution = quote.labelAttributedTo {
                w.key("label_attributed_to")
                w.object { w in
                    w.member("actor", attribution.actor)
                    w.member("basis", attribution.basis)
                    w.member("note", attribution.note)
                }
            }
            w.key("speaker")
            w.object { w in
                w.member("id", quote.speaker)
                w.member("name", (try? store.actor(quote.speaker))?.names.en)
            }
            w.member("event", quote.event)
            w.member("events", strings: quote.events)
            write(quote.date, &w)
            // The date's certainty is its event's when the two share the date: a quote dated by inference
            // says so as its event does.
            let dating = store.dating(of: quote)
            w.member("certainty", dating?.certainty.rawValue)
            if let note = dating?.note { w.member("date_note", note) }
            w.key("translation"); write(quote.translation, &w)
            member("translation_notes", quote.translationNotes, &w)
            w.member("original", quote.original)
            if !quote.translations.isEmpty { w.member("translations", strings: quote.translations) }
            w.member("translation_of", quote.translationOf)
            if let original = quote.originalFrench {
                w.key("original_fr")
                w.object { w in
                    w.member("text", original.text)
                    w.member("verbatim", original.verbatim)
                    w.member("source", original.source)
                    w.member("note", original.note)
                }
            }
            if !quote.departures.isEmpty { w.member("departures", strings: quote.departures) }
            w.key("source"); write(quote.source, store: store, &w)
            if let note = quote.note { w.member("note", note) }
            w.key("links")
            w.object { w in
                w.member("self", "/quotes/\(Paths.encode(quote.id))")
                w.member("document", "/documents/\(Paths.encode(quote.source.document))")
                if let original = quote.translationOf { w.member("original", "/quotes/\(Paths.encode(original))") }
            }
        }
    }
}

extension Quote: RenderedKind {
    static let csvColumns = [
        "id", "text", "language", "kind", "stance", "refused_label", "speaker", "event", "date", "date_start", "date_end",
        "translation_en", "translation_fr", "translation_of", "document", "start", "end", "events", "certainty", "date_note",
        "label_attributed_to", "original_fr", "original_fr_verbatim", "departures", "note", "translation_notes_en",
    ]

    static func csvRow(_ quote: Quote, store: Store) -> [String] {
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
    }

    static func writeJSON(_ quote: Quote, store: Store, _ w: inout JSONWriter) { RecordJSON.write(quote, store: store, &w) }
}
