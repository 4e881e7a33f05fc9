@testable import ChronicleGenerator
@testable import ChronicleRecords
@testable import ChronicleStore
import Crypto
import Foundation
import Testing

@Suite struct StoreSnapshotTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-snapshot-\(UUID().uuidString)/\(name)").path
    }

    func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    /// Everything a store answers from: the records field by field (their JSON), documents' texts,
    /// every index, the lexicon.
    func expectSameStore(_ a: Store, _ b: Store) throws {
        #expect(a.fingerprint == b.fingerprint)
        #expect(try json(a.info) == json(b.info))
        #expect(try json(a.documents) == json(b.documents))
        #expect(a.documents.map(\.text) == b.documents.map(\.text))
        #expect(a.documents.map(\.scalarCount) == b.documents.map(\.scalarCount))
        #expect(try json(a.actors) == json(b.actors))
        #expect(a.events.count == b.events.count)
        for (x, y) in zip(a.events, b.events) where try json(x) != json(y) {
            Issue.record("event \(x.id) differs after the snapshot")
            break
        }
        for (x, y) in zip(a.quotes, b.quotes) where try json(x) != json(y) {
            Issue.record("quote \(x.id) differs after the snapshot")
            break
        }
        #expect(a.quotes.count == b.quotes.count)
        #expect(a.eventPositions == b.eventPositions && a.quotePositions == b.quotePositions)
        #expect(a.actorPositions == b.actorPositions && a.documentPositions == b.documentPositions)
        #expect(a.eventsByActor == b.eventsByActor && a.eventsByType == b.eventsByType)
        #expect(a.eventsByDocument == b.eventsByDocument && a.eventsByCountry == b.eventsByCountry)
        #expect(a.quotesBySpeaker == b.quotesBySpeaker && a.quotesByEvent == b.quotesByEvent && a.quotesByLanguage == b.quotesByLanguage)
        #expect(
            a.eventDays.first == b.eventDays.first && a.eventDays.last == b.eventDays.last && a.eventDays.longest == b.eventDays.longest)
        #expect(
            a.quoteDays.first == b.quoteDays.first && a.quoteDays.last == b.quoteDays.last && a.quoteDays.longest == b.quoteDays.longest)
        #expect(a.events.map(\.date) == b.events.map(\.date) && a.quotes.map(\.date) == b.quotes.map(\.date))
        #expect(a.events.map(\.date.precision) == b.events.map(\.date.precision))
        for (x, y) in [(a.eventText, b.eventText), (a.quoteText, b.quoteText), (a.actorNames, b.actorNames)] {
            #expect(x.terms.bytes == y.terms.bytes && x.terms.starts == y.terms.starts)
            #expect(x.postingStarts == y.postingStarts && x.postings == y.postings)
        }
        #expect(a.lexicon.stems.bytes == b.lexicon.stems.bytes && a.lexicon.corpusWords.bytes == b.lexicon.corpusWords.bytes)
        #expect(a.lexicon.corpusWords.starts == b.lexicon.corpusWords.starts)
    }

    @Test func theShippedDataReadsBackAsTheSameStore() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        let path = temporaryPath("shipped.snapshot")
        try StoreSnapshot.write(store, to: path)
        let fingerprint = try #require(Dataset.contentFingerprint(directory: shippedDataDirectory))
        #expect(fingerprint == store.fingerprint)
        let read = try StoreSnapshot.read(path: path, fingerprint: fingerprint)
        try expectSameStore(store, read)
        // Searches answer the same (Arabic with and without the article, French, an acronym).
        for text in ["الجزائر", "جزائر", "Algérie", "ONU", "مالي الطائرة"] {
            var query = EventQuery()
            query.text = text
            #expect(store.events(query).items.map(\.id) == read.events(query).items.map(\.id), "\(text)")
        }
    }

    @Test func generatedDataInManyBlocksReadsBackAsTheSameStore() throws {
        let directory = temporaryPath("data")
        // More than two blocks of events, decoded in parallel.
        try DatasetGenerator(events: StoreSnapshot.blockSize * 2 + 1234, seed: 11).write(to: directory)
        let store = try Store.load(directory: directory)
        let path = temporaryPath("generated.snapshot")
        let bytes = try StoreSnapshot.write(store, to: path)
        #expect(bytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        let read = try StoreSnapshot.read(path: path, fingerprint: try #require(Dataset.contentFingerprint(directory: directory)))
        try expectSameStore(store, read)
        // Equal event types are one instance, as the loader shares them: the storage of labels long
        // enough to live on the heap (16 bytes or more) is one per distinct label, not one per event.
        let long = read.events.map(\.type.cameo.label).filter { $0.utf8.count > 15 }
        #expect(long.count > 1000)
        let storages = Set(long.map { label in label.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? 0 })
        #expect(storages.count == Set(long).count)
    }

    @Test func aSnapshotOfOtherDataOrAnotherFormatIsStale() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        let path = temporaryPath("stale.snapshot")
        try StoreSnapshot.write(store, to: path)
        #expect(throws: SnapshotError.self) { try StoreSnapshot.read(path: path, fingerprint: String(repeating: "0", count: 64)) }
        do {
            _ = try StoreSnapshot.read(path: path, fingerprint: "other")
            Issue.record("read a snapshot of other data")
        } catch {
            guard case .stale = error else { Issue.record("\(error)"); return }
        }
        // The format version is the four bytes after the magic.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[StoreSnapshot.magic.count] &+= 1
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try StoreSnapshot.read(path: path, fingerprint: store.fingerprint)
            Issue.record("read a snapshot of another format")
        } catch {
            guard case .stale = error else { Issue.record("\(error)"); return }
        }
        do {
            _ = try StoreSnapshot.read(path: temporaryPath("missing.snapshot"), fingerprint: store.fingerprint)
            Issue.record("read a missing snapshot")
        } catch {
            guard case .unavailable = error else { Issue.record("\(error)"); return }
        }
    }

    /// The data files hashed while the snapshot decodes: the store is returned only for the data
    /// it was made from.
    @Test func readingForADirectoryChecksItsFilesAsTheyAreNow() throws {
        let directory = temporaryPath("data")
        try FileManager.default.copyItem(atPath: shippedDataDirectory, toPath: directory)
        let store = try Store.load(directory: directory)
        let path = temporaryPath("directory.snapshot")
        try StoreSnapshot.write(store, to: path)
        try expectSameStore(store, try StoreSnapshot.read(path: path, dataDirectory: directory))
        // One byte more in quotes.json (the same records): other data.
        let quotes = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/quotes.json"))
        try quotes.seekToEnd()
        try quotes.write(contentsOf: Data("\n".utf8))
        try quotes.close()
        do {
            _ = try StoreSnapshot.read(path: path, dataDirectory: directory)
            Issue.record("read a snapshot of other data")
        } catch {
            guard case .stale = error else { Issue.record("\(error)"); return }
        }
        // A missing file: no fingerprint at all.
        try FileManager.default.removeItem(atPath: directory + "/quotes.json")
        #expect(throws: SnapshotError.self) { try StoreSnapshot.read(path: path, dataDirectory: directory) }
    }

    @Test func aDamagedOrTruncatedSnapshotIsRefused() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        let path = temporaryPath("damaged.snapshot")
        try StoreSnapshot.write(store, to: path)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var generator = DatasetGenerator.Random(state: 13)
        // Past the header (a change there makes it stale, tested above): a flipped bit anywhere in the
        // records, indexes or digest is caught by the digest.
        let headerEnd = StoreSnapshot.fixedHeaderSize + 2 * 65
        for _ in 0..<20 {
            var bytes = original
            bytes[Int.random(in: headerEnd..<bytes.count, using: &generator)] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            do {
                _ = try StoreSnapshot.read(path: path, fingerprint: store.fingerprint)
                Issue.record("read a damaged snapshot")
            } catch {
                guard case .damaged = error else { Issue.record("\(error)"); return }
            }
        }
        for length in [0, 10, headerEnd, original.count / 2, original.count - 1] {
            try Data(original.prefix(length)).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            #expect(throws: SnapshotError.self) { try StoreSnapshot.read(path: path, fingerprint: store.fingerprint) }
        }
    }

    /// The decoder's own checks, behind the digest: damage with a matching digest (as if the digest
    /// were forged) is refused or decoded, never a crash, a hang or an unbounded allocation.
    @Test func damageBehindAValidDigestNeverCrashesTheReader() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        let path = temporaryPath("forged.snapshot")
        try StoreSnapshot.write(store, to: path)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var generator = DatasetGenerator.Random(state: 17)
        // The fixed part, then the fingerprint, the analyser's identity (each a one-byte length and
        // its bytes) and the rules' version: damage goes behind them, into what the decoder checks.
        let headerEnd = StoreSnapshot.fixedHeaderSize + (1 + store.fingerprint.utf8.count)
            + (1 + StoreSnapshot.Dependencies().analyzer.utf8.count) + 1
        var refusedByTheDecoder = 0
        for _ in 0..<300 {
            var bytes = Array(original.dropLast(StoreSnapshot.digestSize))
            bytes[Int.random(in: headerEnd..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            // The forged digest covers what the reader hashes: everything after the length.
            let digest = Array(SHA256.hash(data: bytes[StoreSnapshot.fixedHeaderSize...]))
            try Data(bytes + digest).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            do {
                _ = try StoreSnapshot.read(path: path, fingerprint: store.fingerprint)
            } catch {
                if case .damaged(let reason) = error, reason != "checksum mismatch" { refusedByTheDecoder += 1 }
            }
        }
        // The digest matched every time: what was refused, the decoder's own checks refused.
        #expect(refusedByTheDecoder > 0)
    }
}
