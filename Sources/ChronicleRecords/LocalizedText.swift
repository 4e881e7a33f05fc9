/// Text in the languages Chronicle serves; written out in a fixed order (en, ar, fr).
public struct LocalizedText: Sendable, Hashable, Codable {
    public var en: String?
    public var ar: String?
    public var fr: String?

    public init(en: String? = nil, ar: String? = nil, fr: String? = nil) {
        self.en = en
        self.ar = ar
        self.fr = fr
    }

    /// The languages present, with their text, in output order.
    public var entries: [(language: String, text: String)] {
        [("en", en), ("ar", ar), ("fr", fr)].compactMap { language, text in text.map { (language, $0) } }
    }

    public var all: [String] { entries.map(\.text) }
}
