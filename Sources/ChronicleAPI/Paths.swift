/// Percent-encoding for the links we write (RFC 3986 section 2.3: unreserved characters stay).
import ChronicleHTTP

enum Paths {
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~".utf8.contains(byte)
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes a path segment.
    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes a query name or value (the same set; a space becomes %20, which every decoder reads).
    static func encodeQuery(_ text: String) -> String { encode(text) }

    /// `path`, and `?name=value&…` when there are items, every name and value encoded.
    static func link(_ path: String, _ items: [QueryItem]) -> String {
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { item in
            encodeQuery(item.name) + (item.value.map { "=" + encodeQuery($0) } ?? "")
        }.joined(separator: "&")
    }

    /// The request's own target, as it was sent (the `self` link of a list).
    static func selfLink(_ request: Request) -> String {
        request.target.rawQuery.map { request.target.path + "?" + $0 } ?? request.target.path
    }
}
