// The records of one type in the store's order: an array of values when the store was built from
// the data files, or the records' stored bytes in a mapped index file, each decoded when it is read
// (ARCHITECTURE.md, "The index file"). A store opened from its index holds no Swift object per
// record: a page of 50 records decodes 50.
import ChronicleRecords
import ChronicleText
import Dispatch

public struct RecordList<Record: Sendable>: RandomAccessCollection, Sendable {
    // Two fields rather than an enum of the two: an enum of two references tags the pointer with
    // spare bits, which LeakSanitizer cannot follow (it reported the stored records as leaked).
    private let owned: [Record]
    private let stored: StoredRecords<Record>?

    init(_ records: [Record]) {
        owned = records
        stored = nil
    }

    init(stored: StoredRecords<Record>) {
        owned = []
        self.stored = stored
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int { stored?.count ?? owned.count }

    public subscript(position: Int) -> Record {
        if let stored { return stored.record(position) }
        return owned[position]
    }

    /// Whether the records are decoded on use from a mapped file.
    public var isStored: Bool { stored != nil }

    /// Decodes every stored record, on every core, and throws for the first that does not decode:
    /// what `chronicle index --verify` adds to the checksums, which opening a file does not do.
    func verifyDecoding() throws(SnapshotError) {
        guard let stored, stored.count > 0 else { return }
        let chunk = 4096, chunks = (stored.count + chunk - 1) / chunk
        let failures = ResultSlots<SnapshotError>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            for position in (index * chunk)..<Swift.min(stored.count, (index + 1) * chunk) {
                do throws(SnapshotError) {
                    _ = try stored.decoded(position)
                } catch {
                    failures.set(index, error)
                    return
                }
            }
        }
        if let failure = failures.all.first { throw failure }
    }
}

/// Records as an index file stores them: their encodings one after the other, and where each
/// starts. The file's checksums were all verified when it was opened, so a record that does not
/// decode is a defect of the writer, not damage, and stops the process with the record's position.
final class StoredRecords<Record: Sendable>: @unchecked Sendable {
    /// Where each record starts in `bytes`; one more entry marks the end of the last.
    private let offsets: FlatArray<UInt64>
    private let bytes: FlatArray<UInt8>
    private let decode: @Sendable (inout SnapshotReader) throws(SnapshotError) -> Record

    init(
        offsets: FlatArray<UInt64>, bytes: FlatArray<UInt8>,
        decode: @escaping @Sendable (inout SnapshotReader) throws(SnapshotError) -> Record
    ) {
        self.offsets = offsets
        self.bytes = bytes
        self.decode = decode
    }

    var count: Int { max(0, offsets.count - 1) }

    /// Whether every record's range lies in order within the bytes (checked when the file opens).
    var isWellFormed: Bool {
        guard let first = offsets.first, first == 0, let last = offsets.last, last == UInt64(bytes.count) else { return offsets.count <= 1 }
        return offsets.withUnsafeBufferPointer { offsets in zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 } }
    }

    func record(_ position: Int) -> Record {
        do throws(SnapshotError) {
            return try decoded(position)
        } catch {
            fatalError("stored record \(position) of \(Record.self) does not decode: \(error)")
        }
    }

    /// The record at `position`, or why it does not decode (`chronicle index --verify` decodes every one).
    func decoded(_ position: Int) throws(SnapshotError) -> Record {
        let start = Int(offsets[position]), end = Int(offsets[position + 1])
        guard start <= end && end <= bytes.count else { throw .damaged("stored record \(position) lies outside its section") }
        return try bytes.withUnsafeBytes { all in
            Result { () throws(SnapshotError) in
                var reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                let record = try decode(&reader)
                guard reader.isAtEnd else { throw .damaged("stored record \(position) has \(reader.remaining) bytes left over") }
                return record
            }
        }.get()
    }
}
