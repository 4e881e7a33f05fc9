// Compact JSON of each record, rendered once per dataset. The store is immutable, so a record's JSON
// never changes while that store serves; lists concatenate these bytes instead of rendering every
// record on every request. A byte budget bounds the memory: records past it (in date order) are
// rendered on demand, which is also what `?pretty` does.
import ChronicleStore
import ChronicleHTTP

final class RenderedRecords: Sendable {
    let events: [[UInt8]?]
    let quotes: [[UInt8]?]
    let actors: [[UInt8]?]
    let documents: [[UInt8]?]

    init(store: Store, budgetBytes: Int) {
        var remaining = budgetBytes
        func render<Items: RandomAccessCollection<Item>, Item>(_ items: Items, _ write: (Item, inout JSONWriter) -> Void) -> [[UInt8]?]
        where Items.Index == Int {
            var rendered: [[UInt8]?] = []
            // Only as far as the budget goes: a record read from an index file is decoded to be read.
            for position in items.indices {
                guard remaining > 0 else { break }
                var w = JSONWriter(capacity: 1024)
                write(items[position], &w)
                remaining -= w.bytes.count
                // An exact-size copy: the writer reserved 1 KiB, and the budget counts what is kept.
                rendered.append(w.bytes.withUnsafeBufferPointer { Array($0) })
            }
            return rendered
        }
        // Small collections first, so a large event list cannot starve them.
        documents = render(store.documents) { RecordJSON.write($0, &$1) }
        actors = render(store.actors) { RecordJSON.write($0, &$1) }
        quotes = render(store.quotes) { RecordJSON.write($0, store: store, &$1) }
        events = render(store.events) { RecordJSON.write($0, store: store, &$1) }
    }
}
