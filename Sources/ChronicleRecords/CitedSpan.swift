/// A passage a record cites: its span, the exact text the annotator read there (checked against
/// the document code point by code point), and why it is cited.
public struct CitedSpan: Sendable, Codable {
    public let document: String
    public let start: Int
    public let end: Int
    /// The passage's text, as written in the data file.
    public let text: String?
    /// `act` (states the act), `date`, `context`, `outlet_summary`, `provenance`, or none.
    public let role: String?
    public let note: String?

    public var span: Span { Span(document: document, start: start, end: end) }
}
