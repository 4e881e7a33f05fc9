/// A range of a document's text: Unicode code points, end-exclusive, so Python's
/// `text[start:end]` returns exactly the quoted characters.
public struct Span: Sendable, Hashable, Codable {
    public let document: String
    public let start: Int
    public let end: Int

    public init(document: String, start: Int, end: Int) {
        self.document = document
        self.start = start
        self.end = end
    }
}
