import Synchronization

/// Large bodies that several connections write from the same storage (a cached answer read by many
/// slow clients): the output budget counts each once, while any connection still holds it. Keyed by
/// the storage's address, which no other body can take while one holder keeps it alive.
final class SharedBodies: Sendable {
    private let holders = Mutex<[UInt: (count: Int, size: Int)]>([:])

    /// A connection holds the body: the bytes to add to the server-wide total (its size for the
    /// first holder, nothing for the others).
    func hold(_ id: UInt, size: Int) -> Int {
        holders.withLock { holders in
            if let entry = holders[id] {
                holders[id] = (entry.count + 1, entry.size)
                return 0
            }
            holders[id] = (1, size)
            return size
        }
    }

    /// A connection let the body go: the bytes to take from the total (its size for the last holder).
    func release(_ id: UInt) -> Int {
        holders.withLock { holders in
            guard let entry = holders[id] else { return 0 }
            if entry.count > 1 {
                holders[id] = (entry.count - 1, entry.size)
                return 0
            }
            holders[id] = nil
            return entry.size
        }
    }
}
