// One record type's records in the store's order, where each id lies, and the indexes its descriptor
// declares (`RecordKind.indexedFields`, `searchableText`): what the store keeps for every type of
// `RecordKinds.all`, built from a dataset or read from an index file.
import ChronicleRecords

package struct RecordTable<Record: RecordKind>: Sendable {
    package let records: RecordList<Record>
    let positions: IDTable
    /// Each declared field's index, by the field's name.
    let fields: [String: FieldIndex]
    /// The declared texts' index, when the type has any.
    let text: TextIndex?

    init(records: RecordList<Record>, positions: IDTable, fields: [String: FieldIndex] = [:], text: TextIndex? = nil) {
        self.records = records
        self.positions = positions
        self.fields = fields
        self.text = text
    }
}

/// Every record type's table, keyed by the type. A type without one reads as empty.
package struct RecordTables: Sendable {
    private var tables: [ObjectIdentifier: any Sendable] = [:]

    package init() {}

    package subscript<Record: RecordKind>(_ kind: Record.Type) -> RecordTable<Record> {
        get { tables[ObjectIdentifier(kind)] as? RecordTable<Record> ?? RecordTable(records: RecordList([]), positions: IDTable([])) }
        set { tables[ObjectIdentifier(kind)] = newValue }
    }
}
