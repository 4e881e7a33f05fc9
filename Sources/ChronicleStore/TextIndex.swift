// An inverted index of stemmed tokens with prefix lookup. Built in two steps: the raw tokens of
// every record (in parallel), then, once the corpus's lexicon is known, each distinct token is
// stemmed once and the postings of tokens with one stem are merged. The vocabulary is sorted by
// UTF-8 bytes (code-point order), so all terms sharing a prefix are one contiguous range found by
// binary search. Words written in capitals (UN, ONU) are also indexed as acronym terms, marked with
// a leading 0x01 byte, which only an acronym in a query looks up.

import ChronicleText
import ChronicleRecords
import Dispatch
import Foundation

struct TextIndex: Sendable {
    static let acronymMarker = TextNormalizer.acronymMarker

    /// The stemmed terms, sorted by UTF-8 bytes.
    let terms: WordSet
    /// Where each term's records start in `postings`; one more entry marks the end of the last.
    let postingStarts: FlatArray<Int32>
    /// Every term's records, ascending, one list after the other: two flat arrays instead of an
    /// array per term (a million events have millions of terms). Both may lie in the index file.
    let postings: FlatArray<Int32>

    /// Raw tokens and their postings, before stemming.
    struct Raw: Sendable {
        let tokens: [[UInt8]: [Int32]]

        /// Tokenizes `count` records, asking `strings` for each record's texts.
        init(count: Int, strings: @Sendable (Int) -> [String]) {
            // Records are split into contiguous ranges tokenized in parallel; merging in range order
            // keeps every posting list ascending.
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let chunks = count < 10_000 ? 1 : cores * 2
            let perChunk = (count + chunks - 1) / max(chunks, 1)
            let partial = ResultSlots<[[UInt8]: [Int32]]>(count: chunks)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var map: [[UInt8]: [Int32]] = [:]
                func add(_ form: [UInt8], _ id: Int32) {
                    if map[form]?.last != id { map[form, default: []].append(id) }
                }
                for record in (chunk * perChunk)..<min(count, (chunk + 1) * perChunk) {
                    let id = Int32(record)
                    for string in strings(record) {
                        TextNormalizer.forEachToken(string) { token in
                            add(token.bytes, id)
                            if token.isAcronym { add([TextIndex.acronymMarker] + token.bytes, id) }
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
            tokens = merged
        }
    }

    /// `stem` is the lexicon's (see `Lexicon.forIndexing`).
    init(_ raw: Raw, stem: ([UInt8]) -> [UInt8]) {
        var byStem: [[UInt8]: [[Int32]]] = [:]
        for (token, ids) in raw.tokens {
            let stem = token.first == Self.acronymMarker ? token : stem(token)
            byStem[stem, default: []].append(ids)
        }
        let sorted = byStem.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        terms = WordSet(sorted.map(\.key))
        var starts: [Int32] = [0], postings: [Int32] = []
        starts.reserveCapacity(sorted.count + 1)
        for (_, lists) in sorted {
            postings.append(contentsOf: lists.count == 1 ? lists[0] : SortedIDs.union(lists))
            precondition(postings.count <= Int(Int32.max), "more postings than a text index holds")
            starts.append(Int32(postings.count))
        }
        postingStarts = FlatArray(starts)
        self.postings = FlatArray(postings)
    }

    /// An index as an index file holds it.
    init(terms: WordSet, postingStarts: FlatArray<Int32>, postings: FlatArray<Int32>) {
        self.terms = terms
        self.postingStarts = postingStarts
        self.postings = postings
    }

    /// Whether the index has exactly this term.
    func contains(_ term: [UInt8]) -> Bool {
        let index = terms.lowerBound(term)
        return index < terms.count && terms.compare(index, term) == 0
    }

    /// Records that have exactly this term: names are matched as whole names.
    func records(exactly term: [UInt8]) -> [Int32] {
        let index = terms.lowerBound(term)
        guard index < terms.count, terms.compare(index, term) == 0 else { return [] }
        return records(ofTerm: index)
    }

    func records(withPrefix prefix: [UInt8]) -> [Int32] {
        var lists: [[Int32]] = []
        var index = terms.lowerBound(prefix)
        while index < terms.count, terms.word(index, startsWith: prefix) {
            lists.append(records(ofTerm: index))
            index += 1
        }
        return lists.count == 1 ? lists[0] : SortedIDs.union(lists)
    }

    private func records(ofTerm index: Int) -> [Int32] {
        postings.copy(Int(postingStarts[index])..<Int(postingStarts[index + 1]))
    }

    /// Bytes of heap this index holds (none when it lies in a mapped file).
    var ownedBytes: Int { terms.bytes.ownedBytes + terms.starts.ownedBytes + postingStarts.ownedBytes + postings.ownedBytes }
}
