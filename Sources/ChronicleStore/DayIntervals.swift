// Date intervals of records sorted by first day, as flat arrays, for range filters: the records
// that can overlap [from, to] start no later than `to` (a binary search) and no earlier than
// `from` minus the longest interval in the set (another), so only that window is scanned.

import ChronicleText
import ChronicleRecords

struct DayIntervals: Sendable {
    let first: FlatArray<Int32>
    let last: FlatArray<Int32>
    /// The longest interval, in days: how far before `from` an overlapping record can start.
    let longest: Int32

    init(_ dates: [EDTFDate]) {
        let first = dates.map { Int32(clamping: $0.firstDay) }, last = dates.map { Int32(clamping: $0.lastDay) }
        self.init(first: FlatArray(first), last: FlatArray(last))
    }

    /// Intervals as an index file holds them.
    init(first: FlatArray<Int32>, last: FlatArray<Int32>) {
        self.first = first
        self.last = last
        longest = first.withUnsafeBufferPointer { first in
            // Wrapping: the intervals of a damaged file are not trusted to be ordered here.
            last.withUnsafeBufferPointer { last in zip(first, last).reduce(0) { Swift.max($0, $1.1 &- $1.0) } }
        }
    }

    /// Positions (ascending) of records overlapping [from, to]; `candidates` restricts the search.
    func overlapping(from: EDTFDate?, to: EDTFDate?, among candidates: [Int32]?) -> [Int32] {
        let low = from.map { Int32(clamping: $0.firstDay) } ?? Int32.min
        let high = to.map { Int32(clamping: $0.lastDay) } ?? Int32.max
        if let candidates {
            return candidates.filter { first[Int($0)] <= high && last[Int($0)] >= low }
        }
        let end = partition { $0 > high }
        let start = low == Int32.min ? 0 : partition { $0 >= low &- longest }
        guard start < end else { return [] }
        var result: [Int32] = []
        for position in start..<end where last[position] >= low { result.append(Int32(position)) }
        return result
    }

    /// The first index whose first day satisfies `predicate` (which must be monotonic).
    private func partition(_ predicate: (Int32) -> Bool) -> Int {
        var low = 0, high = first.count
        while low < high {
            let mid = (low + high) / 2
            if predicate(first[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
