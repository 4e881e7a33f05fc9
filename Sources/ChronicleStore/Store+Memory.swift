// What a store's parts take in memory, for capacity planning (`chronicle bench-queries`): the
// indexes are counted from their arrays and tables; the records are what the allocator handed out
// for the store beyond them (the caller measures the whole).
import ChronicleRecords

extension Store {
    /// Bytes of heap each index and the documents' texts hold, largest first (an index that lies in
    /// a mapped index file holds none).
    public func memoryProfile() -> [(part: String, bytes: Int)] {
        func heap(_ string: String) -> Int { string.utf8.count > 15 ? string.utf8.count + 32 : 0 }
        func array<T>(_ values: [T]) -> Int { values.isEmpty ? 0 : values.capacity * MemoryLayout<T>.stride + 32 }
        // Every field index the index file lists, and every type's id lookup.
        let fields = StoreParts.fieldIndexes.map { self[keyPath: $0.index.store] }
        let lookups = RecordKinds.all.reduce(0) { $0 + idTable($1).ownedBytes }
        // The indexes other record types declare.
        let declared = RecordKinds.all.map { declaredIndexBytes($0) }
        let declaredFields = declared.reduce(0) { $0 + $1.fields }, declaredText = declared.reduce(0) { $0 + $1.text }
        let days = [eventDays, quoteDays].reduce(0) { $0 + $1.first.ownedBytes + $1.last.ownedBytes }
        let parts: [(String, Int)] = [
            ("text indexes (terms and postings)", eventText.ownedBytes + quoteText.ownedBytes + actorNames.ownedBytes + declaredText),
            (
                "lexicon",
                lexicon.stems.bytes.ownedBytes + lexicon.stems.starts.ownedBytes + lexicon.corpusWords.bytes.ownedBytes
                    + lexicon.corpusWords.starts.ownedBytes
            ),
            ("id lookups", lookups),
            ("field indexes", fields.reduce(0) { $0 + $1.ownedBytes } + declaredFields),
            ("date intervals", days),
            ("document texts", documents.reduce(0) { $0 + heap($1.text) + array($1.utf8) + array($1.checkpoints) }),
        ]
        return parts.sorted { $0.1 > $1.1 }.map { (part: $0.0, bytes: $0.1) }
    }

    private func declaredIndexBytes<Kind: RecordKind>(_ kind: Kind.Type) -> (fields: Int, text: Int) {
        let table = tables[kind]
        return (table.fields.values.reduce(0) { $0 + $1.ownedBytes }, table.text?.ownedBytes ?? 0)
    }
}
