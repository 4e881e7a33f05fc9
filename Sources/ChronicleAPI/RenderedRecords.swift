// Compact JSON of each record, rendered once per dataset. The store is immutable, so a record's JSON
// never changes while that store serves; lists concatenate these bytes instead of rendering every
// record on every request. A byte budget bounds the memory: records past it (in date order) are
// rendered on demand, which is also what `?pretty` does.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP

final class RenderedRecords: Sendable {
    /// Each record type's JSON by store position, as far as the budget went.
    private let rendered: [ObjectIdentifier: [[UInt8]?]]

    subscript<Kind: RecordKind>(_ kind: Kind.Type) -> [[UInt8]?] { rendered[ObjectIdentifier(kind)] ?? [] }

    init(store: Store, budgetBytes: Int) {
        var remaining = budgetBytes
        var rendered: [ObjectIdentifier: [[UInt8]?]] = [:]
        func render<Kind: RenderedKind>(_ kind: Kind.Type) {
            let records = store.records(kind)
            var bytes: [[UInt8]?] = []
            // Only as far as the budget goes: a record read from an index file is decoded to be read.
            for position in records.indices {
                guard remaining > 0 else { break }
                var w = JSONWriter(capacity: 1024)
                kind.writeJSON(records[position], store: store, &w)
                remaining -= w.bytes.count
                // An exact-size copy: the writer reserved 1 KiB, and the budget counts what is kept.
                bytes.append(w.bytes.withUnsafeBufferPointer { Array($0) })
            }
            rendered[ObjectIdentifier(kind)] = bytes
        }
        // Small collections first, so a large one cannot starve them: those an index file decodes
        // at open before those it reads in place, fewer records first.
        let counts = Dictionary(uniqueKeysWithValues: store.counts)
        let order = RecordKinds.rendered.enumerated().sorted { a, b in
            let x = (a.element.readInPlace ? 1 : 0, counts[a.element.collection] ?? 0, a.offset)
            let y = (b.element.readInPlace ? 1 : 0, counts[b.element.collection] ?? 0, b.offset)
            return x < y
        }
        for (_, kind) in order { render(kind) }
        self.rendered = rendered
    }
}
