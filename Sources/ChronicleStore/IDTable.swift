// Record ids and where each record sits in the store's order: the ids sorted by their UTF-8 bytes,
// each with its position, found by binary search. Both arrays may lie in the index file, so a
// million ids cost no heap (a `[String: Int]` of them took 61 MiB and 0.6 s to build on every start).
import ChronicleText

struct IDTable: Sendable, Equatable {
    let ids: WordSet
    /// The position of each id of `ids`, in the same order.
    let positions: FlatArray<Int32>

    /// The ids of records in store order. The first of equal ids wins (the loader refuses
    /// duplicates; this keeps lookups defined).
    init(_ ids: [String]) {
        let bytes = ids.map { Array(CanonicalKey.of($0).utf8) }
        var order = Array(bytes.indices)
        order.sort { a, b in
            bytes[a] == bytes[b] ? a < b : bytes[a].lexicographicallyPrecedes(bytes[b])
        }
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        for index in order where kept.last.map({ bytes[$0] != bytes[index] }) ?? true { kept.append(index) }
        self.ids = WordSet(bytes: FlatArray(kept.flatMap { bytes[$0] }), starts: FlatArray(Self.starts(kept.map { bytes[$0].count })))
        positions = FlatArray(kept.map { Int32($0) })
    }

    /// A table as an index file holds it.
    init(ids: WordSet, positions: FlatArray<Int32>) {
        self.ids = ids
        self.positions = positions
    }

    var count: Int { positions.count }

    subscript(id: String) -> Int? {
        var id = CanonicalKey.of(id)
        return id.withUTF8 { key in
            let index = ids.lowerBound(key)
            guard index < ids.count, ids.compare(index, key) == 0 else { return nil }
            return Int(positions[index])
        }
    }

    /// Bytes of heap this table holds (none when it lies in a mapped file).
    var ownedBytes: Int { ids.bytes.ownedBytes + ids.starts.ownedBytes + positions.ownedBytes }

    static func starts(_ lengths: [Int]) -> [Int32] {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lengths.count + 1)
        var total = 0
        for length in lengths {
            total += length
            precondition(total <= Int(Int32.max), "more id bytes than a table holds")
            starts.append(Int32(total))
        }
        return starts
    }
}
