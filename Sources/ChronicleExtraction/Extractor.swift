/// `chronicle extract`: proposals for a curator, taken from a document's text — its quotations
/// with their attribution cue and speaker candidates, its date mentions as EDTF, and the known
/// actors it names — each with its exact span in code points (end-exclusive). Nothing here is
/// a record yet: `chronicle add` turns accepted proposals into drafts.
import ChronicleText
import ChronicleRecords
public struct Extractor: Sendable {
    public struct Spanned: Sendable, Equatable {
        public let text: String
        public let start: Int
        public let end: Int
    }

    public struct QuoteProposal: Sendable, Equatable {
        public let span: Spanned
        public let language: String
        /// 0 for a quotation, 1 for one quoted inside it.
        public let depth: Int
        /// The attribution verb or phrase nearby (قال، أكد، a déclaré, selon, or an embedded post's attribution line).
        public let cue: Spanned?
        /// Known actors who may have spoken it, most likely first, each with the reason it was proposed.
        public let speakerCandidates: [SpeakerCandidate]
    }

    /// An actor proposed as a quote's speaker, and why.
    public struct SpeakerCandidate: Sendable, Equatable {
        public enum Reason: String, Sendable {
            /// Named in an embedded post's attribution line.
            case attributionLine = "attribution line"
            /// The subject of the cue: after an Arabic verb (أكدت الخارجية المالية أن), after selon,
            /// حسب, according to, or after a cue that follows the quote (« … », a déclaré Attaf).
            case subjectAfterCue = "subject of the cue"
            /// A continuation cue with no subject of its own (وأضاف، وتابع، a-t-il ajouté,
            /// poursuit-il): the previous quote's speaker.
            case previousSpeaker = "previous speaker"
            /// Named before the cue in its sentence (Attaf a dit, كان عطاف قد قال), nearest first.
            case namedBeforeCue = "named before the cue"
            /// Named before the cue after a preposition (دافع عن حركات المعارضة): more likely an
            /// object than the speaker.
            case objectBeforeCue = "named after a preposition"
            /// Named in the sentence before (Arabic drops the subject: حيث قال).
            case previousSentence = "named in the sentence before"
            /// Named between the cue and the quote, not as its subject (كما دعت الجزائر إلى).
            case betweenCueAndQuote = "named between the cue and the quote"
            /// The previous quote's speaker, kept as a last candidate.
            case earlierSpeaker = "earlier speaker"
        }

        public let actor: String
        public let reason: Reason
        /// Proposed through a name or description the actor lists as ambiguous: check it.
        public let ambiguous: Bool

        public init(actor: String, reason: Reason, ambiguous: Bool) {
            self.actor = actor
            self.reason = reason
            self.ambiguous = ambiguous
        }

        func because(_ reason: Reason) -> SpeakerCandidate { SpeakerCandidate(actor: actor, reason: reason, ambiguous: ambiguous) }
    }

    public struct DateProposal: Sendable, Equatable {
        public let span: Spanned
        /// EDTF: "2024-12-30", "2024-09", "2015"; a year that cannot be worked out is "XXXX".
        public let edtf: String
        public let precision: EDTFDate.Precision
        public let certainty: Event.Certainty
        public let note: String?
    }

    public struct ActorMention: Sendable, Equatable {
        public let actor: String
        public let span: Spanned
        /// Written as a name or description the actor lists as ambiguous (الجزائر is also the city).
        public let ambiguous: Bool
    }

    public struct Proposals: Sendable {
        public let length: Int
        public let languages: [String]
        public let quotes: [QuoteProposal]
        public let dates: [DateProposal]
        public let actors: [ActorMention]
    }

    /// Cues that continue the previous quote's speaker when no subject of their own is named.
    static let continuations: Set<[String]> = Set(
        [
            "أضاف", "أضافت", "يضيف", "تضيف", "تابع", "تابعت", "أردف", "أردفت", "كما قال", "كما قالت", "كما أضاف", "كما أضافت",
            "a t il ajouté", "a t elle ajouté", "il a ajouté", "elle a ajouté", "poursuit il", "poursuit elle", "a t il poursuivi",
            "a t elle poursuivi", "ajoute t il", "ajoute t elle", "he added", "she added",
        ].map { TextNormalizer.tokens($0) })
    /// Cues before a quote whose subject follows them: Arabic verbs (أكدت الخارجية المالية أن),
    /// and selon, d'après, according to in any language.
    static let subjectFollows: Set<[String]> = Set(
        ["selon", "according to", "حسب", "بحسب", "وفق", "وفقا ل", "نقلت عن", "نقل عن", "نقلا عن"].map { TextNormalizer.tokens($0) }
            + [["d", "apres"]])
    /// Cue words, normalized, with or without a leading و or ف: Arabic attribution verbs and
    /// phrases, and French and English ones.
    static let cues: [[String]] = (
        [
            "قال", "قالت", "يقول", "تقول", "قوله", "قولها", "أضاف", "أضافت", "يضيف", "تضيف", "تابع", "تابعت", "أردف", "أردفت",
            "أكد", "أكدت", "يؤكد", "صرح", "صرحت", "أعلن", "أعلنت", "أوضح", "أوضحت", "اعتبر", "اعتبرت", "وصف", "وصفها", "وصفه",
            "دعا", "دعت", "اتهم", "اتهمت", "بيان", "بيانها", "بيانه", "جاء في", "ورد في", "نقلت عن", "نقل عن", "نقلا عن", "حسب",
            "بحسب", "وفق", "كتب", "كتبت", "غرد", "غردت", "تدين", "يدين", "كما قال", "كما قالت", "كما أضاف", "كما أضافت",
            "a déclaré", "a affirmé", "a ajouté", "a dit", "a indiqué", "a estimé", "a souligné", "a précisé", "a expliqué",
            "a dénoncé", "avait déclaré", "a rappelé", "déclare", "affirme", "estime", "selon", "a t il déclaré",
            "a t elle déclaré", "a t il dit", "a t elle dit", "a t il ajouté", "a t elle ajouté", "il a ajouté", "elle a ajouté",
            "poursuit il", "poursuit elle", "a t il poursuivi", "a t elle poursuivi", "ajoute t il", "ajoute t elle",
            "said", "says", "told", "stated", "added", "he added", "she added", "according to",
        ].map { TextNormalizer.tokens($0) } + [["d", "apres"]]
    ).sorted { $0.count > $1.count }
    /// Nouns that cue a quote (جاء في بيان): no verb, so the name before them is the author and a
    /// name after them is not a subject.
    static let nounCues: Set<[String]> = Set(["بيان", "بيانها", "بيانه", "جاء في", "ورد في"].map { TextNormalizer.tokens($0) })
    /// Verbs whose first noun after them is their object when the subject is dropped (كما دعت
    /// الجزائر إلى: "she called on Algeria"); a name after them is the subject only when another
    /// follows it (اتهمت الخارجية المالية الجزائر).
    static let transitive: Set<[String]> = Set(
        ["دعا", "دعت", "اتهم", "اتهمت", "تدين", "يدين", "وصف", "وصفها", "وصفه"].map { TextNormalizer.tokens($0) })
    /// The cues by their first word, each list longest first: one lookup per word of text.
    static let cuesByFirstWord: [String: [[String]]] = Dictionary(grouping: cues, by: { $0[0] })

    /// Words before a name that make it an object rather than the speaker (دافع عن حركات المعارضة).
    static let prepositions: Set<String> = Set(
        [
            "عن", "على", "من", "إلى", "في", "مع", "ضد", "لدى", "بين", "تجاه", "أمام", "de", "du", "des", "contre", "avec", "pour", "envers",
            "vers", "entre", "auprès", "against", "with", "to", "from", "toward", "towards",
        ].flatMap { TextNormalizer.tokens($0) })

    private let actorFinder: ActorFinder

    public init(actors: [Actor]) {
        actorFinder = ActorFinder(actors: actors)
    }

    /// `language`: the document's main language when known; `published`: its publication date
    /// (EDTF), from which years are inferred for dates written without one.
    public func extract(_ source: String, language: String? = nil, published: EDTFDate? = nil) -> Proposals {
        let text = ScannedText(source)
        func spanned(_ start: Int, _ end: Int) -> Spanned { Spanned(text: text.text(start, end), start: start, end: end) }
        let actors = actorFinder.mentions(in: text)

        var quotes: [QuoteProposal] = []
        let found = QuoteFinder(text: text).quotes()
        // A name inside a quotation is what the speaker talks about, never the speaker.
        let outside = Self.outside(found, actors)
        let clauses = Self.relativeClauses(in: text)
        var previousSpeaker: SpeakerCandidate?
        for quote in found {
            let cue = quote.attribution.map { (spanned($0.start, $0.end), [String]()) } ?? self.cue(near: quote, in: text).map {
                (spanned($0.start, $0.end), $0.words)
            }
            var candidates = speakers(
                for: quote, cue: cue, actors: outside, previous: quote.depth == 0 ? previousSpeaker : nil, clauses: clauses, in: text)
            if quote.depth == 0, let previous = previousSpeaker, !candidates.contains(where: { $0.actor == previous.actor }) {
                candidates.append(SpeakerCandidate(actor: previous.actor, reason: .earlierSpeaker, ambiguous: previous.ambiguous))
            }
            if quote.depth == 0, let first = candidates.first { previousSpeaker = first }
            quotes.append(QuoteProposal(
                span: spanned(quote.start, quote.end), language: Self.language(of: text.text(quote.start, quote.end), default: language),
                depth: quote.depth, cue: cue?.0, speakerCandidates: candidates))
        }

        let mentions = DateFinder(text: text).mentions()
        let years = YearInference(text: text, all: mentions, published: published)
        // A date that no calendar has (31 April) is not a date: it is not proposed.
        let dates = mentions.compactMap { mention in date(mention, years: years, text: text) }
        return Proposals(
            length: text.scalars.count, languages: Self.languages(of: source, main: language),
            quotes: quotes, dates: dates,
            actors: actors.map { ActorMention(actor: $0.actor, span: spanned($0.start, $0.end), ambiguous: $0.ambiguous) })
    }

    // MARK: Speakers

    /// The candidates for one quote, most likely first (`SpeakerCandidate.Reason` says why):
    /// the attribution line of an embedded post; else the subject of the cue (after an Arabic verb
    /// or selon/حسب before the quote, after a cue that follows it); the previous speaker when a
    /// continuation cue names no subject; names before the cue in its sentence, nearest first
    /// (those after a preposition last); then the sentence before.
    private func speakers(
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
    private func inRelativeClause(_ mention: ActorFinder.Mention, _ clauses: [Bool], in text: ScannedText) -> Bool {
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
    private func isObject(_ mention: ActorFinder.Mention, cue: Spanned?, in text: ScannedText) -> Bool {
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
    private func cue(near quote: QuoteFinder.Found, in text: ScannedText) -> (start: Int, end: Int, words: [String])? {
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
    private func cueWords(at index: Int, in text: ScannedText, limit: Int) -> [String]? {
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

    private func matches(_ cue: [String], at index: Int, in text: ScannedText) -> Bool {
        let words = text.words[index..<(index + cue.count)].map(\.normalized)
        var first = words[0]
        if first != cue[0], first.count > 1, let lead = first.unicodeScalars.first, lead == "و" || lead == "ف" {
            first = String(first.unicodeScalars.dropFirst())
        }
        return first == cue[0] && words.dropFirst().elementsEqual(cue.dropFirst())
    }



    // MARK: Dates

    private func date(_ mention: DateFinder.Mention, years: YearInference, text: ScannedText) -> DateProposal? {
        let span = Spanned(text: text.text(mention.start, mention.end), start: mention.start, end: mention.end)
        let precision: EDTFDate.Precision = mention.day != nil ? .day : mention.month != nil ? .month : .year
        func edtf(_ year: String) -> String {
            var value = year
            if let month = mention.month { value += "-" + Self.two(month) }
            if let day = mention.day { value += "-" + Self.two(day) }
            return value
        }
        let names =
            mention.systems.isEmpty
            ? nil : "Month name of the \(mention.systems.joined(separator: ", ")) system\(mention.systems.count > 1 ? "s" : "")."
        if let year = mention.year {
            guard EDTFDate(edtf(String(year))) != nil else { return nil }
            return DateProposal(span: span, edtf: edtf(String(year)), precision: precision, certainty: .stated, note: names)
        }
        guard let inferred = years.year(of: mention) else {
            // The mention's day exists in no year near the reference (31 April): not a date.
            return nil
        }
        guard let year = inferred.year else {
            return DateProposal(span: span, edtf: edtf("XXXX"), precision: precision, certainty: .inferred,
                                note: "No year is written and none is stated in the text; give --published to infer it.")
        }
        let note = "No year is written (\"\(span.text)\"); \(year) is \(inferred.how)."
        return DateProposal(
            span: span, edtf: edtf(String(year)), precision: precision, certainty: .inferred,
            note: [note, names].compactMap { $0 }.joined(separator: " "))
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    // MARK: Languages

    private static let frenchWords: Set<String> = [
        "le", "la", "les", "des", "du", "de", "et", "un", "une", "est", "dans", "pour", "qui", "que", "sur", "au", "aux", "a", "à", "ne",
        "pas", "par", "en",
    ]
    private static let englishWords: Set<String> = [
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "by", "it", "as", "at", "be", "this", "from",
    ]

    /// "ar" when Arabic letters outnumber Latin ones; among Latin texts, French or English by their
    /// function words; `fallback` when neither script has a letter.
    static func language(of text: String, default fallback: String?) -> String {
        var arabic = 0, latin = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if ScannedText.isArabic(scalar) { arabic += 1 } else if scalar.value < 0x250 { latin += 1 }
        }
        if arabic == 0 && latin == 0 { return fallback ?? "und" }
        if arabic >= latin { return "ar" }
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        let french = words.filter { frenchWords.contains($0) }.count, english = words.filter { englishWords.contains($0) }.count
        if french == english, let fallback, fallback != "ar" { return fallback }
        return french >= english ? "fr" : "en"
    }

    /// The document's languages: the main one first, then any other with a paragraph of its own.
    static func languages(of text: String, main: String?) -> [String] {
        var languages: [String] = main.map { [$0] } ?? []
        for paragraph in text.split(separator: "\n") where paragraph.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            let language = Self.language(of: String(paragraph), default: nil)
            if language != "und" && !languages.contains(language) { languages.append(language) }
        }
        return languages
    }
}

extension [ActorFinder.Mention] {
    /// The mentions that lie between `start` and `end`, in text order (the array is in text order).
    func within(_ start: Int, _ end: Int) -> [ActorFinder.Mention] {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].start < start { low = mid + 1 } else { high = mid }
        }
        var found: [ActorFinder.Mention] = []
        while low < count, self[low].start < end {
            if self[low].end <= end { found.append(self[low]) }
            low += 1
        }
        return found
    }
}
