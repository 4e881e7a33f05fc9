// Reading a data directory: documents.json (metadata) with the text files it names, actors.json,
// events.json and quotes.json. Decoding problems are collected per file, so one run of
// `chronicle validate` lists everything that is wrong.
import ChronicleText
import Foundation

/// The records of a data directory, decoded but not yet checked against each other.
public struct Dataset: Sendable {
    public var documents: [Document]
    public var actors: [Actor]
    public var events: [Event]
    public var quotes: [Quote]
    /// dataset.json, when the directory has one.
    public var info: DatasetInfo?
    /// Normalized Arabic stems from lexicon/ar-stems.txt (empty without it): what search takes for a word.
    package var stems = WordSet([])
    /// SHA-256 over the annotation files and the documents' digests: equal for equal data, on any
    /// replica and after any restart, so it can seed ETags.
    public var fingerprint: String

    public init(documents: [Document], actors: [Actor], events: [Event], quotes: [Quote], fingerprint: String = "") {
        self.documents = documents
        self.actors = actors
        self.events = events
        self.quotes = quotes
        self.fingerprint = fingerprint
    }

    public static let files = (
        documents: "documents.json", actors: "actors.json", events: "events.json", quotes: "quotes.json", info: "dataset.json",
        stems: "lexicon/ar-stems.txt")

    /// Reads and decodes every file, then checks the whole (see `DatasetValidator`).
    public static func load(directory: String) throws(DatasetError) -> Dataset {
        var problems: [DatasetProblem] = []
        var fingerprintInput: [UInt8] = []
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        func decode<T: Decodable & Sendable>(_ name: String, as type: [T].Type) -> [T] {
            let url = base.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                problems.append(DatasetProblem(file: name, record: nil, message: "cannot read \(url.path)"))
                return []
            }
            fingerprintInput += Array(Digest.sha256Hex([UInt8](data)).utf8)
            do {
                // Record by record, so one bad record is reported without hiding the rest of the file.
                let records = try ParallelJSON.decodeArray(T.self, from: data)
                var values: [T] = []
                values.reserveCapacity(records.count)
                for (index, record) in records.enumerated() {
                    switch record {
                    case .success(let value): values.append(value)
                    case .failure(let error): problems.append(describeRecord(error, file: name, data: data, index: index))
                    }
                }
                return values
            } catch let error as DecodingError {
                problems.append(describe(error, file: name, data: data))
            } catch {
                problems.append(DatasetProblem(file: name, record: nil, message: "\(error)"))
            }
            return []
        }
        var documents = decode(files.documents, as: [Document].self)
        let actors = decode(files.actors, as: [Actor].self)
        var events = decode(files.events, as: [Event].self)
        var quotes = decode(files.quotes, as: [Quote].self)
        var info: DatasetInfo?
        if let data = try? Data(contentsOf: base.appendingPathComponent(files.info)) {
            fingerprintInput += Array(Digest.sha256Hex([UInt8](data)).utf8)
            do {
                info = try JSONDecoder().decode(DatasetInfo.self, from: data)
            } catch let error as DecodingError {
                problems.append(describe(error, file: files.info, data: data))
            } catch {
                problems.append(DatasetProblem(file: files.info, record: nil, message: "\(error)"))
            }
        }
        Interner.share(&events, &quotes)
        for index in documents.indices {
            let document = documents[index]
            let url = base.appendingPathComponent(document.file)
            guard let data = try? Data(contentsOf: url) else {
                problems.append(DatasetProblem(file: files.documents, record: document.id, message: "cannot read text file \(document.file)"))
                continue
            }
            let bytes = [UInt8](data)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                problems.append(DatasetProblem(file: document.file, record: document.id, message: "text is not valid UTF-8"))
                continue
            }
            let digest = Digest.sha256Hex(bytes)
            if digest != document.sha256.lowercased() {
                problems.append(DatasetProblem(file: files.documents, record: document.id, message: "sha256 is \(document.sha256) but \(document.file) hashes to \(digest)"))
            }
            documents[index].setText(text)
            if documents[index].scalarCount != document.length {
                problems.append(DatasetProblem(file: files.documents, record: document.id, message: "length is \(document.length) but the text has \(documents[index].scalarCount) code points"))
            }
        }
        for document in documents { fingerprintInput += Array(document.sha256.utf8) }
        var stems = WordSet([])
        if let data = try? Data(contentsOf: base.appendingPathComponent(files.stems)) {
            let digest = Digest.sha256Hex([UInt8](data))
            fingerprintInput += Array(digest.utf8)
            stems = StemCache.stems(digest: digest, text: data)
        }
        var dataset = Dataset(documents: documents, actors: actors, events: events, quotes: quotes,
                              fingerprint: Digest.sha256Hex(fingerprintInput))
        dataset.info = info
        dataset.stems = stems
        problems += DatasetValidator.problems(in: dataset)
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
        for name in [files.documents, files.actors, files.events, files.quotes] {
            guard let hash = digest(name) else { return nil }
            input += Array(hash.utf8)
        }
        if exists(files.info) {
            guard let hash = digest(files.info) else { return nil }
            input += Array(hash.utf8)
        }
        guard let documentsFile = try? Data(contentsOf: base.appendingPathComponent(files.documents)),
              let documents = try? JSONDecoder().decode([Document].self, from: documentsFile) else { return nil }
        for document in documents {
            guard digest(document.file) == document.sha256.lowercased() else { return nil }
        }
        for document in documents { input += Array(document.sha256.utf8) }
        if exists(files.stems) {
            guard let hash = digest(files.stems) else { return nil }
            input += Array(hash.utf8)
        }
        return Digest.sha256Hex(input)
    }

    /// Names the record (its index and id when it has one) and the field a decoding error is about.
    /// Names the record at `index` (decoded on its own, so its coding path starts inside it).
    private static func describeRecord(_ error: any Error, file: String, data: Data, index: Int) -> DatasetProblem {
        guard let decoding = error as? DecodingError else { return DatasetProblem(file: file, record: "record \(index)", message: "\(error)") }
        return describe(decoding, file: file, data: data, index: index)
    }

    private static func describe(_ error: DecodingError, file: String, data: Data, index knownIndex: Int? = nil) -> DatasetProblem {
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
