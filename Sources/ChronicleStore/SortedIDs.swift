/// Set operations on ascending arrays of record numbers (posting lists).
enum SortedIDs {
    static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(min(a.count, b.count))
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                result.append(a[i]); i += 1; j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    static func union(_ lists: [[Int32]]) -> [Int32] {
        switch lists.count {
        case 0: return []
        case 1: return lists[0]
        default:
            var all = lists.flatMap { $0 }
            all.sort()
            var result: [Int32] = []
            result.reserveCapacity(all.count)
            for id in all where result.last != id { result.append(id) }
            return result
        }
    }
}
