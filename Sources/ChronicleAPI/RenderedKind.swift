// How a record type is rendered, declared once in its RecordJSON+<Type>.swift: its JSON (written
// once per store into `RenderedRecords`, within a budget) and its CSV columns and row; NDJSON is
// the JSON, a line each. Every type of `RecordKinds.all` has one: the detail routes, the
// pre-rendered JSON and the exports go through it, and a type without a list route of its own
// gets one that pages its records in store order.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP

protocol RenderedKind: RecordKind {
    /// The CSV header, in the order `csvRow` writes the cells (the README documents them).
    static var csvColumns: [String] { get }
    static func csvRow(_ record: Self, store: Store) -> [String]
    static func writeJSON(_ record: Self, store: Store, _ w: inout JSONWriter)
}

extension RenderedKind {
    /// The type's formats over one store, with the JSON it kept pre-rendered.
    static func format(_ store: Store, _ rendered: RenderedRecords) -> RecordFormat<Self> {
        RecordFormat(
            csvHeader: csvColumns, csvRow: { csvRow($0, store: store) }, json: { writeJSON($0, store: store, &$1) },
            rendered: rendered[Self.self])
    }
}

extension RecordKinds {
    /// Every record type's rendering. A type of `all` without one is a defect `ChronicleAPITests` finds.
    static var rendered: [any RenderedKind.Type] { all.compactMap { $0 as? any RenderedKind.Type } }
}
