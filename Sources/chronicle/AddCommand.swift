import ArgumentParser
import ChronicleExtraction
import ChronicleRecords
import ChronicleHTTP
import Foundation

/// `chronicle add FILE --id ID --title-en …`: copies a document into the dataset's documents/,
/// writes its documents.json entry (digest, length in code points, languages), and with
/// --accept-quotes / --accept-dates writes the extracted proposals as drafts (drafts/ID.json)
/// for a curator to complete. The changed dataset is validated in a scratch copy first: if the
/// validator refuses it, nothing is written and the problems are named.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a document to a dataset (validated before anything is written); optionally draft its quotes and dates.")

    @Argument(help: "The document: a UTF-8 text file (at most 10 MiB).") var file: String
    @Option(help: "The document's id: lower-case letters, digits and hyphens.") var id: String
    @Option(name: .customLong("title-en"), help: "Title in English.") var titleEn: String
    @Option(name: .customLong("title-ar"), help: "Title in Arabic.") var titleAr: String?
    @Option(name: .customLong("title-fr"), help: "Title in French.") var titleFr: String?
    @Option(help: "Dataset directory (default: the shipped Data/).") var data: String?
    @Option(help: "The document's main language: ar, fr or en.") var lang: String?
    @Option(help: "Publication date (YYYY, YYYY-MM or YYYY-MM-DD).") var published: String?
    @Flag(name: .customLong("accept-quotes"), help: "Draft a quote record for each proposed quote.") var acceptQuotes = false
    @Flag(name: .customLong("accept-dates"), help: "Draft the date mentions, and date each drafted quote by the mention before it.")
    var acceptDates = false

    func validate() throws {
        guard id.utf8.count <= 64, let first = id.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first),
              id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
            throw ValidationError("--id is 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit; got \"\(id)\"")
        }
        try DocumentInput.check(lang: lang, published: published)
    }

    func run() throws {
        let input = try DocumentInput(file, command: "add")
        let directory = DataDirectory.resolve(data ?? "")
        let dataset = try ExtractCommand.loadDataset(data, command: "add")
        let sha256 = Digest.sha256Hex(input.bytes)
        if dataset.documents.contains(where: { $0.id == id }) {
            throw DocumentInput.fail("add", "\(directory) already has a document \"\(id)\"")
        }
        if let same = dataset.documents.first(where: { $0.sha256 == sha256 }) {
            throw DocumentInput.fail("add", "this text is already document \"\(same.id)\" (same SHA-256)")
        }
        let relative = "documents/\(id).txt"
        if FileManager.default.fileExists(atPath: directory + "/" + relative) {
            throw DocumentInput.fail("add", "\(directory)/\(relative) exists already")
        }
        let proposals = Extractor(actors: dataset.actors).extract(input.text, language: lang, published: published.flatMap(EDTFDate.init))
        let catalogue = directory + "/documents.json"
        let updated = try Self.appending(
            entry(proposals, sha256: sha256, file: relative), to: String(contentsOfFile: catalogue, encoding: .utf8))

        // Validate the dataset as it would be, in a scratch copy.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-add-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.copyItem(atPath: directory, toPath: scratch)
        try Data(input.bytes).write(to: URL(fileURLWithPath: scratch + "/" + relative))
        try updated.write(toFile: scratch + "/documents.json", atomically: true, encoding: .utf8)
        if let problems = Self.problems(scratch) {
            printError("add: refused; the dataset would not validate:\n\(problems)")
            throw ExitCode(1)
        }

        // Then write: the text first, the catalogue last (renamed into place), so a reader never
        // sees an entry without its file.
        try Data(input.bytes).write(to: URL(fileURLWithPath: directory + "/" + relative), options: .withoutOverwriting)
        try updated.write(toFile: catalogue, atomically: true, encoding: .utf8)
        print(
            "add: \(id): \(relative), \(proposals.length) code points, SHA-256 \(sha256), "
                + "languages \(proposals.languages.joined(separator: ", "))"
        )
        if acceptQuotes || acceptDates {
            let drafts = directory + "/drafts"
            try FileManager.default.createDirectory(atPath: drafts, withIntermediateDirectories: true)
            var w = JSONWriter(pretty: true)
            writeDrafts(proposals, into: &w)
            w.newline()
            try Data(w.bytes).write(to: URL(fileURLWithPath: drafts + "/\(id).json"))
            print(
                "add: drafts/\(id).json: \(acceptQuotes ? proposals.quotes.count : 0) "
                    + "quotes, \(acceptDates ? proposals.dates.count : 0) dates to complete (speakers, translations, events) "
                    + "before they move into quotes.json and events.json"
            )
        }
        print("add: \(directory) validates; a running server picks it up on SIGHUP (chronicle reload)")
    }

    /// What the validator says about the dataset in `directory`, or nil when it loads.
    static func problems(_ directory: String) -> String? {
        do {
            _ = try Dataset.load(directory: directory)
            return nil
        } catch {
            return error.summary(limit: 20)
        }
    }

    /// The documents.json entry.
    private func entry(_ proposals: Extractor.Proposals, sha256: String, file: String) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.object { w in
            w.member("id", id)
            w.member("file", file)
            w.key("title")
            w.object { w in
                w.member("en", titleEn)
                if let titleAr { w.member("ar", titleAr) }
                if let titleFr { w.member("fr", titleFr) }
            }
            w.member("languages", strings: proposals.languages)
            w.member("length", proposals.length)
            w.member("sha256", sha256)
            if let published { w.member("published", published) }
        }
        return w.bytes
    }

    /// The catalogue with `entry` added as its last element, the rest of the file as it was.
    static func appending(_ entry: [UInt8], to catalogue: String) throws -> String {
        guard let close = catalogue.lastIndex(of: "]") else {
            throw DocumentInput.fail("add", "documents.json is not a JSON array")
        }
        let head = catalogue[..<close].trimmingCharacters(in: .whitespacesAndNewlines)
        let indented = String(decoding: entry, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  " + $0 }.joined(separator: "\n")
        let separator = head.hasSuffix("[") ? "\n" : ",\n"
        return head + separator + indented + "\n]\n"
    }

    private func writeDrafts(_ proposals: Extractor.Proposals, into w: inout JSONWriter) {
        w.object { w in
            w.member("document", id)
            w.member(
                "note",
                "Proposals by chronicle extract, not records: check each speaker, write the translations, link the events, then move "
                    + "them into quotes.json and events.json (chronicle validate checks the result)."
            )
            w.key("quotes")
            w.array { w in
                guard acceptQuotes else { return }
                for (number, quote) in proposals.quotes.enumerated() {
                    let date = acceptDates ? proposals.dates.last(where: { $0.span.end <= quote.span.start }) : nil
                    w.object { w in
                        w.member("id", "\(id)-q\(number + 1)")
                        w.member("text", quote.span.text)
                        w.member("language", quote.language)
                        w.member("speaker", quote.speakerCandidates.first?.actor)
                        w.member("speaker_candidates", strings: quote.speakerCandidates.map(\.actor))
                        w.member("cue", quote.cue?.text)
                        w.member("date", date?.edtf)
                        w.member("kind", "statement")
                        w.key("translation")
                        w.object { _ in }
                        w.key("source")
                        w.object { w in
                            w.member("document", id)
                            w.member("start", quote.span.start)
                            w.member("end", quote.span.end)
                        }
                    }
                }
            }
            w.key("dates")
            w.array { w in
                guard acceptDates else { return }
                for date in proposals.dates {
                    w.object { w in
                        w.member("text", date.span.text)
                        w.member("start", date.span.start)
                        w.member("end", date.span.end)
                        w.member("edtf", date.edtf)
                        w.member("certainty", date.certainty.rawValue)
                        w.member("note", date.note)
                    }
                }
            }
        }
    }
}
