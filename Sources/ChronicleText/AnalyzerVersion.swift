// What an index made by this analyser depends on, so a saved index is read only by an analyser that
// would have made the same terms (Lucene names its codec and version in every segment header for
// the same reason). Two parts: versions raised by hand when a rule changes, and a hash of what the
// normalizer and the stemmer make of a probe text that exercises every rule (Arabic forms,
// tashkeel and tanween, hamza carriers, presentation forms, digits, Latin diacritics and ligatures,
// acronyms, joined names, articles, particles and suffixes), so that a change of behaviour that
// nobody remembered to version still changes the identity. The executable is not part of it:
// another build with the same analyser reads the same index.
public enum AnalyzerVersion {
    /// Raised when `TextNormalizer`'s rules change.
    static let normalizer = 3
    /// Raised when `ArabicStemmer`'s or `Lexicon`'s rules change.
    static let stemmer = 3

    /// The text whose analysis is digested: one line per kind of rule.
    static let probe = """
        وزارة الخارجية والتعاون الدولي بسيادة وفشل الجزائر للجزائر وللجزائر مالي بالماليين كالمعتاد فالحل
        مُشيرًا مستندًا دروسًا اتفاقًا أُسامة إِسلام آمال ٱلله مسئول مسؤول مسءول مستشفى مدرسة ی ک ۀ ہ ے ـــ
        ﺍﻟﺠﺰﺍﺋﺮ ﻣﺎﻟﻲ ٢٠١٥ ۲۰۲۴ عبد الله عبدالله الـ79
        Algérie cœur ÉTAT MALI ONU UN AGNU Maïga Diop naïve ﬁn ＭＡＬＩ ﻻ مشيرا أيضا هذا ولا وللجزائر وبالإرهاب
        l'Algérie d'Alger Mali's qu'il ingérences internationaux Kabylie kabyle authorities activement nationale
        تركيا أيضًا أيضا وكالات وكالة ﹼمحمد Niger des
        """

    /// The stems the probe's stemming is run against (a dataset's lexicon is in its own fingerprint).
    static let probeStems = ["وزار", "خارج", "تعاون", "دول", "سياد", "فشل", "جزائر", "مال", "حل", "معتاد", "تركيا", "أيضا", "مشير", "وكال"]

    /// "normalizer N, stemmer M, probe HEX": equal exactly for analysers that index alike.
    public static let identity: String = {
        let stems = WordSet(probeStems.map { Array((TextNormalizer.tokens($0).first ?? "").utf8) })
        var tokens: [[UInt8]] = []
        TextNormalizer.forEachToken(probe) { token in
            tokens.append(token.isAcronym ? [TextNormalizer.acronymMarker] + token.bytes : token.bytes)
        }
        let (lexicon, stem) = Lexicon.forIndexing(stems: stems, tokens: tokens)
        // FNV-1a, 64 bits: an identity, not a defence (the index directory is trusted like the data).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for token in tokens {
            for byte in token + [0x1F] + stem(token) + [0x1F] + lexicon.stem(token) + [0x1E] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return "normalizer \(normalizer), stemmer \(stemmer), probe \(String(repeating: "0", count: 16 - hex.count))\(hex)"
    }()
}
