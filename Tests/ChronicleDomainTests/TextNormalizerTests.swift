import ChronicleText
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
        // The alef that carries tanween al-fath goes with it, written before or after the mark.
        #expect(TextNormalizer.normalize("تصعيدًا") == "تصعيد")
        #expect(TextNormalizer.normalize("تصعيداً") == "تصعيد")
        #expect(TextNormalizer.normalize("الجـــزائر") == TextNormalizer.normalize("الجزائر"))
        // Hamza on its carriers is one letter: مسئول = مسؤول = مسءول.
        #expect(TextNormalizer.normalize("الجزائر") == "الجزاءر")
        #expect(TextNormalizer.normalize("مسئول") == TextNormalizer.normalize("مسؤول"))
        #expect(TextNormalizer.normalize("مسءول") == TextNormalizer.normalize("مسؤول"))
    }

    @Test func foldsPersianLettersAndArabicIndicDigits() {
        #expect(TextNormalizer.normalize("مالی") == TextNormalizer.normalize("مالي"))
        #expect(TextNormalizer.normalize("معرکتها") == TextNormalizer.normalize("معركتها"))
        #expect(TextNormalizer.normalize("٢٠١٥") == "2015")
        #expect(TextNormalizer.normalize("۲۰۱۵") == "2015")
    }

    @Test func joinsTheCompoundNameAbdAllah() {
        #expect(TextNormalizer.tokens("عبد الله ديوب") == TextNormalizer.tokens("عبدالله ديوب"))
        #expect(TextNormalizer.tokens("عبد الرحمن") == ["عبد", "الرحمن"])
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
