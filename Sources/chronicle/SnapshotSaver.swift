import ChronicleAPI
import ChronicleSync
import Foundation
import Logging

import Dispatch

/// Saves snapshots one at a time, off the threads that serve, load and reload: a save is queued
/// with the generation it is for and skipped if a reload has replaced that store meanwhile (the
/// queue holds the holder, never a store, so a replaced store can go). Shutdown does not wait for a
/// save: the file is renamed into place only when whole, and `isSaving` tells `serve` to end the
/// process at once rather than run exit-time work under a writing thread.
final class SnapshotSaver: Sendable {
    private let loader: DatasetLoader
    private let queue = DispatchQueue(label: "chronicle.snapshot")
    private let pending = Locked(0)

    init(loader: DatasetLoader) { self.loader = loader }

    /// Queues a save of `holder`'s store if it is still at `generation` when its turn comes.
    func save(_ holder: DatasetHolder, generation: Int, source: DatasetLoader.Source, loadTime: Duration) {
        guard loader.wantsSnapshot(source: source, loadTime: loadTime) else { return }
        pending.withLock { $0 += 1 }
        queue.async { [loader] in
            defer { self.pending.withLock { $0 -= 1 } }
            guard let replaced = Self.saveAndAdopt(holder, generation: generation, loader: loader) else { return }
            Thread.detachNewThread { replaced.release(logger: loader.logger) }
        }
    }

    /// Saves the store served at `generation`; once written, the file serves in its place: the same
    /// answers, with the records and indexes in the mapping instead of the heap. Returns the store
    /// it replaced, to be let go once requests that began on it have finished.
    private static func saveAndAdopt(_ holder: DatasetHolder, generation: Int, loader: DatasetLoader) -> ReplacedStore? {
        let status = holder.status
        guard status.generation == generation else {
            loader.logger.info("snapshot not saved: a reload replaced the dataset", metadata: ["generation": "\(generation)"])
            return nil
        }
        guard loader.saveSnapshot(of: status.store), let mapped = loader.openSaved(status.store.fingerprint),
              holder.adopt(mapped, inPlaceOf: status.store) else { return nil }
        loader.logger.info("serving from the index file", metadata: ["generation": "\(generation)"])
        return ReplacedStore(status.store)
    }

    var isSaving: Bool { pending.withLock { $0 > 0 } }
}
