// Entity tags and If-None-Match (RFC 9110 sections 8.8.3 and 13.1.2).

public enum EntityTag {
    /// A strong tag for a representation's bytes, e.g. "\"1a2b-9c8d7e6f5a4b3c2d\"".
    public static func strong(for body: [UInt8], suffix: String = "") -> String {
        "\"" + Gzip.fingerprint(body) + suffix + "\""
    }

    /// A strong tag for a representation that is a pure function of `parts` (e.g. a dataset's
    /// fingerprint and the request target): FNV-1a, 64 bits, over the parts with separators.
    public static func derived(from parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\"" + String(hash, radix: 16) + "\""
    }

    /// The tag of a content-coded variant of the representation tagged `tag` ("\"abc\"" → "\"abc-gzip\"").
    public static func variant(_ tag: String, coding: String) -> String {
        String(tag.dropLast()) + "-" + coding + "\""
    }

    /// The first of `candidates` that `If-None-Match` matches, if any.
    public static func matched(_ fieldValues: [String], among candidates: [String]) -> String? {
        guard !fieldValues.isEmpty else { return nil }
        return candidates.first { noneMatch(fieldValues, current: $0) }
    }

    /// Whether `If-None-Match` matches: "*", or any listed tag equal by weak comparison
    /// (RFC 9110 section 13.1.2 uses the weak comparison: W/ prefixes are ignored).
    public static func noneMatch(_ fieldValues: [String], current: String) -> Bool {
        let tags = fieldValues.flatMap(HTTPSyntax.listElements)
        return tags.contains { tag in
            tag == "*" || opaque(tag) == opaque(Substring(current))
        }
    }

    private static func opaque(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}
