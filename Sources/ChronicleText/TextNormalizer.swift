// Search normalization, one function for the index and the query (ArabicAnalysis stems the tokens
// it yields). Modelled on Lucene's ArabicNormalizer, PersianNormalizer and DecimalDigitFilter:
//  - Arabic: the alef forms أ إ آ ٱ → ا; hamza on its carriers ؤ ئ and the bare ء → ء (so مسئول,
//    مسؤول and مسءول are one word); ى → ي; ة → ه; the Persian and Urdu ی ے → ي, ک → ك, ۀ ہ → ه;
//    tashkeel (tanween al-fath included: دروسًا = دروسا, the final alef left to the stemmer, which
//    knows whether the word is تركيا or مشيرًا), Quranic marks and tatweel removed;
//  - digits: Arabic-Indic ٠–٩ and Eastern Arabic-Indic ۰–۹ → 0–9 (٢٠١٥ = 2015);
//  - Latin and other scripts: canonical decomposition with the combining marks removed (é → e),
//    lower case;
//  - compatibility forms: NFKC for Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFC: text copied
//    from a PDF), the Latin ligatures (ﬁ) and fullwidth forms; œ and æ expanded (cœur = coeur);
//  - French elision and the English possessive: l', d', qu' and the like before a word, and 's
//    after one, are dropped (d'Alger = Alger, Mali's = Mali);
//  - tokens are runs of letters and digits; the compound name عبد الله is one token, عبدالله, as
//    it is often written joined.
// ASCII and the Arabic block take table-driven fast paths (they are nearly all of the text);
// other scripts go through the Unicode properties.
import Foundation

public enum TextNormalizer {
    /// The byte that starts an acronym's term in an index (no normalized token starts with it), so
    /// that `UN` the acronym and `un` the word are different terms.
    package static let acronymMarker: UInt8 = 0x01

    /// A token of normalized text: its UTF-8 bytes, and whether it was written in capitals only
    /// (an acronym such as UN, ONU, AGNU, which search matches only as a whole capitalized word).
    package struct Token {
        package var bytes: [UInt8]
        package var isAcronym: Bool
    }

    /// Normalized tokens of `text`, in order.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        forEachToken(text) { tokens.append(String(decoding: $0.bytes, as: UTF8.self)) }
        return tokens
    }

    /// The string normalized as one piece (tokens joined by a space), for equality tests.
    public static func normalize(_ text: String) -> String { tokens(text).joined(separator: " ") }

    /// What one code point contributes to a token.
    package enum Fold {
        case letter(Unicode.Scalar)
        case skip
        case separator
        /// ' ’ ʼ: ends a token, and decides French elision and the English possessive.
        case apostrophe
        /// A presentation or fullwidth form, read as its NFKC letters.
        case compatibility
        case general
    }

    /// French elided words, dropped before an apostrophe (Lucene's ElisionFilter set).
    package static let elided: Set<[UInt8]> = Set(
        ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"].map { Array($0.utf8) })

    @inline(__always)
    package static func fold(_ scalar: Unicode.Scalar) -> Fold {
        let value = scalar.value
        switch value {
        case 0x30...0x39, 0x61...0x7A: return .letter(scalar)
        case 0x41...0x5A: return .letter(Unicode.Scalar(value + 0x20)!)
        case 0x27: return .apostrophe
        case 0...0x7F: return .separator
        case 0x0622, 0x0623, 0x0625, 0x0671: return .letter("\u{0627}")  // alef forms → alef
        case 0x0624, 0x0626: return .letter("\u{0621}")  // hamza on waw or yeh → hamza
        case 0x0649, 0x06CC, 0x06D2: return .letter("\u{064A}")  // alef maksura, Farsi yeh, yeh barree → yeh
        case 0x0629, 0x06C0, 0x06C1: return .letter("\u{0647}")  // teh marbuta and its Persian/Urdu forms → heh
        case 0x06A9: return .letter("\u{0643}")  // keheh → kaf
        case 0x0660...0x0669: return .letter(Unicode.Scalar(value - 0x0660 + 0x30)!)  // Arabic-Indic digits
        case 0x06F0...0x06F9: return .letter(Unicode.Scalar(value - 0x06F0 + 0x30)!)  // Eastern Arabic-Indic digits
        case 0x0640, 0x064B...0x065F, 0x0670, 0x06D6...0x06ED: return .skip  // tatweel, tashkeel, Quranic marks
        case 0x0621, 0x0627...0x063A, 0x0641...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF: return .letter(scalar)
        case 0x0600...0x06FF: return .separator  // Arabic punctuation: ، ؛ ؟ and the like
        case 0x2019, 0x02BC: return .apostrophe
        case 0xFB00...0xFDFF, 0xFE70...0xFEFC, 0xFF01...0xFFEE: return .compatibility
        default: return .general
        }
    }

    package static let alef: [UInt8] = Array("\u{0627}".utf8)
    package static let abd: [UInt8] = Array("عبد".utf8)
    package static let allah: [UInt8] = Array("الله".utf8)

    /// Calls `body` with each normalized token.
    package static func forEachToken(_ text: String, _ body: (Token) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var capitals = 0, letters = 0, others = 0
        /// The token just ended at an apostrophe: an `s` that follows is the English possessive.
        var afterApostrophe = false
        /// A held عبد, joined with a following الله.
        var held: Token?
        func emit(_ token: Token) {
            if let previous = held {
                held = nil
                if token.bytes == allah {
                    body(Token(bytes: previous.bytes + token.bytes, isAcronym: false))
                    return
                }
                body(previous)
            }
            if token.bytes == abd { held = token } else { body(token) }
        }
        func finish() {
            if !current.isEmpty && !(afterApostrophe && current == [UInt8(ascii: "s")]) {
                emit(Token(bytes: current, isAcronym: capitals >= 2 && capitals == letters && others == 0))
            }
            current.removeAll(keepingCapacity: true)
            capitals = 0; letters = 0; others = 0
            afterApostrophe = false
        }
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { current.append($0) }
        }
        func consume(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            switch fold(scalar) {
            case .letter(let letter):
                if value >= 0x41 && value <= 0x5A {
                    capitals += 1; letters += 1
                } else if value >= 0x61 && value <= 0x7A {
                    letters += 1
                } else {
                    others += 1
                }
                append(letter)
            case .skip: return
            case .separator: finish()
            case .apostrophe:
                // l'Algérie, d'Alger, qu'il: the elided word is not a word of its own.
                if elided.contains(current) { current.removeAll(keepingCapacity: true) }
                finish()
                afterApostrophe = true
            case .compatibility:
                let mapped = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
                if mapped.count == 1 && mapped.first == scalar {
                    finish()
                } else {
                    // An isolated mark (U+FE70–FE7F) is a space and the mark: the mark only, so the
                    // word it sits in stays one word.
                    for part in mapped where !((0xFE70...0xFE7F).contains(value) && part == " ") { consume(part) }
                }
            case .general:
                if let ligature = latinLigatures[value] {
                    for letter in ligature.unicodeScalars { consume(letter) }
                    return
                }
                others += 1
                // Decompose this one code point (é → e + ◌́) and keep letters and digits, lower-cased.
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                    let properties = part.properties
                    if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { continue }
                    if case .letter(let letter) = fold(part) { append(letter); continue }
                    if properties.isAlphabetic || properties.numericType != nil {
                        if properties.changesWhenLowercased {
                            for lower in properties.lowercaseMapping.unicodeScalars { append(lower) }
                        } else {
                            append(part)
                        }
                    } else {
                        finish()
                    }
                }
            }
        }
        for scalar in text.unicodeScalars { consume(scalar) }
        finish()
        if let previous = held { body(previous) }
    }

    /// œ and æ, which no Unicode normalization expands: written as two letters (cœur = coeur).
    private static let latinLigatures: [UInt32: String] = [0x0153: "oe", 0x0152: "OE", 0x00E6: "ae", 0x00C6: "AE"]

}
