/// A document's text as code points, with its words: each word's code-point span, its text as
/// written and its search normalization (TextNormalizer), so that finders match normalized words
/// and report exact spans. Offsets are code points, end-exclusive, as everywhere in Chronicle.
import ChronicleText
struct ScannedText {
    struct Word {
        let start: Int
        let end: Int
        let raw: String
        /// Normalized as search normalizes (alef forms, hamza, ta marbuta, digits, case, accents).
        let normalized: String
        /// The word's value when it is written in digits only (any of the three digit sets).
        var number: Int? { normalized.allSatisfy(\.isASCII) ? Int(normalized) : nil }
    }

    let scalars: [Unicode.Scalar]
    let words: [Word]
    /// Where sentences and paragraphs break (offsets of . ! ? ؟ ؛ and line breaks; of line breaks),
    /// ascending: the sentence or paragraph around a position is two binary searches.
    private let sentenceBreaks: [Int]
    private let lineBreaks: [Int]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var found: [Word] = []
        var start: Int?
        func close(at end: Int) {
            guard let begin = start else { return }
            start = nil
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: scalars[begin..<end])
            let text = String(raw)
            let normalized = TextNormalizer.normalize(text)
            if !normalized.isEmpty { found.append(Word(start: begin, end: end, raw: text, normalized: normalized)) }
        }
        for (index, scalar) in scalars.enumerated() {
            if Self.isWordScalar(scalar) || (scalar == "@" && start == nil) || (scalar == "_" && start != nil) {
                if start == nil { start = index }
            } else {
                close(at: index)
            }
        }
        close(at: scalars.count)
        // عبد الله is one name however it is spaced, as search normalization has it (عبدالله).
        var merged: [Word] = []
        for word in found {
            if let previous = merged.last, previous.normalized == "عبد", word.normalized == "الله",
               scalars[previous.end..<word.start].allSatisfy({ $0 == " " }) {
                var raw = String.UnicodeScalarView()
                raw.append(contentsOf: scalars[previous.start..<word.end])
                merged[merged.count - 1] = Word(start: previous.start, end: word.end, raw: String(raw), normalized: "عبدالله")
            } else {
                merged.append(word)
            }
        }
        self.scalars = scalars
        self.words = merged
        sentenceBreaks = scalars.indices.filter { Self.breaks.contains(scalars[$0]) }
        lineBreaks = scalars.indices.filter { scalars[$0] == "\n" }
    }

    /// Letters, digits and the marks and tatweel written inside Arabic words.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark: return true
        default: return scalar == "\u{0640}"  // tatweel
        }
    }

    func text(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// What lies between two words (punctuation and spaces), as written.
    func gap(after first: Int, before second: Int) -> String {
        text(words[first].end, words[second].start)
    }

    /// True when only spaces (and at most one of `allowed`) separate the two words.
    func adjacent(_ first: Int, _ second: Int, allowing allowed: Set<Character> = []) -> Bool {
        guard second == first + 1, second < words.count else { return false }
        let between = gap(after: first, before: second)
        let significant = between.filter { !$0.isWhitespace }
        return significant.isEmpty || (significant.count == 1 && allowed.contains(significant.first!))
    }

    /// The index of the word that holds code point `offset` (a name may start after a proclitic,
    /// inside its word), else of the first word after it.
    func word(holding offset: Int) -> Int {
        let index = firstWord(atOrAfter: offset)
        return index > 0 && words[index - 1].end > offset ? index - 1 : index
    }

    /// The word index at or after code point `offset`.
    func firstWord(atOrAfter offset: Int) -> Int {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0600...0x06FF).contains(scalar.value) || (0x0750...0x077F).contains(scalar.value) || (0xFB50...0xFEFF).contains(scalar.value)
    }

    private static let breaks: Set<Unicode.Scalar> = [".", "!", "?", "؟", "\n", "؛"]

    /// The index of the first element of `sorted` that is at least `value`.
    private static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Where the sentence around `position` starts (after . ! ? ؟ ؛ or a line break).
    func sentenceStart(before position: Int) -> Int {
        let index = Self.lowerBound(sentenceBreaks, position)
        return index == 0 ? 0 : sentenceBreaks[index - 1] + 1
    }

    /// Where the sentence from `position` ends.
    func sentenceEnd(after position: Int) -> Int {
        let index = Self.lowerBound(sentenceBreaks, position)
        return index < sentenceBreaks.count ? sentenceBreaks[index] : scalars.count
    }

    /// The paragraph (between line breaks) a position lies in.
    func paragraph(around position: Int) -> Range<Int> {
        let index = Self.lowerBound(lineBreaks, position)
        let start = index == 0 ? 0 : lineBreaks[index - 1] + 1
        return start..<(index < lineBreaks.count ? lineBreaks[index] : scalars.count)
    }

    /// The normalized words from `index` on, without French elided words (the l of l'année, which
    /// the text splits off at its apostrophe), as many as `count`, with the index after the last.
    func words(from index: Int, count: Int) -> (words: [String], end: Int) {
        let window = window(from: index, count: count)
        return (window.map(\.word), (window.last?.index ?? index - 1) + 1)
    }

    /// Up to `count` normalized words from `index` on, each with its index, without the words
    /// search drops: a French elided word before its apostrophe (l'ONU) and an English possessive
    /// s after one (Mali's), as `TextNormalizer` drops them from a name.
    func window(from index: Int, count: Int) -> [(word: String, index: Int)] {
        var found: [(word: String, index: Int)] = []
        var next = index
        while found.count < count, next < words.count {
            let word = words[next].normalized
            let elided = next + 1 < words.count && TextNormalizer.elided.contains(Array(word.utf8))
                && ["'", "’"].contains(gap(after: next, before: next + 1))
            let possessive = word == "s" && next > 0 && ["'", "’"].contains(gap(after: next - 1, before: next))
            if !elided && !possessive { found.append((word, next)) }
            next += 1
        }
        return found
    }
}
