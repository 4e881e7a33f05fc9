import ChronicleSync
import Foundation

/// The normalized stems of a lexicon file, made once per process for each file content (a reload
/// of the same data, or many test stores, reuse them).
package enum StemCache {
    private static let cache = Locked<[String: WordSet]>([:])

    package static func stems(digest: String, text: Data) -> WordSet {
        if let cached = cache.withLock({ $0[digest] }) { return cached }
        var words: [[UInt8]] = []
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            var tokens: [[UInt8]] = []
            TextNormalizer.forEachToken(String(line)) { tokens.append($0.bytes) }
            if tokens.count == 1 { words.append(tokens[0]) }
        }
        let stems = WordSet(words)
        cache.withLock { $0[digest] = stems }
        return stems
    }
}
