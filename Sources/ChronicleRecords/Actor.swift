/// A person, state, government body, armed group or international body named in the documents,
/// as of the document's date: the offices people held then, the names researchers really type.
public struct Actor: Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person, state
        case governmentBody = "government_body"
        case armedGroup = "armed_group"
        case internationalBody = "international_body"
        /// A category a party designates (e.g. "terrorist groups" as Mali uses the words), not an organization.
        case designatedGroup = "designated_group"
    }

    /// A name that also denotes someone or something else: searchable, but flagged.
    public struct AmbiguousName: Sendable, Codable {
        public let name: String
        public let alsoDenotes: String
        public let source: String?

        package enum CodingKeys: String, CodingKey {
            case name, source
            case alsoDenotes = "also_denotes"
        }
    }

    /// An office held, with its period (EDTF day strings; nil where not verified).
    public struct Office: Sendable, Codable {
        public let title: LocalizedText
        public let of: String?
        public let start: String?
        public let end: String?
        public let inOfficeAtDocumentDate: Bool?
        public let sources: [String]
        public let note: String?

        package enum CodingKeys: String, CodingKey {
            case title, of, start, end, sources, note
            case inOfficeAtDocumentDate = "in_office_at_document_date"
        }
    }

    /// Identifiers in other schemes, each with where it was verified.
    public struct Codes: Sendable, Codable {
        public struct Code: Sendable, Codable {
            public let code: String
            public let basis: String?
            public let source: String?
        }

        public struct PloverActor: Sendable, Codable {
            public let code: String
            public let sector: String?
        }

        /// ISO 3166-1 alpha-3, for states.
        public let iso3166Alpha3: Code?
        public let cameo: Code?
        public let plover: PloverActor?

        package enum CodingKeys: String, CodingKey {
            case cameo, plover
            case iso3166Alpha3 = "iso3166_alpha3"
        }

        public init() {
            iso3166Alpha3 = nil
            cameo = nil
            plover = nil
        }
    }

    public let id: String
    public let kind: Kind
    public let names: LocalizedText
    /// Other spellings a researcher may type: transliterations, with and without diacritics, handles.
    public let aliases: [String]
    /// Acronyms and surnames researchers type (UN, ONU, AGNU, Attaf), matched as whole names.
    public let shortForms: [String]
    public let ambiguousNames: [AmbiguousName]
    public let description: LocalizedText?
    /// Actors this one belongs to or acts for (a minister's ministry and state).
    public let affiliations: [String]
    public let codes: Codes
    public let roles: [Office]
    /// The date the offices are given as of (the document's date).
    public let rolesAsOf: String?
    public let note: String?

    package enum CodingKeys: String, CodingKey {
        case id, kind, names, aliases, description, affiliations, codes, roles, note
        case shortForms = "short_forms"
        case ambiguousNames = "ambiguous_names"
        case rolesAsOf = "roles_as_of"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(Kind.self, forKey: .kind)
        names = try c.decode(LocalizedText.self, forKey: .names)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        shortForms = try c.decodeIfPresent([String].self, forKey: .shortForms) ?? []
        ambiguousNames = try c.decodeIfPresent([AmbiguousName].self, forKey: .ambiguousNames) ?? []
        description = try c.decodeIfPresent(LocalizedText.self, forKey: .description)
        affiliations = try c.decodeIfPresent([String].self, forKey: .affiliations) ?? []
        codes = try c.decodeIfPresent(Codes.self, forKey: .codes) ?? Codes()
        roles = try c.decodeIfPresent([Office].self, forKey: .roles) ?? []
        rolesAsOf = try c.decodeIfPresent(String.self, forKey: .rolesAsOf)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    /// Every name the actor is found by: names in each language, aliases, short forms, ambiguous names.
    public var searchableNames: [String] {
        names.all + aliases + shortForms + ambiguousNames.map(\.name)
    }
}

extension Actor: RecordKind {
    package static var collection: String { "actors" }
    package static var singular: String { "actor" }
}

extension Dataset {
    /// Actors, as their file lists them.
    public var actors: [Actor] { get { self[Actor.self] } set { self[Actor.self] = newValue } }
}
