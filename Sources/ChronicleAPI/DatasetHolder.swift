import ChronicleDomain
import Synchronization

/// The store currently served. A reload swaps it atomically: a request reads `current` once and
/// keeps that store for its whole life, so requests in flight finish on the data they started with.
public final class DatasetHolder: Sendable {
    private let state: Mutex<(store: Store, generation: Int)>

    public init(_ store: Store) { state = Mutex((store, 1)) }

    public var current: Store { state.withLock { $0.store } }
    /// Increases with every successful reload (part of every ETag, later).
    public var generation: Int { state.withLock { $0.generation } }

    public func replace(with store: Store) {
        state.withLock { $0 = (store, $0.generation + 1) }
    }
}
