import ArgumentParser
import ChronicleRecords
import ChronicleStore
import Foundation
import Testing
@testable import chronicle

/// `chronicle extract` and `chronicle add` on real files: bad input is a message and exit status 1,
/// `add` never leaves a dataset the validator refuses.
@Suite struct ExtractAddTests {
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)-\(name)").path
    }

    func copyOfData() throws -> String {
        let copy = temporary("data")
        try FileManager.default.copyItem(atPath: CommandTests.data, toPath: copy)
        return copy
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ChronicleDomainTests/extraction-corpus").path

    @Test func badInputIsAClearErrorNotACrash() throws {
        let latin1 = temporary("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x6F, 0x69, 0x72]).write(to: URL(fileURLWithPath: latin1))  // "Café noir" in Latin-1
        let empty = temporary("empty.txt")
        try Data().write(to: URL(fileURLWithPath: empty))
        let large = temporary("large.txt")
        try Data(repeating: 0x61, count: DocumentInput.maxBytes + 1).write(to: URL(fileURLWithPath: large))
        let digits = temporary("digits.txt")
        try Data("12 34 56\n".utf8).write(to: URL(fileURLWithPath: digits))
        defer { for path in [latin1, empty, large, digits] { unlink(path) } }
        for path in [latin1, empty, large, digits, temporary("missing.txt")] {
            let command = try ExtractCommand.parse([path, "--data", CommandTests.data])
            #expect(throws: ExitCode(1)) { try command.run() }
        }
        #expect(DocumentInput.firstInvalidByte([0x43, 0x61, 0x66, 0xE9, 0x20]) == 3)
        #expect(throws: (any Error).self) { _ = try ExtractCommand.parse([latin1, "--published", "2024-13"]) }
        #expect(throws: (any Error).self) { _ = try ExtractCommand.parse([latin1, "--lang", "de"]) }
    }

    @Test func addCopiesRegistersAndDraftsAndTheDatasetStillLoads() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let source = Self.corpus + "/07-mixed-embedded-post.txt"
        let add = try AddCommand.parse([source, "--id", "maeci-tweet-2024", "--title-en", "A tweet and a reply", "--title-ar", "تغريدة ورد",
                                        "--data", data, "--published", "2024-03-06", "--accept-quotes", "--accept-dates"])
        try add.run()
        let store = try Store.load(directory: data)
        let document = try #require(store.documents.first { $0.id == "maeci-tweet-2024" })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        #expect(document.text == String(decoding: bytes, as: UTF8.self))
        #expect(document.sha256 == Digest.sha256Hex(Array(bytes)))
        #expect(document.length == document.text.unicodeScalars.count)
        #expect(document.languages.contains("ar") && document.languages.contains("fr"))
        #expect(store.documents.count == 2)
        // Drafts for a curator: the quotes with their spans and proposed speakers, dated by the mention before them.
        let drafts = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: data + "/drafts/maeci-tweet-2024.json")))
                as? [String: Any])
        let quotes = try #require(drafts["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["text"] as? String } == ["Le Mali condamne fermement ces déclarations.", "لا نقبل الاتهامات"])
        #expect(quotes.map { $0["speaker"] as? String } == ["mali-maeci", "ahmed-attaf"])
        #expect(quotes.last?["date"] as? String == "2024-03-05")
        #expect((drafts["dates"] as? [Any])?.count == 2)
        // The same text again, or the same id, is refused and changes nothing.
        let before = try String(contentsOfFile: data + "/documents.json", encoding: .utf8)
        let again = try AddCommand.parse([source, "--id", "another-id", "--title-en", "x", "--data", data])
        #expect(throws: ExitCode(1)) { try again.run() }
        let sameID = try AddCommand.parse([Self.corpus + "/01-maghrebi.txt", "--id", "maeci-tweet-2024", "--title-en", "x", "--data", data])
        #expect(throws: ExitCode(1)) { try sameID.run() }
        #expect(try String(contentsOfFile: data + "/documents.json", encoding: .utf8) == before)
    }

    @Test func theCatalogueGrowsByOneValidEntryAndTheScratchCheckNamesProblems() throws {
        let entry = Array("{\n  \"id\": \"x\"\n}".utf8)
        for catalogue in ["[]\n", "[\n  {\"id\": \"a\"}\n]\n"] {
            let grown = try AddCommand.appending(entry, to: catalogue)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(grown.utf8)) as? [[String: Any]])
            #expect(parsed.last?["id"] as? String == "x")
            // The existing entries stay exactly as they were written.
            #expect(grown.hasPrefix(String(catalogue.dropLast(2)).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        // The check `add` runs on its scratch copy: nil for a dataset that loads, the validator's words otherwise.
        #expect(AddCommand.problems(CommandTests.data) == nil)
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let documents = data + "/documents.json"
        try String(contentsOfFile: documents, encoding: .utf8).replacingOccurrences(of: "\"length\": 2009", with: "\"length\": 2010")
            .write(toFile: documents, atomically: true, encoding: .utf8)
        #expect(AddCommand.problems(data)?.contains("length is 2010") == true)
    }

    @Test func addRefusesADatasetThatDoesNotLoadAndWritesNothing() throws {
        // A dataset that already fails validation (a quote no longer matching its span) cannot
        // be added to: it is refused before anything is written.
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let quotes = data + "/quotes.json"
        let text = try String(contentsOfFile: quotes, encoding: .utf8).replacingOccurrences(of: "ملاذ ومساعدات", with: "ملاذ ومساعدة")
        try text.write(toFile: quotes, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: data + "/documents.json", encoding: .utf8)
        let add = try AddCommand.parse([Self.corpus + "/01-maghrebi.txt", "--id", "maghreb", "--title-en", "x", "--data", data])
        #expect(throws: ExitCode(1)) { try add.run() }
        #expect(try String(contentsOfFile: data + "/documents.json", encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: data + "/documents/maghreb.txt"))
        #expect(throws: (any Error).self) {
            _ = try AddCommand.parse([Self.corpus + "/01-maghrebi.txt", "--id", "Bad ID", "--title-en", "x"])
        }
    }
}
