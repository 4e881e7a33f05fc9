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
