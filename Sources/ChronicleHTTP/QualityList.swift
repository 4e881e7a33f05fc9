// Proactive negotiation fields with quality values (RFC 9110 sections 12.4.2 and 12.5):
// "gzip;q=0.8, identity;q=0, *;q=0.1" or "application/json, text/*;q=0.5".
import HTTPTypes

public struct QualityList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Lower-cased token or media range ("gzip", "text/csv", "text/*", "*/*", "*").
        public let value: String
        /// 0 to 1000 (q=0.5 is 500).
        public let quality: Int
    }

    public let entries: [Entry]

    public init(_ fieldValues: [String]) {
        entries = fieldValues.flatMap(HTTPSyntax.listElements).map { element in
            let parts = element.split(separator: ";").map { $0.trimmingOWS() }
            var quality = 1000
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Self.parseQuality(parameter.dropFirst(2)) ?? 0
            }
            return Entry(value: (parts.first ?? "").lowercased(), quality: quality)
        }
    }

    /// RFC 9110 section 12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); invalid means 0.
    static func parseQuality(_ text: Substring) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole == "0" || whole == "1" else { return nil }
        var value = whole == "1" ? 1000 : 0
        if parts.count == 2 {
            let digits = parts[1]
            guard digits.count <= 3, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            value += Int(digits.padding(toLength: 3)) ?? 0
        }
        return value <= 1000 ? value : nil
    }

    /// The quality given to a content coding, with "*" as the fallback (RFC 9110 section 12.5.3);
    /// identity is acceptable unless excluded.
    public func codingQuality(_ coding: String) -> Int {
        if let entry = entries.first(where: { $0.value == coding }) { return entry.quality }
        if let star = entries.first(where: { $0.value == "*" }) { return star.quality }
        return coding == "identity" ? 1 : 0
    }

    /// The quality of a media type: the most specific matching range wins (RFC 9110 section 12.5.1).
    public func mediaQuality(_ type: String) -> Int {
        let major = type.split(separator: "/").first.map(String.init) ?? type
        if let exact = entries.first(where: { $0.value == type }) { return exact.quality }
        if let range = entries.first(where: { $0.value == "\(major)/*" }) { return range.quality }
        if let any = entries.first(where: { $0.value == "*/*" }) { return any.quality }
        return 0
    }
}

private extension Substring {
    func padding(toLength length: Int) -> String {
        String(self) + String(repeating: "0", count: Swift.max(0, length - count))
    }
}
