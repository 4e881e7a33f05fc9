// An inverted index of normalized tokens with prefix lookup. The vocabulary is sorted by UTF-8
// bytes (which is code-point order), so all tokens sharing a prefix are one contiguous range
// found by binary search. A query matches records that contain every query token as a prefix
// of some token: "alger" finds "Algérie", "الجزائر" finds "والجزائر" and "الجزائري".

struct TextIndex: Sendable {
    private let vocabulary: [[UInt8]]
    private let postings: [[Int32]]

    /// `texts[i]` are the strings of record `i`.
    init(_ texts: [[String]]) {
        var map: [String: [Int32]] = [:]
        for (record, strings) in texts.enumerated() {
            let id = Int32(record)
            for string in strings {
                for token in TextNormalizer.tokens(string) {
                    for form in TextNormalizer.indexForms(token) where map[form]?.last != id {
                        map[form, default: []].append(id)
                    }
                }
            }
        }
        let sorted = map.map { (Array($0.key.utf8), $0.value) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        vocabulary = sorted.map(\.0)
        postings = sorted.map(\.1)
    }

    /// Sorted record numbers matching every token of `query`; nil when the query has no token.
    func search(_ query: String) -> [Int32]? {
        let tokens = TextNormalizer.tokens(query)
        guard !tokens.isEmpty else { return nil }
        var result: [Int32]?
        for token in Set(tokens.map(TextNormalizer.queryForm)).sorted() {
            let matches = records(withPrefix: Array(token.utf8))
            result = result.map { SortedIDs.intersect($0, matches) } ?? matches
            if result?.isEmpty == true { break }
        }
        return result ?? []
    }

    private func records(withPrefix prefix: [UInt8]) -> [Int32] {
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
