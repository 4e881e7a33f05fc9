@testable import ChronicleGenerator
@testable import ChronicleRecords
@testable import ChronicleStore
@testable import ChronicleText
import CSystem
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

    func expectSameRecords<Kind: RecordKind>(_ kind: Kind.Type, _ a: Store, _ b: Store) throws {
        let x = a.records(kind), y = b.records(kind)
        #expect(x.count == y.count, "\(kind.collection)")
        for (one, other) in zip(x, y) where try json(one) != json(other) {
            Issue.record("\(kind.singular) \(one.id) differs after the snapshot")
            break
        }
    }

    /// Everything a store answers from: the records field by field (their JSON), documents' texts,
    /// every index, the lexicon.
    func expectSameStore(_ a: Store, _ b: Store) throws {
        #expect(a.fingerprint == b.fingerprint)
        #expect(try json(a.info) == json(b.info))
        // Every record type's records, field by field.
        for kind in RecordKinds.all { try expectSameRecords(kind, a, b) }
        #expect(a.documents.map(\.text) == b.documents.map(\.text))
        #expect(a.documents.map(\.scalarCount) == b.documents.map(\.scalarCount))
        for kind in RecordKinds.all {
            #expect(a.idTable(kind) == b.idTable(kind), "\(kind.collection)")
            #expect(a.declaredFields(kind) == b.declaredFields(kind), "\(kind.collection)")
            #expect((a.declaredText(kind) == nil) == (b.declaredText(kind) == nil), "\(kind.collection)")
            if let x = a.declaredText(kind), let y = b.declaredText(kind) {
                #expect(x.terms.bytes == y.terms.bytes && x.postingStarts == y.postingStarts && x.postings == y.postings)
            }
        }
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

    /// CRC-32C by instruction and by table against RFC 3720's vectors (appendix B.4) and the check value.
    @Test func crc32cGivesTheStandardValues() {
        let vectors: [([UInt8], UInt32)] = [
            ([UInt8](repeating: 0, count: 32), 0x8A91_36AA), ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
            (Array(0...31), 0x46DD_794E), (Array((0...31).reversed()), 0x113F_DB5C), (Array("123456789".utf8), 0xE306_9283),
        ]
        for (bytes, expected) in vectors {
            #expect(bytes.withUnsafeBytes { chronicle_crc32c(0, $0.baseAddress, $0.count) } == expected)
            #expect(bytes.withUnsafeBytes { chronicle_crc32c_portable(0, $0.baseAddress, $0.count) } == expected)
            // Continued over two parts, as over a file's pieces.
            let first = bytes.withUnsafeBytes { chronicle_crc32c(0, $0.baseAddress, 5) }
            #expect(bytes.withUnsafeBytes { chronicle_crc32c(first, $0.baseAddress! + 5, $0.count - 5) } == expected)
        }
    }

    /// Every index of the shipped data, digested, recorded under `StoreParts.derivationVersion`: a
    /// change to what an index holds (a key an event is filed under, the principal rule) must raise
    /// that version, or an index file made by an older build would answer differently from the files.
    // 2 put keys in normalization form C, which leaves the shipped data's ASCII ids as they were.
    // 3 added the month indexes; its digest was recorded again when the shipped data changed (new
    // ambiguous names) and when the analyser did (its identity is in the index file too): neither
    // needs a new version, since an index file names the data and the analyser it was made with.
    // 4 added events by the precision of their date (format 7).
    // 5 added the indexes record types declare (documents by language and kind; format 8).
    static let recordedIndexDigests = [
        1: "a18d9811a25f34502010c9309a3fc9247f55026a4e8638dc8ed5037369a46382",
        2: "a18d9811a25f34502010c9309a3fc9247f55026a4e8638dc8ed5037369a46382",
        3: "bcca40e8eefeb1822b16c999f9c1c0c5841f11c5d7245624a4842070e7994ad9",
        4: "23566e0606436c6f543253a8a98c83d39adbca05bf793e30a03bfd60b68428e0",
        5: "55a03b7f4cc32f7d94e43522f7b455cc7d4d28161c8d1603859dd04656cfd017",
    ]

    @Test func theIndexesChangeOnlyWithTheirDerivationVersion() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        var hasher = SHA256()
        func add<T>(_ values: FlatArray<T>) { values.withUnsafeBytes { hasher.update(bufferPointer: $0) } }
        for (path, _) in StoreParts.fieldIndexes {
            let index = store[keyPath: path.store]
            add(index.keys.bytes); add(index.keys.starts); add(index.starts); add(index.postings)
        }
        for (path, _) in Store.textIndexes {
            let index = store[keyPath: path]
            add(index.terms.bytes); add(index.terms.starts); add(index.postingStarts); add(index.postings)
        }
        for table in RecordKinds.all.map({ store.idTable($0) }) {
            add(table.ids.bytes); add(table.ids.starts); add(table.positions)
        }
        for days in [store.eventDays, store.quoteDays] { add(days.first); add(days.last) }
        for kind in RecordKinds.all {
            for (_, index) in store.declaredFields(kind).sorted(by: { $0.key < $1.key }) {
                add(index.keys.bytes); add(index.keys.starts); add(index.starts); add(index.postings)
            }
            if let index = store.declaredText(kind) {
                add(index.terms.bytes); add(index.terms.starts); add(index.postingStarts); add(index.postings)
            }
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(
            Self.recordedIndexDigests[StoreParts.derivationVersion] == digest,
            "the indexes changed: raise StoreParts.derivationVersion and record \(digest) under it")
    }

    @Test func theShippedDataReadsBackAsTheSameStore() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        let path = temporaryPath("shipped.snapshot")
        try StoreSnapshot.write(store, to: path)
        let fingerprint = try #require(Dataset.contentFingerprint(directory: shippedDataDirectory))
        #expect(fingerprint == store.fingerprint)
        let read = try StoreSnapshot.read(path: path, fingerprint: fingerprint)
        // Served from the file in place: records decoded when read, no index on the heap.
        #expect(read.events.isStored && read.quotes.isStored && !store.events.isStored)
        #expect(read.memoryProfile().filter { $0.part != "document texts" }.allSatisfy { $0.bytes == 0 }, "\(read.memoryProfile())")
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
        // A flipped bit anywhere, header, padding, sections or directory, is caught by a checksum,
        // or (in the magic, version or byte-order mark) makes the file another format's.
        for _ in 0..<40 {
            var bytes = original
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            do {
                _ = try StoreSnapshot.read(path: path, fingerprint: store.fingerprint)
                Issue.record("read a damaged index file")
            } catch {
                switch error {
                case .damaged, .stale: break
                default: Issue.record("\(error)")
                }
            }
        }
        for length in [0, 10, StoreSnapshot.fixedHeaderSize, original.count / 2, original.count - 1] {
            try Data(original.prefix(length)).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            #expect(throws: SnapshotError.self) { try StoreSnapshot.read(path: path, fingerprint: store.fingerprint) }
        }
    }

    /// Rewrites the file at `path` with `change` applied to one byte of section `section`, and every
    /// checksum made to match again, as a forger would.
    func forge(_ path: String, section number: Int, at fraction: Double, _ change: (inout UInt8) -> Void) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let header = try SnapshotHeader(descriptor: descriptor, path: path)
        var sections = header.sections
        let section = sections[number]
        guard section.length > 0 else { return }
        let offset = min(section.length - 1, Int(Double(section.length) * fraction))
        change(&bytes[section.offset + offset])
        var start = section.offset
        for (index, piece) in section.pieces.enumerated() {
            if offset >= start - section.offset && offset < start - section.offset + piece.length {
                sections[number].pieces[index].crc = bytes[start..<(start + piece.length)].withUnsafeBytes {
                    chronicle_crc32c(0, $0.baseAddress, $0.count)
                }
            }
            start += piece.length
        }
        let directory = StoreSnapshot.directoryBytes(header.fingerprint, StoreSnapshot.Dependencies(), sections)
        var body = Array(bytes[StoreSnapshot.fixedHeaderSize..<header.directoryOffset])
        body += directory
        let fixed = StoreSnapshot.fixedHeader(
            length: StoreSnapshot.fixedHeaderSize + body.count, directoryOffset: header.directoryOffset, directory: directory)
        try Data(fixed + body).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
    }

    /// The reader's own checks, behind the checksums: damage with matching checksums (as if they
    /// were forged) in the sections read at open is refused or read, never a crash, a hang or an
    /// unbounded allocation; in the records, which are decoded when read, `verify` (what
    /// `chronicle index --verify` runs) refuses it or decodes it.
    @Test func damageBehindValidChecksumsNeverCrashesTheReader() throws {
        let store = try Store.load(directory: shippedDataDirectory)
        let path = temporaryPath("forged.snapshot")
        try StoreSnapshot.write(store, to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let sectionCount = try {
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            return try SnapshotHeader(descriptor: descriptor, path: path).sections.count
        }()
        var generator = DatasetGenerator.Random(state: 17)
        var refusedByTheReader = 0, refusedByVerify = 0
        for round in 0..<400 {
            try original.write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            // Every fourth round damages the records (sections 5 and 7: the events' and the quotes' bytes).
            let section = round % 4 == 0 ? [5, 7][round / 4 % 2] : Int.random(in: 0..<sectionCount, using: &generator)
            let value = UInt8.random(in: 0...255, using: &generator)
            try forge(path, section: section, at: Double.random(in: 0..<1, using: &generator)) { $0 = value }
            do {
                _ = try StoreSnapshot.verify(path: path)
            } catch {
                guard case .damaged(let reason) = error else { Issue.record("\(error)"); continue }
                #expect(!reason.contains("checksum"), "\(reason)")
                if section == 5 || section == 7 { refusedByVerify += 1 } else { refusedByTheReader += 1 }
            }
        }
        // The checksums matched every time: what was refused, the reader's own checks refused.
        #expect(refusedByTheReader > 0)
        #expect(refusedByVerify > 0)
    }
}
