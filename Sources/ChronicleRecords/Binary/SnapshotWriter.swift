// Encodes values for a store snapshot (see `StoreSnapshot`). Counts, lengths and non-negative
// integers are unsigned LEB128; signed integers are zigzag LEB128; booleans and optionals'
// presence are one byte; doubles are their IEEE 754 bits; strings are their UTF-8 length and
// bytes; flat integer arrays are their count and their little-endian bytes.

package struct SnapshotWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func byte(_ value: UInt8) { bytes.append(value) }

    package mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    package mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    package mutating func signed(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    package mutating func raw(_ data: some Collection<UInt8>) { bytes.append(contentsOf: data) }

    package mutating func write<T: SnapshotCodable>(_ value: T) { value.write(to: &self) }

    /// Integers copied as they lie in memory: the header records the byte order, and a snapshot
    /// written on a machine of the other order is not read.
    package mutating func flat<T: FixedWidthInteger>(_ values: [T]) {
        count(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Empties the buffer, keeping its capacity (a section is written in blocks).
    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
