// The checks that make the data citable: ids are unique, every reference resolves, every span
// lies inside its document, and every quote is exactly the text of its span.

enum DatasetValidator {
    static func problems(in dataset: Dataset) -> [DatasetProblem] {
        let files = Dataset.files
        var problems: [DatasetProblem] = []
        func duplicates(_ ids: [String], file: String) -> Set<String> {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted {
                problems.append(DatasetProblem(file: file, record: id, message: "duplicate id"))
            }
            for id in ids where id.isEmpty || id.contains("/") || id.contains(where: \.isWhitespace) {
                problems.append(DatasetProblem(file: file, record: id, message: "id must be non-empty, without spaces or slashes"))
            }
            return seen
        }
        let documentIDs = duplicates(dataset.documents.map(\.id), file: files.documents)
        let actorIDs = duplicates(dataset.actors.map(\.id), file: files.actors)
        let eventIDs = duplicates(dataset.events.map(\.id), file: files.events)
        _ = duplicates(dataset.quotes.map(\.id), file: files.quotes)
        let documents = Dictionary(dataset.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        func check(_ span: Span, file: String, record: String) -> String? {
            guard documentIDs.contains(span.document), let document = documents[span.document] else {
                problems.append(DatasetProblem(file: file, record: record, message: "span refers to unknown document \"\(span.document)\""))
                return nil
            }
            guard span.start >= 0, span.start < span.end, span.end <= document.scalarCount else {
                problems.append(DatasetProblem(file: file, record: record, message: "span \(span.start)..<\(span.end) is outside document \"\(span.document)\" (length \(document.scalarCount))"))
                return nil
            }
            return document.text(of: span)
        }

        for actor in dataset.actors {
            if actor.names.en == nil || actor.names.ar == nil {
                problems.append(DatasetProblem(file: files.actors, record: actor.id, message: "names need at least \"en\" and \"ar\""))
            }
            for affiliation in actor.affiliations where !actorIDs.contains(affiliation) || affiliation == actor.id {
                problems.append(DatasetProblem(file: files.actors, record: actor.id, message: "affiliation \"\(affiliation)\" is not another known actor"))
            }
        }
        for event in dataset.events {
            if event.title.en == nil || event.title.ar == nil || event.summary.en == nil || event.summary.ar == nil {
                problems.append(DatasetProblem(file: files.events, record: event.id, message: "title and summary need \"en\" and \"ar\""))
            }
            if event.certainty == .inferred && (event.dateNote ?? "").isEmpty {
                problems.append(DatasetProblem(file: files.events, record: event.id, message: "an inferred date needs a date_note saying how"))
            }
            if event.actors.isEmpty { problems.append(DatasetProblem(file: files.events, record: event.id, message: "no actors")) }
            for participant in event.actors where !actorIDs.contains(participant.actor) {
                problems.append(DatasetProblem(file: files.events, record: event.id, message: "unknown actor \"\(participant.actor)\""))
            }
            if event.sources.isEmpty { problems.append(DatasetProblem(file: files.events, record: event.id, message: "no source span")) }
            for span in event.sources { _ = check(span, file: files.events, record: event.id) }
        }
        for quote in dataset.quotes {
            if !actorIDs.contains(quote.speaker) {
                problems.append(DatasetProblem(file: files.quotes, record: quote.id, message: "unknown speaker \"\(quote.speaker)\""))
            }
            if let event = quote.event, !eventIDs.contains(event) {
                problems.append(DatasetProblem(file: files.quotes, record: quote.id, message: "unknown event \"\(event)\""))
            }
            if quote.translation.en == nil {
                problems.append(DatasetProblem(file: files.quotes, record: quote.id, message: "missing English translation"))
            }
            if let spanText = check(quote.source, file: files.quotes, record: quote.id), !spanText.unicodeScalars.elementsEqual(quote.text.unicodeScalars) {
                // Code points, not String ==, which would call NFC and NFD spellings equal.
                problems.append(DatasetProblem(file: files.quotes, record: quote.id, message: "text differs from its span \(quote.source.start)..<\(quote.source.end) in \"\(quote.source.document)\", which reads \"\(spanText)\""))
            }
        }
        return problems
    }
}
