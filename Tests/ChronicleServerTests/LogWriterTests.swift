@testable import ChronicleServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Collects what is written to a pipe, on a thread of its own, until the write end closes.
final class PipeCollector: @unchecked Sendable {
    let writeEnd: Int32
    private let readEnd: Int32
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var finished = false
    /// When false, nothing is read (the pipe fills up) until `startReading()`.
    private let gate = DispatchSemaphore(value: 0)

    /// `pause`: microseconds to wait after each read of at most 4 KiB (a slow destination).
    init(reading: Bool = true, pause: UInt32 = 0) {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0)
        readEnd = ends[0]
        writeEnd = ends[1]
        if reading { gate.signal() }
        Thread.detachNewThread { [self] in
            gate.wait()
            var chunk = [UInt8](repeating: 0, count: pause > 0 ? 4096 : 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                lock.lock(); bytes += chunk[0..<n]; lock.unlock()
                if pause > 0 { usleep(pause) }
            }
            lock.lock(); finished = true; lock.unlock()
            close(readEnd)
        }
    }

    func startReading() { gate.signal() }

    /// Closes the write end and waits for everything written to be read.
    func finish() -> [String] {
        close(writeEnd)
        _ = waitUntil { lock.lock(); defer { lock.unlock() }; return finished }
        return lines
    }

    var lines: [String] {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// The access log: formatted on the loops, written by its own thread, bounded, flushed at shutdown.
@Suite struct AccessLogTests {
    @Test func everyAnsweredRequestIsWrittenBeforeTheServerStops() throws {
        let output = PipeCollector()
        let server = try TestServer(threads: 2) {
            $0.accessLog = true
            $0.accessLogDescriptor = output.writeEnd
        }
        let count = 300
        for index in 0..<count {
            let client = try TestClient(port: server.port)
            try client.send("GET /echo/\(index) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            _ = try client.readResponse()
        }
        // No waiting on the log: stopping must write what the loops had formatted.
        server.stop()
        let lines = output.finish().filter { $0.contains(" request") }
        #expect(lines.count == count)
        let paths = Set(lines.compactMap { $0.split(separator: " ").first { $0.hasPrefix("path=") } })
        #expect(paths.count == count)
        let first = try #require(lines.first)
        let pattern = try NSRegularExpression(
            pattern:
                #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000 info test : bytes=\d+ duration_us=\d+ method=GET path=/echo/\d+ "#
                    + #"remote=127\.0\.0\.1:\d+ status=200 \[ChronicleServer\] request$"#
        )
        #expect(pattern.firstMatch(in: first, range: NSRange(first.startIndex..., in: first)) != nil, "\(first)")
    }

    @Test func stoppingWritesWhatWasStillQueued() throws {
        // The destination is slow: lines pile up in the writer's queue. A stop must not return
        // before they are written.
        let output = PipeCollector(pause: 10_000)  // about 400 KB/s
        let server = try TestServer(threads: 1) {
            $0.accessLog = true
            $0.accessLogDescriptor = output.writeEnd
            $0.drainTimeout = .seconds(30)  // the bound on waiting for the log at exit
        }
        let client = try TestClient(port: server.port)
        let long = String(repeating: "y", count: 2000)
        let count = 800
        // Pipelined in batches: about 1.6 MB of lines made much faster than they are read.
        for batch in 0..<(count / 50) {
            var requests = ""
            for index in 0..<50 { requests += "GET /echo/\(batch * 50 + index)-\(long) HTTP/1.1\r\nHost: t\r\n\r\n" }
            try client.send(requests)
            for _ in 0..<50 { _ = try client.readResponse() }
        }
        server.stop()
        let exposition = server.server.metricsExposition()
        #expect(exposition.contains("chronicle_access_log_lines_total \(count)\n"))
        #expect(output.finish().count == count)
    }

    @Test func jsonLinesKeepTypesAndEscapeWhatTheyMust() throws {
        let output = PipeCollector()
        let server = try TestServer(threads: 1) {
            $0.accessLog = true
            $0.accessLogFormat = .json
            $0.accessLogDescriptor = output.writeEnd
        }
        let client = try TestClient(port: server.port)
        // The request line may carry a raw " and \ (they are visible characters): the JSON line escapes them.
        try client.send("GET /echo/a\"b\\c HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try client.readResponse()
        server.stop()
        let line = try #require(output.finish().first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["msg"] as? String == "request" && object["label"] as? String == "test")
        #expect(object["path"] as? String == "/echo/a\"b\\c")
        #expect(object["status"] as? Int == 200 && object["bytes"] is Int && object["duration_us"] is Int)
        let ts = try #require(object["ts"] as? String)
        #expect(ts.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil, "\(ts)")
    }

    @Test func theLineOfAStreamedExportCountsWhatItSent() throws {
        let output = PipeCollector()
        let server = try TestServer(threads: 1) {
            $0.accessLog = true
            $0.accessLogDescriptor = output.writeEnd
        }
        let client = try TestClient(port: server.port)
        try client.send("GET /stream/1000 HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        server.stop()
        let line = try #require(output.finish().first { $0.contains("path=/stream/1000") })
        let bytes = Int(line.split(separator: " ").first { $0.hasPrefix("bytes=") }?.dropFirst(6) ?? "") ?? 0
        // Head, every chunk with its framing, and the last chunk: far more than the head alone.
        #expect(bytes > response.body.count)
        #expect(!line.contains("incomplete"))
    }

    @Test func aStalledDestinationCostsLinesNotRequests() throws {
        // Nobody reads the pipe: the writer blocks once the pipe is full, the small queue fills,
        // and later lines are dropped and counted, while every request is still answered.
        let output = PipeCollector(reading: false)
        let server = try TestServer(threads: 1) {
            $0.accessLog = true
            $0.accessLogDescriptor = output.writeEnd
            $0.accessLogQueueBytes = 4096
        }
        let client = try TestClient(port: server.port)
        let long = String(repeating: "x", count: 1000)
        for _ in 0..<400 {
            try client.send("GET /echo/\(long) HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
        func counter(_ name: String) -> Int {
            server.server.metricsExposition().split(separator: "\n").first { $0.hasPrefix(name + " ") }
                .flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        }
        #expect(counter("chronicle_access_log_dropped_lines_total") > 0)
        output.startReading()
        server.stop()
        let written = output.finish().count
        // Nothing unaccounted for: each line was written or counted as dropped.
        let dropped = counter("chronicle_access_log_dropped_lines_total")
        #expect(written + dropped == 400, "written \(written), dropped \(dropped)")
        #expect(counter("chronicle_access_log_lines_total") == written)
    }
}

/// The writer's hand-off: a loop wakes it rarely, and what it queues is written anyway.
@Suite struct LogWriterHandOffTests {
    @Test func batchesBelowTheWakeSizeDoNotWakeTheWriterEachTime() throws {
        let output = PipeCollector()
        let log = LogWriter(descriptor: output.writeEnd, capacity: 1 << 20, wakeBytes: 1 << 19, flushInterval: .seconds(30))
        log.start()
        let line = Array((String(repeating: "x", count: 99) + "\n").utf8)
        for _ in 0..<100 { log.submit(line, lines: 1) }
        // At most the one wake-up that ends the writer's idle sleep (none if it had not gone to sleep yet).
        #expect(log.wakeups.load(ordering: .relaxed) <= 1)
        // Closing writes what the interval had not.
        #expect(log.close(timeout: .seconds(10)))
        #expect(output.finish().count == 100)
        #expect(log.writtenLines.load(ordering: .relaxed) == 100)
    }

    @Test func aQuietQueueIsWrittenWhenItsIntervalIsUp() throws {
        let output = PipeCollector()
        let log = LogWriter(descriptor: output.writeEnd, capacity: 1 << 20, wakeBytes: 1 << 19, flushInterval: .milliseconds(50))
        log.start()
        log.submit(Array("one line\n".utf8), lines: 1)
        #expect(waitUntil { output.lines == ["one line"] })
        log.submit(Array("another\n".utf8), lines: 1)
        #expect(waitUntil { output.lines.count == 2 })
        #expect(log.close(timeout: .seconds(10)))
    }

    /// The second-signal flush runs on the signal thread: it must come back by its deadline while the
    /// destination has stopped reading (the writer thread is stuck in write(2)), and finish the job
    /// once the destination reads again.
    @Test func aFlushWaitsForTheWriterOnlyUpToItsDeadline() throws {
        let output = PipeCollector(reading: false)
        let log = LogWriter(descriptor: output.writeEnd, capacity: 1 << 20, wakeBytes: 1, flushInterval: .milliseconds(10))
        log.start()
        let line = Array((String(repeating: "z", count: 1023) + "\n").utf8)
        // 256 KiB: more than a pipe holds, so the writer blocks.
        for _ in 0..<256 { log.submit(line, lines: 1) }
        let started = ContinuousClock.now
        #expect(!log.flush(timeout: .milliseconds(200)))
        #expect(ContinuousClock.now - started < .seconds(5))
        output.startReading()
        #expect(log.flush(timeout: .seconds(20)))
        #expect(log.close(timeout: .seconds(10)))
        #expect(output.finish().count == 256)
    }

    @Test func crossingTheWakeSizeWakesTheWriterAtOnce() throws {
        let output = PipeCollector()
        // An interval no test waits out: only the size can have written these lines.
        let log = LogWriter(descriptor: output.writeEnd, capacity: 1 << 20, wakeBytes: 1000, flushInterval: .seconds(3600))
        log.start()
        let line = Array((String(repeating: "y", count: 99) + "\n").utf8)
        for _ in 0..<10 { log.submit(line, lines: 1) }
        #expect(waitUntil { output.lines.count == 10 })
        #expect(log.close(timeout: .seconds(10)))
    }
}
