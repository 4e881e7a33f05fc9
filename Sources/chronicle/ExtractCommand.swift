import ArgumentParser
import ChronicleExtraction
import ChronicleRecords
import ChronicleHTTP
import Foundation

/// `chronicle extract FILE`: prints the proposals of `Extractor` as one JSON object, spans in code
/// points (end-exclusive) with the text they cover.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Propose quotes, dates (as EDTF) and known actors in a UTF-8 text, each with its exact span.")

    @Argument(help: "The document: a UTF-8 text file (at most 10 MiB).") var file: String
    @Option(help: "Dataset whose actors are looked for (default: the shipped Data/).") var data: String?
    @Option(help: "The document's main language: ar, fr or en.") var lang: String?
    @Option(help: "Publication date (YYYY, YYYY-MM or YYYY-MM-DD), from which years missing in the text are inferred.")
    var published: String?

    func validate() throws {
        try DocumentInput.check(lang: lang, published: published)
    }

    func run() throws {
        let input = try DocumentInput(file, command: "extract")
        let dataset = try Self.loadDataset(data, command: "extract")
        let sha256 = Digest.sha256Hex(input.bytes)
        // A document already in the dataset brings its publication date.
        let knownDate = dataset.documents.first { $0.sha256 == sha256 }?.published.flatMap(EDTFDate.init)
        let proposals = Extractor(actors: dataset.actors).extract(
            input.text, language: lang, published: published.flatMap(EDTFDate.init) ?? knownDate)
        var w = JSONWriter(pretty: true)
        Self.write(proposals, file: file, sha256: sha256, into: &w)
        w.newline()
        FileHandle.standardOutput.write(Data(w.bytes))
    }

    /// The dataset, loaded and checked (not indexed: extraction needs only its actors and documents).
    static func loadDataset(_ data: String?, command: String) throws -> Dataset {
        let path = DataDirectory.resolve(data ?? "")
        do {
            return try Dataset.load(directory: path)
        } catch {
            printError("\(command): the dataset in \(path) does not load: \(error.summary())")
            throw ExitCode(1)
        }
    }

    static func write(_ proposals: Extractor.Proposals, file: String, sha256: String, into w: inout JSONWriter) {
        func span(_ spanned: Extractor.Spanned, _ w: inout JSONWriter) {
            w.member("text", spanned.text)
            w.member("start", spanned.start)
            w.member("end", spanned.end)
        }
        w.object { w in
            w.key("document")
            w.object { w in
                w.member("file", file)
                w.member("length", proposals.length)
                w.member("sha256", sha256)
                w.member("languages", strings: proposals.languages)
            }
            w.key("quotes")
            w.array { w in
                for quote in proposals.quotes {
                    w.object { w in
                        span(quote.span, &w)
                        w.member("language", quote.language)
                        w.member("depth", quote.depth)
                        w.key("cue")
                        if let cue = quote.cue { w.object { w in span(cue, &w) } } else { w.null() }
                        w.key("speaker_candidates")
                        w.array { w in
                            for candidate in quote.speakerCandidates {
                                w.object { w in
                                    w.member("actor", candidate.actor)
                                    w.member("reason", candidate.reason.rawValue)
                                    w.member("ambiguous", candidate.ambiguous)
                                }
                            }
                        }
                    }
                }
            }
            w.key("dates")
            w.array { w in
                for date in proposals.dates {
                    w.object { w in
                        span(date.span, &w)
                        w.member("edtf", date.edtf)
                        w.member("precision", date.precision.rawValue)
                        w.member("certainty", date.certainty.rawValue)
                        w.member("note", date.note)
                    }
                }
            }
            w.key("actors")
            w.array { w in
                for mention in proposals.actors {
                    w.object { w in
                        w.member("actor", mention.actor)
                        span(mention.span, &w)
                        w.member("ambiguous", mention.ambiguous)
                    }
                }
            }
        }
    }
}
