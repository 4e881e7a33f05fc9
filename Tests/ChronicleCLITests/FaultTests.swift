import Foundation
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
        let server = try ServerProcess([
            "--set", "log.level=debug", "--set", "log.access=true", "--set", "timeouts.drain_ms=\(drainMs)",
        ])
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
}
