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
        /// Known actors named near the cue (or the quote), nearest first.
        public let speakerCandidates: [String]
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
    }

    public struct Proposals: Sendable {
        public let length: Int
        public let languages: [String]
        public let quotes: [QuoteProposal]
        public let dates: [DateProposal]
        public let actors: [ActorMention]
    }

    /// Cue words, normalized, with or without a leading و or ف: Arabic attribution verbs and
    /// phrases, and French and English ones.
    static let cues: [[String]] = [
        "قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "يضيف", "أكد", "أكدت", "يؤكد", "صرح", "صرحت", "أعلن", "أعلنت",
        "أوضح", "أوضحت", "اعتبر", "اعتبرت", "وصف", "وصفها", "وصفه", "دعا", "دعت", "اتهم", "اتهمت", "بيان", "بيانها", "بيانه",
        "جاء في", "ورد في", "نقلت عن", "نقل عن", "نقلا عن", "حسب", "بحسب", "وفق", "كتب", "كتبت", "غرد", "غردت", "تدين", "يدين",
        "a déclaré", "a affirmé", "a ajouté", "a dit", "a indiqué", "a estimé", "a souligné", "a précisé", "a expliqué", "a dénoncé",
        "déclare", "affirme", "estime", "selon", "a t il déclaré", "a t elle déclaré", "a t il dit", "a t elle dit",
        "said", "says", "told", "stated", "added", "according to",
    ].map { TextNormalizer.tokens($0) }.sorted { $0.count > $1.count }

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
        var previousSpeaker: String?
        for found in QuoteFinder(text: text).quotes() {
            let cue = found.attribution.map { spanned($0.start, $0.end) } ?? self.cue(near: found, in: text).map { spanned($0.0, $0.1) }
            var (candidates, named) = speakers(for: found, cue: cue, actors: actors, in: text)
            // A cue without a subject ("أضافت في بيانها", "كما دعت") continues the previous speaker;
            // with one, the previous speaker stays a candidate, last.
            if let previous = previousSpeaker, !candidates.contains(previous), found.depth == 0 {
                if named { candidates.append(previous) } else { candidates.insert(previous, at: 0) }
            }
            if found.depth == 0, let first = candidates.first { previousSpeaker = first }
            quotes.append(QuoteProposal(
                span: spanned(found.start, found.end), language: Self.language(of: text.text(found.start, found.end), default: language),
                depth: found.depth, cue: cue, speakerCandidates: candidates))
        }

        let mentions = DateFinder(text: text).mentions()
        // A date that no calendar has (31 April) is not a date: it is not proposed.
        let dates = mentions.compactMap { mention in date(mention, all: mentions, published: published, text: text) }
        return Proposals(
            length: text.scalars.count, languages: Self.languages(of: source, main: language),
            quotes: quotes, dates: dates,
            actors: actors.map { ActorMention(actor: $0.actor, span: spanned($0.start, $0.end)) })
    }

    // MARK: Speakers

    /// Actors named in an embedded post's attribution line; else those between the start of the
    /// sentence and the quote (or, for a cue after the quote, between the quote and the sentence
    /// end), nearest the cue first, then those of the sentence before, nearest first (Arabic
    /// drops the subject: "حيث قال" follows the sentence that names the speaker).
    /// The candidates, and whether an actor is named before the cue in its sentence (a subject).
    private func speakers(
        for quote: QuoteFinder.Found, cue: Spanned?, actors: [ActorFinder.Mention], in text: ScannedText
    ) -> ([String], Bool) {
        var ordered: [ActorFinder.Mention]
        var named = true
        if let line = quote.attribution {
            ordered = actors.filter { $0.start >= line.start && $0.end <= line.end }
        } else if let cue, cue.start >= quote.end {
            let end = sentenceEnd(after: cue.end, in: text)
            ordered = actors.filter { $0.start >= quote.end && $0.end <= end }.sorted {
                abs($0.start - cue.start) < abs($1.start - cue.start)
            }
        } else {
            let anchor = cue?.start ?? quote.start
            let start = sentenceStart(before: min(anchor, quote.start), in: text)
            let previous = sentenceStart(before: start - 1, in: text)
            let inSentence = actors.filter { $0.start >= start && $0.end <= quote.start }
            named = inSentence.contains { $0.end <= anchor }
            ordered = inSentence.sorted { abs($0.start - anchor) < abs($1.start - anchor) }
                + actors.filter { $0.start >= previous && $0.end <= start }.sorted { $0.start > $1.start }
        }
        var candidates: [String] = []
        for mention in ordered where !candidates.contains(mention.actor) { candidates.append(mention.actor) }
        return (candidates, named)
    }

    // MARK: Cues

    /// The nearest cue before the opening mark in the same sentence, else just after the closing one.
    private func cue(near quote: QuoteFinder.Found, in text: ScannedText) -> (Int, Int)? {
        let before = sentenceStart(before: quote.start, in: text)
        let firstWord = text.firstWord(atOrAfter: before)
        let openWord = text.firstWord(atOrAfter: quote.start)
        var best: (Int, Int)?
        var index = firstWord
        while index < openWord {
            if let length = cueLength(at: index, in: text, limit: openWord) {
                best = (text.words[index].start, text.words[index + length - 1].end)
                index += length
            } else {
                index += 1
            }
        }
        if let best { return best }
        let afterWord = text.firstWord(atOrAfter: quote.end)
        let stop = text.firstWord(atOrAfter: sentenceEnd(after: quote.end, in: text))
        for index in afterWord..<min(stop, afterWord + 6) {
            if let length = cueLength(at: index, in: text, limit: stop) {
                return (text.words[index].start, text.words[index + length - 1].end)
            }
        }
        return nil
    }

    private func cueLength(at index: Int, in text: ScannedText, limit: Int) -> Int? {
        for cue in Self.cues where index + cue.count <= limit {
            let words = text.words[index..<(index + cue.count)].map(\.normalized)
            var first = words[0]
            if first != cue[0], first.count > 1, let lead = first.unicodeScalars.first, lead == "و" || lead == "ف" {
                first = String(first.unicodeScalars.dropFirst())
            }
            if first == cue[0] && words.dropFirst().elementsEqual(cue.dropFirst()) { return cue.count }
        }
        return nil
    }

    private static let sentenceBreaks: Set<Unicode.Scalar> = [".", "!", "?", "؟", "\n", "؛"]

    private func sentenceStart(before position: Int, in text: ScannedText) -> Int {
        var index = position - 1
        while index >= 0, !Self.sentenceBreaks.contains(text.scalars[index]) { index -= 1 }
        return index + 1
    }

    private func sentenceEnd(after position: Int, in text: ScannedText) -> Int {
        var index = position
        while index < text.scalars.count, !Self.sentenceBreaks.contains(text.scalars[index]) { index += 1 }
        return index
    }

    // MARK: Dates

    private func date(_ mention: DateFinder.Mention, all: [DateFinder.Mention], published: EDTFDate?, text: ScannedText) -> DateProposal? {
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
        let monthName = span.text
        if let published {
            // The latest year in which this month (and day) falls on or before the publication
            // date: 25 January in an article of 10 January 2025 is 25 January 2024. A day that
            // exists only in leap years (29 February) steps back to the last year that has it.
            let (year, month, day) = EDTFDate.civil(published.lastDay)
            var inferred = year
            if let wanted = mention.month, published.precision != .year,
               (wanted, mention.day ?? 1) > (month, published.precision == .day ? day : 31) {
                inferred -= 1
            }
            while EDTFDate(edtf(String(inferred))) == nil && inferred > year - 8 { inferred -= 1 }
            guard EDTFDate(edtf(String(inferred))) != nil else { return nil }
            let note =
                "No year is written (\"\(monthName)\"); \(inferred) is the latest such date not after the publication date \(published)."
            return DateProposal(
                span: span, edtf: edtf(String(inferred)), precision: precision, certainty: .inferred,
                note: [note, names].compactMap { $0 }.joined(separator: " "))
        }
        let stated = all.filter { $0.year != nil }
        if let nearest = stated.min(by: { abs($0.start - mention.start) < abs($1.start - mention.start) }), let year = nearest.year,
           EDTFDate(edtf(String(year))) != nil {
            let note =
                "No year is written (\"\(monthName)\"); \(year) is the nearest year the text states "
                    + "(\"\(text.text(nearest.start, nearest.end))\"). Check it against the publication date."
            return DateProposal(
                span: span, edtf: edtf(String(year)), precision: precision, certainty: .inferred,
                note: [note, names].compactMap { $0 }.joined(separator: " "))
        }
        return DateProposal(span: span, edtf: edtf("XXXX"), precision: precision, certainty: .inferred,
                            note: "No year is written and none is stated in the text; give --published to infer it.")
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

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
