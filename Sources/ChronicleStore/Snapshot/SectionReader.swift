import ChronicleText
import ChronicleRecords

/// The sections of a mapped index file, in the order they were written.
struct SectionReader {
    let file: MappedFile
    let sections: [StoreSnapshot.Section]
    private var position = 0

    init(file: MappedFile, sections: [StoreSnapshot.Section]) {
        self.file = file
        self.sections = sections
    }

    var isAtEnd: Bool { position == sections.count }

    mutating func next() throws(SnapshotError) -> UnsafeRawBufferPointer {
        guard position < sections.count else { throw .damaged("a section is missing") }
        defer { position += 1 }
        let section = sections[position]
        return UnsafeRawBufferPointer(rebasing: file.bytes[section.offset..<(section.offset + section.length)])
    }

    /// The next section as a flat array, in place.
    mutating func flat<T: BitwiseCopyable>(_: T.Type) throws(SnapshotError) -> FlatArray<T> {
        let bytes = try next()
        guard bytes.count % MemoryLayout<T>.stride == 0 else { throw .damaged("a section of \(T.self) has a partial value") }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return FlatArray() }
        return FlatArray(unowned: base, count: bytes.count / MemoryLayout<T>.stride, owner: file)
    }

    mutating func words() throws(SnapshotError) -> WordSet {
        let words = WordSet(bytes: try flat(UInt8.self), starts: try flat(Int32.self))
        guard words.isWellFormed else { throw .damaged("a word list does not fit its bytes") }
        return words
    }

    /// The next two sections as stored records: their bytes, then where each starts.
    mutating func records<T: Sendable>(
        count: Int, _ decode: @escaping @Sendable (inout SnapshotReader) throws(SnapshotError) -> T
    ) throws(SnapshotError) -> RecordList<T> {
        let bytes = try flat(UInt8.self), offsets = try flat(UInt64.self)
        let stored = StoredRecords(offsets: offsets, bytes: bytes, decode: decode)
        guard stored.count == count, stored.isWellFormed else { throw .damaged("stored records do not fit their section") }
        return RecordList(stored: stored)
    }
}
