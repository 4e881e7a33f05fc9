import ChronicleAPI
import ChronicleStore
import Foundation
import Logging
import Testing
@testable import chronicle

/// The reloader in-process: the replaced store is let go on a thread of its own, so a reload queued
/// while a long export still reads the old store starts at once instead of waiting for the export.
@Suite(.serialized) struct DataReloaderTests {
    func waitUntil(_ timeout: Duration, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition()
    }

    @Test func aReloadQueuedWhileTheOldStoreIsStillReadStartsAtOnce() throws {
        let reload = ReloadTests()
        let directory = try reload.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var settings = Settings()
        settings.snapshots = false
        let loader = DatasetLoader(path: directory, settings: settings, environment: [:], logger: Logger(label: "test"))
        let holder = DatasetHolder(try Store.load(directory: directory))
        let reloader = DataReloader(holder: holder, loader: loader, saver: SnapshotSaver(loader: loader), server: nil)

        // A request that began on the first store and is still reading it (a long export).
        let pinned = holder.current
        try reload.setTranslation(directory, "attaf-military-solution", "First change.")
        reloader.request()
        #expect(waitUntil(.seconds(30)) { holder.generation == 2 })

        // The next reload must not wait for the export to let the first store go (up to a minute).
        try reload.setTranslation(directory, "attaf-military-solution", "Second change.")
        reloader.request()
        #expect(waitUntil(.seconds(15)) { holder.generation == 3 }, "the second reload waited behind the first store's release")
        #expect(pinned !== holder.current)
        withExtendedLifetime(pinned) {}
        _ = reloader.stop()
    }
}
