import Synchronization

/// Compressed bodies by the fingerprint of their identity body, bounded in bytes; when full, the
/// oldest half is dropped. Shared by all event loops.
final class CompressionCache: Sendable {
    private struct State {
        var entries: [String: (bytes: [UInt8], order: Int)] = [:]
        var bytes = 0
        var counter = 0
    }

    private let capacityBytes: Int
    private let state = Mutex(State())

    init(capacityBytes: Int) { self.capacityBytes = capacityBytes }

    func value(for key: String, make: () -> [UInt8]) -> [UInt8] {
        if let hit = state.withLock({ $0.entries[key]?.bytes }) { return hit }
        let made = make()
        guard made.count <= capacityBytes / 4 else { return made }
        state.withLock { state in
            if state.bytes + made.count > capacityBytes {
                let oldestFirst = state.entries.sorted { $0.value.order < $1.value.order }
                for (key, entry) in oldestFirst.prefix(oldestFirst.count / 2 + 1) {
                    state.entries[key] = nil
                    state.bytes -= entry.bytes.count
                }
            }
            state.counter += 1
            if state.entries[key] == nil { state.bytes += made.count }
            state.entries[key] = (made, state.counter)
        }
        return made
    }
}
