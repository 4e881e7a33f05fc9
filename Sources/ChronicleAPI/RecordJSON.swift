// The JSON form of each record. Keys are written in a fixed order; every span carries its text,
// so a reader sees what the document says without fetching it, and a `links` member points at
// the resources a record refers to.
import ChronicleDomain
import ChronicleHTTP

enum RecordJSON {
    static func write(_ text: LocalizedText, _ w: inout JSONWriter) {
        w.object { w in for (language, value) in text.entries { w.member(language, value) } }
    }

    static func write(_ span: Span, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("document", span.document)
            w.member("start", span.start)
            w.member("end", span.end)
            w.member("text", (try? store.document(span.document))?.text(of: span))
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

    static func write(_ event: Event, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("id", event.id)
            write(event.date, &w)
            w.member("certainty", event.certainty.rawValue)
            if let note = event.dateNote { w.member("date_note", note) }
            w.key("type")
            w.object { w in
                for (scheme, code) in [("cameo", event.type.cameo), ("plover", event.type.plover)] {
                    w.key(scheme)
                    w.object { w in
                        w.member("code", code.code)
                        w.member("label", code.label)
                    }
                }
            }
            w.key("actors")
            w.array { w in
                for participant in event.actors {
                    w.object { w in
                        w.member("id", participant.actor)
                        w.member("role", participant.role.rawValue)
                        w.member("name", (try? store.actor(participant.actor))?.names.en)
                    }
                }
            }
            w.key("title"); write(event.title, &w)
            w.key("summary"); write(event.summary, &w)
            w.key("sources")
            w.array { w in for span in event.sources { write(span, store: store, &w) } }
            w.key("links")
            w.object { w in
                w.member("self", "/events/\(Paths.encode(event.id))")
                w.member("quotes", "/quotes?event=\(Paths.encodeQuery(event.id))")
            }
        }
    }

    static func write(_ actor: Actor, _ w: inout JSONWriter) {
        w.object { w in
            w.member("id", actor.id)
            w.member("kind", actor.kind.rawValue)
            w.key("names"); write(actor.names, &w)
            w.member("aliases", strings: actor.aliases)
            if let description = actor.description { w.key("description"); write(description, &w) }
            w.member("affiliations", strings: actor.affiliations)
            w.key("links")
            w.object { w in
                let id = Paths.encode(actor.id)
                w.member("self", "/actors/\(id)")
                w.member("events", "/actors/\(id)/events")
                w.member("quotes", "/actors/\(id)/quotes")
            }
        }
    }

    static func write(_ quote: Quote, store: Store, _ w: inout JSONWriter) {
        w.object { w in
            w.member("id", quote.id)
            w.member("text", quote.text)
            w.member("language", quote.language)
            w.member("kind", quote.kind.rawValue)
            w.key("speaker")
            w.object { w in
                w.member("id", quote.speaker)
                w.member("name", (try? store.actor(quote.speaker))?.names.en)
            }
            w.member("event", quote.event)
            write(quote.date, &w)
            w.key("translation"); write(quote.translation, &w)
            w.key("source"); write(quote.source, store: store, &w)
            if let note = quote.note { w.member("note", note) }
            w.key("links")
            w.object { w in
                w.member("self", "/quotes/\(Paths.encode(quote.id))")
                w.member("document", "/documents/\(Paths.encode(quote.source.document))")
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
            if let note = document.note { w.key("note"); write(note, &w) }
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
