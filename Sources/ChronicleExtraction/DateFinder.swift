/// Finds date mentions and writes each as EDTF with its precision: day–month–year, month day,
/// year (English), day–month, month–year, a month after a temporal word (في شتنبر, en mars), a
/// year, and numeric dates (25/01/2024, 2024-01-25, 01/2024), in ASCII, Arabic-Indic and Eastern
/// Arabic-Indic digits. A mention without a year gets one inferred, with a note saying how: from
/// the publication date when it is known (the latest such date not after it, as a news report
/// looks back), else from the nearest year the text states.
import ChronicleText
struct DateFinder {
    struct Mention: Equatable {
        let start: Int
        let end: Int
        let year: Int?
        let month: Int?
        let day: Int?
        let systems: [String]
    }

    /// Words after which a bare month name is a date: في شتنبر, منذ يناير, en mars, in May.
    static let temporalWords: Set<String> = Set(
        ["في", "منذ", "خلال", "شهر", "حتى", "بداية", "مطلع", "أواخر", "نهاية", "أوائل", "منتصف", "أواسط", "وفي", "ومنذ", "قبل", "بعد",
            "en", "depuis", "mois", "fin", "début", "mi", "in", "since", "during", "early", "late", "of",
        ].flatMap { TextNormalizer.tokens($0) })
    /// Words after which a bare number is a year: عام 2015, سنة 2015, en 2015, in 2015.
    static let yearWords: Set<String> = Set(
        ["عام", "سنة", "العام", "السنة", "لعام", "لسنة", "année", "an", "en", "in", "year"].flatMap { TextNormalizer.tokens($0) })

    let text: ScannedText

    func mentions() -> [Mention] {
        var found: [Mention] = []
        var index = 0
        let words = text.words
        while index < words.count {
            if let (mention, next) = match(at: index) {
                found.append(mention)
                index = next
            } else {
                index += 1
            }
        }
        return found
    }

    private func day(_ index: Int) -> Int? {
        guard index < text.words.count else { return nil }
        let word = text.words[index].normalized
        // "1er" (French ordinal) or a plain number.
        let digits = word.hasSuffix("er") ? String(word.dropLast(2)) : word
        guard digits.count <= 2, digits.allSatisfy(\.isASCII), let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }

    private func year(_ index: Int) -> Int? {
        guard index < text.words.count, text.words[index].normalized.count == 4, let value = text.words[index].number,
              (1800...2199).contains(value) else { return nil }
        return value
    }

    private func mention(_ first: Int, _ last: Int, year: Int?, month: Int?, day: Int?, systems: [String] = []) -> Mention {
        Mention(start: text.words[first].start, end: text.words[last].end, year: year, month: month, day: day, systems: systems)
    }

    /// The longest date starting at word `index`, and the word after it.
    private func match(at index: Int) -> (Mention, Int)? {
        let words = text.words
        // Numeric: 2024-01-25, 25/01/2024, 25.01.2024, 01/2024.
        if let numeric = numeric(at: index) { return numeric }
        // Day, month name, optional year: 25 يناير 2024, 1er janvier 2025, 30 دجنبر.
        if let d = day(index), let name = MonthNames.match(text, at: index + 1), text.adjacent(index, index + 1) {
            let after = index + 1 + name.length
            if after < words.count, text.adjacent(after - 1, after, allowing: [",", "،"]), let y = year(after) {
                return (mention(index, after, year: y, month: name.month, day: d, systems: name.systems), after + 1)
            }
            return (mention(index, after - 1, year: nil, month: name.month, day: d, systems: name.systems), after)
        }
        // A month carrying و، ف or ب (جويلية وأوت، وبجانفي): after another month or a temporal
        // word, or before a year; the span is the month without it.
        if let joined = joinedMonth(at: index) {
            let start = words[index].start + ActorFinder.rawOffset(ofLetters: 1, in: words[index].raw)
            let last = index + joined.length - 1
            if let y = year(last + 1), text.adjacent(last, last + 1, allowing: [","]) {
                let mention = Mention(
                    start: start, end: words[last + 1].end, year: y, month: joined.month, day: nil, systems: joined.systems)
                return (mention, last + 2)
            }
            if index > 0, text.adjacent(index - 1, index),
               MonthNames.monthOfWords[[words[index - 1].normalized]] != nil || Self.temporalWords.contains(words[index - 1].normalized) {
                let mention = Mention(
                    start: start, end: words[last].end, year: nil, month: joined.month, day: nil, systems: joined.systems)
                return (mention, last + 1)
            }
        }
        guard let name = MonthNames.match(text, at: index) else {
            // A year, after a word that says so: عام 2015, سنة 2015, en 2015, in 2015, في 2015 (a
            // bare number may count people or money).
            if let y = year(index), index > 0, text.adjacent(index - 1, index),
               Self.yearWords.contains(words[index - 1].normalized) || Self.temporalWords.contains(words[index - 1].normalized) {
                return (mention(index, index, year: y, month: nil, day: nil), index + 1)
            }
            return nil
        }
        let after = index + name.length
        // Month day, year (English): January 1, 2025.
        if let d = day(after), text.adjacent(after - 1, after) {
            if after + 1 < words.count, text.adjacent(after, after + 1, allowing: [","]), let y = year(after + 1) {
                return (mention(index, after + 1, year: y, month: name.month, day: d, systems: name.systems), after + 2)
            }
        }
        // Month year: شتنبر 2024, janvier 2025.
        if let y = year(after), text.adjacent(after - 1, after, allowing: [","]) {
            return (mention(index, after, year: y, month: name.month, day: nil, systems: name.systems), after + 1)
        }
        // A bare month: only after a temporal word (مارس alone is also a verb, آب a father), after
        // "et"/"and" joining it to a month (juillet et août), or before the words of a relation
        // (قمة فبراير المقبل, يناير من العام الماضي, septembre dernier: `YearInference.relations`).
        if index > 0, text.adjacent(index - 1, index),
           Self.temporalWords.contains(words[index - 1].normalized) || joinsMonths(before: index) {
            return (mention(index, after - 1, year: nil, month: name.month, day: nil, systems: name.systems), after)
        }
        if after < words.count, text.adjacent(after - 1, after),
           YearInference.relations.contains(where: { relation, _ in text.words(from: after, count: relation.count).words == relation }) {
            return (mention(index, after - 1, year: nil, month: name.month, day: nil, systems: name.systems), after)
        }
        return nil
    }

    /// A month name after a proclitic و، ف or ب (وأوت, وكانون الثاني), with the systems that write
    /// it and the number of words it takes.
    private func joinedMonth(at index: Int) -> (month: Int, systems: [String], length: Int)? {
        let word = text.words[index].normalized.unicodeScalars
        guard let first = word.first, "وفب".unicodeScalars.contains(first), MonthNames.match(text, at: index) == nil else { return nil }
        let rest = String(String.UnicodeScalarView(word.dropFirst()))
        // باب is a door, not ب + آب (August).
        guard rest != "اب" else { return nil }
        for length in [2, 1] where index + length <= text.words.count {
            let words = [rest] + text.words[(index + 1)..<(index + length)].map(\.normalized)
            guard let month = MonthNames.monthOfWords[words], length == 1 || text.adjacent(index, index + 1) else { continue }
            let systems = MonthNames.all.filter { $0.words == words && $0.month == month }.map(\.system)
            return (month, Array(Set(systems)).sorted(), length)
        }
        return nil
    }

    /// The words before `index` are a month name and a conjunction (juillet et, July and).
    private func joinsMonths(before index: Int) -> Bool {
        guard index >= 2, Self.conjunctions.contains(text.words[index - 1].normalized), text.adjacent(index - 2, index - 1) else {
            return false
        }
        return MonthNames.monthOfWords[[text.words[index - 2].normalized]] != nil
    }

    static let conjunctions: Set<String> = ["et", "and", "ou", "or", "او"]

    private func numeric(at index: Int) -> (Mention, Int)? {
        let words = text.words
        guard index + 1 < words.count, let first = words[index].number else { return nil }
        func separated(_ a: Int, _ b: Int) -> Character? {
            guard b < words.count, b == a + 1 else { return nil }
            let gap = text.gap(after: a, before: b)
            guard gap.count == 1, let separator = gap.first, "/-.".contains(separator) else { return nil }
            return separator
        }
        guard let separator = separated(index, index + 1), let second = words[index + 1].number else { return nil }
        let third = separated(index + 1, index + 2) == separator ? words[index + 2].number : nil
        if words[index].normalized.count == 4, let third, separator == "-",
           (1...12).contains(second), (1...31).contains(third), (1800...2199).contains(first) {
            return (mention(index, index + 2, year: first, month: second, day: third), index + 3)
        }
        if let third, words[index + 2].normalized.count == 4, (1...31).contains(first), (1...12).contains(second),
            (1800...2199).contains(third)
        {
            return (mention(index, index + 2, year: third, month: second, day: first), index + 3)
        }
        if third == nil, separator == "/", words[index + 1].normalized.count == 4, (1...12).contains(first), (1800...2199).contains(second)
        {
            return (mention(index, index + 1, year: second, month: first, day: nil), index + 2)
        }
        return nil
    }
}
