// A deterministic synthetic dataset in the shipped format, for scale tests and benchmarks: many
// actors with names in three languages, events with every date precision and multilingual titles,
// and quotes whose text is exactly a span of a generated document. The loader accepts it as it
// accepts the real data (same checks), so a scale run exercises the same code.
import ChronicleRecords
import Foundation

public struct DatasetGenerator {
    public let events: Int
    public let seed: UInt64

    public init(events: Int, seed: UInt64 = 1) {
        self.events = events
        self.seed = seed
    }

    /// SplitMix64: small, fast, and the same sequence on every machine for a seed.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let latinSyllables = ["ba", "ma", "ko", "li", "di", "sa", "tu", "ne", "ra", "fi", "go", "ye", "mu", "ka", "zo", "ha"]
    static let arabicSyllables = ["با", "ما", "كو", "لي", "دي", "سا", "تو", "ني", "را", "في", "غو", "يي", "مو", "كا", "زو", "ها"]
    static let kinds = ["person", "state", "government_body", "armed_group", "international_body"]
    /// CAMEO codes used, with the PLOVER coding the CAMEO→PLOVER table gives them (010 has none).
    static let types: [(cameo: String, cameoLabel: String, plover: Codebook.Mapping?)] =
        ["010", "036", "042", "051", "057", "111", "112", "125", "160", "173", "190"].map { code in
            let mapping = Codebook.cameoToPlover[code]
            return (code, mapping?.description ?? "Make statement", mapping)
        }
    static let verbsEnglish = ["accused", "met", "praised", "criticized", "signed an accord with", "warned", "supported", "rejected"]
    static let verbsFrench = [
        "a accusé", "a rencontré", "a salué", "a critiqué", "a signé un accord avec", "a averti", "a soutenu", "a rejeté",
    ]

    /// A synthetic ISO-style alpha-3 code for state `index` (three capital letters, X first).
    static func countryCode(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return "X" + String(letters[(index / 26) % 26]) + String(letters[index % 26])
    }
    static let verbsArabic = ["اتهم", "التقى", "أشاد بـ", "انتقد", "وقّع اتفاقًا مع", "حذّر", "دعم", "رفض"]

    /// Writes documents/, documents.json, actors.json, events.json and quotes.json into `directory`.
    public func write(to directory: String) throws {
        var random = Random(state: seed)
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/documents", withIntermediateDirectories: true)

        // Actors: names built from syllables, the same name in Latin and Arabic script.
        let actorCount = min(20_000, max(50, events / 50))
        var names: [(en: String, ar: String)] = []
        var actors = JSONLines()
        for index in 0..<actorCount {
            let length = 2 + random.below(3)
            let syllables = (0..<length).map { _ in random.below(Self.latinSyllables.count) }
            let en = syllables.map { Self.latinSyllables[$0] }.joined().capitalized + " \(index)"
            let ar = syllables.map { Self.arabicSyllables[$0] }.joined() + " \(index)"
            names.append((en, ar))
            let kind = random.pick(Self.kinds)
            actors.record { w in
                w.field("id", "a\(index)"); w.field("kind", kind)
                w.object("names") { w in w.field("en", en); w.field("ar", ar); w.field("fr", en) }
                w.strings("aliases", [en.lowercased(), ar])
                w.object("description") { w in w.field("en", "Synthetic actor \(index)") }
                w.strings("affiliations", index > 0 && random.below(4) == 0 ? ["a\(random.below(index))"] : [])
                if kind == "state" {
                    w.object("codes") { w in w.object("iso3166_alpha3") { w in w.field("code", Self.countryCode(index)) } }
                }
            }
        }

        // Documents of ~1,000 events each; each event is one sentence; every fourth sentence carries a quote.
        var documentsJSON = JSONLines(), eventsJSON = JSONLines(), quotesJSON = JSONLines()
        let perDocument = 1000
        var eventIndex = 0
        var documentIndex = 0
        while eventIndex < events {
            let documentID = "d\(documentIndex)"
            var text = String.UnicodeScalarView()
            var length = 0
            func append(_ string: String) {
                text.append(contentsOf: string.unicodeScalars)
                length += string.unicodeScalars.count
            }
            for _ in 0..<min(perDocument, events - eventIndex) {
                let source = random.below(actorCount), target = random.below(actorCount)
                let verb = random.below(Self.verbsEnglish.count)
                let type = random.pick(Self.types)
                let year = 1990 + random.below(36), month = 1 + random.below(12), day = 1 + random.below(28)
                let date: String
                switch random.below(10) {
                case 0: date = "\(year)"
                case 1, 2: date = String(format: "%04d-%02d", year, month)
                case 3: date = String(format: "%04d-%02d/%04d-%02d", year, month, min(2025, year + 1), month)
                default: date = String(format: "%04d-%02d-%02d", year, month, day)
                }
                let sentenceStart = length
                append("\(names[source].ar) \(Self.verbsArabic[verb]) \(names[target].ar) ")
                var quote: (start: Int, end: Int, text: String)?
                if eventIndex % 4 == 0 {
                    append("وقال: \"")
                    let said =
                        "إن الوضع في المنطقة \(random.pick(["خطير", "مستقر", "معقد", "هادئ"])) "
                            + "والحل \(random.pick(["سياسي", "عسكري", "اقتصادي"])) رقم \(eventIndex)"
                    let start = length
                    append(said)
                    quote = (start, length, said)
                    append("\"")
                }
                append(". ")
                let sentenceEnd = length - 1
                let id = "e\(eventIndex)"
                eventsJSON.record { w in
                    w.field("id", id); w.field("date", date); w.field("certainty", random.below(5) == 0 ? "inferred" : "stated")
                    w.field("date_note", "Synthetic date.")
                    w.object("type") { w in
                        w.object("cameo") { w in
                            w.field("code", type.cameo); w.field("label", type.cameoLabel)
                            w.field("root", String(type.cameo.prefix(2))); w.field("base", String(type.cameo.prefix(3)))
                        }
                        if let plover = type.plover {
                            w.object("plover") { w in
                                w.field("code", plover.event); w.field("label", plover.event.capitalized)
                                if let mode = plover.mode { w.field("mode", mode) }
                                w.strings("context", plover.context)
                            }
                        }
                    }
                    w.object("assertion") { w in w.field("by", "outlet") }
                    if eventIndex % 3 == 0 {
                        w.object("location") { w in w.field("country", Self.countryCode(eventIndex % 200)) }
                    }
                    w.array("actors") { w in
                        w.element { w in w.field("actor", "a\(source)"); w.field("role", "source") }
                        w.element { w in w.field("actor", "a\(target)"); w.field("role", "target") }
                    }
                    w.object("title") { w in
                        w.field("en", "\(names[source].en) \(Self.verbsEnglish[verb]) \(names[target].en)")
                        w.field("ar", "\(names[source].ar) \(Self.verbsArabic[verb]) \(names[target].ar)")
                        w.field("fr", "\(names[source].en) \(Self.verbsFrench[verb]) \(names[target].en)")
                    }
                    w.object("summary") { w in
                        w.field(
                            "en",
                            "Synthetic event \(eventIndex): \(names[source].en) \(Self.verbsEnglish[verb]) \(names[target].en) "
                                + "(\(type.cameoLabel.lowercased()))."
                        )
                        w.field("ar", "حدث تجريبي \(eventIndex): \(names[source].ar) \(Self.verbsArabic[verb]) \(names[target].ar).")
                        w.field(
                            "fr", "Événement synthétique \(eventIndex) : \(names[source].en) \(Self.verbsFrench[verb]) \(names[target].en)."
                        )
                    }
                    w.array("sources") { w in
                        w.element { w in
                            w.field("document", documentID); w.number("start", sentenceStart); w.number("end", sentenceEnd);
                            w.field("role", "act")
                        }
                    }
                }
                if let quote {
                    quotesJSON.record { w in
                        w.field("id", "q\(eventIndex)"); w.field("text", quote.text); w.field("language", "ar")
                        w.field("speaker", "a\(source)"); w.field("event", id); w.field("date", date); w.field("kind", "statement")
                        w.field("stance", "asserted"); w.bool("refused_label", false)
                        w.object("translation") { w in
                            w.field("en", "The situation in the region is synthetic; number \(eventIndex).")
                            w.field("fr", "La situation dans la région est synthétique ; numéro \(eventIndex).")
                        }
                        w.object("source") { w in
                            w.field("document", documentID); w.number("start", quote.start); w.number("end", quote.end)
                        }
                    }
                }
                eventIndex += 1
            }
            let bytes = Array(String(text).utf8)
            let file = "documents/\(documentID).txt"
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + file))
            documentsJSON.record { w in
                w.field("id", documentID); w.field("file", file)
                w.object("title") { w in
                    w.field("en", "Synthetic document \(documentIndex)"); w.field("ar", "وثيقة تجريبية \(documentIndex)")
                }
                w.strings("languages", ["ar"]); w.number("length", length); w.field("sha256", Digest.sha256Hex(bytes))
            }
            documentIndex += 1
        }
        let generated = [
            (Document.file, documentsJSON), (Actor.file, actors), (Event.file, eventsJSON), (Quote.file, quotesJSON),
        ]
        for (name, lines) in generated {
            try Data(lines.finish()).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        // Every other record type the loader reads, with no records: the directory loads whatever types exist.
        for kind in RecordKinds.all where !generated.contains(where: { $0.0 == kind.file }) {
            try Data("[]\n".utf8).write(to: URL(fileURLWithPath: directory + "/" + kind.file))
        }
    }
}

/// A JSON array of objects written straight to bytes (the generator's output is too large for
/// JSONSerialization to build as a tree first).
struct JSONLines {
    private var bytes: [UInt8] = [UInt8(ascii: "[")]
    private var first = true

    mutating func record(_ body: (inout ObjectWriter) -> Void) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        first = false
        var writer = ObjectWriter()
        body(&writer)
        bytes += writer.finish()
    }

    func finish() -> [UInt8] { bytes + Array("\n]\n".utf8) }

    struct ObjectWriter {
        private var bytes: [UInt8] = [UInt8(ascii: "{")]
        private var first = true

        private mutating func key(_ name: String) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            Self.string(name, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }

        mutating func field(_ name: String, _ value: String) { key(name); Self.string(value, into: &bytes) }
        mutating func number(_ name: String, _ value: Int) { key(name); bytes += Array(String(value).utf8) }
        mutating func bool(_ name: String, _ value: Bool) { key(name); bytes += Array((value ? "true" : "false").utf8) }
        mutating func strings(_ name: String, _ values: [String]) {
            key(name)
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.string(value, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        mutating func object(_ name: String, _ body: (inout ObjectWriter) -> Void) {
            key(name)
            var nested = ObjectWriter()
            body(&nested)
            bytes += nested.finish()
        }
        mutating func array(_ name: String, _ body: (inout ArrayWriter) -> Void) {
            key(name)
            var nested = ArrayWriter()
            body(&nested)
            bytes += nested.finish()
        }

        func finish() -> [UInt8] { bytes + [UInt8(ascii: "}")] }

        static func string(_ value: String, into bytes: inout [UInt8]) {
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
                case 0..<0x20: bytes += Array(String(format: "\\u%04x", byte).utf8)
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    struct ArrayWriter {
        private var bytes: [UInt8] = [UInt8(ascii: "[")]
        private var first = true

        mutating func element(_ body: (inout ObjectWriter) -> Void) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            var nested = ObjectWriter()
            body(&nested)
            bytes += nested.finish()
        }

        func finish() -> [UInt8] { bytes + [UInt8(ascii: "]")] }
    }
}
