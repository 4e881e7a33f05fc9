import ChronicleStore
import Testing

/// Partial words, on the shipped data: every prefix of four letters or more of a word finds the
/// records the word finds in their own text, and a longer prefix never finds more than a shorter
/// one. Five words, in Arabic, French and English.
@Suite struct PrefixSearchTests {
    static let words: [(word: String, kind: String)] = [
        ("الوزارة", "events"), ("بسيادة", "quotes"), ("القبائلية", "quotes"), ("ingérence", "quotes"), ("sovereignty", "quotes"),
        ("الاستراتيجية", "quotes"),
    ]

    static func found(_ query: String, _ kind: String) -> Set<String> {
        let store = SearchTableTests.store
        if kind == "events" {
            var events = EventQuery()
            events.text = query
            events.limit = 500
            return Set(store.events(events).items.map(\.id))
        }
        var quotes = QuoteQuery()
        quotes.text = query
        quotes.limit = 500
        return Set(store.quotes(quotes).items.map(\.id))
    }

    @Test(arguments: words.map(\.word))
    func everyPrefixFindsTheWordAndLongerPrefixesNeverFindMore(_ word: String) {
        let kind = Self.words.first { $0.word == word }!.kind
        let letters = Array(word)
        let full = Self.found(word, kind)
        #expect(!full.isEmpty)
        var previous: Set<String>?
        for length in 4...letters.count {
            let prefix = String(letters[..<length])
            let found = Self.found(prefix, kind)
            #expect(full.isSubset(of: found), "\(prefix) misses \(full.subtracting(found).sorted())")
            if let previous {
                let more = found.subtracting(previous).sorted()
                #expect(found.isSubset(of: previous), "\(prefix) finds more than its shorter prefix: \(more)")
            }
            previous = found
        }
    }
}
