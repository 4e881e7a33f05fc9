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
        extractor = Extractor(actors: store.actors)
    }

    struct Expected: Decodable {
        struct DateMention: Decodable, Hashable { let text: String; let edtf: String; let certainty: String }
        let published: String?
        let quotes: [String]
        let dates: [DateMention]
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
            #expect(proposal.speakerCandidates.contains(quote.speaker), "\(quote.id): \(proposal.speakerCandidates)")
        }
        let first = Dictionary(proposals.quotes.map { ($0.span.start, $0.speakerCandidates.first) }, uniquingKeysWith: { a, _ in a })
        for id in ["attaf-military-solution", "maiga-haven-for-terrorists", "maeci-communique-fr"] {
            let quote = try #require(store.quotes.first { $0.id == id })
            #expect(first[quote.source.start] == quote.speaker, "\(id)")
        }
    }
}
