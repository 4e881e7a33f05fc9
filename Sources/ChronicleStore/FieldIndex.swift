// The records that have each value of one field (an actor, a type code, a country): the values
// sorted by their UTF-8 bytes, and each one's ascending positions, one list after the other in a
// flat array. Like `TextIndex`, all three arrays may lie in the index file.
import ChronicleText

struct FieldIndex: Sendable, Equatable {
    let keys: WordSet
    /// Where each key's positions start in `postings`; one more entry marks the end of the last.
    let starts: FlatArray<Int32>
    let postings: FlatArray<Int32>

    init(_ lists: [String: [Int32]]) {
        // Canonically equivalent keys are one key of the dictionary already (Swift's String equality).
        let sorted = lists.map { (key: Array(CanonicalKey.of($0.key).utf8), positions: $0.value) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        keys = WordSet(bytes: FlatArray(sorted.flatMap(\.key)), starts: FlatArray(IDTable.starts(sorted.map(\.key.count))))
        starts = FlatArray(IDTable.starts(sorted.map(\.positions.count)))
        postings = FlatArray(sorted.flatMap(\.positions))
    }

    /// An index as an index file holds it.
    init(keys: WordSet, starts: FlatArray<Int32>, postings: FlatArray<Int32>) {
        self.keys = keys
        self.starts = starts
        self.postings = postings
    }

    /// The positions of records that have `key`, ascending; nil when none has it.
    subscript(key: String) -> [Int32]? {
        slot(of: key).map { postings.copy(Int(starts[$0])..<Int(starts[$0 + 1])) }
    }

    /// Whether some record has `key`, without copying its postings.
    func contains(_ key: String) -> Bool { slot(of: key) != nil }

    private func slot(of key: String) -> Int? {
        var key = CanonicalKey.of(key)
        return key.withUTF8 { bytes in
            let index = keys.lowerBound(bytes)
            guard index < keys.count, keys.compare(index, bytes) == 0 else { return nil }
            return index
        }
    }

    var count: Int { keys.count }

    /// Every key, in byte order.
    var keyStrings: [String] { (0..<keys.count).map { String(decoding: keys.word($0), as: UTF8.self) } }

    /// Bytes of heap this index holds (none when it lies in a mapped file).
    var ownedBytes: Int { keys.bytes.ownedBytes + keys.starts.ownedBytes + starts.ownedBytes + postings.ownedBytes }
}
