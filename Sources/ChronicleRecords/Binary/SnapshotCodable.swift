#if canImport(Glibc)
import Glibc
#endif

/// A value a store snapshot holds. Records implement both directions by hand, field by field (see
/// `Snapshot+Records.swift`): an initializer must set every stored property, so a field added to a
/// record without a default value and without a place in the snapshot does not compile (one with a
/// default, or a record read through a memberwise-style initializer with default arguments, is
/// caught by `StoreSnapshotTests`, which compares every record's JSON after a round trip).
package protocol SnapshotCodable {
    init(snapshot reader: inout SnapshotReader) throws(SnapshotError)
    func write(to writer: inout SnapshotWriter)
}

extension SnapshotCodable where Self: RawRepresentable, RawValue == String {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotError) {
        let raw = try String(snapshot: &reader)
        guard let value = Self(rawValue: raw) else { throw .damaged("\"\(raw)\" is not a \(Self.self)") }
        self = value
    }

    package func write(to writer: inout SnapshotWriter) { rawValue.write(to: &writer) }
}

extension String: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotError) {
        let count = try reader.count()
        let bytes = try reader.bytes(count)
        // Decoding validates (a specialized path; `String(validating:)` over raw bytes is not one)
        // and repairs invalid UTF-8 with U+FFFD: a string that is not byte for byte what was read
        // was not UTF-8.
        var string = String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        let same = string.utf8.count == count && string.withUTF8 { count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, count) == 0 }
        guard same else { throw .damaged("a string is not UTF-8") }
        self = string
    }

    package func write(to writer: inout SnapshotWriter) {
        var copy = self
        copy.withUTF8 { utf8 in
            writer.count(utf8.count)
            writer.raw(utf8)
        }
    }
}

extension Int: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotError) {
        let value = try reader.signed()
        guard let int = Int(exactly: value) else { throw .damaged("integer out of range") }
        self = int
    }

    package func write(to writer: inout SnapshotWriter) { writer.signed(Int64(self)) }
}

extension Bool: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotError) {
        switch try reader.byte() {
        case 0: self = false
        case 1: self = true
        case let other: throw .damaged("boolean byte \(other)")
        }
    }

    package func write(to writer: inout SnapshotWriter) { writer.byte(self ? 1 : 0) }
}

extension Double: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotError) {
        let bytes = try reader.bytes(8)
        self = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)))
    }

    package func write(to writer: inout SnapshotWriter) {
        withUnsafeBytes(of: bitPattern.littleEndian) { writer.raw($0) }
    }
}

extension Optional: SnapshotCodable where Wrapped: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotError) {
        switch try reader.byte() {
        case 0: self = nil
        case 1: self = try Wrapped(snapshot: &reader)
        case let other: throw .damaged("optional byte \(other)")
        }
    }

    package func write(to writer: inout SnapshotWriter) {
        if let self {
            writer.byte(1)
            self.write(to: &writer)
        } else {
            writer.byte(0)
        }
    }
}

extension Array: SnapshotCodable where Element: SnapshotCodable {
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotError) {
        let count = try reader.count()
        var array: [Element] = []
        array.reserveCapacity(Swift.min(count, 4096))
        for _ in 0..<count { array.append(try Element(snapshot: &reader)) }
        self = array
    }

    package func write(to writer: inout SnapshotWriter) {
        writer.count(count)
        for element in self { element.write(to: &writer) }
    }
}
