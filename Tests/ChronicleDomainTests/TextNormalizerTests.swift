import ChronicleDomain
import Testing

@Suite struct TextNormalizerTests {
    @Test func foldsArabicAlefVariantsTaMarbutaAndAlefMaksura() {
        #expect(TextNormalizer.normalize("أحمد") == TextNormalizer.normalize("احمد"))
        #expect(TextNormalizer.normalize("إدانة") == "ادانه")
        #expect(TextNormalizer.normalize("آخرها") == "اخرها")
        #expect(TextNormalizer.normalize("ولى") == "ولي")
    }

    @Test func removesTashkeelAndTatweel() {
        #expect(TextNormalizer.normalize("جُرّب") == "جرب")
        #expect(TextNormalizer.normalize("تصعيدًا") == "تصعيدا")
        #expect(TextNormalizer.normalize("الجـــزائر") == TextNormalizer.normalize("الجزائر"))
        // Hamza seats fold too: ئ → ي, ؤ → و.
        #expect(TextNormalizer.normalize("الجزائر") == "الجزاير")
    }

    @Test func foldsLatinDiacriticsAndCase() {
        #expect(TextNormalizer.normalize("Maïga") == "maiga")
        #expect(TextNormalizer.normalize("Ingérence ÉTRANGÈRE") == "ingerence etrangere")
    }

    @Test func splitsOnPunctuationIncludingTypographicApostrophes() {
        #expect(TextNormalizer.tokens("d’ingérence, (@MaliMaeci)") == ["d", "ingerence", "malimaeci"])
        #expect(TextNormalizer.tokens("الـ79 للجمعية") == ["ال79", "للجمعيه"])
    }
}
