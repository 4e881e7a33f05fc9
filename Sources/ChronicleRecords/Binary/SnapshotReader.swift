// Decodes what `SnapshotWriter` encodes, from bytes it does not own (a mapped file). Every read is
// bounds-checked, and a count is never believed beyond the bytes left, so a damaged or truncated
// snapshot is an error, never a crash, and no allocation outgrows a small multiple of the file.

package struct SnapshotReader {
    private let base: UnsafeRawPointer
    private let end: Int
    private(set) var offset: Int

    /// `buffer` must stay valid while the reader is used.
    package init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        end = buffer.count
        offset = 0
    }

    package var remaining: Int { end - offset }
    package var isAtEnd: Bool { offset == end }

    package mutating func byte() throws(SnapshotError) -> UInt8 {
        guard offset < end else { throw .damaged("unexpected end at byte \(offset)") }
        defer { offset += 1 }
        return base.load(fromByteOffset: offset, as: UInt8.self)
    }

    package mutating func unsigned() throws(SnapshotError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw .damaged("integer too long at byte \(offset)") }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return value }
            shift += 7
        }
    }

    package mutating func signed() throws(SnapshotError) -> Int64 {
        let bits = try unsigned()
        return Int64(bitPattern: (bits >> 1) ^ (0 &- (bits & 1)))
    }

    /// A count of items of at least `minimumSize` bytes each, checked against what is left.
    package mutating func count(minimumSize: Int = 1) throws(SnapshotError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(remaining / max(1, minimumSize)) else { throw .damaged("count \(value) exceeds the data at byte \(offset)") }
        return Int(value)
    }

    /// The next `count` bytes, in place.
    package mutating func bytes(_ count: Int) throws(SnapshotError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else { throw .damaged("\(count) bytes wanted at byte \(offset), \(remaining) left") }
        defer { offset += count }
        return UnsafeRawBufferPointer(start: base + offset, count: count)
    }

    package mutating func read<T: SnapshotCodable>(_ type: T.Type = T.self) throws(SnapshotError) -> T {
        try T(snapshot: &self)
    }

    package mutating func flat<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(SnapshotError) -> [T] {
        let count = try count(minimumSize: MemoryLayout<T>.size)
        let source = try bytes(count * MemoryLayout<T>.size)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source) }
            initialized = count
        }
    }
}
