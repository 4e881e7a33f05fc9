// Who said a quote: the ranked speaker candidates (`SpeakerCandidate.Reason` says why each is
// proposed) and the cue words that introduce a quotation, found around it in the scanned text.
import ChronicleText
import ChronicleRecords

extension Extractor {
    // MARK: Speakers

    /// The candidates for one quote, most likely first (`SpeakerCandidate.Reason` says why):
    /// the attribution line of an embedded post; else the subject of the cue (after an Arabic verb
    /// or selon/حسب before the quote, after a cue that follows it); the previous speaker when a
    /// continuation cue names no subject; names before the cue in its sentence, nearest first
    /// (those after a preposition last); then the sentence before.
    func speakers(
        for quote: QuoteFinder.Found, cue: (span: Spanned, words: [String])?, actors: [ActorFinder.Mention],
        previous: SpeakerCandidate?, clauses: [Bool], in text: ScannedText
    ) -> [SpeakerCandidate] {
        var candidates: [SpeakerCandidate] = []
        func add(_ mentions: [ActorFinder.Mention], _ reason: SpeakerCandidate.Reason) {
            for mention in mentions where !candidates.contains(where: { $0.actor == mention.actor }) {
                candidates.append(SpeakerCandidate(actor: mention.actor, reason: reason, ambiguous: mention.ambiguous))
            }
        }
        if let line = quote.attribution {
            add(actors.within(line.start, line.end), .attributionLine)
            return candidates
        }
        // كما before a cue continues too (كما دعت).
        // So does a pronoun for its subject (a-t-il ensuite ajouté, il a précisé).
        let continues = cue.map { cue in
            Self.continuations.contains(cue.words) || (cue.words.count > 1 && (cue.words.contains("il") || cue.words.contains("elle")))
                || { let index = text.firstWord(atOrAfter: cue.span.start)
                    return index > 0 && text.words[index - 1].normalized == "كما"
                }()
        } ?? false
        if let cue, cue.span.start >= quote.end {
            // « … », a déclaré Attaf / « … », a-t-il ajouté.
            let end = text.sentenceEnd(after: cue.span.end)
            let after = actors.within(quote.end, end)
            add(after.sorted { abs($0.start - cue.span.start) < abs($1.start - cue.span.start) }, .subjectAfterCue)
            if candidates.isEmpty, continues, let previous { candidates.append(previous.because(.previousSpeaker)) }
        }
        let anchor = cue.map { min($0.span.start, quote.start) } ?? quote.start
        let start = text.sentenceStart(before: min(anchor, quote.start))
        var afterCue: [ActorFinder.Mention] = []
        let noun = cue.map { Self.nounCues.contains($0.words) } ?? false
        if let cue, cue.span.end <= quote.start {
            afterCue = actors.within(cue.span.end, quote.start)
            // A comma right after the cue opens an aside, not the subject (أكد، في تصريحات على هامش
            // الجمعية العامة، أن); an apposition after the subject may hold commas (أكد وزير الدولة،
            // وزير الشؤون الخارجية، أحمد عطاف أن).
            let next = (cue.span.end..<quote.start).first { !text.scalars[$0].properties.isWhitespace }
            let aside = next.map { text.scalars[$0] == "," || text.scalars[$0] == "،" } ?? false
            let clause = aside ? [] : afterCue.filter { !inRelativeClause($0, clauses, in: text) }
            let arabic = cue.words.first?.unicodeScalars.first.map(ScannedText.isArabic) ?? false
            if noun {
                // The author of a statement, right after it: جاء في بيان لوزارة الخارجية المالية.
                let cueEnd = text.firstWord(atOrAfter: cue.span.end)
                let author = clause.first { mention in
                    let word = text.word(holding: mention.start)
                    return word - cueEnd <= 1 && !text.text(cue.span.end, mention.start).contains { $0 == "," || $0 == "،" }
                }
                add(author.map { [$0] } ?? [], .subjectAfterCue)
            } else if arabic || Self.subjectFollows.contains(cue.words) {
                // Not a subject: a name after a preposition (قال للصحافيين في باماكو).
                let subjects = clause.filter { !isObject($0, cue: nil, in: text) }
                if !Self.transitive.contains(cue.words) || subjects.count >= 2 { add(Array(subjects.prefix(1)), .subjectAfterCue) }
            }
            if candidates.isEmpty, continues, let previous { candidates.append(previous.because(.previousSpeaker)) }
        }
        // Names in the sentence before the anchor; a sentence without a break looks back 600 code points at most.
        let before = actors.within(max(start, anchor - 600), anchor).sorted { abs($0.start - anchor) < abs($1.start - anchor) }
        // A name before a noun cue is its author (إدانة من الوزارة، حيث جاء في بيان); before a
        // verb, one after a preposition is more likely its object.
        let objects = before.filter { (!noun && isObject($0, cue: cue?.span, in: text)) || inRelativeClause($0, clauses, in: text) }
        let subjects = before.filter { mention in !objects.contains(mention) }
        add(subjects, .namedBeforeCue)
        // No subject at all (حيث قال، أضافت الوزارة في بيانها): the previous speaker goes on.
        if candidates.isEmpty, let previous { candidates.append(previous.because(.previousSpeaker)) }
        add(objects, .objectBeforeCue)
        add(afterCue, .betweenCueAndQuote)
        let previousStart = text.sentenceStart(before: start - 1)
        add(actors.within(max(previousStart, start - 600), start).sorted { $0.start > $1.start }, .previousSentence)
        return candidates
    }

    /// Words that open a relative clause: a name inside one (وزارة الخارجية، التي يقودها عبد الله ديوب،
    /// قد أعلنت) describes another and is not the subject. "que" only right after a comma (Diop, que
    /// son homologue Attaf accuse): elsewhere it is a conjunction (avant que Maïga).
    static let relativePronouns: Set<String> = Set(
        ["الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "qui", "dont", "lequel", "laquelle", "who", "which", "whom"]
            .flatMap { TextNormalizer.tokens($0) })

    /// Whether a relative pronoun comes between the clause's start (a comma, or the sentence's) and
    /// the name.
    func inRelativeClause(_ mention: ActorFinder.Mention, _ clauses: [Bool], in text: ScannedText) -> Bool {
        let index = text.word(holding: mention.start)
        return index < clauses.count && clauses[index]
    }

    /// For each word, whether a relative pronoun opened its clause before it: one pass over the
    /// text, reset at each comma and sentence break.
    static func relativeClauses(in text: ScannedText) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(text.words.count)
        var open = false
        for index in text.words.indices {
            if index > 0 {
                let gap = text.scalars[text.words[index - 1].end..<text.words[index].start]
                if gap.contains(where: { ",،.!?؟؛\n".unicodeScalars.contains($0) }) {
                    open = false
                }
            }
            flags.append(open)
            let word = text.words[index].normalized
            if relativePronouns.contains(word) { open = true }
            if word == "que", index > 0, text.scalars[text.words[index - 1].end..<text.words[index].start].contains(",") { open = true }
        }
        return flags
    }

    /// Mentions outside every quotation: a name inside one is what the speaker talks about.
    /// Quotations at depth 0 do not overlap; both lists are in text order.
    static func outside(_ quotes: [QuoteFinder.Found], _ mentions: [ActorFinder.Mention]) -> [ActorFinder.Mention] {
        let spans = quotes.filter { $0.depth == 0 }.map { ($0.start, $0.end) }.sorted { $0.0 < $1.0 }
        var index = 0
        return mentions.filter { mention in
            while index < spans.count, spans[index].1 <= mention.start { index += 1 }
            return !(index < spans.count && spans[index].0 <= mention.start && mention.end <= spans[index].1)
        }
    }

    /// A name after a preposition (عن حركات المعارضة, contre l'Algérie), or written with ب or ل on
    /// it (بالجزائر, لمالي): an object, not a subject. Not the name a quote is reported from:
    /// نقلت عن الوزارة قولها (the cue قوله/قولها right after the name).
    func isObject(_ mention: ActorFinder.Mention, cue: Spanned?, in text: ScannedText) -> Bool {
        let index = text.word(holding: mention.start)
        guard index < text.words.count else { return false }
        if let cue, text.firstWord(atOrAfter: mention.end) == text.firstWord(atOrAfter: cue.start), mention.end <= cue.start {
            return false
        }
        let word = text.words[index]
        if word.start < mention.start,
           let clitic = text.scalars[word.start..<mention.start].last(where: { !ActorFinder.isMarkOrTatweel($0) }),
           clitic == "ب" || clitic == "ل" {
            return true
        }
        return index > 0 && text.adjacent(index - 1, index) && Self.prepositions.contains(text.words[index - 1].normalized)
    }

    // MARK: Cues

    /// The nearest cue before the opening mark in the same sentence, else just after the closing
    /// one: its span and its normalized words.
    func cue(near quote: QuoteFinder.Found, in text: ScannedText) -> (start: Int, end: Int, words: [String])? {
        let before = text.sentenceStart(before: quote.start)
        let openWord = text.firstWord(atOrAfter: quote.start)
        // 40 words back at most: a cue farther off belongs to another clause.
        let firstWord = max(text.firstWord(atOrAfter: before), openWord - 40)
        var best: (start: Int, end: Int, words: [String])?
        var index = firstWord
        while index < openWord {
            if let cue = cueWords(at: index, in: text, limit: openWord) {
                best = (text.words[index].start, text.words[index + cue.count - 1].end, cue)
                index += cue.count
            } else {
                index += 1
            }
        }
        if let best { return best }
        let afterWord = text.firstWord(atOrAfter: quote.end)
        let stop = text.firstWord(atOrAfter: text.sentenceEnd(after: quote.end))
        for index in afterWord..<min(stop, afterWord + 6) {
            if let cue = cueWords(at: index, in: text, limit: stop) {
                return (text.words[index].start, text.words[index + cue.count - 1].end, cue)
            }
        }
        return nil
    }

    /// French reporting verbs in a compound tense, whose auxiliary may stand a few words before the
    /// participle (a pour sa part déclaré, avait rétorqué, a-t-il ensuite ajouté).
    static let participles: Set<String> = Set(
        ["déclaré", "affirmé", "ajouté", "dit", "indiqué", "estimé", "souligné", "précisé", "expliqué", "dénoncé", "rétorqué", "répondu",
            "assuré", "insisté", "rappelé", "martelé", "poursuivi", "lancé", "averti", "prévenu", "confié", "déploré",
        ].flatMap { TextNormalizer.tokens($0) })
    static let auxiliaries: Set<String> = ["a", "avait", "ont", "avaient", "aurait"]

    /// The longest cue starting at word `index` (its words as the cue list has them, or the
    /// auxiliary and participle of a compound tense), if any.
    func cueWords(at index: Int, in text: ScannedText, limit: Int) -> [String]? {
        let word = text.words[index].normalized
        // The cues that start with this word, or with it after a leading و or ف (longest first).
        var candidates = Self.cuesByFirstWord[word] ?? []
        if let lead = word.unicodeScalars.first, lead == "و" || lead == "ف", word.unicodeScalars.count > 1 {
            candidates += Self.cuesByFirstWord[String(String.UnicodeScalarView(word.unicodeScalars.dropFirst()))] ?? []
            candidates.sort { $0.count > $1.count }
        }
        if let cue = candidates.first(where: { index + $0.count <= limit && matches($0, at: index, in: text) }) { return cue }
        guard Self.auxiliaries.contains(text.words[index].normalized) else { return nil }
        for offset in 1...4 where index + offset < limit {
            guard text.adjacent(index + offset - 1, index + offset, allowing: ["-", "'", "’"]) else { return nil }
            if Self.participles.contains(text.words[index + offset].normalized) {
                return text.words[index...(index + offset)].map(\.normalized)
            }
        }
        return nil
    }

    func matches(_ cue: [String], at index: Int, in text: ScannedText) -> Bool {
        let words = text.words[index..<(index + cue.count)].map(\.normalized)
        var first = words[0]
        if first != cue[0], first.count > 1, let lead = first.unicodeScalars.first, lead == "و" || lead == "ف" {
            first = String(first.unicodeScalars.dropFirst())
        }
        return first == cue[0] && words.dropFirst().elementsEqual(cue.dropFirst())
    }
}
