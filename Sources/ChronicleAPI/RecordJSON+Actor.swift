// An actor's JSON, and its CSV columns: the actor's `RenderedKind`.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP

extension RecordJSON {
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
}

extension Actor: RenderedKind {
    static let csvColumns = [
        "id", "kind", "name_en", "name_ar", "name_fr", "aliases", "short_forms", "affiliations", "iso3166_alpha3", "cameo_code",
        "plover_code", "plover_sector", "description_en", "roles", "ambiguous_names", "roles_as_of",
    ]

    static func csvRow(_ actor: Actor, store: Store) -> [String] {
        // A dated role: `title@of[start..end]`; an ambiguous name: `name=what else it denotes`.
        let roles = actor.roles.map { role in
            (role.title.en ?? "") + (role.of.map { "@" + $0 } ?? "") + "[\(role.start ?? "")..\(role.end ?? "")]"
        }
        return [actor.id, actor.kind.rawValue, actor.names.en ?? "", actor.names.ar ?? "", actor.names.fr ?? "",
         actor.aliases.joined(separator: " | "), actor.shortForms.joined(separator: " | "), actor.affiliations.joined(separator: ";"),
         actor.codes.iso3166Alpha3?.code ?? "", actor.codes.cameo?.code ?? "", actor.codes.plover?.code ?? "",
         actor.codes.plover?.sector ?? "", actor.description?.en ?? "", roles.joined(separator: ";"),
         actor.ambiguousNames.map { "\($0.name)=\($0.alsoDenotes)" }.joined(separator: ";"), actor.rolesAsOf ?? ""]
    }

    static func writeJSON(_ actor: Actor, store: Store, _ w: inout JSONWriter) { RecordJSON.write(actor, &w) }
}
