/// What kind of act an event is, in two codebooks: CAMEO (the most specific code the text supports,
/// with its root and base) and the PLOVER type that follows from it by the published CAMEO→PLOVER
/// correspondence (`Codebook`). CAMEO 01 and 02 have no PLOVER event: `plover` is nil then.
public struct EventType: Sendable, Codable, Hashable {
    public struct Cameo: Sendable, Codable, Hashable {
        public let code: String
        public let label: String
        /// The two-digit cue category ("11") and the three-digit base code ("112").
        public let root: String
        public let rootLabel: String?
        public let base: String
        public let baseLabel: String?
        public let codebook: String?

        package enum CodingKeys: String, CodingKey {
            case code, label, root, base, codebook
            case rootLabel = "root_label"
            case baseLabel = "base_label"
        }
    }

    public struct Plover: Sendable, Codable, Hashable {
        public let code: String
        public let label: String
        public let mode: String?
        public let context: [String]
        /// Contexts the text adds beyond the table's (PLOVER's general context list).
        public let contextExtra: [String]

        package enum CodingKeys: String, CodingKey {
            case code, label, mode, context
            case contextExtra = "context_extra"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            label = try c.decode(String.self, forKey: .label)
            mode = try c.decodeIfPresent(String.self, forKey: .mode)
            context = try c.decodeIfPresent([String].self, forKey: .context) ?? []
            contextExtra = try c.decodeIfPresent([String].self, forKey: .contextExtra) ?? []
        }
    }

    public let cameo: Cameo
    public let plover: Plover?
    /// Why there is no PLOVER type, when there is none.
    public let ploverNote: String?

    package enum CodingKeys: String, CodingKey {
        case cameo, plover
        case ploverNote = "plover_note"
    }

    /// CAMEO's four quad classes, by root: verbal cooperation (01–05), material cooperation (06–08),
    /// verbal conflict (09–13), material conflict (14–20), as CAMEO-coded data sets carry them
    /// (`QuadClass`). The dashboard stacks its counts by them.
    public enum Quad: Int, Sendable, CaseIterable {
        case verbalCooperation = 1, materialCooperation, verbalConflict, materialConflict

        public var name: String {
            switch self {
            case .verbalCooperation: "verbal_cooperation"
            case .materialCooperation: "material_cooperation"
            case .verbalConflict: "verbal_conflict"
            case .materialConflict: "material_conflict"
            }
        }
    }

    /// The event's quad class, from its CAMEO root; nil for a root outside 01–20.
    public var quad: Quad? {
        switch Int(cameo.root) ?? 0 {
        case 1...5: .verbalCooperation
        case 6...8: .materialCooperation
        case 9...13: .verbalConflict
        case 14...20: .materialConflict
        default: nil
        }
    }

    /// Every code the event can be found by with `type=`: the CAMEO code and each of its prefixes
    /// (root and base among them), and the PLOVER type.
    public var searchKeys: [String] {
        var keys = (1...max(1, cameo.code.count)).map { String(cameo.code.prefix($0)) }
        if let plover { keys.append(plover.code.uppercased()) }
        return keys
    }
}
