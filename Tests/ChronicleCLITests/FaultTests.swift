import Foundation
import Synchronization
import Testing

/// Faults of the process's surroundings that must not take the real binary down: a log destination
/// that stops reading, and another server on the port.
@Suite(.serialized) struct FaultTests {
    /// Sends a request the codec refuses on a connection of its own and reads the answer to its end.
    func sendMalformed(port: UInt16) throws {
        let connection = try FileHandleConnection(port: port, timeout: 5)
        let request = Array("GARBAGE\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(connection.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var chunk = [UInt8](repeating: 0, count: 4096)
        var answer: [UInt8] = []
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            answer += chunk[0..<n]
        }
        guard String(decoding: answer.prefix(12), as: UTF8.self) == "HTTP/1.1 400" else {
            throw ProcessFailure("a malformed request got \(String(decoding: answer.prefix(40), as: UTF8.self))")
        }
    }

    /// How long a new connection's `GET /health` takes, in milliseconds.
    func probeHealth(port: UInt16) throws -> Double {
        let started = ContinuousClock.now
        let connection = try FileHandleConnection(port: port, timeout: 5)
        let body = try connection.get("/health")
        guard body.contains("ok") else { throw ProcessFailure("/health answered \(body)") }
        return (ContinuousClock.now - started) / .milliseconds(1)
    }

    /// Docker's blocking log mode when its driver falls behind: stdout is a pipe nobody reads. Every
    /// line a client can provoke (here each rejection, logged at debug) is queued and dropped, never
    /// written on an event loop or the signal thread: /health answers throughout, and SIGTERM ends
    /// the process within the drain deadline and the log's exit deadline.
    @Test func aStdoutNobodyReadsStopsNeitherTheLoopsNorTheSignals() throws {
        let drainMs = 2000
        // LeakSanitizer's scan at exit (CI's AddressSanitizer run) is not the server's stop: left out of
        // this child, whose stop is timed.
        let server = try ServerProcess(
            ["--set", "log.level=debug", "--set", "log.access=true", "--set", "timeouts.drain_ms=\(drainMs)"],
            environment: ["ASAN_OPTIONS": "detect_leaks=0"])
        let port = server.port
        server.stallOutput(true)
        var slowest = 0.0
        for index in 0..<10_000 {
            try sendMalformed(port: port)
            if index % 250 == 0 { slowest = max(slowest, try probeHealth(port: port)) }
        }
        slowest = max(slowest, try probeHealth(port: port))
        #expect(slowest < 100, "slowest /health probe: \(slowest) ms")

        let stopAsked = ContinuousClock.now
        server.signal(SIGTERM)
        let status = try server.waitForExit(timeout: 30)
        let took = (ContinuousClock.now - stopAsked) / .milliseconds(1)
        #expect(status == 0)
        #expect(took < Double(drainMs + 1000), "SIGTERM took \(took) ms")
        server.stallOutput(false)
    }

    /// The lines dropped are counted, and an ordinary log keeps its lines once read again.
    @Test func droppedLogLinesAreCountedInMetrics() throws {
        let server = try ServerProcess(["--set", "log.level=debug"])
        let port = server.port
        server.stallOutput(true)
        // Enough rejection lines (about 150 bytes each) to fill a 64 KiB pipe and the 1 MiB queue.
        for _ in 0..<9_000 { try sendMalformed(port: port) }
        let metrics = try FileHandleConnection(port: port).get("/metrics")
        let dropped = metrics.split(separator: "\n").first { $0.hasPrefix("chronicle_log_lines_dropped_total ") }
        #expect((dropped?.split(separator: " ").last).flatMap { Int($0) } ?? 0 > 0, "\(dropped ?? "no counter")")
        #expect(metrics.contains("chronicle_requests_rejected_by_status_total{status=\"400\"} 9000"))
        server.stallOutput(false)
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
    }

    /// A second `serve` on a port another server listens on refuses to start, saying why; the
    /// first keeps serving every connection (SO_REUSEPORT would have split them between the two).
    @Test func aSecondServerOnTheSamePortRefusesToStart() throws {
        let first = try ServerProcess([])
        let port = first.port
        let second = try ServerProcess(["--port", "\(port)"], waitUntilListening: false)
        let status = try second.waitForExit(timeout: 30)
        #expect(status != 0)
        let said = second.output.joined(separator: "\n")
        #expect(said.contains("another process is already listening"), "\(said)")
        #expect(said.contains(":\(port)"), "\(said)")
        for _ in 0..<20 { _ = try probeHealth(port: port) }
        first.signal(SIGTERM)
        #expect(try first.waitForExit() == 0)
    }

    /// The port `serve` recorded in its runtime file, waiting for the file up to `timeout`.
    func runtimePort(_ path: String, timeout: Double = 60) throws -> UInt16 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: path),
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let port = object["http_port"] as? Int {
                return UInt16(port)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ProcessFailure("no runtime file at \(path)")
    }

    /// The access log is a file that reaches its size limit (RLIMIT_FSIZE, as a full disk would stop
    /// it): serving goes on, and the lines that could not be written are counted.
    @Test func aLogFileThatCannotGrowCostsLinesNotTheServer() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-fsize-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/out.log", runtime = directory + "/run.json"
        let launcher = ["/bin/sh", "-c", "exec prlimit --fsize=65536 -- \"$@\" > \(log) 2>&1", "sh"]
        let server = try ServerProcess(
            ["--set", "log.access=true", "--set", "runtime_file=\(runtime)"], waitUntilListening: false, launcher: launcher)
        let port = try runtimePort(runtime)
        // About 150 bytes a line: 2,000 requests write well past 64 KiB.
        for _ in 0..<2_000 { _ = try probeHealth(port: port) }
        let metrics = try FileHandleConnection(port: port).get("/metrics")
        let dropped = metrics.split(separator: "\n").first { $0.hasPrefix("chronicle_access_log_dropped_lines_total ") }
        #expect((dropped?.split(separator: " ").last).flatMap { Int($0) } ?? 0 > 0, "\(dropped ?? "no counter")")
        var status = stat()
        #expect(stat(log, &status) == 0 && status.st_size <= 65536)
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
    }

    /// Descriptors run out (RLIMIT_NOFILE of 64, then 200 clients): the server sheds what it cannot
    /// hold and serves again once the clients close.
    @Test func servingResumesWhenDescriptorsComeBack() throws {
        let server = try ServerProcess([], launcher: ["/usr/bin/prlimit", "--nofile=64:64", "--"])
        let port = server.port
        var held: [FileHandleConnection] = []
        for _ in 0..<200 {
            if let connection = try? FileHandleConnection(port: port, timeout: 2) { held.append(connection) }
        }
        // The limit was reached, and said so.
        try server.waitFor("out of descriptors", timeout: 20)
        held.removeAll()
        // Once they are gone, every new client is served.
        var answered = 0
        let deadline = Date().addingTimeInterval(20)
        while answered < 20 && Date() < deadline {
            if (try? probeHealth(port: port)) != nil { answered += 1 } else { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(answered == 20)
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
    }

    /// 100 SIGHUPs while a client keeps asking: no request fails, on a connection that stays open.
    @Test func reloadsUnderLoadFailNoRequest() throws {
        let directory = try ReloadTests().copyOfData()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(["--data", directory])
        let port = server.port
        let failures = Mutex(0), answered = Mutex(0), done = Atomic<Bool>(false)
        let client = Thread {
            guard let connection = try? FileHandleConnection(port: port) else { failures.withLock { $0 += 1 }; return }
            while !done.load(ordering: .relaxed) {
                if let body = try? connection.get("/events?limit=5"), body.contains("\"data\"") {
                    answered.withLock { $0 += 1 }
                } else {
                    failures.withLock { $0 += 1 }
                }
            }
        }
        client.start()
        for _ in 0..<100 {
            server.signal(SIGHUP)
            Thread.sleep(forTimeInterval: 0.01)
        }
        // The last reload has run once the log says so after the last signal.
        let mark = server.output.count
        server.signal(SIGHUP)
        try server.waitFor("dataset reloaded", after: mark)
        done.store(true, ordering: .relaxed)
        while !client.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(failures.withLock { $0 } == 0)
        #expect(answered.withLock { $0 } > 0)
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
    }
}
