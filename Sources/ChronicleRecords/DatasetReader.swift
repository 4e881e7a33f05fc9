// One load of a data directory, file by file: what each file decodes to, the problems found on the
// way (collected, so one run of `chronicle validate` lists everything), and the SHA-256 input of
// the dataset's fingerprint, fed in the order `Dataset.contentFingerprint` hashes the files.
import ChronicleText
import Foundation

struct DatasetReader {
    let base: URL
    private(set) var problems: [DatasetProblem] = []
    private var fingerprintInput: [UInt8] = []

    init(directory: String) {
        base = URL(fileURLWithPath: directory, isDirectory: true)
    }

    /// The fingerprint of everything read so far.
    var fingerprint: String { Digest.sha256Hex(fingerprintInput) }

    /// Decodes a JSON array record by record, so one bad record is reported without hiding the rest of the file.
    mutating func records<T: Decodable & Sendable>(_ name: String, as type: T.Type) -> [T] {
        let url = base.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else {
            problems.append(DatasetProblem(file: name, record: nil, message: "cannot read \(url.path)"))
            return []
        }
        fingerprintInput += Array(Digest.sha256Hex([UInt8](data)).utf8)
        do {
            let records = try ParallelJSON.decodeArray(T.self, from: data)
            var values: [T] = []
            values.reserveCapacity(records.count)
            for (index, record) in records.enumerated() {
                switch record {
                case .success(let value): values.append(value)
                case .failure(let error): problems.append(Dataset.describeRecord(error, file: name, data: data, index: index))
                }
            }
            return values
        } catch let error as DecodingError {
            problems.append(Dataset.describe(error, file: name, data: data))
        } catch {
            problems.append(DatasetProblem(file: name, record: nil, message: "\(error)"))
        }
        return []
    }

    /// dataset.json, when the directory has one.
    mutating func info(_ name: String) -> DatasetInfo? {
        guard let data = try? Data(contentsOf: base.appendingPathComponent(name)) else { return nil }
        fingerprintInput += Array(Digest.sha256Hex([UInt8](data)).utf8)
        do {
            return try JSONDecoder().decode(DatasetInfo.self, from: data)
        } catch let error as DecodingError {
            problems.append(Dataset.describe(error, file: name, data: data))
        } catch {
            problems.append(DatasetProblem(file: name, record: nil, message: "\(error)"))
        }
        return nil
    }

    /// Reads each document's text file and checks it against the digest and length its record declares.
    mutating func readTexts(of documents: inout [Document], listedIn listing: String) {
        for index in documents.indices {
            let document = documents[index]
            // Checked before anything is opened: a record must not make the loader read outside the data.
            guard document.hasSafeFile else {
                problems.append(DatasetProblem(
                    file: listing, record: document.id,
                    message: "file \"\(document.file)\" must be a relative path inside the data directory (no \"..\", not absolute)"))
                continue
            }
            let url = base.appendingPathComponent(document.file)
            guard let data = try? Data(contentsOf: url) else {
                problems.append(DatasetProblem(file: listing, record: document.id, message: "cannot read text file \(document.file)"))
                continue
            }
            let bytes = [UInt8](data)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                problems.append(DatasetProblem(file: document.file, record: document.id, message: "text is not valid UTF-8"))
                continue
            }
            let digest = Digest.sha256Hex(bytes)
            if digest != document.sha256.lowercased() {
                problems.append(DatasetProblem(
                    file: listing, record: document.id, message: "sha256 is \(document.sha256) but \(document.file) hashes to \(digest)"))
            }
            documents[index].setText(text)
            if documents[index].scalarCount != document.length {
                problems.append(DatasetProblem(
                    file: listing, record: document.id,
                    message: "length is \(document.length) but the text has \(documents[index].scalarCount) code points"))
            }
        }
        for document in documents { fingerprintInput += Array(document.sha256.utf8) }
    }

    /// The lexicon's stems (empty without the file).
    mutating func stems(_ name: String) -> WordSet {
        guard let data = try? Data(contentsOf: base.appendingPathComponent(name)) else { return WordSet([]) }
        let digest = Digest.sha256Hex([UInt8](data))
        fingerprintInput += Array(digest.utf8)
        return StemCache.stems(digest: digest, text: data)
    }
}
