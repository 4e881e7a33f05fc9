/// A set of byte strings (normalized words) kept flat: every word's bytes in one buffer, sorted,
/// with one offset per word, and membership by binary search. The lexicon's 108,000 stems take
/// about 1.5 MB this way, against some 10 MB as a `Set<[UInt8]>` (a heap array per word, and the
/// hash table twice over once the corpus's words were added to a copy). Both arrays may lie in a
/// mapped index file (`FlatArray`).
#if canImport(Glibc)
import Glibc
#endif

package struct WordSet: Sendable, Equatable {
    package let bytes: FlatArray<UInt8>
    /// Where each word starts in `bytes`; one more entry marks the end of the last.
    package let starts: FlatArray<Int32>

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
        self.bytes = FlatArray(bytes)
        self.starts = FlatArray(starts)
    }

    /// Words already sorted and distinct, as an index file holds them (`bytes` and `starts` of a set).
    package init(bytes: FlatArray<UInt8>, starts: FlatArray<Int32>) {
        self.bytes = bytes
        self.starts = starts
    }

    /// Whether `starts` is a valid table of words over `bytes` (what a reader checks before use).
    package var isWellFormed: Bool {
        guard let first = starts.first, first == 0, let last = starts.last, Int(last) == bytes.count else {
            return starts.isEmpty && bytes.isEmpty
        }
        return starts.withUnsafeBufferPointer { starts in zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 } }
    }

    package var count: Int { max(0, starts.count - 1) }

    /// Every word, in byte order.
    package var words: [[UInt8]] { (0..<count).map { Array(word($0)) } }

    package func contains(_ word: some Collection<UInt8>) -> Bool {
        let index = lowerBound(word)
        return index < count && compare(index, word) == 0
    }

    /// The index of the first word not before `key` (`count` when every word is).
    package func lowerBound(_ key: some Collection<UInt8>) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if compare(mid, key) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    package func word(_ index: Int) -> Slice<FlatArray<UInt8>> {
        bytes[Int(starts[index])..<Int(starts[index + 1])]
    }

    /// Whether the word at `index` starts with `prefix`.
    package func word(_ index: Int, startsWith prefix: some Collection<UInt8>) -> Bool {
        let start = Int(starts[index]), end = Int(starts[index + 1])
        precondition(start <= end && end <= bytes.count, "a word outside its set")
        guard end - start >= prefix.count else { return false }
        guard !prefix.isEmpty else { return true }
        return withKey(prefix) { key in
            bytes.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
        }
    }

    /// The byte order of the word at `index` against `key`: negative, zero or positive.
    package func compare(_ index: Int, _ key: some Collection<UInt8>) -> Int {
        let start = Int(starts[index]), end = Int(starts[index + 1])
        precondition(start <= end && end <= bytes.count, "a word outside its set")
        return withKey(key) { key in
            bytes.withUnsafeBytes { all in
                let length = end - start, common = min(length, key.count)
                let order = common == 0 ? 0 : Int(memcmp(all.baseAddress! + start, key.baseAddress!, common))
                return order != 0 ? order : length - key.count
            }
        }
    }

    private func withKey<R>(_ key: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let result = key.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(key).withUnsafeBytes(body)
    }
}
