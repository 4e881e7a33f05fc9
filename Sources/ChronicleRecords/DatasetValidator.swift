// The checks that make the data citable: ids are unique, every reference resolves, every span
// lies inside its document, every quote and every cited passage is exactly the text of its span,
// and the coding is consistent (DatasetValidator+Coding.swift).

package struct DatasetValidator {
    /// Raised when a check is added or changed: a saved store was checked by the rules of the build
    /// that saved it, and is read only under the same rules (`StoreSnapshot`).
    package static let rulesVersion = 1

    package let dataset: Dataset
    package let files = Dataset.files
    package var problems: [DatasetProblem] = []
    package var documentIDs = Set<String>()
    package var actorIDs = Set<String>()
    package var eventIDs = Set<String>()
    package var quoteIDs = Set<String>()
    /// The statements events belong to (the ids `in_response_to` may name besides events).
    package var statementIDs = Set<String>()
    package let documents: [String: Document]

    package static func problems(in dataset: Dataset) -> [DatasetProblem] {
        var validator = DatasetValidator(dataset: dataset)
        validator.run()
        return validator.problems
    }

    private init(dataset: Dataset) {
        self.dataset = dataset
        documents = Dictionary(dataset.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package mutating func report(_ file: String, _ record: String?, _ message: String) {
        problems.append(DatasetProblem(file: file, record: record, message: message))
    }

    private mutating func run() {
        // Every record type's ids, whatever the type: unique, and usable in a path.
        var ids: [ObjectIdentifier: Set<String>] = [:]
        for kind in RecordKinds.all { ids[ObjectIdentifier(kind)] = uniqueIDs(of: kind) }
        documentIDs = ids[ObjectIdentifier(Document.self)] ?? []
        actorIDs = ids[ObjectIdentifier(Actor.self)] ?? []
        eventIDs = ids[ObjectIdentifier(Event.self)] ?? []
        quoteIDs = ids[ObjectIdentifier(Quote.self)] ?? []
        statementIDs = Set(dataset.events.compactMap(\.statement))
        for actor in dataset.actors { checkActor(actor) }
        for event in dataset.events { checkEvent(event) }
        let quotes = Dictionary(dataset.quotes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for quote in dataset.quotes { checkQuote(quote, quotes: quotes) }
        if let info = dataset.info, info.codebooks.plover != Codebook.ploverVersion {
            report(
                files.info, nil,
                "the data follows \"\(info.codebooks.plover)\", but the CAMEO→PLOVER table here is \"\(Codebook.ploverVersion)\"")
        }
    }

    private mutating func uniqueIDs<Kind: RecordKind>(of kind: Kind.Type) -> Set<String> {
        unique(dataset[kind].map(\.id), file: kind.file)
    }

    private mutating func unique(_ ids: [String], file: String) -> Set<String> {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted { report(file, id, "duplicate id") }
        for id in ids where id.isEmpty || id.contains("/") || id.contains(where: \.isWhitespace) {
            report(file, id, "id must be non-empty, without spaces or slashes")
        }
        return seen
    }

    /// The text of `span` when it lies inside a known document; a problem otherwise.
    package mutating func text(of span: Span, file: String, record: String) -> String? {
        guard documentIDs.contains(span.document), let document = documents[span.document] else {
            report(file, record, "span refers to unknown document \"\(span.document)\"")
            return nil
        }
        guard span.start >= 0, span.start < span.end, span.end <= document.scalarCount else {
            report(
                file, record, "span \(span.start)..<\(span.end) is outside document \"\(span.document)\" (length \(document.scalarCount))")
            return nil
        }
        return document.text(of: span)
    }

    /// A cited passage: inside its document, and its `text`, when given, exactly what the document says there.
    package mutating func check(_ cited: CitedSpan, file: String, record: String, what: String) {
        guard let actual = text(of: cited.span, file: file, record: record), let claimed = cited.text else { return }
        // Code points, not String ==, which would call NFC and NFD spellings equal.
        if !actual.unicodeScalars.elementsEqual(claimed.unicodeScalars) {
            report(file, record, "\(what) \(cited.start)..<\(cited.end) in \"\(cited.document)\" reads \"\(actual)\", not \"\(claimed)\"")
        }
    }

    private mutating func checkActor(_ actor: Actor) {
        if actor.names.en == nil || actor.names.ar == nil { report(files.actors, actor.id, "names need at least \"en\" and \"ar\"") }
        for affiliation in actor.affiliations where !actorIDs.contains(affiliation) || affiliation == actor.id {
            report(files.actors, actor.id, "affiliation \"\(affiliation)\" is not another known actor")
        }
        if let iso = actor.codes.iso3166Alpha3 {
            if actor.kind != .state { report(files.actors, actor.id, "an ISO 3166-1 alpha-3 code belongs to a state") }
            if !Self.isAlpha3(iso.code) {
                report(files.actors, actor.id, "ISO 3166-1 alpha-3 code \"\(iso.code)\" is not three capital letters")
            }
        } else if actor.kind == .state {
            report(files.actors, actor.id, "a state needs its ISO 3166-1 alpha-3 code (codes.iso3166_alpha3)")
        }
        for office in actor.roles {
            if let of = office.of, !actorIDs.contains(of) { report(files.actors, actor.id, "role of unknown actor \"\(of)\"") }
            for (name, date) in [("start", office.start), ("end", office.end)] {
                if let date, EDTFDate(date) == nil { report(files.actors, actor.id, "role \(name) \"\(date)\" is not an EDTF date") }
            }
        }
    }

    private mutating func checkQuote(_ quote: Quote, quotes: [String: Quote]) {
        let file = files.quotes
        if !actorIDs.contains(quote.speaker) { report(file, quote.id, "unknown speaker \"\(quote.speaker)\"") }
        for event in Set(quote.events + (quote.event.map { [$0] } ?? [])) where !eventIDs.contains(event) {
            report(file, quote.id, "unknown event \"\(event)\"")
        }
        if let event = quote.event, !quote.events.contains(event) { report(file, quote.id, "event \"\(event)\" is not among its events") }
        if quote.translation.en == nil { report(file, quote.id, "missing English translation") }
        if quote.language != "fr" && quote.translation.fr == nil { report(file, quote.id, "missing French translation") }
        // A refused label is never the speaker's own words: the structured flag must say so.
        if (quote.stance == .refused) != quote.refusedLabel {
            report(file, quote.id, "stance \"\(quote.stance.rawValue)\" and refused_label \(quote.refusedLabel) disagree")
        }
        if quote.kind == .term && quote.stance == .asserted && quote.labelAttributedTo != nil {
            report(file, quote.id, "a label attributed to someone else cannot be asserted by the speaker")
        }
        if let original = quote.translationOf {
            if let target = quotes[original] {
                if !target.original { report(file, quote.id, "translation_of \"\(original)\" is not marked original") }
                if !target.translations.contains(quote.id) {
                    report(file, quote.id, "\"\(original)\" does not list it among its translations")
                }
            } else {
                report(file, quote.id, "translation_of unknown quote \"\(original)\"")
            }
        }
        for translation in quote.translations where quotes[translation]?.translationOf != quote.id {
            report(file, quote.id, "translation \"\(translation)\" does not name it in translation_of")
        }
        if let spanText = text(of: quote.source, file: file, record: quote.id),
            !spanText.unicodeScalars.elementsEqual(quote.text.unicodeScalars)
        {
            report(
                file, quote.id,
                "text differs from its span \(quote.source.start)..<\(quote.source.end) in \"\(quote.source.document)\", which "
                    + "reads \"\(spanText)\""
            )
        }
    }

    package static func isAlpha3(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
