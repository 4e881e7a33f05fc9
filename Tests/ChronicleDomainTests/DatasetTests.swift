import ChronicleGenerator
import ChronicleRecords
import ChronicleStore
import Foundation
import Testing

@Suite struct DatasetTests {
    @Test func shippedDatasetLoadsWithTheAnnotatedRecords() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        #expect(store.documents.count == 1)
        #expect(store.actors.count >= 13)
        #expect(store.events.count >= 6)
        #expect(store.quotes.count >= 8)
        for id in ["mali", "mali-transitional-government", "algeria", "ahmed-attaf", "abdoulaye-diop", "abdoulaye-maiga",
            "mali-maeci", "mali-armed-forces", "morocco", "algiers-accords-movements", "un-general-assembly", "un-security-council",
        ] {
            #expect(store.hasActor(id), "missing actor \(id)")
        }
    }

    /// Re-checks every quote against the raw file independently of the loader: the bytes decoded as
    /// UTF-8, indexed by code point, end-exclusive (Python's text[start:end]).
    @Test func everyQuoteIsVerbatimAtItsSpan() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        for quote in store.quotes {
            let document = try store.document(quote.source.document)
            let url = URL(fileURLWithPath: shippedDataDirectory).appendingPathComponent(document.file)
            let scalars = Array(try String(contentsOf: url, encoding: .utf8).unicodeScalars)
            var span = String.UnicodeScalarView()
            span.append(contentsOf: scalars[quote.source.start..<quote.source.end])
            #expect(Array(span) == Array(quote.text.unicodeScalars), "quote \(quote.id)")
        }
    }

    @Test func datesOfTheRequiredEvents() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        let expected: [(String, String, Event.Certainty)] = [
            // The signing's year is Attaf's claim, relayed by the article ("مشيرًا إلى أنها وقّعت … عام 2015").
            ("algiers-accords-signed", "2015", .reported),
            ("mali-withdraws-from-algiers-accords", "2024-01-25", .stated),
            ("maiga-accuses-algeria-at-unga79", "2024-09", .inferred),
            ("attaf-military-solution-comment", "2024-12-30", .inferred),
            ("attaf-defends-signatory-movements", "2024-12-30", .inferred),
            ("attaf-rejects-terrorist-label", "2024-12-30", .inferred),
            ("mali-condemns-algerian-interference", "2025-01-01", .stated),
            ("maeci-rejects-algerian-lessons", "2025-01-01", .stated),
        ]
        for (id, date, certainty) in expected {
            let event = try store.event(id)
            #expect(event.date.description == date)
            #expect(event.certainty == certainty)
        }
        #expect(try store.event("morocco-backs-accusations-at-unsc").date.precision == .interval)
    }

    @Test func theDocumentMatchesItsDigestAndLength() throws {
        let document = try Store.load(directory: shippedDataDirectory).document("d5a7a52965b0d6aa")
        #expect(document.sha256 == "feee8ccf0fe5cc7d870c0a590e3821408165e926eecbe7192ebd904c0c6cd1d9")
        #expect(document.length == 2009)
        #expect(document.text.unicodeScalars.count == 2009)
    }

    @Test func aQuoteThatDiffersFromItsSpanIsRefused() throws {
        let directory = try corruptedCopy("quotes.json") { records in
            records[0]["text"] = (records[0]["text"] as! String) + "!"
        }
        let found = problems(loading: directory)
        #expect(
            found.contains {
                $0.file == "quotes.json" && $0.record == "attaf-military-solution" && $0.message.contains("differs from its span")
            })
    }

    @Test func aSpanOutsideItsDocumentIsRefused() throws {
        let directory = try corruptedCopy("events.json") { records in
            var sources = records[0]["sources"] as! [[String: Any]]
            sources[0]["end"] = 99_999
            records[0]["sources"] = sources
        }
        #expect(problems(loading: directory).contains { $0.file == "events.json" && $0.message.contains("outside document") })
    }

    @Test func danglingReferencesAreRefused() throws {
        let directory = try corruptedCopy("quotes.json") { records in
            records[1]["speaker"] = "nobody"
            records[2]["event"] = "no-such-event"
        }
        let found = problems(loading: directory)
        #expect(found.contains { $0.message == "unknown speaker \"nobody\"" })
        #expect(found.contains { $0.message == "unknown event \"no-such-event\"" })
    }

    @Test func duplicateIdsAreRefused() throws {
        let directory = try corruptedCopy("actors.json") { records in records.append(records[0]) }
        // The first record ("mali") was appended again.
        #expect(problems(loading: directory).contains(DatasetProblem(file: "actors.json", record: "mali", message: "duplicate id")))
    }

    @Test func anInvalidDateIsRefusedNamingTheRecord() throws {
        let directory = try corruptedCopy("events.json") { records in records[2]["date"] = "2023-02-29" }
        let found = problems(loading: directory)
        let date = try #require(found.first { $0.message.contains("2023-02-29") })
        #expect(date.file == "events.json")
        #expect(date.record?.hasPrefix("record 2 (") == true)
        #expect(date.message.hasPrefix("date:"))
        // Only the broken record is dropped: at most the quotes citing it follow.
        #expect(found.count <= 2)
    }

    @Test func aChangedDocumentIsRefusedByDigest() throws {
        let directory = try corruptedCopy("documents.json") { _ in }
        let text = URL(fileURLWithPath: directory).appendingPathComponent("documents/000_d5a7a52965b0d6aa.txt")
        var bytes = try Data(contentsOf: text)
        bytes.append(contentsOf: Array(" ".utf8))
        try bytes.write(to: text)
        let found = problems(loading: directory)
        #expect(found.contains { $0.message.contains("sha256") })
        #expect(found.contains { $0.message.contains("length is 2009 but the text has 2010 code points") })
    }

    /// A document record cannot make the loader read (and the API serve) a file outside the data.
    @Test func aDocumentFileOutsideTheDataDirectoryIsRefusedUnread() throws {
        for file in ["../../etc/passwd", "/etc/passwd", "documents/../../x.txt", ""] {
            let directory = try corruptedCopy("documents.json") { $0[0]["file"] = file }
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let found = problems(loading: directory)
            #expect(found.contains { $0.message.contains("must be a relative path inside the data directory") }, "\(file): \(found)")
            #expect(Dataset.contentFingerprint(directory: directory) == nil)
        }
    }

    /// A syntax error in one record fails that record only (not the chunk it was decoded with), and
    /// says where the record starts in the file.
    @Test func aRecordThatIsNotJSONFailsAloneSayingWhereItStarts() throws {
        struct Item: Decodable, Sendable { let id: String }
        for count in [10, 3000] {
            var lines = (0..<count).map { "  {\"id\": \"r\($0)\"}" }
            lines[7] = "  {\"id\": nope}"
            let text = "[\n" + lines.joined(separator: ",\n") + "\n]\n"
            let results = try ParallelJSON.decodeArray(Item.self, from: Data(text.utf8))
            #expect(results.count == count)
            let failed = results.indices.filter { if case .failure = results[$0] { true } else { false } }
            #expect(failed == [7], "\(count) records: \(failed.prefix(5))")
            guard case .failure(let error) = results[7] else { continue }
            #expect("\(error)".hasPrefix("the record that starts at line 9, column 3 is not valid JSON"), "\(error)")
        }
    }

    @Test func aMissingFileIsReported() throws {
        let directory = try corruptedCopy("documents.json") { _ in }
        try FileManager.default.removeItem(atPath: directory + "/actors.json")
        #expect(problems(loading: directory).contains { $0.file == "actors.json" })
    }
}

/// The fingerprint a reload compares without loading: the loader's own, and any changed byte
/// changes it or makes it unknown.
@Suite struct ContentFingerprintTests {
    @Test func itIsTheFingerprintTheLoaderGives() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        #expect(Dataset.contentFingerprint(directory: shippedDataDirectory) == store.fingerprint)
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-fp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: generated) }
        try DatasetGenerator(events: 300, seed: 7).write(to: generated)
        #expect(Dataset.contentFingerprint(directory: generated) == (try Store.load(directory: generated)).fingerprint)
    }

    @Test func aFileIsHashedInPiecesAsItWouldBeWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-digest-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<(3 << 20) + 12345).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(Digest.sha256Hex(fileAtPath: path) == Digest.sha256Hex(bytes))
        #expect(Digest.sha256Hex(fileAtPath: path + ".missing") == nil)
    }

    @Test func aChangedAnnotationFileChangesIt() throws {
        // The same records, written differently: other bytes, so not the same data for a reload.
        let directory = try corruptedCopy("events.json") { _ in }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let changed = try #require(Dataset.contentFingerprint(directory: directory))
        #expect(changed != Dataset.contentFingerprint(directory: shippedDataDirectory))
        #expect(changed == (try Store.load(directory: directory)).fingerprint)
    }

    @Test func aChangedDocumentOrAMissingFileLeavesItUnknown() throws {
        let directory = try corruptedCopy("documents.json") { _ in }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = URL(fileURLWithPath: directory).appendingPathComponent("documents/000_d5a7a52965b0d6aa.txt")
        var bytes = try Data(contentsOf: text)
        bytes.append(contentsOf: Array(" ".utf8))
        try bytes.write(to: text)
        #expect(Dataset.contentFingerprint(directory: directory) == nil)
        // A missing file, in a copy that is otherwise intact.
        let other = try corruptedCopy("documents.json") { _ in }
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(Dataset.contentFingerprint(directory: other) != nil)
        try FileManager.default.removeItem(atPath: other + "/quotes.json")
        #expect(Dataset.contentFingerprint(directory: other) == nil)
    }
}
