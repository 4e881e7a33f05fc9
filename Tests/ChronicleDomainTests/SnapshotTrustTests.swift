@testable import ChronicleText
@testable import ChronicleRecords
@testable import ChronicleStore
import Foundation
import Testing

/// What a snapshot depends on, and whom it trusts: the analyser and the rules named in its header
/// (not the executable), its header checked against the file before anything is mapped, a file and
/// directory only this user may write, and a write that never leaves a second file or a temporary name.
@Suite struct SnapshotTrustTests {
    let store: Store

    init() throws { store = try Store.load(directory: shippedDataDirectory) }

    func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-trust-\(UUID().uuidString)").path
    }

    func reason(_ body: () throws(SnapshotError) -> Store) -> SnapshotError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func anotherAnalyserOrOtherRulesMakeASnapshotStale() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.snapshot"
        var foreign = StoreSnapshot.Dependencies()
        foreign.analyzer = "normalizer 0, stemmer 0, probe 0000000000000000"
        try StoreSnapshot.write(store, to: path, dependencies: foreign)
        let refused = reason { () throws(SnapshotError) in try StoreSnapshot.read(path: path, fingerprint: store.fingerprint) }
        guard case .stale(let why) = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(why.contains("another analyser") && why.contains(AnalyzerVersion.identity), "\(why)")

        var rules = StoreSnapshot.Dependencies()
        rules.rules += 1
        try StoreSnapshot.write(store, to: path, dependencies: rules)
        let refusedRules = reason { () throws(SnapshotError) in try StoreSnapshot.read(path: path, fingerprint: store.fingerprint) }
        guard case .stale(let whyRules) = refusedRules else { Issue.record("\(String(describing: refusedRules))"); return }
        #expect(whyRules.contains("other rules"), "\(whyRules)")

        // A file made for other record types (a build with one type more or less) has other sections.
        var types = StoreSnapshot.Dependencies()
        types.recordTypes = "documents,actors,events"
        try StoreSnapshot.write(store, to: path, dependencies: types)
        let refusedTypes = reason { () throws(SnapshotError) in try StoreSnapshot.read(path: path, fingerprint: store.fingerprint) }
        guard case .stale(let whyTypes) = refusedTypes else { Issue.record("\(String(describing: refusedTypes))"); return }
        #expect(whyTypes.contains("other record types"), "\(whyTypes)")

        // This build's analyser and rules: read, whatever executable wrote it.
        try StoreSnapshot.write(store, to: path)
        #expect(try StoreSnapshot.read(path: path, fingerprint: store.fingerprint).events.count == store.events.count)
    }

    /// The analyser's identity follows its behaviour: it is stable, and names both versions.
    @Test func theAnalyserIdentityNamesItsVersionsAndProbe() {
        let identity = AnalyzerVersion.identity
        #expect(identity.hasPrefix("normalizer \(AnalyzerVersion.normalizer), stemmer \(AnalyzerVersion.stemmer), probe "))
        #expect(identity.split(separator: " ").last?.count == 16)
    }

    /// A valid header followed by a 16 GiB hole: refused from the header, without mapping or hashing
    /// the hole (which costs no disk: the file is sparse).
    @Test func aFileLongerThanItsHeaderSaysIsRefusedBeforeItIsRead() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/hole.snapshot"
        let written = try StoreSnapshot.write(store, to: path)
        #expect(truncate(path, off_t(written) + (16 << 30)) == 0)
        let started = ContinuousClock.now
        let refused = reason { () throws(SnapshotError) in try StoreSnapshot.read(path: path, fingerprint: store.fingerprint) }
        guard case .damaged(let why) = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(why.contains("the header promises \(written) bytes"), "\(why)")
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aSnapshotOthersMayWriteIsRefused() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/trust.snapshot"
        try StoreSnapshot.write(store, to: path)
        #expect(try StoreSnapshot.read(path: path, fingerprint: store.fingerprint).quotes.count == store.quotes.count)

        chmod(path, 0o666)
        let readAgain = { () throws(SnapshotError) in try StoreSnapshot.read(path: path, fingerprint: store.fingerprint) }
        guard case .untrusted(let file) = reason(readAgain) else { Issue.record("a world-writable snapshot was read"); return }
        #expect(file.contains("may be written by group or others"))
        chmod(path, 0o600)

        chmod(directory, 0o777)
        guard case .untrusted = reason(readAgain) else { Issue.record("a snapshot in a world-writable directory was read"); return }
        #expect(throws: SnapshotError.self) { try StoreSnapshot.write(store, to: path) }
        chmod(directory, 0o700)

        // Another user's file (only root can give a file away).
        if geteuid() == 0 {
            #expect(chown(path, 65534, 65534) == 0)
            guard case .untrusted(let owner) = reason(readAgain) else { Issue.record("another user's snapshot was read"); return }
            #expect(owner.contains("belongs to user 65534"))
        }
    }

    /// A directory others may write (an emptyDir is 0777) is used through a private subdirectory.
    @Test func aSharedDirectoryIsUsedThroughAPrivateOne() throws {
        let shared = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: shared) }
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o777)
        let resolved = try SnapshotDirectory.resolve(shared)
        #expect(resolved == shared + "/chronicle-\(geteuid())")
        var status = stat()
        #expect(stat(resolved, &status) == 0 && status.st_mode & 0o777 == 0o700)
        chmod(shared, 0o755)
        #expect(try SnapshotDirectory.resolve(shared) == shared)
        // Missing: made private.
        let fresh = shared + "/new/snapshots"
        #expect(try SnapshotDirectory.resolve(fresh) == fresh)
        #expect(stat(fresh, &status) == 0 && status.st_mode & 0o777 == 0o700)
    }

    /// While a snapshot is written, the directory holds neither the stale file (removed first, so a
    /// volume never holds two) nor a temporary name; afterwards, the one new file.
    @Test func aWriteNeverLeavesASecondFileOrATemporaryName() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/one.snapshot"
        try StoreSnapshot.write(store, to: path)
        var during: [String] = []
        try StoreSnapshot.write(store, to: path, afterHeader: {
            during = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? ["unreadable"]
        })
        #expect(during.isEmpty, "\(during)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["one.snapshot"])
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
    }
}
