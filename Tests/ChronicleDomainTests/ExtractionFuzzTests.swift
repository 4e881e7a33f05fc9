import ChronicleExtraction
import ChronicleRecords
import ChronicleStore
import Testing

/// The extractor on random text built from the pieces its rules look at (quotation marks, cue
/// words, month names, digits, proclitics, commas, apostrophes, line breaks): no crash, and every
/// span lies inside the text and says what it covers. Seeded, so a failure repeats.
@Suite struct ExtractionFuzzTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let pieces = [
        "«", "»", "\"", "“", "”", "« ", " »", "'", "’", ",", "،", ".", ":", "\n", " ", " ", " ", "-", "–", "/", "1", "25", "2024", "١٢",
        "قال", "وأضاف", "أكدت", "قوله", "نقلت", "عن", "بيان", "جاء في", "كما", "دعت", "الذي", "التي", "أما", "فقال", "في", "و", "ب", "ل",
        "جويلية", "وأوت", "كانون", "الثاني", "شباط", "شتنبر", "الماضي", "المقبل", "من العام نفسه", "الجاري", "عام",
        "a déclaré", "a-t-il", "ajouté", "poursuit-il", "selon", "d'après", "qui", "que", "avait", "dit", "l'", "de la même année",
        "dernier", "prochain", "janvier", "et", "août", "septembre", "en", "le", "1er", "mars",
        "الجزائر", "مالي", "عطاف", "أحمد عطاف", "مايغا", "ديوب", "الخارجية المالية", "Attaf", "Maïga", "Diop", "Alger", "Bamako",
        "ministère malien des Affaires étrangères", "@MaliMaeci",
        "— Ministère des Affaires étrangères du Mali (@MaliMaeci) January 1, 2025",
        "\u{064B}", "\u{0640}", "ﻻ", "e\u{0301}",
    ]

    @Test func randomTextNeverCrashesAndEverySpanIsExact() throws {
        let extractor = Extractor(actors: Array(try Store.load(directory: shippedDataDirectory).actors))
        var random = Generator(state: 0x5EED)
        for round in 0..<1_500 {
            let count = Int.random(in: 1...60, using: &random)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let published = round % 2 == 0 ? EDTFDate("2025-01-15") : nil
            let proposals = extractor.extract(text, published: published)
            let scalars = Array(text.unicodeScalars)
            func exact(_ span: Extractor.Spanned) -> Bool {
                guard span.start >= 0, span.start <= span.end, span.end <= scalars.count else { return false }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[span.start..<span.end])
                return String(view) == span.text
            }
            for quote in proposals.quotes { #expect(exact(quote.span), "\(text)") }
            for date in proposals.dates {
                #expect(exact(date.span) && (EDTFDate(date.edtf) != nil || date.edtf.hasPrefix("XXXX")), "\(text)")
            }
            for mention in proposals.actors { #expect(exact(mention.span), "\(text)") }
        }
    }
}
