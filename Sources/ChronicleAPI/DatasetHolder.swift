import ChronicleStore
import ChronicleSync

/// The store currently served. A reload swaps it atomically: a request reads `current` once and
/// keeps that store for its whole life, so requests in flight finish on the data they started with.
public final class DatasetHolder: Sendable {
    private let state: Locked<(store: Store, rendered: RenderedRecords, generation: Int, loadSeconds: Double)>
    private let renderBudget: Int
    /// Whole aggregates of the generation being served (see `AggregateMemo`).
    let aggregates = AggregateMemo()

    /// `renderBudgetBytes` bounds the JSON kept pre-rendered per dataset (see `RenderedRecords`).
    /// With `renderLater`, records are rendered on demand until `renderRecords()` has run (the same
    /// bytes either way), so a large dataset is served before its records are pre-rendered.
    public init(_ store: Store, loadSeconds: Double = 0, renderBudgetBytes: Int = 64 << 20, renderLater: Bool = false) {
        renderBudget = renderBudgetBytes
        state = Locked((store, RenderedRecords(store: store, budgetBytes: renderLater ? 0 : renderBudgetBytes), 1, loadSeconds))
    }

    /// Pre-renders the records of the store being served (for `init(renderLater:)`); kept only if
    /// that store is still the one served when they are done.
    public func renderRecords() {
        let (store, generation, _) = status
        let rendered = RenderedRecords(store: store, budgetBytes: renderBudget)
        // Kept for the same generation: its index file adopted meanwhile (`adopt`) is the same data.
        state.withLock { if $0.generation == generation { $0.rendered = rendered } }
    }

    /// Counts the unfiltered aggregates of the generation being served, off the event loops (after
    /// a load or a reload), so no request counts the whole corpus on a loop.
    public func precomputeAggregates() {
        let (store, generation, _) = status
        aggregates.precompute(store, generation: generation)
    }

    public var current: Store { state.withLock { $0.store } }

    /// The store with its generation and load time, read together (one lock), so a reload between
    /// two reads cannot pair one dataset's counts with another's generation.
    public var status: (store: Store, generation: Int, loadSeconds: Double) {
        state.withLock { ($0.store, $0.generation, $0.loadSeconds) }
    }

    /// The store and its rendered records, read together so they always match.
    var snapshot: (store: Store, rendered: RenderedRecords) { state.withLock { ($0.store, $0.rendered) } }
    /// Increases with every successful reload.
    public var generation: Int { state.withLock { $0.generation } }
    /// How long the current store took to load.
    public var loadSeconds: Double { state.withLock { $0.loadSeconds } }

    /// A store made ready to serve: its records rendered (up to the budget), so that the swap itself
    /// is only an assignment.
    public struct Prepared: Sendable {
        let store: Store
        let rendered: RenderedRecords
    }

    /// Renders `store`'s records (or keeps the served ones when it is the store being served): the
    /// slow part of a swap, done before any lock a signal path may wait on.
    public func prepare(_ store: Store) -> Prepared {
        let kept = state.withLock { $0.store === store ? $0.rendered : nil }
        return Prepared(store: store, rendered: kept ?? RenderedRecords(store: store, budgetBytes: renderBudget))
    }

    /// A new generation serving the prepared store; returns the store it replaced, read under the
    /// same lock (an `adopt` meanwhile cannot make two owners think they hold the last reference).
    @discardableResult
    public func replace(with prepared: Prepared, loadSeconds: Double = 0) -> Store {
        state.withLock { state in
            let previous = state.store
            state = (prepared.store, prepared.rendered, state.generation + 1, loadSeconds)
            return previous
        }
    }

    /// Serves `equivalent`, the same data as `original` in another form (the index file just written
    /// from it), in its place, if `original` is still the store served; keeps the generation, the
    /// rendered records and the aggregates, which are the same for both. Returns whether it did.
    @discardableResult
    public func adopt(_ equivalent: Store, inPlaceOf original: Store) -> Bool {
        precondition(equivalent.fingerprint == original.fingerprint, "an equivalent store has the same data")
        return state.withLock {
            guard $0.store === original else { return false }
            $0.store = equivalent
            return true
        }
    }

    /// A new generation serving `store` (the same store again keeps its rendered records).
    @discardableResult
    public func replace(with store: Store, loadSeconds: Double = 0) -> Store {
        replace(with: prepare(store), loadSeconds: loadSeconds)
    }
}
