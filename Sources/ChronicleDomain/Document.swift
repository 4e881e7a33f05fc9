/// A source document: its metadata as annotated, and its text as shipped.
public struct Document: Sendable, Codable {
    public let id: String
    /// Path of the text file, relative to the data directory.
    public let file: String
    public let title: LocalizedText
    public let languages: [String]
    /// Length in Unicode code points.
    public let length: Int
    /// SHA-256 of the file's bytes, lowercase hex.
    public let sha256: String
    public let kind: String?
    public let published: String?
    public let note: LocalizedText?

    /// The text, set by the loader after it checked length and digest.
    public internal(set) var text: String = ""
    /// The text as code points, for O(1) span slicing.
    var scalars: [Unicode.Scalar] = []

    enum CodingKeys: String, CodingKey {
        case id, file, title, languages, length, sha256, kind, published, note
    }

    /// The text of `span`, or nil when it falls outside the document.
    public func text(of span: Span) -> String? {
        guard span.start >= 0, span.start <= span.end, span.end <= scalars.count else { return nil }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[span.start..<span.end])
        return String(result)
    }
}
