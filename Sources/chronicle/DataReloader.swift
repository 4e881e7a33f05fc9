import ChronicleAPI
import ChronicleRecords
import ChronicleServer
import ChronicleStore
import ChronicleSync
import Foundation
import Logging

/// SIGHUP's work (the certificate, then the data), off the signal thread: the signal thread only asks, so SIGTERM and SIGINT are seen
/// at once even while a large dataset loads. Requests that arrive during a reload are coalesced into
/// one more reload after it; once shutdown begins, a reload in progress is abandoned (its result is
/// never swapped in) and no new one starts.
final class DataReloader: Sendable {
    private struct State {
        var running = false
        var again = false
        var stopped = false
    }

    private let state = Locked(State())
    private let holder: DatasetHolder
    private let loader: DatasetLoader
    private let saver: SnapshotSaver
    private var path: String { loader.path }
    private var logger: Logger { loader.logger }
    private let server: HTTPServer?

    init(holder: DatasetHolder, loader: DatasetLoader, saver: SnapshotSaver, server: HTTPServer?) {
        self.holder = holder
        self.loader = loader
        self.saver = saver
        self.server = server
    }

    /// From the signal thread: starts a reload, or queues one behind the reload in progress.
    func request() {
        let start = state.withLock { state -> Bool in
            if state.stopped { return false }
            if state.running {
                state.again = true
                return false
            }
            state.running = true
            return true
        }
        guard start else { return }
        Thread.detachNewThread { [self] in
            while true {
                reloadOnce()
                let more = state.withLock { state -> Bool in
                    let more = state.again && !state.stopped
                    state.again = false
                    state.running = more
                    return more
                }
                if !more { return }
            }
        }
    }

    /// Shutdown has begun: a reload in progress is abandoned and none starts. True when one was running.
    @discardableResult
    func stop() -> Bool {
        state.withLock { state in
            state.stopped = true
            return state.running
        }
    }

    /// A reload thread is still loading (after `stop()`, its result will be dropped).
    var isRunning: Bool { state.withLock { $0.running } }

    private func reloadOnce() {
        // The certificate first: it takes milliseconds and does not depend on the data being valid.
        if let server, server.configuration.tls != nil {
            do {
                try server.reloadTLS()
                logger.info("TLS certificate reloaded")
            } catch {
                logger.error("TLS certificate reload refused; keeping the current one: \(error)")
            }
        }
        logger.info("reloading dataset", metadata: ["data": "\(path)"])
        let started = ContinuousClock.now
        let store: Store
        // The same bytes give the same store: a reload that finds them (a certificate rotation, a
        // `kubectl rollout` of an unchanged ConfigMap) keeps the checked, indexed store it has.
        // Only the fingerprint is kept here, not the store: the old store must be free to go.
        let servedFingerprint = holder.current.fingerprint
        let fingerprint = Dataset.contentFingerprint(directory: path)
        let unchanged = fingerprint == servedFingerprint
        var source = DatasetLoader.Source.files
        do {
            if unchanged {
                store = holder.current
            } else {
                (store, source) = try loader.load(fingerprint: .computed(fingerprint))
            }
        } catch {
            logger.error("reload refused; still serving the previous dataset: \(error.summary())")
            return
        }
        let elapsed = ContinuousClock.now - started
        // Rendered before the lock: the signal thread's `request()` and `stop()` take it, and a
        // SIGTERM must not wait for a second of rendering.
        let prepared = holder.prepare(store)
        let loadSeconds = unchanged ? holder.loadSeconds : elapsed.seconds
        // The store being replaced, held only to see when everyone else has let it go (no weak
        // reference: its side table would outlive an unchanged store as a leak to LeakSanitizer).
        // It is the store the swap displaces, read under the holder's lock: one taken before would
        // be the wrong one if the saver adopted an index file in between.
        let previous = ReplacedStore(nil)
        // Checked and swapped under one lock, so a shutdown that begins meanwhile is never followed
        // by a swap; the swap is an assignment.
        let swapped = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            let displaced = holder.replace(with: prepared, loadSeconds: loadSeconds)
            if !unchanged { previous.store = displaced }
            return true
        }
        guard swapped else {
            logger.info("reload abandoned: shutting down")
            return
        }
        let metadata: Logger.Metadata = [
            "unchanged": .stringConvertible(unchanged), "source": "\(unchanged ? "served" : source.rawValue)",
            "generation": .stringConvertible(holder.generation), "load_ms": .stringConvertible(Int(elapsed / .milliseconds(1))),
        ]
        logger.info("dataset reloaded", metadata: metadata.merging(store.countsMetadata) { own, _ in own })
        if !unchanged { saver.save(holder, generation: holder.generation, source: source, loadTime: elapsed) }
        // The new generation's aggregates, counted here rather than by the first request on a loop.
        let served = holder
        Thread.detachNewThread { served.precomputeAggregates() }
        if previous.store != nil {
            // On a thread of its own: a reload queued meanwhile starts at once, not after the
            // requests still reading the old store (a long export) have finished.
            Thread.detachNewThread { [logger] in previous.release(logger: logger) }
        }
    }
}

/// The replaced store, handed to the thread that waits for it: the box holds the only reference this
/// process keeps besides the requests still reading it.
final class ReplacedStore: @unchecked Sendable {
    var store: Store?
    init(_ store: Store?) { self.store = store }
}

extension ReplacedStore {
    /// On its own thread: waits (up to a minute, checking every 50 ms) until this is the replaced store's last
    /// reference, which it is once the requests that began on it have finished (nothing else can
    /// reach it after the swap), lets it go, and gives its memory back to the kernel: without this,
    /// glibc keeps the old store's pages and the process holds two datasets' worth of memory after
    /// every reload (or after the store loaded from the files is replaced by its index file).
    func release(logger: Logger) {
        let started = ContinuousClock.now, deadline = started + .seconds(60)
        while !isKnownUniquelyReferenced(&store) && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if !isKnownUniquelyReferenced(&store) {
            logger.info("the replaced dataset is still in use after a minute; releasing what is free now")
        }
        store = nil
        FreedMemory.release()
        logger.info("the replaced dataset's memory is released", metadata: [
            "waited_ms": .stringConvertible(Int((ContinuousClock.now - started) / .milliseconds(1))),
        ])
    }
}

extension Duration {
    /// The duration in seconds, as a Double (for logs and metrics).
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
