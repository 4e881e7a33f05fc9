/// A set of byte strings (normalized words) kept flat: every word's bytes in one buffer, sorted,
/// with one offset per word, and membership by binary search. The lexicon's 108,000 stems take
/// about 1.5 MB this way, against some 10 MB as a `Set<[UInt8]>` (a heap array per word, and the
/// hash table twice over once the corpus's words were added to a copy).
package struct WordSet: Sendable {
    package let bytes: [UInt8]
    /// Where each word starts in `bytes`; one more entry marks the end of the last.
    package let starts: [Int32]

    package init(_ words: some Sequence<[UInt8]>) {
        var sorted = Array(words)
        sorted.sort { $0.lexicographicallyPrecedes($1) }
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        bytes.reserveCapacity(sorted.reduce(0) { $0 + $1.count })
        starts.reserveCapacity(sorted.count + 1)
        var previous: [UInt8]?
        for word in sorted where word != previous {
            bytes.append(contentsOf: word)
            starts.append(Int32(bytes.count))
            previous = word
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// Words already sorted and distinct, as a snapshot holds them (`bytes` and `starts` of a set).
    package init(bytes: [UInt8], starts: [Int32]) {
        self.bytes = bytes
        self.starts = starts
    }

    package var count: Int { starts.count - 1 }

    /// Every word, in byte order.
    package var words: [[UInt8]] { (0..<count).map { Array(word($0)) } }

    package func contains(_ word: some Collection<UInt8>) -> Bool {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            let candidate = self.word(mid)
            if candidate.elementsEqual(word) { return true }
            if candidate.lexicographicallyPrecedes(word) { low = mid + 1 } else { high = mid }
        }
        return false
    }

    /// The index of the first word not before `key` (`count` when every word is).
    package func lowerBound(_ key: some Collection<UInt8>) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if word(mid).lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    package func word(_ index: Int) -> ArraySlice<UInt8> {
        bytes[Int(starts[index])..<Int(starts[index + 1])]
    }
}
