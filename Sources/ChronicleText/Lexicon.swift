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

    /// What one word of a query looks up: its stem, or for an acronym (UN, ONU) the acronym term
    /// only, which matches only words written in capitals.
    package struct QueryTerm: Hashable {
        package let term: [UInt8]
        /// Acronyms match whole words only; other terms match as prefixes of record text.
        package let isAcronym: Bool
    }

    /// The query's terms, or nil when it has none.
    package func queryTerms(_ query: String) -> [QueryTerm]? {
        var terms = Set<QueryTerm>()
        TextNormalizer.forEachToken(query) { token in
            if token.isAcronym {
                terms.insert(QueryTerm(term: [TextNormalizer.acronymMarker] + token.bytes, isAcronym: true))
            } else {
                terms.insert(QueryTerm(term: stem(token.bytes), isAcronym: false))
            }
        }
        return terms.isEmpty ? nil : terms.sorted { $0.term.lexicographicallyPrecedes($1.term) }
    }
}
