// A document's JSON (its metadata; the text has a route of its own), and its CSV columns: the
// document's `RenderedKind`.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP

extension RecordJSON {
    static func write(_ document: Document, _ w: inout JSONWriter) {
        w.object { w in
            w.member("id", document.id)
            w.key("title"); write(document.title, &w)
            w.member("languages", strings: document.languages)
            w.member("length", document.length)
            w.member("sha256", document.sha256)
            if let kind = document.kind { w.member("kind", kind) }
            if let published = document.published { w.member("published", published) }
            if let provenance = document.provenance {
                w.key("provenance")
                w.object { w in
                    w.member("outlet", provenance.outlet ?? "unknown")
                    w.member("url", provenance.url ?? "unknown")
                    w.member("published", provenance.published ?? "unknown")
                    if let certainty = provenance.publishedCertainty { w.member("published_certainty", certainty) }
                    member("note", provenance.note, &w)
                }
            }
            member("note", document.note, &w)
            w.key("links")
            w.object { w in
                let id = Paths.encode(document.id)
                w.member("self", "/documents/\(id)")
                w.member("text", "/documents/\(id)/text")
                w.member("events", "/events?document=\(Paths.encodeQuery(document.id))")
            }
        }
    }
}

extension Document: RenderedKind {
    static let csvColumns = [
        "id", "title_en", "title_ar", "languages", "length", "sha256", "kind", "published", "outlet", "url", "published_certainty",
        "note_en",
    ]

    static func csvRow(_ document: Document, store: Store) -> [String] {
        [document.id, document.title.en ?? "", document.title.ar ?? "", document.languages.joined(separator: ";"),
         String(document.length), document.sha256, document.kind ?? "", document.published ?? "",
         document.provenance?.outlet ?? "", document.provenance?.url ?? "", document.provenance?.publishedCertainty ?? "",
         document.note?.en ?? ""]
    }

    static func writeJSON(_ document: Document, store: Store, _ w: inout JSONWriter) { RecordJSON.write(document, &w) }
}
