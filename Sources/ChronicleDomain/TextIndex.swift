// An inverted index of normalized tokens with prefix lookup. The vocabulary is sorted by UTF-8
// bytes (which is code-point order), so all tokens sharing a prefix are one contiguous range
// found by binary search. A query matches records that contain every query token as a prefix
// of some token: "alger" finds "Algérie", "الجزائر" finds "والجزائر" and "الجزائري".

import Dispatch
import Foundation

struct TextIndex: Sendable {
    private let vocabulary: [[UInt8]]
    private let postings: [[Int32]]

    /// Indexes `count` records, asking `strings` for each record's texts (so callers need not
    /// build all the texts at once).
    init(count: Int, strings: @Sendable (Int) -> [String]) {
        // Records are split into contiguous ranges indexed in parallel; merging in range order keeps
        // every posting list ascending.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = count < 10_000 ? 1 : cores * 2
        let perChunk = (count + chunks - 1) / max(chunks, 1)
        let partial = ResultSlots<[[UInt8]: [Int32]]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var map: [[UInt8]: [Int32]] = [:]
            for record in (chunk * perChunk)..<min(count, (chunk + 1) * perChunk) {
                let id = Int32(record)
                for string in strings(record) {
                    TextNormalizer.forEachToken(string) { token in
                        TextNormalizer.indexForms(token) { form in
                            if map[form]?.last != id { map[form, default: []].append(id) }
                        }
                    }
                }
            }
            partial.set(chunk, map)
        }
        var maps = partial.all
        var merged = maps.isEmpty ? [:] : maps.removeFirst()
        for map in maps {
            for (token, ids) in map { merged[token, default: []].append(contentsOf: ids) }
        }
        let sorted = merged.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        vocabulary = sorted.map(\.key)
        postings = sorted.map(\.value)
    }

    /// Sorted record numbers matching every token of `query`; nil when the query has no token.
    func search(_ query: String) -> [Int32]? {
        search(query) { records(withPrefix: $0) }
    }

    /// The query's tokens in their lookup form, or nil when it has none.
    static func queryTokens(_ query: String) -> [[UInt8]]? {
        var forms = Set<[UInt8]>()
        TextNormalizer.forEachToken(query) { forms.insert(TextNormalizer.queryForm($0)) }
        return forms.isEmpty ? nil : forms.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Records matching every token, where `matches` says which records a token matches.
    func search(_ query: String, matches: ([UInt8]) -> [Int32]) -> [Int32]? {
        guard let tokens = Self.queryTokens(query) else { return nil }
        var result: [Int32]?
        for token in tokens {
            let matches = matches(token)
            result = result.map { SortedIDs.intersect($0, matches) } ?? matches
            if result?.isEmpty == true { break }
        }
        return result ?? []
    }

    func records(withPrefix prefix: [UInt8]) -> [Int32] {
        var low = 0, high = vocabulary.count
        while low < high {
            let mid = (low + high) / 2
            if vocabulary[mid].lexicographicallyPrecedes(prefix) { low = mid + 1 } else { high = mid }
        }
        var lists: [[Int32]] = []
        var index = low
        while index < vocabulary.count, vocabulary[index].starts(with: prefix) {
            lists.append(postings[index])
            index += 1
        }
        return SortedIDs.union(lists)
    }
}
