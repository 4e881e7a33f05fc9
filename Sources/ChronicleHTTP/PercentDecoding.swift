/// RFC 3986 section 2.1 percent-decoding to UTF-8 text; malformed escapes or invalid UTF-8 are a 400.
public enum PercentDecoding {
    public static func decode(_ text: Substring, plusAsSpace: Bool) throws(HTTPParseError) -> String {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }) {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let high = utf8.index(after: index)
                guard high != utf8.endIndex, case let low = utf8.index(after: high), low != utf8.endIndex,
                      let h = HTTPSyntax.hexValue(utf8[high]), let l = HTTPSyntax.hexValue(utf8[low])
                else { throw .bad("malformed percent-encoding in \"\(text)\"") }
                bytes.append(h << 4 | l)
                index = utf8.index(after: low)
            } else {
                bytes.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = utf8.index(after: index)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .bad("percent-encoded bytes are not UTF-8 in \"\(text)\"")
        }
        return decoded
    }
}
