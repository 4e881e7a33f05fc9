import ChronicleSync

/// Large bodies that several connections write from the same storage (a cached answer read by many
/// slow clients): the output budget counts each once, while any connection still holds it. Keyed by
/// the storage's address; the entry keeps the body itself, so that storage cannot be freed and its
/// address taken by another body while it is counted.
final class SharedBodies: Sendable {
    private struct Entry {
        var holders: Int
        let body: [UInt8]
    }

    private let entries = Locked<[UInt: Entry]>([:])

    /// The key of a body: its storage's address.
    static func id(of body: [UInt8]) -> UInt {
        body.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    /// A connection holds the body: the bytes to add to the server-wide total (its storage's size
    /// for the first holder, nothing for the others).
    func hold(_ body: [UInt8]) -> Int {
        entries.withLock { entries in
            let id = Self.id(of: body)
            if var entry = entries[id] {
                entry.holders += 1
                entries[id] = entry
                return 0
            }
            entries[id] = Entry(holders: 1, body: body)
            return body.capacity
        }
    }

    /// A connection let the body go: the bytes to take from the total (its size for the last holder).
    func release(_ id: UInt) -> Int {
        entries.withLock { entries in
            guard var entry = entries[id] else { return 0 }
            if entry.holders > 1 {
                entry.holders -= 1
                entries[id] = entry
                return 0
            }
            entries[id] = nil
            return entry.body.capacity
        }
    }
}
