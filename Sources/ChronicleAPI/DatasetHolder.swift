import ChronicleDomain
import Synchronization

/// The store currently served. A reload swaps it atomically: a request reads `current` once and
/// keeps that store for its whole life, so requests in flight finish on the data they started with.
public final class DatasetHolder: Sendable {
    private let state: Mutex<(store: Store, generation: Int, loadSeconds: Double)>

    public init(_ store: Store, loadSeconds: Double = 0) { state = Mutex((store, 1, loadSeconds)) }

    public var current: Store { state.withLock { $0.store } }
    /// Increases with every successful reload.
    public var generation: Int { state.withLock { $0.generation } }
    /// How long the current store took to load.
    public var loadSeconds: Double { state.withLock { $0.loadSeconds } }

    public func replace(with store: Store, loadSeconds: Double = 0) {
        state.withLock { $0 = (store, $0.generation + 1, loadSeconds) }
    }
}
