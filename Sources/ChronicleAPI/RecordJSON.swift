// The JSON form of each record. Keys are written in a fixed order; every span carries its text,
// so a reader sees what the document says without fetching it, and a `links` member points at
// the resources a record refers to. Events and quotes are in RecordJSON+Event.swift and
// RecordJSON+Quote.swift.
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

    static func write(_ actor: Actor, _ w: inout JSONWriter) {
        w.object { w in
            w.member("id", actor.id)
            w.member("kind", actor.kind.rawValue)
            w.key("names"); write(actor.names, &w)
            w.member("aliases", strings: actor.aliases)
            w.member("short_forms", strings: actor.shortForms)
            w.key("ambiguous_names")
            w.array { w in
                for name in actor.ambiguousNames {
                    w.object { w in
                        w.member("name", name.name)
                        w.member("also_denotes", name.alsoDenotes)
                        if let source = name.source { w.member("source", source) }
                    }
                }
            }
            member("description", actor.description, &w)
            w.member("affiliations", strings: actor.affiliations)
            w.key("codes")
            w.object { w in
                if let iso = actor.codes.iso3166Alpha3 { w.member("iso3166_alpha3", iso.code) }
                if let cameo = actor.codes.cameo { w.member("cameo", cameo.code) }
                if let plover = actor.codes.plover {
                    w.key("plover")
                    w.object { w in
                        w.member("code", plover.code)
                        if let sector = plover.sector { w.member("sector", sector) }
                    }
                }
            }
            w.key("roles")
            w.array { w in
                for office in actor.roles {
                    w.object { w in
                        w.key("title"); write(office.title, &w)
                        if let of = office.of { w.member("of", of) }
                        w.member("start", office.start)
                        w.member("end", office.end)
                        if let current = office.inOfficeAtDocumentDate { w.member("in_office_at_document_date", current) }
                        w.member("sources", strings: office.sources)
                    }
                }
            }
            if let asOf = actor.rolesAsOf { w.member("roles_as_of", asOf) }
            w.key("links")
            w.object { w in
                let id = Paths.encode(actor.id)
                w.member("self", "/actors/\(id)")
                w.member("events", "/actors/\(id)/events")
                w.member("quotes", "/actors/\(id)/quotes")
            }
        }
    }

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
