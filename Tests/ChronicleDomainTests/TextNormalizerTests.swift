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
        // Tanween al-fath goes like any mark, written before or after its alef; whether the alef
        // goes too is the stemmer's decision (ArabicStemmer.withoutTanweenAlef).
        #expect(TextNormalizer.normalize("تصعيدًا") == "تصعيدا")
        #expect(TextNormalizer.normalize("تصعيداً") == "تصعيدا")
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
        #expect(TextNormalizer.tokens("d’ingérence, (@MaliMaeci)") == ["ingerence", "malimaeci"])
        #expect(TextNormalizer.tokens("الـ79 للجمعية") == ["ال79", "للجمعيه"])
    }

    /// French elision (Lucene's ElisionFilter set) and the English possessive: the elided article
    /// or pronoun and the 's are not words of their own.
    @Test func dropsFrenchElisionAndTheEnglishPossessive() {
        #expect(TextNormalizer.tokens("l'Algérie d’Alger qu'il jusqu'à") == ["algerie", "alger", "il", "a"])
        #expect(TextNormalizer.tokens("Mali's foreign ministry, Mali’s") == ["mali", "foreign", "ministry", "mali"])
        // Only a listed elision, and only an s right after the apostrophe.
        #expect(TextNormalizer.tokens("aujourd'hui don't Mali' s") == ["aujourd", "hui", "don", "t", "mali", "s"])
    }

    /// Text copied from a PDF: Arabic presentation forms, the lam-alef ligature, fullwidth Latin
    /// and Latin ligatures read as the letters they show (NFKC), and œ, æ, which NFKC keeps.
    @Test func readsCompatibilityFormsAsTheirLetters() {
        #expect(TextNormalizer.tokens("ﻣﺎﻟﻲ ﺍﻟﺠﺰﺍﺋﺮ ﺍﻹﺭﻫﺎﺏ") == TextNormalizer.tokens("مالي الجزائر الإرهاب"))
        #expect(TextNormalizer.tokens("ﻻ تحتاج") == TextNormalizer.tokens("لا تحتاج"))
        #expect(TextNormalizer.tokens("ＭＡＬＩ ﬁn cœur Æther") == ["mali", "fin", "coeur", "aether"])
        var acronyms: [Bool] = []
        TextNormalizer.forEachToken("ＯＮＵ") { acronyms.append($0.isAcronym) }
        #expect(acronyms == [true])
    }

    /// A word typed with or without tanween al-fath is one token; an isolated mark form
    /// (U+FE7C, copied from a PDF) does not split its word.
    @Test func treatsAnUnmarkedTanweenAlefAsTheMarkedOne() {
        #expect(TextNormalizer.tokens("مشيرا مستندا دروسا اتفاقا") == TextNormalizer.tokens("مشيرًا مستندًا دروسًا اتفاقًا"))
        #expect(TextNormalizer.tokens("محم\u{FE7C}د") == ["محمد"])
    }
}
