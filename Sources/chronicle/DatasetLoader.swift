import ChronicleRecords
import ChronicleStore
import Foundation
import Logging

/// How `serve` and its reloads get a store: from the snapshot of the data directory when there is
/// one of these exact files made under this build's analyser and rules (see `StoreSnapshot`), in a
/// directory only this user may write (`SnapshotDirectory`), otherwise from the files,
/// after which a load that took `snapshotAfter` or longer is saved as the snapshot for next time.
struct DatasetLoader: Sendable {
    enum Source: String { case snapshot, files }

    let path: String
    /// The snapshot file; nil when snapshots are off.
    let snapshotPath: String?
    /// An index file shipped with the data (`snapshot.shipped`), tried first; nil when none is.
    let shippedPath: String?
    let snapshotAfter: Duration
    let logger: Logger

    init(path: String, settings: Settings, environment: [String: String], logger: Logger) {
        self.path = path
        self.logger = logger
        snapshotAfter = .milliseconds(settings.snapshotMinLoadMs)
        var directory = Self.snapshotDirectory(settings, environment: environment)
        if let configured = directory {
            do {
                directory = try SnapshotDirectory.resolve(configured)
            } catch {
                logger.warning("snapshots off: no trusted directory for them", metadata: [
                    "snapshot_directory": "\(configured)", "reason": "\(error)",
                ])
                directory = nil
            }
        }
        snapshotPath = directory.map { StoreSnapshot.path(for: path, in: $0) }
        shippedPath = settings.snapshots && !settings.snapshotShipped.isEmpty ? settings.snapshotShipped : nil
    }

    /// `snapshot.directory`, or the user's cache directory (XDG); nil when snapshots are off or
    /// there is no such directory.
    static func snapshotDirectory(_ settings: Settings, environment: [String: String]) -> String? {
        guard settings.snapshots else { return nil }
        if !settings.snapshotDirectory.isEmpty { return settings.snapshotDirectory }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/chronicle" }
        if let home = environment["HOME"], home.hasPrefix("/"), home != "/" { return home + "/.cache/chronicle" }
        return nil
    }

    /// What the caller knows of the data files' fingerprint.
    enum Fingerprint {
        /// Nothing: it is computed while the snapshot decodes.
        case unknown
        /// Computed (a reload computes it first); nil when the files cannot give one (a missing file,
        /// a document that does not match its digest), so no snapshot can be theirs.
        case computed(String?)
    }

    /// The store and where it came from.
    func load(fingerprint: Fingerprint = .unknown) throws(DatasetError) -> (Store, Source) {
        var known: String?
        if case .computed(let value) = fingerprint {
            guard let value else { return (try Store.load(directory: path), .files) }
            known = value
        }
        // The shipped file first (a data image's), then the one this server's snapshot directory keeps.
        for candidate in [shippedPath, snapshotPath].compactMap(\.self) where FileManager.default.fileExists(atPath: candidate) {
            do {
                let store = if let known {
                    try StoreSnapshot.read(path: candidate, fingerprint: known)
                } else {
                    try StoreSnapshot.read(path: candidate, dataDirectory: path)
                }
                return (store, .snapshot)
            } catch {
                // Stale is the normal case after the data or the build changed; damage is worth a warning.
                let level: Logger.Level = if case .stale = error { .info } else { .warning }
                logger.log(level: level, "snapshot not used; loading the data files", metadata: [
                    "snapshot": "\(candidate)", "reason": "\(error)",
                ])
            }
        }
        return (try Store.load(directory: path), .files)
    }

    /// Whether a store loaded from `source` in `loadTime` is worth a snapshot: one from the files that
    /// took `snapshotAfter` or longer, with snapshots on.
    func wantsSnapshot(source: Source, loadTime: Duration) -> Bool {
        snapshotPath != nil && source == .files && loadTime >= snapshotAfter
    }

    /// Saves `store` as the snapshot, where it is called (a few seconds at a million events; see
    /// `SnapshotSaver`).
    @discardableResult
    func saveSnapshot(of store: Store) -> Bool {
        guard let snapshotPath else { return false }
        let started = ContinuousClock.now
        do {
            let bytes = try StoreSnapshot.write(store, to: snapshotPath)
            logger.info("snapshot saved", metadata: [
                "snapshot": "\(snapshotPath)", "bytes": .stringConvertible(bytes),
                "write_ms": .stringConvertible(Int((ContinuousClock.now - started) / .milliseconds(1))),
            ])
            return true
        } catch {
            logger.warning("cannot save the snapshot; the next start loads the data files", metadata: [
                "snapshot": "\(snapshotPath)", "reason": "\(error)",
            ])
            return false
        }
    }

    /// The index file just saved for data with `fingerprint`, opened to serve from; nil (logged)
    /// if it cannot be.
    func openSaved(_ fingerprint: String) -> Store? {
        guard let snapshotPath else { return nil }
        do {
            return try StoreSnapshot.read(path: snapshotPath, fingerprint: fingerprint)
        } catch {
            logger.warning("cannot open the index file just saved; serving the store loaded from the files", metadata: [
                "snapshot": "\(snapshotPath)", "reason": "\(error)",
            ])
            return nil
        }
    }
}

extension Store {
    /// "1 documents, 14 actors, 12 events, 8 quotes": every record type's count, for the commands' output.
    var countsDescription: String { counts.map { "\($0.count) \($0.collection)" }.joined(separator: ", ") }

    /// Every record type's count under its collection's name, for the load and reload log lines.
    var countsMetadata: Logger.Metadata {
        Logger.Metadata(uniqueKeysWithValues: counts.map { ($0.collection, .stringConvertible($0.count)) })
    }
}
