import ArgumentParser
import Foundation
import Testing
@testable import chronicle
#if canImport(Glibc)
import Glibc
#endif

/// What an orchestrator relies on: the health check finds the port the server bound, `reload`
/// reaches the server without `kill`, a stop with a stuck client ends inside the engines' default
/// 10 s, and JSON logs keep their types.
@Suite struct DeploymentTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)-\(name)").path
    }

    @Test func healthcheckFindsThePortTheServerBound() throws {
        let path = temporaryPath("runtime.json")
        // `serve --port 0`: the port is known only once bound, and is not the configured one.
        let server = try ServerProcess(["--set", "runtime_file=\(path)"])
        defer { server.signal(SIGKILL); _ = try? server.waitForExit() }
        let file = try #require(RuntimeFile.read(path))
        #expect(file.pid == server.pid && file.httpPort == Int(server.port))
        // Told port 1 (where nothing listens), the health check still reaches the server through the file.
        let healthcheck = try HealthcheckCommand.parse(["--port", "1", "--set", "runtime_file=\(path)", "--timeout", "5"])
        try healthcheck.run()
        let blind = try HealthcheckCommand.parse(["--port", "1", "--timeout", "0.5"])
        #expect(throws: ExitCode(1)) { try blind.run() }
        // A clean stop removes the file: a later health check does not trust a stale port.
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileOfAProcessThatIsGoneIsIgnored() throws {
        let path = temporaryPath("stale.json")
        defer { unlink(path) }
        // pid_max is at most 2^22: no process has this pid.
        try RuntimeFile(pid: Int32.max, host: "127.0.0.1", httpPort: 9, httpsPort: nil).write(to: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(RuntimeFile.read(path) == nil)
        // A live process that is not chronicle (this test runner: a pid reused after a crash).
        try RuntimeFile(pid: getpid(), host: "0.0.0.0", httpPort: 9, httpsPort: 10).write(to: path)
        #expect(RuntimeFile.read(path) == nil)
        #expect(RuntimeFile(pid: getpid(), host: "0.0.0.0", httpPort: 9, httpsPort: 10).connectHost == "127.0.0.1")
        #expect(RuntimeFile(pid: getpid(), host: "::", httpPort: 9, httpsPort: nil).connectHost == "::1")
    }

    @Test func reloadSignalsTheRunningServer() throws {
        let path = temporaryPath("runtime.json")
        let server = try ServerProcess(["--set", "runtime_file=\(path)"])
        defer { server.signal(SIGKILL); _ = try? server.waitForExit() }
        _ = try #require(RuntimeFile.read(path))
        let mark = server.output.count
        let reload = try ReloadCommand.parse(["--set", "runtime_file=\(path)"])
        try reload.run()
        let line = try server.waitFor("dataset reloaded", after: mark)
        #expect(line.contains("generation=2") || line.contains("\"generation\":2"), "\(line)")
        let nowhere = try ReloadCommand.parse(["--set", "runtime_file=\(temporaryPath("none.json"))"])
        #expect(throws: ExitCode(1)) { try nowhere.run() }
    }

    @Test func aStopWithAClientStuckMidRequestEndsInsideTenSeconds() throws {
        // The default settings: what `docker stop` and `podman stop` meet (SIGKILL after 10 s).
        let server = try ServerProcess([])
        defer { server.signal(SIGKILL); _ = try? server.waitForExit() }
        let stuck = try FileHandleConnection(port: server.port)
        let head = Array("GET /events HTTP/1.1\r\nHost: stuck\r\n".utf8)  // never finished
        _ = head.withUnsafeBytes { send(stuck.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let probe = try FileHandleConnection(port: server.port)
        let deadline = Date().addingTimeInterval(10)
        while try !probe.get("/metrics").contains("chronicle_open_connections 2"), Date() < deadline { usleep(20_000) }
        let clock = ContinuousClock()
        let started = clock.now
        server.signal(SIGTERM)
        let status = try server.waitForExit(timeout: 30)
        let elapsed = clock.now - started
        #expect(status == 0)
        #expect(elapsed < .milliseconds(9_500), "stopped after \(elapsed)")
        #expect(server.output.last?.contains("stopped") == true, "\(server.output.suffix(3))")
        // The server did wait for the stuck client, up to its drain deadline.
        #expect(elapsed > .seconds(5), "stopped after \(elapsed)")
    }

    @Test func jsonLogLinesKeepTheirTypesAndMilliseconds() throws {
        let server = try ServerProcess(["--log-format", "json"])
        defer { server.signal(SIGKILL); _ = try? server.waitForExit() }
        let connection = try FileHandleConnection(port: server.port)
        _ = try connection.get("/events?limit=1")
        let access = try server.waitFor("\"msg\":\"request\"")
        server.signal(SIGTERM)
        _ = try server.waitForExit()
        let lines = try server.output.filter { $0.hasPrefix("{") }.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let stamp = try NSRegularExpression(pattern: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#)
        for line in lines {
            let ts = try #require(line["ts"] as? String)
            #expect(stamp.firstMatch(in: ts, range: NSRange(ts.startIndex..., in: ts)) != nil, "\(ts)")
        }
        let request = try #require(try JSONSerialization.jsonObject(with: Data(access.utf8)) as? [String: Any])
        // Numbers as JSON numbers (NSNumber, not String), so a log query can compare them.
        for key in ["status", "bytes", "duration_us"] { #expect(request[key] is NSNumber && !(request[key] is String), "\(key)") }
        #expect(request["status"] as? Int == 200)
        let loaded = try #require(lines.first { $0["msg"] as? String == "dataset loaded" })
        #expect(loaded["events"] as? Int == 12)
        #expect(loaded["load_ms"] is NSNumber)
        #expect(loaded["data"] is String)
    }
}
