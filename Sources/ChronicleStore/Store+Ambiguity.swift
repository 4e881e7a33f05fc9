// Names that denote more than one thing ("Maïga" is two prime ministers; الجزائر is the state and
// its capital): a search that matched one should say so, with the actors it may denote.
import ChronicleRecords
import ChronicleText

extension Store {
    /// A name a search matched that the data marks as ambiguous.
    public struct Ambiguity: Sendable, Equatable {
        public let name: String
        /// The actor the name is coded as here.
        public let actor: String
        /// What else it may denote.
        public let alsoDenotes: String
    }

    /// The ambiguous names whose every word the search `text` has (after the analyser: case,
    /// diacritics and Arabic forms folded, so `Maiga` matches `Maïga`), in actor order.
    public func ambiguities(in text: String?) -> [Ambiguity] {
        guard let text, let words = lexicon.queryWords(text) else { return [] }
        let asked = Set(words.flatMap(\.terms).map { Self.key($0, lexicon) })
        return ambiguousNames.filter { $0.terms.allSatisfy(asked.contains) }.map(\.ambiguity)
    }

    /// Every ambiguous name with its terms as the analyser makes them, in actor order: analysed at
    /// load, not on every search.
    static func analysedAmbiguousNames(_ actors: [Actor], lexicon: Lexicon) -> [(terms: [[UInt8]], ambiguity: Ambiguity)] {
        actors.flatMap { actor in
            actor.ambiguousNames.compactMap { name in
                lexicon.queryWords(name.name).map { words in
                    let ambiguity = Ambiguity(name: name.name, actor: actor.id, alsoDenotes: name.alsoDenotes)
                    return (words.flatMap(\.terms).map { key($0, lexicon) }, ambiguity)
                }
            }
        }
    }

    /// A word's stem, an acronym's taken as the ordinary word: `MAECI` typed in capitals or not is
    /// the same word here.
    private static func key(_ term: Lexicon.QueryTerm, _ lexicon: Lexicon) -> [UInt8] {
        term.match == .acronym ? lexicon.ordinary(term.surface).term : term.term
    }
}
