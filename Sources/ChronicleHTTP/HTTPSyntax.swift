// Character classes of RFC 9110 section 5.6.2 (token) and 5.5 (field values), as 256-entry tables.

enum HTTPSyntax {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    static let token: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(UInt8(byte))
        }
    }

    /// field-vchar = VCHAR / obs-text, plus SP and HTAB inside a value (RFC 9110 section 5.5).
    static let fieldValue: [Bool] = (0..<256).map { byte in
        byte == 0x09 || byte == 0x20 || (0x21...0x7E).contains(byte) || byte >= 0x80
    }

    /// Bytes allowed in a request-target: visible ASCII (RFC 3986 characters; the parser checks no more).
    static let target: [Bool] = (0..<256).map { (0x21...0x7E).contains($0) }


    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Lower-cased ASCII comparison, for tokens such as "chunked" and "close".
    static func equalsIgnoringCase(_ value: Substring, _ lowercase: String) -> Bool {
        value.utf8.count == lowercase.utf8.count
            && zip(value.utf8, lowercase.utf8).allSatisfy { a, b in (a | 0x20) == b || a == b }
    }

    /// Splits a comma-separated list field into trimmed, non-empty elements (RFC 9110 section 5.6.1).
    static func listElements(_ value: String) -> [Substring] {
        value.split(separator: ",").map { $0.trimmingOWS() }.filter { !$0.isEmpty }
    }
}

extension Substring {
    func trimmingOWS() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}

import HTTPTypes

extension HTTPField.Name {
    /// Host (RFC 9110 section 7.2); swift-http-types hides its own name in favour of `authority`.
    public static let hostField = HTTPField.Name("Host")!
    public static let requestID = HTTPField.Name("X-Request-ID")!
}
