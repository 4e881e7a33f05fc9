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
}
