// Search normalization, done the same way to the index and to the query:
//  - Unicode canonical decomposition, then combining marks removed: Latin diacritics fold
//    (é → e, ï → i) and so do Arabic tashkeel and the hamza/madda marks, which also folds
//    the alef variants أ إ آ to ا and the hamza seats ؤ → و, ئ → ي;
//  - ٱ → ا, ى → ي, ة → ه, tatweel (ـ) removed, as Arabic search engines normalize;
//  - lower case; tokens are runs of letters and digits.
// ASCII and the Arabic block take table-driven fast paths (they are nearly all of the text);
// other scripts go through the Unicode properties. Arabic attaches the article and some particles
// to the word ("والجزائر" = "and Algeria"), so a token beginning with one of them is also indexed
// without it (light stemming).
import Foundation

public enum TextNormalizer {
    /// Normalized tokens of `text`, in order.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        forEachToken(text) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        return tokens
    }

    /// The string normalized as one piece (tokens joined by a space), for equality tests.
    public static func normalize(_ text: String) -> String { tokens(text).joined(separator: " ") }

    /// What one code point contributes to a token.
    enum Fold {
        case letter(Unicode.Scalar)
        case skip
        case separator
        case general
    }

    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Fold {
        let value = scalar.value
        switch value {
        case 0x30...0x39, 0x61...0x7A: return .letter(scalar)
        case 0x41...0x5A: return .letter(Unicode.Scalar(value + 0x20)!)
        case 0...0x7F: return .separator
        case 0x0622, 0x0623, 0x0625, 0x0671: return .letter("\u{0627}")  // alef forms → alef
        case 0x0624: return .letter("\u{0648}")  // waw with hamza → waw
        case 0x0626, 0x0649: return .letter("\u{064A}")  // yeh with hamza, alef maksura → yeh
        case 0x0629: return .letter("\u{0647}")  // teh marbuta → heh
        case 0x0640, 0x064B...0x065F, 0x0670, 0x06D6...0x06ED: return .skip  // tatweel, tashkeel, Quranic marks
        case 0x0621, 0x0627...0x063A, 0x0641...0x064A, 0x0660...0x0669, 0x066E...0x06D3, 0x06F0...0x06FF: return .letter(scalar)
        case 0x0600...0x06FF: return .separator  // Arabic punctuation: ، ؛ ؟ and the like
        default: return .general
        }
    }

    /// Calls `body` with the UTF-8 bytes of each normalized token.
    static func forEachToken(_ text: String, _ body: ([UInt8]) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func finish() {
            if !current.isEmpty { body(current) }
            current.removeAll(keepingCapacity: true)
        }
        func appendLetter(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { current.append($0) }
        }
        for scalar in text.unicodeScalars {
            switch fold(scalar) {
            case .letter(let letter): appendLetter(letter)
            case .skip: continue
            case .separator: finish()
            case .general:
                // Decompose this one code point (é → e + ◌́) and keep letters and digits, lower-cased.
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                    let properties = part.properties
                    if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { continue }
                    if case .letter(let letter) = fold(part) { appendLetter(letter); continue }
                    if properties.isAlphabetic || properties.numericType != nil {
                        if properties.changesWhenLowercased {
                            for lower in properties.lowercaseMapping.unicodeScalars { appendLetter(lower) }
                        } else {
                            appendLetter(part)
                        }
                    } else {
                        finish()
                    }
                }
            }
        }
        finish()
    }

    /// Proclitic forms of the Arabic article, as UTF-8: وال بال كال فال لل ال (longest first).
    static let articles: [[UInt8]] = ["وال", "بال", "كال", "فال", "لل", "ال"].map { Array($0.utf8) }
    /// Single-letter particles و ب ف ل ك, stripped from indexed tokens only.
    static let particles: [[UInt8]] = ["و", "ب", "ف", "ل", "ك"].map { Array($0.utf8) }

    /// The token without a leading article, when at least two letters (four bytes) remain.
    static func withoutArticle(_ token: [UInt8]) -> [UInt8]? {
        for article in articles where token.count >= article.count + 4 && token.starts(with: article) {
            return Array(token[article.count...])
        }
        return nil
    }

    /// Every form under which an indexed token can be found.
    static func indexForms(_ token: [UInt8], _ body: ([UInt8]) -> Void) {
        body(token)
        if let stripped = withoutArticle(token) {
            body(stripped)
        } else if token.count >= 8, let particle = particles.first(where: { token.starts(with: $0) }) {
            body(Array(token[particle.count...]))
        }
    }

    /// The form of a query token looked up as a prefix.
    static func queryForm(_ token: [UInt8]) -> [UInt8] { withoutArticle(token) ?? token }
}
