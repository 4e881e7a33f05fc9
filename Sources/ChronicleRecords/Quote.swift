/// A direct quotation: verbatim text, who said it, when, and its exact place in a document.
public struct Quote: Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Words the speaker said or wrote.
        case statement
        /// A term quoted as a label (e.g. one the speaker refused).
        case term
    }

    /// Whether the speaker makes the words their own, or quotes them to refuse them.
    public enum Stance: String, Sendable, Codable, CaseIterable {
        case asserted, refused
    }

    /// Whose label a refused term is, as far as the document says.
    public struct Attribution: Sendable, Codable {
        public let actor: String?
        public let basis: String?
        public let note: String?
    }

    /// The original-language wording of a translated passage, where a source at hand quotes it.
    public struct OriginalWording: Sendable, Codable {
        public let text: String
        /// False when published transcriptions differ and this is one of them.
        public let verbatim: Bool
        public let source: String?
        public let note: String?
    }

    public let id: String
    /// Exactly the characters of `source`.
    public let text: String
    /// BCP 47 language of `text`.
    public let language: String
    public let speaker: String
    /// The primary event the quote states (also first in `events`).
    public let event: String?
    public let events: [String]
    public internal(set) var date: EDTFDate
    public let kind: Kind
    public let stance: Stance
    /// True when the words are a label the speaker rejected: never the speaker's own characterization.
    public let refusedLabel: Bool
    public let labelAttributedTo: Attribution?
    public let translation: LocalizedText
    public let translationNotes: LocalizedText?
    /// True on an original that other quotes translate; `translations` lists them.
    public let original: Bool
    public let translations: [String]
    /// The quote this one translates (the document's Arabic rendering of a French original).
    public let translationOf: String?
    public let originalFrench: OriginalWording?
    /// Where the translation departs from the original.
    public let departures: [String]
    public let source: Span
    public let note: String?

    package enum CodingKeys: String, CodingKey {
        case id, text, language, speaker, event, events, date, kind, stance, translation, original, translations
        case departures, source, note
        case refusedLabel = "refused_label"
        case labelAttributedTo = "label_attributed_to"
        case translationNotes = "translation_notes"
        case translationOf = "translation_of"
        case originalFrench = "original_fr"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        language = try c.decode(String.self, forKey: .language)
        speaker = try c.decode(String.self, forKey: .speaker)
        event = try c.decodeIfPresent(String.self, forKey: .event)
        events = try c.decodeIfPresent([String].self, forKey: .events) ?? event.map { [$0] } ?? []
        date = try c.decode(EDTFDate.self, forKey: .date)
        kind = try c.decode(Kind.self, forKey: .kind)
        stance = try c.decodeIfPresent(Stance.self, forKey: .stance) ?? .asserted
        // Required: a refused label must say so in a field every format carries, not only in a note.
        refusedLabel = try c.decode(Bool.self, forKey: .refusedLabel)
        labelAttributedTo = try c.decodeIfPresent(Attribution.self, forKey: .labelAttributedTo)
        translation = try c.decode(LocalizedText.self, forKey: .translation)
        translationNotes = try c.decodeIfPresent(LocalizedText.self, forKey: .translationNotes)
        original = try c.decodeIfPresent(Bool.self, forKey: .original) ?? false
        translations = try c.decodeIfPresent([String].self, forKey: .translations) ?? []
        translationOf = try c.decodeIfPresent(String.self, forKey: .translationOf)
        originalFrench = try c.decodeIfPresent(OriginalWording.self, forKey: .originalFrench)
        departures = try c.decodeIfPresent([String].self, forKey: .departures) ?? []
        source = try c.decode(Span.self, forKey: .source)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

extension Quote: DatedRecordKind {
    package static var readInPlace: Bool { true }
    package static var collection: String { "quotes" }
    package static var singular: String { "quote" }
}

extension Dataset {
    /// Quotes, as their file lists them.
    public var quotes: [Quote] { get { self[Quote.self] } set { self[Quote.self] = newValue } }
}
