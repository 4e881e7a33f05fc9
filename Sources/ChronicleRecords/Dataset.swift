// Reading a data directory: documents.json (metadata) with the text files it names, actors.json,
// events.json and quotes.json. Decoding problems are collected per file, so one run of
// `chronicle validate` lists everything that is wrong.
import ChronicleText
import Foundation

/// The records of a data directory, decoded but not yet checked against each other: one collection
/// per record type of `RecordKinds.all` (`dataset[Event.self]`, or `dataset.events`).
public struct Dataset: Sendable {
    /// Each record type's records, keyed by the type.
    private var collections: [ObjectIdentifier: any Sendable] = [:]
    /// dataset.json, when the directory has one.
    public var info: DatasetInfo?
    /// Normalized Arabic stems from lexicon/ar-stems.txt (empty without it): what search takes for a word.
    package var stems = WordSet([])
    /// SHA-256 over the annotation files and the documents' digests: equal for equal data, on any
    /// replica and after any restart, so it can seed ETags.
    public var fingerprint: String

    public init(documents: [Document], actors: [Actor], events: [Event], quotes: [Quote], fingerprint: String = "") {
        self.fingerprint = fingerprint
        self.documents = documents
        self.actors = actors
        self.events = events
        self.quotes = quotes
    }

    package init(fingerprint: String = "") {
        self.fingerprint = fingerprint
    }

    /// The records of one type (empty when there are none).
    package subscript<Kind: RecordKind>(_ kind: Kind.Type) -> [Kind] {
        get { collections[ObjectIdentifier(kind)] as? [Kind] ?? [] }
        set { collections[ObjectIdentifier(kind)] = newValue }
    }

    /// Takes the records of one type out, so they can be changed in place without a copy.
    mutating func take<Kind: RecordKind>(_ kind: Kind.Type) -> [Kind] {
        collections.removeValue(forKey: ObjectIdentifier(kind)) as? [Kind] ?? []
    }

    public static let files = (
        documents: Document.file, actors: Actor.file, events: Event.file, quotes: Quote.file, info: "dataset.json",
        stems: "lexicon/ar-stems.txt")

    /// Reads and decodes every file, then checks the whole (see `DatasetValidator`).
    public static func load(directory: String) throws(DatasetError) -> Dataset {
        var reader = DatasetReader(directory: directory)
        var dataset = Dataset()
        // Every record type's file, in the order the fingerprint takes them.
        for kind in RecordKinds.all { dataset.read(kind, with: &reader) }
        dataset.info = reader.info(files.info)
        var events = dataset.take(Event.self), quotes = dataset.take(Quote.self), documents = dataset.take(Document.self)
        Interner.share(&events, &quotes)
        reader.readTexts(of: &documents, listedIn: files.documents)
        (dataset.events, dataset.quotes, dataset.documents) = (events, quotes, documents)
        dataset.stems = reader.stems(files.stems)
        dataset.fingerprint = reader.fingerprint
        let problems = reader.problems + DatasetValidator.problems(in: dataset)
        if !problems.isEmpty { throw DatasetError(problems) }
        return dataset
    }

    /// The fingerprint `load` would give the directory, computed without decoding or indexing the
    /// records: the SHA-256 of each file the loader reads, in the loader's order, with every document
    /// file checked against its declared digest. Nil when a file is missing or a document does not
    /// match its digest (a full load then reports it). Equal fingerprints mean byte-identical data,
    /// so a reload that finds the fingerprint of the data it serves has nothing to load.
    public static func contentFingerprint(directory: String) -> String? {
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        // Files are hashed as they are read, never held whole (events.json of a million events is
        // most of a gigabyte); only documents.json is decoded, for the document files it names.
        func digest(_ name: String) -> String? { Digest.sha256Hex(fileAtPath: base.appendingPathComponent(name).path) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: base.appendingPathComponent(name).path) }
        var input: [UInt8] = []
        for kind in RecordKinds.all {
            guard let hash = digest(kind.file) else { return nil }
            input += Array(hash.utf8)
        }
        if exists(files.info) {
            guard let hash = digest(files.info) else { return nil }
            input += Array(hash.utf8)
        }
        guard let documentsFile = try? Data(contentsOf: base.appendingPathComponent(files.documents)),
              let documents = try? JSONDecoder().decode([Document].self, from: documentsFile) else { return nil }
        for document in documents {
            guard document.hasSafeFile, digest(document.file) == document.sha256.lowercased() else { return nil }
        }
        for document in documents { input += Array(document.sha256.utf8) }
        if exists(files.stems) {
            guard let hash = digest(files.stems) else { return nil }
            input += Array(hash.utf8)
        }
        return Digest.sha256Hex(input)
    }

    /// Reads one record type's file into its collection.
    private mutating func read<Kind: RecordKind>(_ kind: Kind.Type, with reader: inout DatasetReader) {
        self[kind] = reader.records(kind.file, as: kind)
    }

    /// Names the record (its index and id when it has one) and the field a decoding error is about.
    /// Names the record at `index` (decoded on its own, so its coding path starts inside it).
    static func describeRecord(_ error: any Error, file: String, data: Data, index: Int) -> DatasetProblem {
        guard let decoding = error as? DecodingError else {
            return DatasetProblem(file: file, record: "record \(index)", message: "\(error)")
        }
        return describe(decoding, file: file, data: data, index: index)
    }

    static func describe(_ error: DecodingError, file: String, data: Data, index knownIndex: Int? = nil) -> DatasetProblem {
        let (path, message): ([any CodingKey], String) = {
            switch error {
            case .dataCorrupted(let context): return (context.codingPath, context.debugDescription)
            case .keyNotFound(let key, let context): return (context.codingPath, "missing field \"\(key.stringValue)\"")
            case .typeMismatch(_, let context): return (context.codingPath, context.debugDescription)
            case .valueNotFound(_, let context): return (context.codingPath, context.debugDescription)
            @unknown default: return ([], "\(error)")
            }
        }()
        guard let index = knownIndex ?? path.first?.intValue else { return DatasetProblem(file: file, record: nil, message: message) }
        var record = "record \(index)"
        if let boundaries = ParallelJSON.elementBoundaries([UInt8](data)), index < boundaries.count,
           let object = try? JSONSerialization.jsonObject(with: data.subdata(in: boundaries[index])) as? [String: Any],
           let id = object["id"] as? String {
            record += " (\(id))"
        }
        let field = path.dropFirst().map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return DatasetProblem(file: file, record: record, message: field.isEmpty ? message : "\(field): \(message)")
    }
}
