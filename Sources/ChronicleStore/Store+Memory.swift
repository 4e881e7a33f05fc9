// What a store's parts take in memory, for capacity planning (`chronicle bench-queries`): the
// indexes are counted from their arrays and tables; the records are what the allocator handed out
// for the store beyond them (the caller measures the whole).

extension Store {
    /// Bytes of each index and of the documents' texts, largest first.
    public func memoryProfile() -> [(part: String, bytes: Int)] {
        func heap(_ string: String) -> Int { string.utf8.count > 15 ? string.utf8.count + 32 : 0 }
        func array<T>(_ values: [T]) -> Int { values.isEmpty ? 0 : values.capacity * MemoryLayout<T>.stride + 32 }
        func text(_ index: TextIndex) -> Int {
            array(index.terms.bytes) + array(index.terms.starts) + array(index.postingStarts) + array(index.postings)
        }
        // A Swift dictionary keeps at most 75 % of its buckets full; a bucket holds the key and value.
        func table<V>(_ dictionary: [String: V], value: (V) -> Int) -> Int {
            dictionary.capacity * 4 / 3 * (MemoryLayout<String>.stride + MemoryLayout<V>.stride)
                + dictionary.reduce(0) { $0 + heap($1.key) + value($1.value) }
        }
        let fields = [eventsByActor, eventsByType, eventsByDocument, eventsByCountry, quotesBySpeaker, quotesByEvent, quotesByLanguage]
        let parts: [(String, Int)] = [
            ("text indexes (terms and postings)", text(eventText) + text(quoteText) + text(actorNames)),
            (
                "lexicon",
                array(lexicon.stems.bytes) + array(lexicon.stems.starts) + array(lexicon.corpusWords.bytes)
                    + array(lexicon.corpusWords.starts)
            ),
            ("id lookups", [documentPositions, actorPositions, eventPositions, quotePositions].reduce(0) { $0 + table($1) { _ in 0 } }),
            ("field indexes", fields.reduce(0) { $0 + table($1) { array($0) } }),
            ("date intervals", array(eventDays.first) + array(eventDays.last) + array(quoteDays.first) + array(quoteDays.last)),
            ("document texts", documents.reduce(0) { $0 + heap($1.text) + array($1.utf8) + array($1.checkpoints) }),
        ]
        return parts.sorted { $0.1 > $1.1 }.map { (part: $0.0, bytes: $0.1) }
    }
}
