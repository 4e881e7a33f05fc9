// Decoding a large JSON array on every core: one fast pass finds the top-level element
// boundaries (tracking strings and nesting), the elements are cut into one slice per core, and each
// slice is decoded by its own JSONDecoder. Elements decode independently, so one bad record is
// reported with its index without hiding the others.
import Dispatch
import Foundation

package enum ParallelJSON {
    /// Each element's value or decoding error, in order. Throws only when `data` is not a JSON array.
    package static func decodeArray<T: Decodable & Sendable>(_ type: T.Type, from data: Data) throws -> [Result<T, any Error>] {
        let bytes = [UInt8](data)
        guard let boundaries = elementBoundaries(bytes) else {
            // Not an array we can split: let JSONDecoder produce its own error.
            return try JSONDecoder().decode([Failable<T>].self, from: data).map(\.result)
        }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkCount = boundaries.count < 1024 ? 1 : min(cores * 4, boundaries.count)
        let perChunk = (boundaries.count + chunkCount - 1) / max(chunkCount, 1)
        let results = ResultSlots<[Result<T, any Error>]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * perChunk)..<min(boundaries.count, (chunk + 1) * perChunk)
            guard !range.isEmpty else { results.set(chunk, []); return }
            var slice: [UInt8] = [UInt8(ascii: "[")]
            for (offset, index) in range.enumerated() {
                if offset > 0 { slice.append(UInt8(ascii: ",")) }
                slice.append(contentsOf: bytes[boundaries[index]])
            }
            slice.append(UInt8(ascii: "]"))
            do {
                results.set(chunk, try JSONDecoder().decode([Failable<T>].self, from: Data(slice)).map(\.result))
            } catch {
                // Not valid JSON somewhere in the chunk, which fails it whole: its elements one by one,
                // so only the broken one fails, saying where it starts in the file.
                results.set(chunk, range.map { index in
                    do {
                        return try JSONDecoder().decode(Failable<T>.self, from: Data(bytes[boundaries[index]])).result
                    } catch {
                        return .failure(SyntaxError(bytes, at: boundaries[index].lowerBound, error))
                    }
                })
            }
        }
        return results.all.flatMap { $0 }
    }

    /// An element that is not valid JSON, with where it starts in the file (1-based line and column,
    /// counted in bytes) and the decoder's own words.
    package struct SyntaxError: Error, CustomStringConvertible {
        package let line: Int
        package let column: Int
        package let reason: String

        init(_ bytes: [UInt8], at offset: Int, _ error: any Error) {
            var line = 1, lineStart = 0
            for index in 0..<offset where bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            self.line = line
            column = offset - lineStart + 1
            if case .dataCorrupted(let context) = error as? DecodingError {
                reason = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
            } else {
                reason = "\(error)"
            }
        }

        package var description: String {
            "the record that starts at line \(line), column \(column) is not valid JSON: \(reason)"
        }
    }

    /// Byte ranges of the top-level elements of a JSON array, or nil when `bytes` is not one.
    package static func elementBoundaries(_ bytes: [UInt8]) -> [Range<Int>]? {
        var index = 0
        func skipSpace() { while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 } }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        var ranges: [Range<Int>] = []
        var depth = 0, start = -1, inString = false, escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    if start < 0 { start = index }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if start < 0 { start = index }
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 {  // the array's own closing bracket
                        if start >= 0 { ranges.append(start..<index) }
                        return ranges
                    }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 {
                        guard start >= 0 else { return nil }
                        ranges.append(start..<index)
                        start = -1
                    }
                case 0x20, 0x09, 0x0A, 0x0D:
                    break
                default:
                    if start < 0 { start = index }
                }
            }
            index += 1
        }
        return nil
    }
}

/// Per-chunk results written from concurrent workers, each to its own slot.
package final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    package var all: [T] { slots.compactMap { $0 } }
}

/// One array element decoded on its own: its value or why it failed (the error keeps its coding path).
package struct Failable<T: Decodable>: Decodable {
    package let result: Result<T, any Error>

    package init(from decoder: any Decoder) throws {
        do {
            result = .success(try T(from: decoder))
        } catch {
            result = .failure(error)
        }
    }
}
