// One record type's records in the store's order, where each id lies, and the indexes its descriptor
// declares (`RecordKind.indexedFields`, `searchableText`): what the store keeps for every type of
// `RecordKinds.all`, built from a dataset or read from an index file.
import ChronicleRecords

package final class RecordTable<Record: RecordKind>: Sendable {
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

/// Every record type's table, keyed by the type. Tables are objects, so a lookup through them
/// retains one reference, not each of a table's arrays.
package struct RecordTables: Sendable {
    private var tables: [ObjectIdentifier: any Sendable] = [:]

    package init() {}

    package subscript<Record: RecordKind>(_ kind: Record.Type) -> RecordTable<Record> {
        get {
            guard let table = tables[ObjectIdentifier(kind)] as? RecordTable<Record> else {
                // A store is made with a table for every type of `RecordKinds.all`; anything else is a defect.
                preconditionFailure("no table for \(kind.collection)")
            }
            return table
        }
        set { tables[ObjectIdentifier(kind)] = newValue }
    }
}
