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
    /// What is known of where the document comes from; "unknown" said honestly where the text does not tell.
    public let provenance: Provenance?
    public let note: LocalizedText?

    public struct Provenance: Sendable, Codable {
        /// The outlet, its URL and the publication date; nil where unknown.
        public let outlet: String?
        public let url: String?
        public let published: String?
        /// `stated` or `inferred`.
        public let publishedCertainty: String?
        /// The evidence, e.g. the Moroccan month names that suggest a Moroccan outlet.
        public let note: LocalizedText?

        package enum CodingKeys: String, CodingKey {
            case outlet, url, published, note
            case publishedCertainty = "published_certainty"
        }
    }

    /// The text, set by the loader after it checked length and digest.
    public internal(set) var text: String = ""
    /// The text's UTF-8 bytes, and the byte offset of every 64th code point, so a span is found
    /// with one lookup and a walk of at most 63 code points.
    package var utf8: [UInt8] = []
    package var checkpoints: [Int32] = []
    /// Length in code points, as counted when loaded.
    public internal(set) var scalarCount = 0

    package static let checkpointStride = 64

    /// Sets the text and builds the offset index.
    package mutating func setText(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        checkpoints = []
        checkpoints.reserveCapacity(utf8.count / Self.checkpointStride + 1)
        var count = 0
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            if count % Self.checkpointStride == 0 { checkpoints.append(Int32(offset)) }
            count += 1
        }
        scalarCount = count
    }

    /// Byte offset of code point `index` (0...scalarCount).
    package func byteOffset(ofScalar index: Int) -> Int {
        if index >= scalarCount { return utf8.count }
        var offset = Int(checkpoints[index / Self.checkpointStride])
        var remaining = index % Self.checkpointStride
        while remaining > 0 {
            offset += 1
            while offset < utf8.count && utf8[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    package enum CodingKeys: String, CodingKey {
        case id, file, title, languages, length, sha256, kind, published, provenance, note
    }

    /// The text of `span`, or nil when it falls outside the document.
    public func text(of span: Span) -> String? {
        guard span.start >= 0, span.start <= span.end, span.end <= scalarCount else { return nil }
        let start = byteOffset(ofScalar: span.start), end = byteOffset(ofScalar: span.end)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// True when `file` names a file inside the data directory: relative, not empty, and without a
    /// `..` component (a record could otherwise make the loader read, and serve, any file the server can).
    public var hasSafeFile: Bool {
        guard !file.isEmpty, !file.hasPrefix("/"), !file.contains("\0") else { return false }
        return !file.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}

extension Document: RecordKind {
    package static var collection: String { "documents" }
    package static var singular: String { "document" }
    /// `GET /documents?language=fr`, `?kind=news article`.
    package static var indexedFields: [IndexedField<Document>] {
        [IndexedField("language", foldsCase: true) { $0.languages }, IndexedField("kind") { $0.kind.map { [$0] } ?? [] }]
    }
}

extension Dataset {
    /// Documents, as their file lists them.
    public var documents: [Document] { get { self[Document.self] } set { self[Document.self] = newValue } }
}
