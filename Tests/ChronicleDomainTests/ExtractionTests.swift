import ChronicleExtraction
import ChronicleRecords
import ChronicleStore
import Foundation
import Testing

/// `Extractor`: quotes, dates and actors proposed from text, checked against a corpus written for
/// these tests (extraction-corpus/, expected proposals in expected.json) and against the seed.
@Suite struct ExtractionTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("extraction-corpus")
    let store: Store
    let extractor: Extractor

    init() throws {
        store = try Store.load(directory: shippedDataDirectory)
        extractor = Extractor(actors: Array(store.actors))
    }

    struct Expected: Decodable {
        struct DateMention: Decodable, Hashable { let text: String; let edtf: String; let certainty: String }
        /// The actor who speaks a quote, when the data knows it, and the kind of attribution it tests.
        struct Speaker: Decodable { let quote: String; let actor: String; let kind: String }
        let published: String?
        let quotes: [String]
        let dates: [DateMention]
        let speakers: [Speaker]?
    }

    static func expected() throws -> [(name: String, text: String, expected: Expected)] {
        let all = try JSONDecoder().decode(
            [String: Expected].self, from: Data(contentsOf: corpus.appendingPathComponent("expected.json")))
        return try all.sorted { $0.key < $1.key }.map { name, expected in
            (name, try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8), expected)
        }
    }

    /// The figures the README prints: first-speaker accuracy (the corpus's annotated quotes and the
    /// seed's), date recall, and the share of found dates whose year (whole EDTF) is right, with and
    /// without the publication date.
    @Test func speakersDatesAndYearsOverTheCorpus() throws {
        var speakers = (right: 0, total: 0)
        var byKind: [String: (right: Int, total: Int)] = [:]
        var dates = (found: 0, expected: 0), withPublished = 0, withoutPublished = 0
        for (name, text, wanted) in try Self.expected() {
            let published = extractor.extract(text, published: wanted.published.flatMap(EDTFDate.init))
            let bare = extractor.extract(text)
            for speaker in wanted.speakers ?? [] {
                let proposal = published.quotes.first { $0.span.text == speaker.quote }
                let right = proposal.flatMap { Self.firstSpeaker($0) } == speaker.actor
                if !right { print("speaker: \(name): \(speaker.kind): \(speaker.quote) → \(proposal.map(Self.candidates) ?? [])") }
                speakers.total += 1
                speakers.right += right ? 1 : 0
                byKind[speaker.kind, default: (0, 0)].total += 1
                byKind[speaker.kind, default: (0, 0)].right += right ? 1 : 0
            }
            for date in wanted.dates {
                dates.expected += 1
                guard let found = published.dates.first(where: { $0.span.text == date.text }) else { continue }
                dates.found += 1
                withPublished += found.edtf == date.edtf ? 1 : 0
                let alone = bare.dates.first { $0.span.text == date.text && $0.span.start == found.span.start }
                if alone?.edtf == date.edtf {
                    withoutPublished += 1
                } else {
                    print("year without --published: \(name): \(date.text) → \(alone?.edtf ?? "none"), not \(date.edtf)")
                }
            }
        }
        // The seed: each quote's first candidate against the speaker the annotators chose.
        let document = try #require(store.documents.first)
        let seed = extractor.extract(document.text, published: document.published.flatMap(EDTFDate.init))
        for quote in store.quotes {
            guard let proposal = seed.quotes.first(where: { $0.span.start == quote.source.start }) else { continue }
            let right = Self.firstSpeaker(proposal) == quote.speaker
            if !right { print("speaker: seed: \(quote.id) → \(Self.candidates(proposal))") }
            speakers.total += 1
            speakers.right += right ? 1 : 0
            byKind["the seed", default: (0, 0)].total += 1
            byKind["the seed", default: (0, 0)].right += right ? 1 : 0
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        func share(_ a: Int, _ b: Int) -> String { String(format: "%.3f (%d/%d)", ratio(a, b), a, b) }
        print(
            "extraction corpus: first speaker right \(share(speakers.right, speakers.total)); "
                + "dates found \(share(dates.found, dates.expected)); "
                + "years right with --published \(share(withPublished, dates.found)), without \(share(withoutPublished, dates.found))")
        for (kind, count) in byKind.sorted(by: { $0.key < $1.key }) { print("  first speaker, \(kind): \(count.right)/\(count.total)") }
        #expect(ratio(speakers.right, speakers.total) >= 0.9)
        #expect(ratio(dates.found, dates.expected) >= 0.95)
        #expect(ratio(withoutPublished, dates.found) >= 0.9)
    }

    /// Each candidate says why it was proposed, and whether through an ambiguous name or a description.
    @Test func speakerCandidatesAreRankedAndSayWhy() throws {
        let text = """
            الجزائر – أكدت الخارجية المالية أن «الجزائر تتدخل في شؤون مالي». وأضاف في 20 شباط: «لن نقبل وصاية».
            ونقلت الصحف عن أحمد عطاف قوله: «الحل سياسي». Le Premier ministre Maïga a dit : « Non ». « Jamais », poursuit-il.
            Interrogé sur l'Algérie, « Le dialogue reste ouvert », a-t-il ajouté.
            """
        let quotes = extractor.extract(text).quotes
        func first(_ index: Int) -> Extractor.SpeakerCandidate? { quotes[index].speakerCandidates.first }
        #expect(quotes.count == 6)
        // A continuation cue: the previous speaker, before a name the sentence mentions.
        #expect(first(5) == .init(actor: "abdoulaye-maiga", reason: .previousSpeaker, ambiguous: true))
        // A name inside an earlier quotation is not a candidate in the next sentence either.
        #expect(!quotes[1].speakerCandidates.contains { $0.actor == "mali" }, "\(quotes[1].speakerCandidates)")
        #expect(first(0) == .init(actor: "mali-maeci", reason: .subjectAfterCue, ambiguous: false))
        // Neither الجزائر nor مالي inside the quotation is proposed; the dateline الجزائر is, last and ambiguous.
        #expect(!quotes[0].speakerCandidates.contains { $0.actor == "mali" })
        #expect(quotes[0].speakerCandidates.last == .init(actor: "algeria", reason: .namedBeforeCue, ambiguous: true))
        #expect(first(1) == .init(actor: "mali-maeci", reason: .previousSpeaker, ambiguous: false))
        #expect(first(2)?.actor == "ahmed-attaf" && first(2)?.reason == .namedBeforeCue)
        #expect(first(3) == .init(actor: "abdoulaye-maiga", reason: .namedBeforeCue, ambiguous: true))
        #expect(first(4) == .init(actor: "abdoulaye-maiga", reason: .previousSpeaker, ambiguous: true))
        // A name in a relative clause, or after a preposition, is not the subject.
        let clauses = extractor.extract("""
            وكانت وزارة الخارجية المالية، التي يقودها عبد الله ديوب، قد أعلنت أن «الجزائر ارتكبت عملا عدوانيا».
            أما ديوب فقال للصحافيين في باماكو: «لم نعد ننتظر شيئا».
            """).quotes
        #expect(clauses.map { $0.speakerCandidates.first?.actor } == ["mali-maeci", "abdoulaye-diop"])
        // Actor mentions say when the name is one the actor lists as ambiguous.
        let mentions = extractor.extract(text).actors
        #expect(mentions.first { $0.span.start == 0 }?.ambiguous == true)
        #expect(mentions.first { $0.actor == "ahmed-attaf" }?.ambiguous == false)
    }

    /// Years: the sentence, then the paragraph, then the publication date, then the nearest year;
    /// relative words read against that reference; a month joined to و.
    @Test func yearsComeFromTheSentenceThenTheParagraphAndRelativeWordsFollowTheReference() throws {
        func dates(_ text: String, published: String? = nil) -> [String: String] {
            Dictionary(
                extractor.extract(text, published: published.flatMap(EDTFDate.init)).dates.map { ($0.span.text, $0.edtf) },
                uniquingKeysWith: { a, _ in a })
        }
        let sentence = dates("انسحبت القوات في 3 جوان 2024 ثم عادت في جويلية وأوت. وفي 2025 جرت الانتخابات.")
        #expect(sentence["جويلية"] == "2024-07" && sentence["أوت"] == "2024-08")
        let note = extractor.extract("انسحبت القوات في 3 جوان 2024 ثم عادت في جويلية.").dates.last?.note
        #expect(note?.contains("same sentence") == true, "\(note ?? "")")
        let paragraph = dates("Le 25/01/2024, Bamako a parlé. En septembre, Attaf a répondu.\nLes accords datent de l'année 2015.")
        #expect(paragraph["septembre"] == "2024-09")
        let relative = dates("Le 10 juin 2024, il a rappelé que le 3 mars dernier il avait parlé, et qu'il parlera le 2 mars prochain.")
        #expect(relative["3 mars"] == "2024-03-03" && relative["2 mars"] == "2025-03-02")
        let sameYear = dates("في 12 جوان 2023 بدأ الحوار.\nوفي 2025 انتهى.\nوفي 3 أوت من العام نفسه توقف.")
        #expect(sameYear["3 أوت"] == "2025-08-03")
        // A narrative date's year, or the neighbouring one within three months of it: 30 December
        // read from 1 January 2025 is 2024.
        #expect(dates("في بيان صدر 1 يناير 2025، ردا على تصريحات يوم 30 ديسمبر.")["30 ديسمبر"] == "2024-12-30")
        // A year written for something else (signé en 2015) does not count when a date with its
        // month is there; "de la même année" covers both months it follows.
        let narrative = dates(
            "La crise date du 25 janvier 2024, quand la junte a dénoncé l'accord signé en 2015, et s'est aggravée en juillet et août "
                + "de la même année. Le 25 janvier 2024, Bamako a dénoncé l'accord signé en 2015, puis en mars il a rompu.")
        #expect(narrative["juillet"] == "2024-07" && narrative["août"] == "2024-08" && narrative["mars"] == "2024-03")
        // Deictic words count from the publication date: the next May, November of last year.
        let deictic = dates(
            "في 6 أفريل 2025 أعلنت مالي. ويعود الملف في ماي المقبل، بعد تعيينه في تشرين الثاني من العام الماضي.", published: "2025-04-08")
        #expect(deictic["ماي"] == "2025-05" && deictic["تشرين الثاني"] == "2024-11")
        // A day the reference's year lacks is still read from it: 29 February after 10 December 2023.
        #expect(dates("Le 10 décembre 2023, il a parlé ; le 29 février, il a répondu.")["29 février"] == "2024-02-29")
        // Not after the publication date without saying so: "30 دجنبر" in a text of January 2025.
        #expect(dates("مع بداية عام 2025 تصاعد التوتر. وقال الوزير يوم 30 دجنبر إن الحل مستحيل.", published: "2025-01-05")["30 دجنبر"]
            == "2024-12-30")
    }

    static func firstSpeaker(_ proposal: Extractor.QuoteProposal) -> String? { proposal.speakerCandidates.first?.actor }
    static func candidates(_ proposal: Extractor.QuoteProposal) -> [String] {
        proposal.speakerCandidates.map { "\($0.actor) (\($0.reason.rawValue)\($0.ambiguous ? ", ambiguous" : ""))" }
    }

    @Test func theCorpusFindsEveryQuoteAndDateAndNoFalseQuote() throws {
        let expected = try JSONDecoder().decode(
            [String: Expected].self, from: Data(contentsOf: Self.corpus.appendingPathComponent("expected.json")))
        var quotes = (found: 0, right: 0, expected: 0), dates = (found: 0, right: 0, expected: 0)
        for (name, wanted) in expected.sorted(by: { $0.key < $1.key }) {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
            let proposals = extractor.extract(text, published: wanted.published.flatMap(EDTFDate.init))
            let foundQuotes = proposals.quotes.map(\.span.text)
            let foundDates = proposals.dates.map {
                Expected.DateMention(text: $0.span.text, edtf: $0.edtf, certainty: $0.certainty.rawValue)
            }
            quotes.found += foundQuotes.count
            quotes.right += foundQuotes.filter(wanted.quotes.contains).count
            quotes.expected += wanted.quotes.count
            dates.found += foundDates.count
            dates.right += foundDates.filter(wanted.dates.contains).count
            dates.expected += wanted.dates.count
            for missing in wanted.quotes where !foundQuotes.contains(missing) { Issue.record("\(name): quote not found: \(missing)") }
            for wrong in foundQuotes where !wanted.quotes.contains(wrong) { Issue.record("\(name): false quote: \(wrong)") }
            for missing in wanted.dates where !foundDates.contains(missing) { Issue.record("\(name): date not found: \(missing)") }
            for wrong in foundDates where !wanted.dates.contains(wrong) { Issue.record("\(name): wrong date: \(wrong)") }
        }
        func ratio(_ a: Int, _ b: Int) -> String { b == 0 ? "n/a" : String(format: "%.3f", Double(a) / Double(b)) }
        print(
            "extraction corpus (\(expected.count) documents): quotes precision \(ratio(quotes.right, quotes.found)) "
                + "recall \(ratio(quotes.right, quotes.expected)) (\(quotes.right)/\(quotes.expected)); "
                + "dates precision \(ratio(dates.right, dates.found)) "
                + "recall \(ratio(dates.right, dates.expected)) (\(dates.right)/\(dates.expected))"
        )
        #expect(quotes.right == quotes.expected && quotes.found == quotes.right)
        #expect(dates.right == dates.expected && dates.found == dates.right)
    }

    @Test(arguments: [
        ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
        ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
        ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    ])
    func everyMonthOfEverySystem(_ names: [String]) throws {
        for (index, name) in names.enumerated() {
            let sentence = "وقع ذلك في 7 \(name) 2020 حسب المصدر."
            let dates = extractor.extract(sentence).dates
            #expect(dates.map(\.edtf) == [String(format: "2020-%02d-07", index + 1)], "\(name)")
            #expect(dates.first?.span.text == "7 \(name) 2020")
        }
    }

    @Test func aYearlessDateTakesItsYearFromThePublicationDateOrSaysItCannot() throws {
        let text = "وفي 30 دجنبر قال الوزير إن الوضع صعب."
        let published = try #require(extractor.extract(text, published: EDTFDate("2025-01")).dates.first)
        #expect(published.edtf == "2024-12-30" && published.certainty == .inferred)
        #expect(published.note?.contains("2025-01") == true)
        let unknown = try #require(extractor.extract(text).dates.first)
        #expect(unknown.edtf == "XXXX-12-30" && unknown.certainty == .inferred)
    }

    @Test func aVowelledProcliticStaysOutsideTheName() throws {
        // The proclitic carries a fatha or kasra: the span still starts at the name's first letter.
        let mentions = extractor.extract("قال الوزير وَعطاف ثم لِلجزائر.").actors
        #expect(mentions.map(\.span.text) == ["عطاف", "لجزائر"])
    }

    @Test func crlfParagraphsCloseOpenMarks() throws {
        // An unclosed « in one paragraph must not pair with a » paragraphs later.
        let text = "Il a dit « rien\r\n\r\nAutre paragraphe sans guillemets.\r\n\r\nFin » ici, puis « oui »."
        #expect(extractor.extract(text).quotes.map(\.span.text) == ["oui"])
    }

    @Test func impossibleDatesAreNotProposedAndInferenceRespectsTheDay() throws {
        #expect(extractor.extract("وفي 31 أبريل 2024 اجتمع المجلس.").dates.isEmpty)
        let early = try #require(extractor.extract("وفي 25 يناير قال الوزير.", published: EDTFDate("2025-01-10")).dates.first)
        #expect(early.edtf == "2024-01-25")
        let same = try #require(extractor.extract("وفي 5 يناير قال الوزير.", published: EDTFDate("2025-01-10")).dates.first)
        #expect(same.edtf == "2025-01-05")
        let leap = try #require(extractor.extract("Le 29 février, il a parlé.", published: EDTFDate("2025-03")).dates.first)
        #expect(leap.edtf == "2024-02-29")
    }

    /// A name with an elided article or a possessive is found whole, as search writes it; a name
    /// two actors share is a mention of each; باب is no month.
    @Test func namesWithApostrophesAndSharedNames() throws {
        let mentions = extractor.extract("Le Conseil de sécurité de l'ONU et Mali's foreign ministry. Abdallah a parlé.").actors
        #expect(mentions.map(\.actor) == ["un-security-council", "mali-maeci", "abdoulaye-diop", "abdoulaye-maiga"])
        #expect(mentions.first?.span.text == "Conseil de sécurité de l'ONU")
        #expect(extractor.extract("وفي باب الاستثمار قال الوزير.").dates.isEmpty)
    }

    @Test func knownActorsByNameAliasShortFormAndHandle() throws {
        let text = "قال أحمد عطاف، ثم وعطاف مرة أخرى. Attaf a répondu à @MaliMaeci."
        let mentions = extractor.extract(text).actors
        #expect(mentions.map(\.actor) == ["ahmed-attaf", "ahmed-attaf", "ahmed-attaf", "mali-maeci"])
        #expect(mentions.map(\.span.text) == ["أحمد عطاف", "عطاف", "Attaf", "@MaliMaeci"])
    }

    @Test func theSeedsQuotesAndEventDatesAreAmongTheProposals() throws {
        let document = try #require(store.documents.first)
        let text = document.text
        let proposals = extractor.extract(text, published: document.published.flatMap(EDTFDate.init))
        let spans = Set(proposals.quotes.map { [$0.span.start, $0.span.end] })
        for quote in store.quotes { #expect(spans.contains([quote.source.start, quote.source.end]), "\(quote.id)") }
        // Each date mention the seed's events were dated from, with the date the annotators gave.
        let mentions: [(String, String, Event.Certainty)] = [
            ("30 دجنبر", "2024-12-30", .inferred), ("2015", "2015", .stated), ("25 يناير 2024", "2024-01-25", .stated),
            ("شتنبر", "2024-09", .inferred), ("January 1, 2025", "2025-01-01", .stated),
        ]
        for (written, edtf, certainty) in mentions {
            #expect(proposals.dates.contains { $0.span.text == written && $0.edtf == edtf && $0.certainty == certainty }, "\(written)")
        }
        for event in store.events where event.date.precision != .interval {
            #expect(proposals.dates.contains { $0.edtf == event.date.description }, "\(event.id) \(event.date)")
        }
        // Speakers: the candidate first named is the one the annotators chose.
        for quote in store.quotes {
            let proposal = try #require(proposals.quotes.first { $0.span.start == quote.source.start })
            #expect(proposal.speakerCandidates.contains { $0.actor == quote.speaker }, "\(quote.id): \(Self.candidates(proposal))")
        }
        let first = Dictionary(proposals.quotes.map { ($0.span.start, $0.speakerCandidates.first?.actor) }, uniquingKeysWith: { a, _ in a })
        // Every one of them first (attaf-refused-term: "كما دافع عن حركات المعارضة، ورفض وصفها":
        // the movements are the object, Attaf, the previous speaker, the subject).
        for quote in store.quotes { #expect(first[quote.source.start] == quote.speaker, "\(quote.id)") }
    }
}
