// Whole aggregates kept per dataset generation, so a `limit` slices a count already made instead of
// counting the corpus again on an event loop: at 100,000 events `by=pair` costs 0.4 s to count, and
// a client that varies `limit` defeats the response cache, whose key is the target. The unfiltered
// counts of every grouping are made off the loops when a generation starts (`precompute`); a
// filtered count is made once per filter and kept, up to `capacity` buckets in all per generation
// (the oldest filtered counts go first; counts keep at most the 10,000 buckets a request may ask
// for, so a client cannot pin a table of every pair of a large corpus). A count
// over more events than a loop may spend on one answer is made on a thread of its own
// (`countInBackground`), one at a time, and the request is answered 503 with Retry-After meanwhile.
import ChronicleStore
import ChronicleSync
import Foundation

final class AggregateMemo: Sendable {
    /// The filter that selected the events (name=value pairs, sorted), and the grouping.
    struct Key: Hashable {
        let filter: [String]
        let grouping: EventCounts.Grouping
    }

    private struct State {
        var generation = 0
        var counts: [Key: EventCounts] = [:]
        /// Buckets kept in all, the memo's measure of its size.
        var buckets = 0
        /// The count being made off the loops, if any.
        var counting: Key?
        /// Insertion order, for dropping the oldest filtered entry when full.
        var order: [Key] = []
    }

    private let state = Locked(State())
    /// Buckets kept per generation across filtered counts (unfiltered ones are always kept: there
    /// are seven).
    let capacity: Int

    init(capacity: Int = 200_000) { self.capacity = capacity }

    /// The full counts for `key` in `generation`, made by `count` when not kept yet.
    func counts(_ key: Key, generation: Int, count: () -> EventCounts) -> EventCounts {
        if let kept = state.withLock({ state in state.generation == generation ? state.counts[key] : nil }) { return kept }
        let made = count()
        state.withLock { state in
            if generation > state.generation { state = State(generation: generation) }
            guard state.generation == generation, state.counts[key] == nil else { return }
            if !key.filter.isEmpty {
                while state.buckets + made.buckets.count > capacity,
                      let oldest = state.order.first(where: { !$0.filter.isEmpty }) {
                    state.buckets -= state.counts[oldest]?.buckets.count ?? 0
                    state.counts[oldest] = nil
                    state.order.removeAll { $0 == oldest }
                }
            }
            state.counts[key] = made
            state.buckets += made.buckets.count
            state.order.append(key)
        }
        return made
    }

    /// The kept count, if any, without making one.
    func kept(_ key: Key, generation: Int) -> EventCounts? {
        state.withLock { state in state.generation == generation ? state.counts[key] : nil }
    }

    /// Starts making the count on a thread of its own unless one is being made already (of this key
    /// or another: one at a time, so no client can occupy the machine with them). True when this
    /// key's count is, or is now being, made.
    func countInBackground(_ key: Key, generation: Int, count: @escaping @Sendable () -> EventCounts) -> Bool {
        let start = state.withLock { state -> Bool? in
            if state.counting == key { return false }
            if state.counting != nil { return nil }
            state.counting = key
            return true
        }
        guard let start else { return false }
        if start {
            Thread.detachNewThread { [self] in
                _ = counts(key, generation: generation, count: count)
                state.withLock { $0.counting = nil }
            }
        }
        return true
    }

    /// Makes the unfiltered counts of every grouping for `store` (`generation`), off the event loops.
    func precompute(_ store: Store, generation: Int) {
        let all = store.matchingEvents(EventQuery())
        for grouping in EventCounts.Grouping.allCases {
            _ = counts(Key(filter: [], grouping: grouping), generation: generation) {
                // Unfiltered, at the default level: pairs between principals.
                EventCounts(all, by: grouping, limit: ChronicleAPI.maxBuckets, principalsFrom: store)
            }
        }
    }

    /// Entries kept (for tests).
    var count: Int { state.withLock { $0.counts.count } }
}
