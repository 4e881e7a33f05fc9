/// A direct quotation: verbatim text, who said it, when, and its exact place in a document.
public struct Quote: Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Words the speaker said or wrote.
        case statement
        /// A term quoted as a label (e.g. one the speaker refused).
        case term
    }

    public let id: String
    /// Exactly the characters of `source`.
    public let text: String
    /// BCP 47 language of `text`.
    public let language: String
    public let speaker: String
    public let event: String?
    public internal(set) var date: EDTFDate
    public let kind: Kind
    public let translation: LocalizedText
    public let source: Span
    public let note: String?
}
