// Search normalization, done the same way to the index and to the query:
//  - Unicode canonical decomposition, then combining marks removed: Latin diacritics fold
//    (é → e, ï → i) and so do Arabic tashkeel and the hamza/madda marks, which also folds
//    the alef variants أ إ آ to ا (they decompose to ا plus a mark);
//  - ٱ → ا, ى → ي, ة → ه, tatweel (ـ) removed, as Arabic search engines normalize;
//  - lower case; tokens are runs of letters and digits.
// Arabic attaches the article and some particles to the word ("والجزائر" = "and Algeria"), so a
// token beginning with one of them is also indexed without it (light stemming).
import Foundation

public enum TextNormalizer {
    /// Normalized tokens of `text`, in order.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { continue }
            switch scalar.value {
            case 0x0640: continue  // tatweel
            case 0x0671: current.append("\u{0627}")  // alef wasla → alef
            case 0x0649: current.append("\u{064A}")  // alef maksura → yeh
            case 0x0629: current.append("\u{0647}")  // teh marbuta → heh
            default:
                if properties.isAlphabetic || properties.numericType != nil {
                    if properties.changesWhenLowercased {
                        current.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
                    } else {
                        current.append(scalar)
                    }
                } else {
                    finish()
                }
            }
        }
        finish()
        return tokens
    }

    /// The string normalized as one piece (tokens joined by a space), for equality tests.
    public static func normalize(_ text: String) -> String { tokens(text).joined(separator: " ") }

    /// Proclitic forms of the Arabic article stripped from queries and indexed tokens alike.
    static let articles = ["وال", "بال", "كال", "فال", "لل", "ال"]
    /// Single-letter particles stripped from indexed tokens only (a query keeps its own spelling).
    static let particles: [Character] = ["و", "ب", "ف", "ل", "ك"]

    /// The token without a leading article, when at least two letters remain.
    static func withoutArticle(_ token: String) -> String? {
        for article in articles where token.hasPrefix(article) && token.count >= article.count + 2 {
            return String(token.dropFirst(article.count))
        }
        return nil
    }

    /// Every form under which an indexed token can be found.
    static func indexForms(_ token: String) -> [String] {
        var forms = [token]
        if let stripped = withoutArticle(token) {
            forms.append(stripped)
        } else if let first = token.first, particles.contains(first), token.count >= 4 {
            forms.append(String(token.dropFirst()))
        }
        return forms
    }

    /// The form of a query token looked up as a prefix.
    static func queryForm(_ token: String) -> String { withoutArticle(token) ?? token }
}
