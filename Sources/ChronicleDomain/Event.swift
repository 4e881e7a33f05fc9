/// Something that happened, as a document states it: when, what kind, who, and where it is written.
public struct Event: Sendable, Codable {
    public enum Certainty: String, Sendable, Codable {
        /// The document gives the date.
        case stated
        /// The date is worked out from context; `dateNote` says how.
        case inferred
    }

    public enum Role: String, Sendable, Codable {
        case source, target, other
    }

    /// A code in an event ontology: CAMEO ("112") or PLOVER ("ACCUSE").
    public struct Code: Sendable, Codable, Hashable {
        public let code: String
        public let label: String
    }

    public struct EventType: Sendable, Codable {
        public let cameo: Code
        public let plover: Code
    }

    public struct Participant: Sendable, Codable {
        public let actor: String
        public let role: Role
    }

    public let id: String
    public internal(set) var date: EDTFDate
    public let certainty: Certainty
    public internal(set) var dateNote: String?
    public internal(set) var type: EventType
    public let actors: [Participant]
    public let title: LocalizedText
    public let summary: LocalizedText
    /// The spans of the documents that state the event.
    public let sources: [Span]

    enum CodingKeys: String, CodingKey {
        case id, date, certainty, type, actors, title, summary, sources
        case dateNote = "date_note"
    }
}
