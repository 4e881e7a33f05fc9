// Light stemming of French and English words: plurals and the common feminine and derived
// endings, after Lucene's EnglishMinimalStemmer (the plural rule of Harman's S-stemmer) and
// FrenchLightStemmer (Savoy's light stemmer). Search does not know a query word's language, so a
// Latin-script word takes both, English first, on the index side and the query side alike:
// `ingérences` = `ingérence`, `Kabylie` = `kabyle`, `authorities` = `authority`,
// `internationaux` = `internationale`. Tokens are normalized (TextNormalizer): lower case, and the
// accents FrenchLightStemmer folds already folded, so its rules for è (ère, ète, ième) are read
// without it. Only words of the letters a–z are stemmed; names with digits and other scripts
// are left as they are.

package enum LatinStemmer {
    package static func stem(_ token: [UInt8]) -> [UInt8] {
        guard token.count >= 3, token.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return token }
        var word = token
        english(&word)
        french(&word)
        return word
    }

    /// EnglishMinimalStemmer: -ies → -y (not -aies, -eies), -es and -s dropped except after u, s
    /// and the vowels that make -es part of the word (-oes, -aes, -ees, -ies kept as above).
    static func english(_ s: inout [UInt8]) {
        let n = s.count
        guard n >= 3, s[n - 1] == c("s") else { return }
        switch s[n - 2] {
        case c("u"), c("s"): return
        case c("e"):
            if n > 3 && s[n - 3] == c("i") && s[n - 4] != c("a") && s[n - 4] != c("e") {
                s.removeLast(2)
                s[s.count - 1] = c("y")
                return
            }
            if [c("i"), c("a"), c("o"), c("e")].contains(s[n - 3]) { return }
            s.removeLast()
        default: s.removeLast()
        }
    }

    /// FrenchLightStemmer: plurals in -x and -s, then the first derivational ending that applies,
    /// then `norm` (doubled letters, -ie, and a final -r, -e, -e and doubled letter).
    static func french(_ s: inout [UInt8]) {
        if s.count > 5 && s.last == c("x") {
            let n = s.count
            if s[n - 3] == c("a") && s[n - 2] == c("u") && s[n - 4] != c("e") { s[n - 2] = c("l") }
            s.removeLast()
        }
        if s.count > 3 && s.last == c("x") { s.removeLast() }
        if s.count > 3 && s.last == c("s") { s.removeLast() }
        if derive(&s) { return }
        norm(&s)
    }

    /// The derivational endings, in Lucene's order; true when one applied (and normed the word).
    private static func derive(_ s: inout [UInt8]) -> Bool {
        func ends(_ suffix: String, over length: Int) -> Bool { s.count > length && s.ends(with: suffix) }
        func replace(_ count: Int, with tail: String) {
            s.removeLast(count)
            s.append(contentsOf: tail.utf8)
        }
        if ends("issement", over: 9) { replace(8, with: "ir"); norm(&s); return true }
        if ends("issant", over: 8) { replace(6, with: "ir"); norm(&s); return true }
        if ends("ement", over: 6) {
            s.removeLast(4)
            if s.count > 3 && s.ends(with: "ive") { replace(3, with: "if") }
            norm(&s)
            return true
        }
        if ends("ficatrice", over: 11) { replace(7, with: "er"); norm(&s); return true }
        if ends("ficateur", over: 10) { replace(6, with: "er"); norm(&s); return true }
        if ends("catrice", over: 9) { replace(7, with: "quer"); norm(&s); return true }
        if ends("cateur", over: 8) { replace(6, with: "quer"); norm(&s); return true }
        if ends("atrice", over: 8) { replace(6, with: "er"); norm(&s); return true }
        if ends("ateur", over: 7) { replace(5, with: "er"); norm(&s); return true }
        if ends("trice", over: 6) { replace(5, with: "teur") }
        if ends("ieme", over: 5) { s.removeLast(4); norm(&s); return true }
        if ends("teuse", over: 7) { replace(5, with: "ter"); norm(&s); return true }
        if ends("teur", over: 6) { replace(4, with: "ter"); norm(&s); return true }
        if ends("euse", over: 5) { s.removeLast(2); norm(&s); return true }
        if ends("ere", over: 8) { replace(3, with: "er"); norm(&s); return true }
        if ends("ive", over: 7) { replace(3, with: "if"); norm(&s); return true }
        if ends("folle", over: 4) || ends("molle", over: 4) { replace(3, with: "u"); norm(&s); return true }
        if ends("nnelle", over: 9) { s.removeLast(5); norm(&s); return true }
        if ends("nnel", over: 9) { s.removeLast(3); norm(&s); return true }
        if ends("ete", over: 4) { replace(3, with: "et") }
        if ends("ique", over: 8) { s.removeLast(4) }
        if ends("esse", over: 8) { s.removeLast(3); norm(&s); return true }
        if ends("inage", over: 7) { s.removeLast(3); norm(&s); return true }
        if ends("isation", over: 9) {
            s.removeLast(7)
            if s.count > 5 && s.ends(with: "ual") { s[s.count - 2] = c("e") }
            norm(&s)
            return true
        }
        if ends("isateur", over: 9) { s.removeLast(7); norm(&s); return true }
        if ends("ation", over: 8) { s.removeLast(5); norm(&s); return true }
        if ends("ition", over: 8) { s.removeLast(5); norm(&s); return true }
        return false
    }

    /// Lucene's `norm`: over five letters, doubled letters made single; then -ie dropped, and a
    /// final r, e, e and a doubled last letter, one after the other.
    private static func norm(_ s: inout [UInt8]) {
        if s.count > 4 {
            var single: [UInt8] = []
            single.reserveCapacity(s.count)
            for letter in s where single.last != letter { single.append(letter) }
            s = single
        }
        if s.count > 4 && s.ends(with: "ie") { s.removeLast(2) }
        if s.count > 4 {
            if s.last == c("r") { s.removeLast() }
            if s.last == c("e") { s.removeLast() }
            if s.last == c("e") { s.removeLast() }
            if s.count >= 2 && s[s.count - 1] == s[s.count - 2] { s.removeLast() }
        }
    }

    @inline(__always)
    private static func c(_ character: Unicode.Scalar) -> UInt8 { UInt8(ascii: character) }
}

extension [UInt8] {
    fileprivate func ends(with suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return count >= tail.count && self[(count - tail.count)...].elementsEqual(tail)
    }
}
