/// What search takes for a word: the stems of the dataset's dictionary (lexicon/ar-stems.txt), and
/// every normalized token of the corpus with and without its article. Search strips an Arabic
/// particle only when the token is not itself a stem and what remains is a word (ArabicStemmer), so
/// the decision is the same on the index side and the query side.
public struct Lexicon: Sendable {
    /// The corpus's words (with and without their article) that are not stems; a word is either.
    package let corpusWords: WordSet
    package let stems: WordSet

    /// The lexicon of a corpus's tokens, and `stem` for building its indexes, which stem millions of
    /// tokens: the same answers, with the corpus's words kept in the hash set they were gathered in
    /// for as long as the function lives.
    package static func forIndexing(stems: WordSet, tokens: some Sequence<[UInt8]>) -> (lexicon: Lexicon, stem: ([UInt8]) -> [UInt8]) {
        var words = Set<[UInt8]>()
        for token in tokens where token.first != TextNormalizer.acronymMarker {
            if !stems.contains(token) { words.insert(token) }
            if let bare = ArabicStemmer.withoutArticle(token[...]), !stems.contains(bare) { words.insert(Array(bare)) }
        }
        return (Lexicon(stems: stems, corpusWords: WordSet(words)), { stem($0, stems: stems, isCorpusWord: words.contains) })
    }

    /// A lexicon as a snapshot holds it.
    package init(stems: WordSet, corpusWords: WordSet) {
        self.stems = stems
        self.corpusWords = corpusWords
    }

    /// The stem a normalized token is indexed and looked up under.
    package func stem(_ token: [UInt8]) -> [UInt8] {
        Self.stem(token, stems: stems, isCorpusWord: { corpusWords.contains($0) })
    }

    /// The one rule both sides stem by; only how a corpus word is looked up differs.
    private static func stem(_ token: [UInt8], stems: WordSet, isCorpusWord: ([UInt8]) -> Bool) -> [UInt8] {
        ArabicStemmer.stem(token, isStem: { stems.contains($0) }, isWord: { stems.contains($0) || isCorpusWord($0) })
    }

    /// What one word of a query looks up.
    package struct QueryTerm: Hashable {
        package enum Match: Hashable {
            /// A word typed in capitals (UN, ONU): matches words written in capitals, where the
            /// data has it as an acronym; otherwise it is the ordinary word (`ordinary`).
            case acronym
            /// Whole stems only: a word of three letters or fewer (مال is not مالك, des is not destin).
            case whole
            /// The stem whole, and the stem of every word of the corpus that begins with the word
            /// as typed: an Arabic word of four letters or more whose stem has three or fewer (بيان,
            /// stem بي, is not بين; الوز still finds الوزارة), a Latin word its stemmer shortened
            /// (Niger, stem nig, is not Nigeria; ingérences finds ingérence).
            case wordsBegun
            /// A prefix of record text: the stem as a prefix, and the stem of every word of the
            /// corpus that begins with the word as typed (so every prefix of four letters or more of
            /// a word finds it, whatever the stripping made of the prefix alone).
            case prefix
        }

        /// The stem, or for an acronym its term (the marker byte, then the word as written).
        package let term: [UInt8]
        /// The word as typed, normalized, before stemming.
        package let surface: [UInt8]
        package let match: Match
    }

    /// One word of a query, or a month's name of two words (كانون الثاني): the terms the record
    /// text must have (one, or each word of the name), or, for a month's name in any system, a
    /// date in that month.
    package struct QueryWord: Hashable {
        package let terms: [QueryTerm]
        package let month: Int?
    }

    /// The query's words, or nil when it has none.
    package func queryWords(_ query: String) -> [QueryWord]? {
        var tokens: [TextNormalizer.Token] = []
        TextNormalizer.forEachToken(query) { tokens.append($0) }
        var words = Set<QueryWord>()
        var index = 0
        let hasYear = tokens.contains { $0.bytes.count == 4 && $0.bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        while index < tokens.count {
            var length = min(MonthNames.longestName, tokens.count - index)
            var month: Int?
            while length > 0 {
                let names = tokens[index..<(index + length)].map { String(decoding: $0.bytes, as: UTF8.self) }
                // A name that is also a common word (آب a father, مارس "practised", may, mars, sept)
                // is a month only in a query that has a year.
                if let found = MonthNames.monthOfWords[names], !(Self.commonWordMonths.contains(names) && !hasYear) {
                    month = found
                    break
                }
                length -= 1
            }
            let span = max(length, 1)
            words.insert(QueryWord(terms: tokens[index..<(index + span)].map(term), month: month))
            index += span
        }
        guard !words.isEmpty else { return nil }
        return words.sorted { $0.terms.lexicographicallyPrecedes($1.terms) { $0.term.lexicographicallyPrecedes($1.term) } }
    }

    /// Month names that are also common words.
    static let commonWordMonths: Set<[String]> = Set(["آب", "مارس", "may", "mars", "march", "sept"].map { TextNormalizer.tokens($0) })

    /// A token's term: an acronym's, or the ordinary word's.
    private func term(_ token: TextNormalizer.Token) -> QueryTerm {
        if token.isAcronym { return QueryTerm(term: [TextNormalizer.acronymMarker] + token.bytes, surface: token.bytes, match: .acronym) }
        return ordinary(token.bytes)
    }

    /// The term of a normalized word taken as an ordinary word (an acronym the data does not have
    /// as one is searched this way: MALI is mali).
    package func ordinary(_ surface: [UInt8]) -> QueryTerm {
        let stem = stem(surface)
        let arabic = ArabicStemmer.isArabic(surface)
        let letters = ArabicStemmer.letters(surface[...])
        if letters <= 3 { return QueryTerm(term: stem, surface: surface, match: .whole) }
        // A stem shorter than the word is no prefix to search by: Niger's light stem nig would
        // find Nigeria, بيان's بي would find بين. It matches whole, with the words the typed word begins.
        let shortStem = arabic ? ArabicStemmer.letters(stem[...]) <= 3 : stem != surface
        return QueryTerm(term: stem, surface: surface, match: shortStem ? .wordsBegun : .prefix)
    }

    /// The stems of the corpus's and the dictionary's words that begin with `prefix` (each word
    /// stemmed as the index stemmed it), at most `limit` words read from each. When no word of the corpus
    /// begins with an Arabic prefix, it is also read as the stemmer reads a word: a leading article,
    /// or conjunction or preposition, is taken off and the words the rest begins are added
    /// (بسياد begins سيادة, as بسيادة is سيادة).
    package func stemsOfWords(startingWith prefix: [UInt8], limit: Int = 1_024) -> Set<[UInt8]> {
        let stems = stemsOfWords(beginningWith: prefix, limit: limit)
        let first = corpusWords.lowerBound(prefix)
        guard ArabicStemmer.isArabic(prefix), !(first < corpusWords.count && corpusWords.word(first, startsWith: prefix)) else {
            return stems
        }
        let clitics = ArabicStemmer.articles + ArabicStemmer.conjunctionArticles + ArabicStemmer.particles
        for clitic in clitics.sorted(by: { $0.count > $1.count })
        where prefix.starts(with: clitic) && ArabicStemmer.letters(prefix.dropFirst(clitic.count)) >= 2 {
            let rest = stemsOfWords(beginningWith: Array(prefix.dropFirst(clitic.count)), limit: limit)
            if !rest.isEmpty { return stems.union(rest) }
        }
        return stems
    }

    private func stemsOfWords(beginningWith prefix: [UInt8], limit: Int) -> Set<[UInt8]> {
        var stems = Set<[UInt8]>()
        for words in [corpusWords, self.stems] {
            var read = 0
            var index = words.lowerBound(prefix)
            while index < words.count, read < limit, words.word(index, startsWith: prefix) {
                stems.insert(stem(Array(words.word(index))))
                index += 1
                read += 1
            }
        }
        return stems
    }
}
