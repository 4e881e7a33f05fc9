// Search normalization, one function for the index and the query (ArabicAnalysis stems the tokens
// it yields). Modelled on Lucene's ArabicNormalizer, PersianNormalizer and DecimalDigitFilter:
//  - Arabic: the alef forms أ إ آ ٱ → ا; hamza on its carriers ؤ ئ and the bare ء → ء (so مسئول,
//    مسؤول and مسءول are one word); ى → ي; ة → ه; the Persian and Urdu ی ے → ي, ک → ك, ۀ ہ → ه;
//    tashkeel, Quranic marks and tatweel removed, and the alef that carries tanween al-fath with it
//    (دروسًا = دروس);
//  - digits: Arabic-Indic ٠–٩ and Eastern Arabic-Indic ۰–۹ → 0–9 (٢٠١٥ = 2015);
//  - Latin and other scripts: canonical decomposition with the combining marks removed (é → e),
//    lower case;
//  - an Arabic word's final alef after three letters or more is dropped (not ها's): it is where
//    tanween al-fath sits, and most people type without the mark (مشيرا = مشيرًا = مشير);
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
        /// The word ended in an alef that was dropped as tanween's (`dropUnmarkedTanweenAlef`):
        /// a query word may be the first letters of a longer word (بسيا of بسيادة), which search
        /// reads with the alef.
        package var droppedAlef = false
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
        /// Tanween al-fath: removed together with the alef that carries it.
        case tanweenFath
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
        case 0x064B: return .tanweenFath
        case 0x0640, 0x064C...0x065F, 0x0670, 0x06D6...0x06ED: return .skip  // tatweel, tashkeel, Quranic marks
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
        var dropAlef = false
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
                let dropped = dropUnmarkedTanweenAlef(&current)
                emit(Token(bytes: current, isAcronym: capitals >= 2 && capitals == letters && others == 0, droppedAlef: dropped))
            }
            current.removeAll(keepingCapacity: true)
            capitals = 0; letters = 0; others = 0
            dropAlef = false
            afterApostrophe = false
        }
        func append(_ scalar: Unicode.Scalar) {
            if dropAlef {
                dropAlef = false
                if scalar == "\u{0627}" { return }
            }
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
            case .tanweenFath:
                // The alef is written before or after the mark: drop whichever is there.
                if current.count >= 2, Array(current.suffix(2)) == alef { current.removeLast(2) } else { dropAlef = true }
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
                    for part in mapped { consume(part) }
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

    /// Drops an Arabic word's final alef after three letters or more: where tanween al-fath sits,
    /// typed or not (مشيرا = مشيرًا, whose mark already took the alef). Shorter words keep it (ولا,
    /// هذا), and so does the pronoun ها (آخرها), which the stemmer strips whole.
    @inline(__always)
    @discardableResult
    static func dropUnmarkedTanweenAlef(_ token: inout [UInt8]) -> Bool {
        let count = token.count
        guard count >= 8, token[count - 2] == 0xD8, token[count - 1] == 0xA7 else { return false }
        if token[count - 4] == 0xD9 && token[count - 3] == 0x87 { return false }  // ها
        // Arabic letters only (two bytes each, lead bytes D8–DB): digits or Latin letters mixed in
        // make it no Arabic word.
        var index = 0
        while index < count {
            guard token[index] >= 0xD8 && token[index] <= 0xDB else { return false }
            index += 2
        }
        token.removeLast(2)
        return true
    }
}
