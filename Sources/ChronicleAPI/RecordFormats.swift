// The CSV columns of each record type (documented in the README) and its JSON writer.
import ChronicleDomain
import ChronicleHTTP

enum RecordFormats {
    static func events(_ store: Store, _ rendered: RenderedRecords) -> RecordFormat<Event> {
        RecordFormat(
            csvHeader: ["id", "date", "date_start", "date_end", "precision", "certainty", "cameo_code", "cameo_label",
                        "plover_code", "actors", "title_en", "title_ar", "summary_en", "summary_ar", "sources"],
            csvRow: { event in
                [event.id, event.date.description, event.date.firstISODate, event.date.lastISODate, event.date.precision.rawValue,
                 event.certainty.rawValue, event.type.cameo.code, event.type.cameo.label, event.type.plover.code,
                 event.actors.map { "\($0.actor):\($0.role.rawValue)" }.joined(separator: ";"),
                 event.title.en ?? "", event.title.ar ?? "", event.summary.en ?? "", event.summary.ar ?? "",
                 event.sources.map { "\($0.document):\($0.start)-\($0.end)" }.joined(separator: ";")]
            },
            json: { RecordJSON.write($0, store: store, &$1) }, rendered: rendered.events)
    }

    static func quotes(_ store: Store, _ rendered: RenderedRecords) -> RecordFormat<Quote> {
        RecordFormat(
            csvHeader: ["id", "text", "language", "kind", "speaker", "event", "date", "date_start", "date_end",
                        "translation_en", "document", "start", "end"],
            csvRow: { quote in
                [quote.id, quote.text, quote.language, quote.kind.rawValue, quote.speaker, quote.event ?? "", quote.date.description,
                 quote.date.firstISODate, quote.date.lastISODate, quote.translation.en ?? "", quote.source.document,
                 String(quote.source.start), String(quote.source.end)]
            },
            json: { RecordJSON.write($0, store: store, &$1) }, rendered: rendered.quotes)
    }

    static func actors(_ rendered: RenderedRecords) -> RecordFormat<Actor> { RecordFormat<Actor>(
        csvHeader: ["id", "kind", "name_en", "name_ar", "name_fr", "aliases", "affiliations"],
        csvRow: { actor in
            [actor.id, actor.kind.rawValue, actor.names.en ?? "", actor.names.ar ?? "", actor.names.fr ?? "",
             actor.aliases.joined(separator: " | "), actor.affiliations.joined(separator: ";")]
        },
        json: { RecordJSON.write($0, &$1) }, rendered: rendered.actors) }

    static func documents(_ rendered: RenderedRecords) -> RecordFormat<Document> { RecordFormat<Document>(
        csvHeader: ["id", "title_en", "title_ar", "languages", "length", "sha256"],
        csvRow: { document in
            [document.id, document.title.en ?? "", document.title.ar ?? "", document.languages.joined(separator: ";"),
             String(document.length), document.sha256]
        },
        json: { RecordJSON.write($0, &$1) }, rendered: rendered.documents) }
}
