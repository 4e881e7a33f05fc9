@testable import ChronicleStore
@testable import ChronicleText
import Testing

/// The stemmer that builds the indexes (corpus words in a hash set) and the one queries use (corpus
/// words in the flat set a snapshot keeps) give every token the same stem: a difference would index a
/// word under one stem and look it up under another.
@Suite struct LexiconTests {
    @Test func indexingAndQueryStemsAgreeOnEveryTokenOfTheShippedData() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        var tokens: [[UInt8]] = []
        let texts = store.events.flatMap { $0.title.all + $0.summary.all } + store.quotes.flatMap { [$0.text] + $0.translation.all }
            + store.documents.map(\.text)
        for text in texts { TextNormalizer.forEachToken(text) { tokens.append($0.bytes) } }
        let (lexicon, stem) = Lexicon.forIndexing(stems: store.lexicon.stems, tokens: tokens)
        #expect(tokens.count > 1000)
        var stripped = 0
        for token in tokens {
            #expect(stem(token) == lexicon.stem(token), "\(String(decoding: token, as: UTF8.self))")
            if stem(token) != token { stripped += 1 }
        }
        // Particles are stripped somewhere, so the comparison covers the corpus-word rule.
        #expect(stripped > 0)
    }

    /// A word of the corpus that no dictionary lists: "ومالي" is "و" + "مالي" only because the corpus
    /// has "مالي", and both stemmers must say so.
    @Test func aCorpusWordDecidesAParticleOnBothSides() {
        var tokens: [[UInt8]] = []
        TextNormalizer.forEachToken("مالي ومالي") { tokens.append($0.bytes) }
        let (lexicon, stem) = Lexicon.forIndexing(stems: WordSet([]), tokens: tokens)
        // Both words under one stem (without the corpus word, "ومالي" keeps its "و" and differs).
        #expect(stem(tokens[1]) == stem(tokens[0]))
        #expect(lexicon.stem(tokens[1]) == lexicon.stem(tokens[0]))
    }

    /// French and English light stemming: plurals and the common feminine and derived endings meet
    /// on one stem, on both sides.
    @Test func latinWordsMeetTheirInflectedForms() {
        func stem(_ word: String) -> String {
            String(decoding: LatinStemmer.stem(Array(TextNormalizer.normalize(word).utf8)), as: UTF8.self)
        }
        #expect(stem("ingérences") == stem("ingérence"))
        #expect(stem("Kabylie") == stem("kabyle"))
        #expect(stem("internationaux") == stem("internationale"))
        #expect(stem("souverainetés") == stem("souveraineté"))
        #expect(stem("authorities") == "authority")
        #expect(stem("activement") == "actif")
        // English minimal alone keeps the s of -us, -ss and -oes; words with digits are not stemmed.
        for word in ["status", "press", "heroes"] {
            var bytes = Array(word.utf8)
            LatinStemmer.english(&bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == word)
        }
        #expect(stem("1990s") == "1990s")
    }

    /// The alef of tanween al-fath goes when what remains is a word and the word is not itself a
    /// stem: مشيرا is مشير, تركيا stays Turkey and does not become ترك ("left"); وكالات keeps its
    /// وكال (ات is no word), وللجزائر loses ولل.
    @Test func theStemmerDecidesTanweenAlefsAndConjunctionArticlesByTheLexicon() {
        let stems = WordSet(["مشير", "تركيا", "تركي", "جزائر", "اتفاق"].map { Array(TextNormalizer.normalize($0).utf8) })
        let lexicon = Lexicon(stems: stems, corpusWords: WordSet([]))
        func stem(_ word: String) -> String { String(decoding: lexicon.stem(Array(TextNormalizer.normalize(word).utf8)), as: UTF8.self) }
        #expect(stem("مشيرًا") == "مشير" && stem("مشيرا") == "مشير")
        #expect(stem("اتفاقا") == "اتفاق")
        #expect(stem("تركيا") == "تركيا")
        #expect(stem("وكالات") == "وكال")
        #expect(stem("وللجزائر") == TextNormalizer.normalize("جزائر"))
    }

    /// What each query word asks: whole stems for short Arabic words and one- or two-letter words,
    /// a prefix otherwise; an acronym in capitals; a month's name of one or two words as one word.
    @Test func queryWordsSayHowTheyMatch() {
        let lexicon = Lexicon(stems: WordSet([]), corpusWords: WordSet([]))
        func words(_ query: String) -> [Lexicon.QueryWord] { lexicon.queryWords(query) ?? [] }
        #expect(words("مال").map { $0.terms.map(\.match) } == [[.whole]])
        #expect(words("un").map { $0.terms.map(\.match) } == [[.whole]])
        #expect(words("des").map { $0.terms.map(\.match) } == [[.whole]])
        #expect(words("Niger").map { $0.terms.map(\.match) } == [[.wordsBegun]])
        #expect(words("mars").map(\.month) == [nil])
        #expect(words("mars 2024").compactMap(\.month) == [3])
        #expect(words("ingé").map { $0.terms.map(\.match) } == [[.prefix]])
        #expect(words("بيان").map { $0.terms.map(\.match) } == [[.wordsBegun]])
        #expect(words("ONU").map { $0.terms.map(\.match) } == [[.acronym]])
        #expect(words("كانون الثاني").map(\.terms.count) == [2])
        #expect(words("كانون الثاني").map(\.month) == [1])
        #expect(words("كانون").map(\.month) == [nil])
        #expect(words("شتنبر").map(\.month) == [9])
        #expect(words("December").map(\.month) == [12])
    }
}
