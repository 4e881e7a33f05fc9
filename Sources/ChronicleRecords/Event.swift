/// One act, as a document states it: who did what to whom, when, where, and where it is written.
/// An event is a dyad (PLOVER's source and target): a statement that does several things is coded
/// as several events that share a `statement` id.
public struct Event: Sendable, Codable {
    public enum Certainty: String, Sendable, Codable, CaseIterable {
        /// The document gives the date.
        case stated
        /// The date is worked out from context; `dateNote` says how.
        case inferred
        /// The date is given only in a participant's claim that the document relays.
        case reported
    }

    public enum Role: String, Sendable, Codable, CaseIterable {
        /// Who acts.
        case source
        /// At whom the act is aimed (PLOVER's recipient).
        case target
        /// A party the act concerns without being its recipient.
        case about
        /// The institution where the act took place.
        case venue
        /// Named in connection with the act, neither acting nor targeted.
        case other
    }

    /// Whether a participant's part is stated by the document or implied by it.
    public enum Basis: String, Sendable, Codable {
        case stated, implied
    }

    public struct Participant: Sendable, Codable {
        public let actor: String
        public let role: Role
        /// The actor on whose behalf this one acts (a minister for his state); that actor is listed
        /// with the same role too.
        public let actingFor: String?
        public let basis: Basis?
        public let note: String?

        package enum CodingKeys: String, CodingKey {
            case actor, role, basis, note
            case actingFor = "acting_for"
        }
    }

    public let id: String
    /// Ids of earlier records this event replaces or was split from.
    public let formerIDs: [String]
    public internal(set) var date: EDTFDate
    public let certainty: Certainty
    public internal(set) var dateNote: String?
    public internal(set) var type: EventType
    public let actors: [Participant]
    public let title: LocalizedText
    public let summary: LocalizedText
    /// The passages cited: the one that states the act (role `act`), and those giving its date,
    /// context or provenance. Each carries its exact text, checked against the document.
    public let sources: [CitedSpan]
    /// The whole sentences that justify the coding; each `act` passage lies inside one of them.
    public let justification: [CitedSpan]
    /// Quotes that state this event.
    public let quotes: [String]
    /// The statement (speech, communiqué) this act is part of, shared by its sibling acts.
    public let statement: String?
    /// Statement or event ids this act answers.
    public let inResponseTo: [String]
    /// Who says the event happened: the outlet, or a participant whose claim the document relays.
    public let assertion: Assertion
    /// Where it happened, when the document states or clearly implies it.
    public let location: Location?
    /// The coder's reasoning and the alternatives considered (not searched).
    public let codingNote: String?

    package enum CodingKeys: String, CodingKey {
        case id, date, certainty, type, actors, title, summary, sources, justification, quotes, statement
        case assertion, location
        case formerIDs = "former_ids"
        case dateNote = "date_note"
        case inResponseTo = "in_response_to"
        case codingNote = "coding_note"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        formerIDs = try c.decodeIfPresent([String].self, forKey: .formerIDs) ?? []
        date = try c.decode(EDTFDate.self, forKey: .date)
        certainty = try c.decode(Certainty.self, forKey: .certainty)
        dateNote = try c.decodeIfPresent(String.self, forKey: .dateNote)
        type = try c.decode(EventType.self, forKey: .type)
        actors = try c.decode([Participant].self, forKey: .actors)
        title = try c.decode(LocalizedText.self, forKey: .title)
        summary = try c.decode(LocalizedText.self, forKey: .summary)
        sources = try c.decode([CitedSpan].self, forKey: .sources)
        justification = try c.decodeIfPresent([CitedSpan].self, forKey: .justification) ?? []
        quotes = try c.decodeIfPresent([String].self, forKey: .quotes) ?? []
        statement = try c.decodeIfPresent(String.self, forKey: .statement)
        inResponseTo = try c.decodeIfPresent([String].self, forKey: .inResponseTo) ?? []
        assertion = try c.decode(Assertion.self, forKey: .assertion)
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        codingNote = try c.decodeIfPresent(String.self, forKey: .codingNote)
    }
}

extension Event: DatedRecordKind {
    package static var readInPlace: Bool { true }
    package static var collection: String { "events" }
    package static var singular: String { "event" }
}

extension Dataset {
    /// Events, as their file lists them.
    public var events: [Event] { get { self[Event.self] } set { self[Event.self] = newValue } }
}
