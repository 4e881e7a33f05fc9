// Light stemming of Arabic tokens, after Lucene's ArabicStemmer (Larkey, Ballesteros and Connell's
// light10), with one change that matters for precision: a single-letter conjunction or preposition
// (و ف ب ل ك, alone or combined) is stripped only when the token is not itself a word and what
// remains is one (Lexicon), so a root letter is never taken for a particle (وزارة stays وزارة: زارة
// is not a word; بسيادة becomes سيادة, وفشل becomes فشل). The article forms ال وال بال كال فال لل
// are stripped when two letters remain (the conjunction forms light10 leaves out, ولل، فلل، وبال،
// فبال، وكال، فكال, like a particle: when what remains is a word), and the light10 suffixes ها ان
// ات ون ين يه ه ي when two letters remain.
// Tokens are normalized UTF-8 (TextNormalizer), so ة is already ه and ية is يه. Other tokens go to
// LatinStemmer.

package enum ArabicStemmer {
    private static func utf8(_ items: [String]) -> [[UInt8]] { items.map { Array($0.utf8) } }

    /// Lucene's order: the first that matches is stripped.
    package static let articles = utf8(["ال", "وال", "بال", "كال", "فال", "لل"])
    /// The forms with a conjunction before لل, بال and كال that light10 leaves out (وللجزائر,
    /// فبالإرهاب, وكالعصابات): stripped like a particle, only from a word that is not itself a stem
    /// and when three letters or more remain that are a word (وكالات stays وكالات: ات is no word).
    package static let conjunctionArticles = utf8(["ولل", "فلل", "وبال", "فبال", "وكال", "فكال"])
    /// Conjunction, preposition, or a conjunction then a preposition; longest first.
    package static let particles = utf8(["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"])
    package static let suffixes = utf8(["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"])

    /// Arabic letters are two bytes in UTF-8, lead bytes 0xD8–0xDB.
    package static func isArabic(_ token: [UInt8]) -> Bool {
        guard let first = token.first else { return false }
        return first >= 0xD8 && first <= 0xDB
    }

    /// Code points in UTF-8 bytes (continuation bytes are 0b10xxxxxx).
    package static func letters(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The token without a leading article, when at least two letters (or digits: الـ79) remain.
    package static func withoutArticle(_ token: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        for article in articles where token.starts(with: article) && letters(token.dropFirst(article.count)) >= 2 {
            return token.dropFirst(article.count)
        }
        return nil
    }

    /// A word's final alef where tanween al-fath sits, marked or not (the normalizer drops the
    /// mark): taken off when the word has four letters or more, is not itself a stem of the
    /// dictionary (تركيا, أيضا are), does not end in the pronoun ها, and what remains is a word
    /// (مشيرا → مشير, اتفاقا → اتفاق).
    package static func withoutTanweenAlef(_ token: [UInt8], isStem: ([UInt8]) -> Bool, isWord: ([UInt8]) -> Bool) -> [UInt8] {
        let count = token.count
        guard count >= 8, token[count - 2] == 0xD8, token[count - 1] == 0xA7, !(token[count - 4] == 0xD9 && token[count - 3] == 0x87),
              !isStem(token)
        else { return token }
        let rest = Array(token.dropLast(2))
        return isWord(rest) ? rest : token
    }

    /// The stem under which a token is indexed and looked up. `isStem` says the token is a word of the
    /// dictionary as it stands (then its first letter is not a particle: وزير, ورد); `isWord` says a
    /// remainder is a word (of the dictionary or the corpus).
    package static func stem(_ token: [UInt8], isStem: ([UInt8]) -> Bool, isWord: ([UInt8]) -> Bool) -> [UInt8] {
        guard isArabic(token) else { return LatinStemmer.stem(token) }
        let token = withoutTanweenAlef(token, isStem: isStem, isWord: isWord)
        var stem = token[...]
        if let stripped = withoutArticle(stem) {
            stem = stripped
        } else if !isStem(token) {
            for article in conjunctionArticles where stem.starts(with: article) && letters(stem.dropFirst(article.count)) >= 3 {
                if isWord(Array(stem.dropFirst(article.count))) { return suffixStripped(stem.dropFirst(article.count)) }
            }
            for particle in particles where stem.starts(with: particle) && letters(stem.dropFirst(particle.count)) >= 3 {
                let rest = stem.dropFirst(particle.count)
                if isWord(Array(rest)) {
                    stem = withoutArticle(rest) ?? rest
                    break
                }
            }
        }
        return suffixStripped(stem)
    }

    /// light10's suffixes, each taken off when two letters remain.
    private static func suffixStripped(_ word: ArraySlice<UInt8>) -> [UInt8] {
        var stem = word
        for suffix in suffixes where stem.suffix(suffix.count).elementsEqual(suffix) && letters(stem.dropLast(suffix.count)) >= 2 {
            stem = stem.dropLast(suffix.count)
        }
        return Array(stem)
    }
}
