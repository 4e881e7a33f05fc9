import ArgumentParser
import ChronicleRecords
import Foundation

/// A document file as `extract` and `add` take it: readable, not empty, not too large, UTF-8.
/// Each problem is a clear message and exit status 1, never a crash.
struct DocumentInput {
    static let maxBytes = 10 << 20

    let path: String
    let bytes: [UInt8]
    let text: String

    init(_ path: String, command: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Self.fail(command, "\(path): no such file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > Self.maxBytes {
            throw Self.fail(command, "\(path): \(size) bytes; documents are at most \(Self.maxBytes) bytes (10 MiB)")
        }
        // Said before reading: reading an empty file leaks Foundation's read buffer (4 KiB,
        // FoundationEssentials' readBytesFromFile, seen under LeakSanitizer).
        if let size = attributes?[.size] as? Int, size == 0, attributes?[.type] as? FileAttributeType == .typeRegular {
            throw Self.fail(command, "\(path): the file is empty")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Self.fail(command, "\(path): cannot be read") }
        guard data.count <= Self.maxBytes else {
            throw Self.fail(command, "\(path): documents are at most \(Self.maxBytes) bytes (10 MiB)")
        }
        guard !data.isEmpty else { throw Self.fail(command, "\(path): the file is empty") }
        bytes = Array(data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidByte(bytes)
            throw Self.fail(
                command,
                "\(path): not UTF-8 text (invalid byte 0x\(String(bytes[offset], radix: 16)) at offset \(offset)); convert it first, "
                    + "e.g. iconv -f WINDOWS-1256 -t UTF-8"
            )
        }
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            throw Self.fail(command, "\(path): no letters in the file")
        }
        self.text = text
    }

    /// The options `extract` and `add` share: --lang and --published.
    static func check(lang: String?, published: String?) throws {
        if let lang, !["ar", "fr", "en"].contains(lang) { throw ValidationError("--lang is ar, fr or en; got \"\(lang)\"") }
        if let published, EDTFDate(published) == nil || EDTFDate(published)?.precision == .interval {
            throw ValidationError("--published is a date written YYYY, YYYY-MM or YYYY-MM-DD; got \"\(published)\"")
        }
    }

    static func fail(_ command: String, _ message: String) -> ExitCode {
        printError("\(command): \(message)")
        return ExitCode(1)
    }

    /// The offset where decoding first fails (the start of the first invalid sequence).
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return min(offset, bytes.count - 1)
            }
        }
    }
}
