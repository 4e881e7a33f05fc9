/// Finds known actors by their names, aliases and short forms, compared after search
/// normalization (so عطاف, أحمد عطاف, Attaf and @MaliMaeci are found however they are spelled).
/// An Arabic name may carry a proclitic (و ف ب ل ك, and ال after ل as لل): the span is the name
/// itself, without it. Names the actor lists as ambiguous (Maïga, Diop, a capital's name, a
/// description such as « ministère malien des Affaires étrangères ») are found too, and their
/// mentions say so: a curator must check them.
import ChronicleText
import ChronicleRecords
struct ActorFinder {
    struct Mention: Equatable {
        let actor: String
        let start: Int
        let end: Int
        /// Written as a name the actor lists as ambiguous (الجزائر is the state and its capital).
        let ambiguous: Bool
    }

    private struct Variant {
        let words: [String]
        let actor: String
        let ambiguous: Bool
    }

    private let variants: [Variant]
    /// The most words a name has.
    private let longest: Int

    init(actors: [Actor]) {
        var variants: [Variant] = []
        for actor in actors {
            let ambiguous = Set(actor.ambiguousNames.map { TextNormalizer.tokens($0.name) })
            for name in Set(actor.names.all + actor.aliases + actor.shortForms + actor.ambiguousNames.map(\.name)) {
                let words = TextNormalizer.tokens(name)
                if !words.isEmpty { variants.append(Variant(words: words, actor: actor.id, ambiguous: ambiguous.contains(words))) }
            }
        }
        // Longest first: "أحمد عطاف" before "عطاف", "Mali's foreign ministry" before "Mali".
        longest = variants.map(\.words.count).max() ?? 1
        // Then a name before an ambiguous one, then by actor id, so the same text always gives
        // the same mentions.
        self.variants = variants.sorted {
            if ($0.words.count, $0.words.joined().count) != ($1.words.count, $1.words.joined().count) {
                return ($0.words.count, $0.words.joined().count) > ($1.words.count, $1.words.joined().count)
            }
            if $0.ambiguous != $1.ambiguous { return !$0.ambiguous }
            return ($0.actor, $0.words.joined(separator: " ")) < ($1.actor, $1.words.joined(separator: " "))
        }
    }

    func mentions(in text: ScannedText) -> [Mention] {
        var found: [Mention] = []
        var index = 0
        let words = text.words
        search: while index < words.count {
            // The words from here as a name is compared with them: without l' and 's, as search
            // normalization writes "Conseil de sécurité de l'ONU" and "Mali's foreign ministry".
            let window = text.window(from: index, count: longest)
            for (position, variant) in variants.enumerated() where variant.words.count <= window.count {
                var clitic = 0
                var matched = true
                for (offset, expected) in variant.words.enumerated() {
                    let word = window[offset].word
                    if word == expected { continue }
                    if offset == 0, let stripped = Self.proclitic(word, before: expected) {
                        clitic = stripped
                        continue
                    }
                    matched = false
                    break
                }
                guard matched else { continue }
                // Consecutive words only: a name does not run across a sentence break.
                let last = window[variant.words.count - 1].index
                if last > index, !(index..<last).allSatisfy({ text.adjacent($0, $0 + 1, allowing: ["'", "’"]) }) { continue }
                let start = words[index].start + Self.rawOffset(ofLetters: clitic, in: words[index].raw)
                // A name two actors share (Abdallah) is a mention of each.
                var actors: Set<String> = []
                for other in variants[position...] where other.words == variant.words && actors.insert(other.actor).inserted {
                    found.append(Mention(actor: other.actor, start: start, end: words[last].end, ambiguous: other.ambiguous))
                }
                index = last + 1
                continue search
            }
            index += 1
        }
        return found
    }

    /// Where, in the word as written, the name starts after `letters` letters of proclitic: the
    /// proclitic was measured on the normalized word, and the written one may carry vowel marks
    /// or tatweel on it (وَعطاف, لِلجزائر), which belong to the proclitic too.
    static func rawOffset(ofLetters letters: Int, in raw: String) -> Int {
        guard letters > 0 else { return 0 }
        let scalars = Array(raw.unicodeScalars)
        var offset = 0, seen = 0
        while offset < scalars.count && seen < letters {
            if !Self.isMarkOrTatweel(scalars[offset]) { seen += 1 }
            offset += 1
        }
        while offset < scalars.count && Self.isMarkOrTatweel(scalars[offset]) { offset += 1 }
        return offset
    }

    static func isMarkOrTatweel(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{0640}" || scalar.properties.generalCategory == .nonspacingMark
    }

    /// The number of letters of a proclitic in front of `name` in `word` (وعطاف, للجزائر), if any.
    static func proclitic(_ word: String, before name: String) -> Int? {
        guard let first = name.unicodeScalars.first, ScannedText.isArabic(first) else { return nil }
        let scalars = Array(word.unicodeScalars)
        let nameScalars = Array(name.unicodeScalars)
        // و or ف, then ب ل or ك: at most two letters.
        for length in 1...2 where scalars.count == nameScalars.count + length {
            let prefix = scalars[0..<length]
            guard prefix.allSatisfy({ "وفبلك".unicodeScalars.contains($0) }), Array(scalars[length...]) == nameScalars else { continue }
            return length
        }
        // ل + الجزائر is written للجزائر (the alef of the article drops).
        if nameScalars.starts(with: "ال".unicodeScalars), scalars.count == nameScalars.count,
           scalars.starts(with: "لل".unicodeScalars), Array(scalars[2...]) == Array(nameScalars[2...]) {
            return 1
        }
        return nil
    }
}
