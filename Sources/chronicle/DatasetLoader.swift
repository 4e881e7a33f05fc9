import ChronicleDomain
import Foundation
import Logging

/// How `serve` and its reloads get a store: from the snapshot of the data directory when there is
/// one of these exact files made by this build (see `StoreSnapshot`), otherwise from the files,
/// after which a load that took `snapshotAfter` or longer is saved as the snapshot for next time.
struct DatasetLoader: Sendable {
    enum Source: String { case snapshot, files }

    let path: String
    /// The snapshot file; nil when snapshots are off.
    let snapshotPath: String?
    let snapshotAfter: Duration
    let logger: Logger

    init(path: String, settings: Settings, environment: [String: String], logger: Logger) {
        self.path = path
        self.logger = logger
        snapshotAfter = .milliseconds(settings.snapshotMinLoadMs)
        snapshotPath = Self.snapshotDirectory(settings, environment: environment).map { StoreSnapshot.path(for: path, in: $0) }
    }

    /// `data.snapshot_directory`, or the user's cache directory (XDG); nil when snapshots are off or
    /// there is no such directory.
    static func snapshotDirectory(_ settings: Settings, environment: [String: String]) -> String? {
        guard settings.snapshots else { return nil }
        if !settings.snapshotDirectory.isEmpty { return settings.snapshotDirectory }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/chronicle" }
        if let home = environment["HOME"], home.hasPrefix("/"), home != "/" { return home + "/.cache/chronicle" }
        return nil
    }

    /// The store and where it came from. `fingerprint`: the data files' fingerprint when the caller
    /// has just computed it (a reload), so the files are not hashed twice.
    func load(fingerprint known: String? = nil) throws(DatasetError) -> (Store, Source) {
        if let snapshotPath, FileManager.default.fileExists(atPath: snapshotPath) {
            do {
                let store = if let known {
                    try StoreSnapshot.read(path: snapshotPath, fingerprint: known)
                } else {
                    try StoreSnapshot.read(path: snapshotPath, dataDirectory: path)
                }
                return (store, .snapshot)
            } catch {
                // Stale is the normal case after the data or the build changed; damage is worth a warning.
                let level: Logger.Level = if case .stale = error { .info } else { .warning }
                logger.log(level: level, "snapshot not used; loading the data files", metadata: [
                    "snapshot": "\(snapshotPath)", "reason": "\(error)",
                ])
            }
        }
        return (try Store.load(directory: path), .files)
    }

    /// Saves `store` as the snapshot when its load from the files took `loadTime` and that is at
    /// least `snapshotAfter`. Runs where it is called (a few seconds at a million events).
    func saveSnapshot(of store: Store, source: Source, loadTime: Duration) {
        guard let snapshotPath, source == .files, loadTime >= snapshotAfter else { return }
        let started = ContinuousClock.now
        do {
            let bytes = try StoreSnapshot.write(store, to: snapshotPath)
            logger.info("snapshot saved", metadata: [
                "snapshot": "\(snapshotPath)", "bytes": .stringConvertible(bytes),
                "write_ms": .stringConvertible(Int((ContinuousClock.now - started) / .milliseconds(1))),
            ])
        } catch {
            logger.warning("cannot save the snapshot; the next start loads the data files", metadata: [
                "snapshot": "\(snapshotPath)", "reason": "\(error)",
            ])
        }
    }
}
