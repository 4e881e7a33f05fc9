// The JSON form of each record. Keys are written in a fixed order; every span carries its text,
// so a reader sees what the document says without fetching it, and a `links` member points at
// the resources a record refers to. Each record type's own form, with its CSV columns (its
// `RenderedKind`), is in RecordJSON+<Type>.swift; this file holds the parts they share.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP

enum RecordJSON {
    static func write(_ text: LocalizedText, _ w: inout JSONWriter) {
        w.object { w in for (language, value) in text.entries { w.member(language, value) } }
    }

    static func member(_ name: String, _ text: LocalizedText?, _ w: inout JSONWriter) {
        guard let text else { return }
        w.key(name)
        write(text, &w)
    }

    static func write(_ span: Span, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("document", span.document)
            w.member("start", span.start)
            w.member("end", span.end)
            w.member("text", (try? store.document(span.document))?.text(of: span))
        }
    }

    /// A cited passage: the span, its text as the document has it, and why it is cited.
    static func write(_ cited: CitedSpan, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("document", cited.document)
            w.member("start", cited.start)
            w.member("end", cited.end)
            w.member("text", (try? store.document(cited.document))?.text(of: cited.span))
            if let role = cited.role { w.member("role", role) }
            if let note = cited.note { w.member("note", note) }
        }
    }

    static func write(_ date: EDTFDate, _ w: inout JSONWriter) {
        w.member("date", date.description)
        w.key("date_range")
        w.object { w in
            w.member("precision", date.precision.rawValue)
            w.member("start", date.firstISODate)
            w.member("end", date.lastISODate)
        }
    }
}
