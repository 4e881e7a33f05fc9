@testable import chronicle
import ArgumentParser

import Foundation
import Synchronization
import Testing

/// `serve` with store snapshots, on the real binary: a load from the files saves one, a restart
/// starts from it and serves the same bytes, changed data is never served from the old snapshot, a
/// reload saves the new data's, and a damaged snapshot is refused for the files.
@Suite(.serialized) struct SnapshotServeTests {
    let reload = ReloadTests()

    func start(_ data: String, _ snapshots: String) throws -> ServerProcess {
        try ServerProcess(
            ["--data", data, "--set", "snapshot.directory=\(snapshots)", "--set", "snapshot.min_load_ms=0"], snapshots: true)
    }

    func stop(_ server: ServerProcess) throws {
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
    }

    func snapshotFile(_ snapshots: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: snapshots).filter { $0.hasSuffix(".snapshot") }
        #expect(names.count == 1, "\(names)")
        return snapshots + "/" + (names.first ?? "")
    }

    @Test func aRestartStartsFromTheSnapshotAndChangedDataNeverDoes() throws {
        let data = try reload.copyOfData()
        let snapshots = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-snapshots-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: snapshots)
        }
        let quote = "attaf-military-solution"
        let paths = ["/events?limit=100", "/quotes/\(quote)", "/events?q=%D8%A7%D9%84%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1", "/actors?q=ONU"]

        // First start: from the files, and the snapshot is saved after it.
        var server = try start(data, snapshots)
        #expect(try server.waitFor("dataset loaded").contains("source=files"))
        var connection = try FileHandleConnection(port: server.port)
        let fromFiles = try paths.map { try connection.get($0) }
        try server.waitFor("snapshot saved")
        // Once written, the index file serves in place of the store loaded from the files: the same
        // bytes, from the mapping.
        try server.waitFor("serving from the index file")
        for (path, expected) in zip(paths, fromFiles) {
            #expect(try connection.get(path).dropDate() == expected.dropDate(), "\(path)")
        }
        try stop(server)

        // A restart reads it and answers byte for byte the same (ETags included).
        server = try start(data, snapshots)
        #expect(try server.waitFor("dataset loaded").contains("source=snapshot"))
        connection = try FileHandleConnection(port: server.port)
        for (path, expected) in zip(paths, fromFiles) {
            #expect(try connection.get(path).dropDate() == expected.dropDate(), "\(path)")
        }

        // Changed data: the reload loads the files and saves their snapshot in place of the old one.
        try reload.setTranslation(data, quote, "Changed after the snapshot.")
        var mark = server.output.count
        server.signal(SIGHUP)
        #expect(try server.waitFor("dataset reloaded", after: mark).contains("source=files"))
        try server.waitFor("snapshot saved", after: mark)
        #expect(try reload.translation(connection, quote) == "Changed after the snapshot.")
        try stop(server)
        server = try start(data, snapshots)
        #expect(try server.waitFor("dataset loaded").contains("source=snapshot"))
        #expect(try reload.translation(try FileHandleConnection(port: server.port), quote) == "Changed after the snapshot.")
        try stop(server)

        // Data changed while the server was down: the snapshot is stale, the files are served.
        try reload.setTranslation(data, quote, "Changed while stopped.")
        server = try start(data, snapshots)
        #expect(try server.waitFor("snapshot not used").contains("stale"))
        #expect(try server.waitFor("dataset loaded").contains("source=files"))
        #expect(try reload.translation(try FileHandleConnection(port: server.port), quote) == "Changed while stopped.")
        try server.waitFor("snapshot saved")
        try stop(server)

        // Two servers sharing the snapshot directory (a rolling restart): one serving the data as it
        // was reloads data that the other has loaded and saved since, and reads that snapshot.
        let first = try start(data, snapshots)
        try reload.setTranslation(data, quote, "Changed for the second server.")
        let second = try start(data, snapshots)
        #expect(try second.waitFor("dataset loaded").contains("source=files"))
        try second.waitFor("snapshot saved")
        try stop(second)
        mark = first.output.count
        first.signal(SIGHUP)
        #expect(try first.waitFor("dataset reloaded", after: mark).contains("source=snapshot"))
        #expect(try reload.translation(try FileHandleConnection(port: first.port), quote) == "Changed for the second server.")
        try stop(first)

        // A damaged snapshot is refused with a warning and the files are served.
        let file = try snapshotFile(snapshots)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)  // as the server wrote it, whatever the umask
        server = try start(data, snapshots)
        #expect(try server.waitFor("snapshot not used").contains("damaged"))
        #expect(try server.waitFor("dataset loaded").contains("source=files"))
        #expect(try reload.translation(try FileHandleConnection(port: server.port), quote) == "Changed for the second server.")
        try stop(server)
    }
}

extension SnapshotServeTests {
    /// A snapshot names the analyser and the rules it was made under, not the executable: another
    /// build (here a copy of the binary with bytes appended, so its SHA-256 differs) starts from the
    /// snapshot the first one saved, as a rolling update does.
    /// What a data image does: `chronicle index` compiles the data, and `serve` with the same
    /// settings starts from that file without loading the files; `--verify` refuses it once damaged.
    @Test func serveStartsFromTheFileChronicleIndexWrote() throws {
        let data = try reload.copyOfData()
        let snapshots = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-index-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: snapshots)
        }
        let index = try IndexCommand.parse(["--data", data, "--set", "snapshot.directory=\(snapshots)"])
        try index.run()
        let file = try snapshotFile(snapshots)
        try IndexCommand.parse(["--verify", file]).run()

        let server = try start(data, snapshots)
        #expect(try server.waitFor("dataset loaded").contains("source=snapshot"))
        let connection = try FileHandleConnection(port: server.port)
        let event = try connection.get("/events/attaf-military-solution-comment")
        #expect(event.contains("\"id\":\"attaf-military-solution-comment\"") && event.contains("\"sources\""), "\(event.prefix(300))")
        try stop(server)

        // A file shipped beside the data (`--out`, `snapshot.shipped`), with an empty snapshot
        // directory: served from it, nothing loaded or written.
        let shipped = snapshots + "/shipped/chronicle.index", empty = snapshots + "/empty"
        try IndexCommand.parse(["--data", data, "--out", shipped]).run()
        let fromShipped = try ServerProcess(
            [
                "--data", data, "--set", "snapshot.directory=\(empty)", "--set", "snapshot.shipped=\(shipped)", "--set",
                "snapshot.min_load_ms=0",
            ],
            snapshots: true)
        #expect(try fromShipped.waitFor("dataset loaded").contains("source=snapshot"))
        try stop(fromShipped)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: empty))?.isEmpty ?? true)

        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(throws: ExitCode(1)) { try IndexCommand.parse(["--verify", file]).run() }
    }

    /// Reloads that swap one mapped index file for another while a client reads throughout: every
    /// request is answered, from one generation or the next (a request that began on a file keeps
    /// its mapping until it ends).
    @Test func reloadsBetweenIndexFilesUnderLoadFailNoRequest() throws {
        let data = try reload.copyOfData()
        let snapshots = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-swap-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: snapshots)
        }
        let quote = "attaf-military-solution"
        let server = try start(data, snapshots)
        try server.waitFor("serving from the index file")
        let stop = Mutex(false), counts = Mutex((answered: 0, failed: [String]()))
        let port = server.port
        let client = Thread {
            var connection = try? FileHandleConnection(port: port)
            while !stop.withLock({ $0 }) {
                for path in ["/events?limit=100", "/quotes/\(quote)", "/events?q=%D8%A7%D9%84%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1"] {
                    do {
                        let body = try (connection ?? FileHandleConnection(port: port)).get(path)
                        guard body.hasPrefix("{\"data\"") else { throw CocoaError(.fileReadCorruptFile) }
                        counts.withLock { $0.answered += 1 }
                    } catch {
                        counts.withLock { $0.failed.append("\(path): \(error)") }
                        connection = try? FileHandleConnection(port: port)
                    }
                }
            }
        }
        client.start()
        for round in 1...3 {
            let mark = server.output.count
            try reload.setTranslation(data, quote, "Round \(round).")
            server.signal(SIGHUP)
            try server.waitFor("dataset reloaded", after: mark)
            // Loaded from the files, then its new index file swapped in and the previous one let go.
            try server.waitFor("serving from the index file", after: mark)
        }
        let before = counts.withLock { $0.answered }
        // The client is still answered after the last swap.
        while counts.withLock({ $0.answered }) < before + 30 { usleep(10_000) }
        stop.withLock { $0 = true }
        while !client.isFinished { usleep(10_000) }
        let (answered, failed) = counts.withLock { ($0.answered, $0.failed) }
        #expect(failed.isEmpty, "\(failed.prefix(5))")
        #expect(answered > 30)
        #expect(try reload.translation(try FileHandleConnection(port: server.port), quote) == "Round 3.")
        try self.stop(server)
    }

    @Test func anotherBuildStartsFromTheSnapshot() throws {
        let data = try reload.copyOfData()
        let snapshots = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-snapshots-\(UUID().uuidString)").path
        let otherBuild = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-build-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: snapshots)
            try? FileManager.default.removeItem(atPath: otherBuild)
        }
        var server = try start(data, snapshots)
        try server.waitFor("snapshot saved")
        try stop(server)

        // Copied and changed by a shell, never through a descriptor of this process (see `ServerProcess.run`).
        let copy = #"cp "$1" "$2" && printf 'another build' >> "$2""#
        try #require(try ServerProcess.run(["/bin/sh", "-c", copy, "sh", ServerProcess.binary, otherBuild]) == 0)
        server = try ServerProcess(
            ["--data", data, "--set", "snapshot.directory=\(snapshots)", "--set", "snapshot.min_load_ms=0"], snapshots: true,
            binary: otherBuild)
        #expect(try server.waitFor("dataset loaded").contains("source=snapshot"))
        try stop(server)
    }
}

extension String {
    /// The response without its Date field, which differs between two servers' answers.
    func dropDate() -> String {
        split(separator: "\r\n", omittingEmptySubsequences: false).filter { !$0.lowercased().hasPrefix("date:") }.joined(separator: "\r\n")
    }
}
