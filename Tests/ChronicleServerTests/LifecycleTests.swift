// Live tests of a connection's life (issue: connection lifecycle you can trust). Each one failed
// on the server before its fix: bytes to a closed descriptor, input read while a response streams,
// the idle timer cutting a download, no bound on queued output, a second shutdown writing to
// recycled descriptors, SIGPIPE from OpenSSL.
import ChronicleHTTP
import ChronicleServer
import ChronicleSockets
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct LifecycleTests {
    /// A raw client socket for what TestClient does not do: non-blocking floods and resets.
    static func connect(_ port: UInt16) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return fd
    }

    /// Closes with RST instead of FIN (SO_LINGER with a zero timeout).
    static func reset(_ fd: Int32) {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(fd)
    }

    /// Runs `body(index)` on `count` threads at once and waits for all of them.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                body(index)
                group.leave()
            }
        }
        group.wait()
    }

    @Test func aClosedSocketGivesItsNumberBackAndNeverTouchesItAgain() throws {
        // Suites running on other threads open descriptors too and may take the number first (seen
        // once in a full run): the test tries until the next descriptor gets the closed socket's
        // number, which it nearly always does at once.
        for _ in 0..<50 {
            var pair: [Int32] = [0, 0]
            #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
            defer { close(pair[1]) }
            var socket: Socket? = Socket(adopting: pair[0])
            socket!.close()
            #expect(socket!.isOpen == false)
            socket!.close()  // idempotent
            // The kernel hands the number to the next descriptor; freeing the closed socket leaves it alone.
            var fresh: [Int32] = [0, 0]
            #expect(pipe(&fresh) == 0)
            defer { close(fresh[0]); close(fresh[1]) }
            guard fresh[0] == pair[0] else { continue }
            socket = nil
            #expect(fcntl(fresh[0], F_GETFD) >= 0)
            return
        }
        Issue.record("the closed socket's number never came back in 50 tries")
    }

    @Test func ioOnAClosedSocketTrapsInDebugBuilds() async {
        await #expect(processExitsWith: .failure) {
            var pair: [Int32] = [0, 0]
            _ = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair)
            let socket = Socket(adopting: pair[0])
            socket.close()
            let bytes: [UInt8] = [1, 2, 3]
            _ = bytes.withUnsafeBytes { socket.write($0) }
        }
    }

    @Test func resetsAfterMalformedRequestsNeverReachOtherClients() throws {
        let server = try TestServer(threads: 2)
        let port = server.port
        let stop = Date().addingTimeInterval(3)
        let wrong = Atomic(0)
        let served = Atomic(0)
        Self.onThreads(8) { worker in
            while Date() < stop {
                if worker < 4 {
                    // The attacker: pipelined answers queued, a malformed request, then a reset.
                    let fd = Self.connect(port)
                    let junk = Array(
                        ("GET /echo/x HTTP/1.1\r\nHost: t\r\n\r\n"
                            + String(repeating: "GET /nope/attacker HTTP/1.1\r\nHost: t\r\n\r\n", count: 20) + "GARBAGE\r\n\r\n").utf8)
                    _ = junk.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    Self.reset(fd)
                } else {
                    guard let client = try? TestClient(port: port) else { continue }
                    try? client.send("GET /echo/victim HTTP/1.1\r\nHost: t\r\n\r\n")
                    if let response = try? client.readResponse() {
                        if response.status != 200 || response.text != "victim" { wrong.add(1, ordering: .relaxed) }
                        served.add(1, ordering: .relaxed)
                    }
                }
            }
        }
        #expect(served.load(ordering: .relaxed) > 0)
        #expect(wrong.load(ordering: .relaxed) == 0, "clients received answers to requests they never sent")
    }

    @Test func readingStopsWhileAResponseStreams() throws {
        let server = try TestServer(threads: 1)
        let fd = Self.connect(server.port)
        defer { close(fd) }
        var size: Int32 = 8192
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        let request = Array("GET /stream/5000000 HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        #expect(waitUntil { server.server.metrics.bytesOut.load(ordering: .relaxed) > 0 })
        // Push 64 MiB behind it without reading: only the kernel's buffers may take any of it.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let junk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        var sent = 0
        var lastProgress = Date()
        while sent < 64 << 20 && Date().timeIntervalSince(lastProgress) < 1 {
            let n = junk.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                sent += n
                lastProgress = Date()
            } else {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        #expect(sent < 48 << 20, "the client pushed \(sent) bytes behind a streaming response")
        #expect(server.server.metrics.bytesIn.load(ordering: .relaxed) < 1 << 20, "the server read input while streaming")
    }

    @Test func aSteadyReaderOfALongExportIsNotCutByTheIdleTimer() throws {
        let server = try TestServer(threads: 1) { $0.idleTimeout = .milliseconds(200) }
        let client = try TestClient(port: server.port, receiveTimeout: 10)
        // About 20 MB, more than the kernel buffers hold: reading it takes several idle periods.
        try client.send("GET /stream/1500000 HTTP/1.1\r\nHost: t\r\n\r\n")
        let started = Date()
        let response = try client.readResponse(pacing: 0.005)
        #expect(Date().timeIntervalSince(started) > 0.4)
        #expect(response.status == 200)
        let lines = response.text.split(separator: "\n")
        #expect(lines.count == 1500000)
        #expect(lines.last == "piece 0")
    }

    @Test func queuedOutputStaysWithinTheServerWideBudget() throws {
        let budget = 4 << 20
        let server = try TestServer(threads: 2) {
            $0.maxQueuedOutputBytes = budget
            $0.writeTimeout = .seconds(30)
        }
        var clients: [TestClient] = []
        for _ in 0..<24 {
            let client = try TestClient(port: server.port)
            client.setSmallReceiveBuffer()
            try client.send(String(repeating: "GET /big/1 HTTP/1.1\r\nHost: t\r\n\r\n", count: 8))
            clients.append(client)
        }
        let metrics = server.server.metrics
        #expect(waitUntil { metrics.budgetDrops.load(ordering: .relaxed) > 0 })
        #expect(waitUntil { server.server.queuedOutputBytes <= budget }, "queued \(server.server.queuedOutputBytes)")
        // Within the budget, a client that reads is served.
        let reader = try TestClient(port: server.port)
        try reader.send("GET /echo/ok HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try reader.readResponse().text == "ok")
    }

    @Test func aSecondShutdownWritesToNoDescriptor() throws {
        let server = try TestServer(threads: 2)
        server.server.shutdown()
        server.server.wait()
        // Take the lowest free numbers, where the loops' descriptors would have been recycled.
        var pipes: [[Int32]] = []
        for _ in 0..<8 {
            var ends: [Int32] = [0, 0]
            #expect(pipe(&ends) == 0)
            _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
            pipes.append(ends)
        }
        defer { for ends in pipes { close(ends[0]); close(ends[1]) } }
        server.server.shutdown()
        var byte: UInt8 = 0
        for ends in pipes {
            #expect(read(ends[0], &byte, 1) == -1, "a pipe received bytes from a second shutdown")
        }
    }
}

/// Descriptors the process holds now.
func openDescriptors() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
}

@Suite(.serialized) struct StartupAndLogTests {
    // Descriptor counts are compared in a child process of its own (an exit test), where no other
    // test opens descriptors meanwhile.

    @Test func aServerThatNeverStartsReleasesEveryDescriptor() async {
        await #expect(processExitsWith: .success) {
            let certificate = try TestCertificate()
            var config = ServerConfiguration()
            config.port = 0
            config.threads = 2
            config.tls = .init(port: 0, certificateChainPath: certificate.certificate, privateKeyPath: certificate.key)
            let before = openDescriptors()
            // Listeners, eventfds, epoll sets and reserve descriptors, made and dropped.
            for _ in 0..<5 { try TestServer.make(config) }
            precondition(openDescriptors() == before, "descriptors leaked: \(openDescriptors()) != \(before)")
        }
    }

    @Test func aStartUpThatFailsHalfWayReleasesEveryDescriptor() async {
        await #expect(processExitsWith: .success) {
            // The HTTPS listener cannot bind a port that is taken: the plain listener made before it
            // must be given back, and nothing stays bound.
            let taken = try Socket.listen(host: "127.0.0.1", port: 0, reusePort: false)
            let certificate = try TestCertificate()
            var config = ServerConfiguration()
            config.port = 0
            config.threads = 3
            config.tls = .init(port: try taken.localPort(), certificateChainPath: certificate.certificate, privateKeyPath: certificate.key)
            let before = openDescriptors()
            for _ in 0..<5 {
                do {
                    try TestServer.make(config)
                    preconditionFailure("a taken port was bound")
                } catch is SocketError {}
            }
            precondition(openDescriptors() == before, "descriptors leaked: \(openDescriptors()) != \(before)")
        }
    }

}

/// Resident memory of this process, in bytes (from /proc/self/statm).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

@Suite(.serialized) struct BackPressureTests {
    @Test func pipelinedRequestsAreReadOnlyAsTheyAreAnswered() throws {
        // A client pipelines small requests for 32 KiB answers and reads the answers slowly: the
        // server takes more requests only once it has answered those it holds, so what it reads
        // follows what the client reads, not what the client sends.
        let server = try TestServer(threads: 1)
        let fd = LifecycleTests.connect(server.port)
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let requests = Array(String(repeating: "GET /bytes/32768 HTTP/1.1\r\nHost: t\r\n\r\n", count: 2_000).utf8)
        var sent = 0, received = 0
        var sink = [UInt8](repeating: 0, count: 16 << 10)
        let stop = Date().addingTimeInterval(3)
        while Date() < stop {
            let n = requests.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 { sent += n }
            let r = sink.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if r > 0 { received += r }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let read = server.server.metrics.bytesIn.load(ordering: .relaxed)
        // Each answer is 32 KiB for a 40-byte request: the requests behind what was received fit in
        // a few reads. Reading ahead of the answers would take in megabytes.
        let answered = received / 32_768
        #expect(read < 256 << 10 + answered * 64, "read \(read) bytes of requests for \(answered) answers (the client sent \(sent))")
    }

    /// Under AddressSanitizer freed memory waits in a quarantine, so resident memory says nothing there.
    static let addressSanitized = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil

    @Test(.disabled(if: addressSanitized, "AddressSanitizer's quarantine keeps freed memory resident"))
    func aLongExportKeepsOnlyTheBatchInFlight() async {
        // About 65 MB streamed to a client that reads at once: the server must release what it has
        // written, not keep the whole export in its output buffer until the end. Measured in a child
        // process of its own (an exit test), where no other test allocates meanwhile.
        await #expect(processExitsWith: .success) {
            let server = try TestServer(threads: 1)
            let fd = LifecycleTests.connect(server.port)
            defer { close(fd) }
            let request = Array("GET /stream/5000000 HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let baseline = residentBytes()
            var peak = baseline
            var received = 0
            var tail: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { break }
                received += n
                tail = Array((tail + chunk[0..<n]).suffix(5))
                if received % (4 << 20) < n { peak = max(peak, residentBytes()) }
                if tail == Array("0\r\n\r\n".utf8) { break }
            }
            precondition(received > 60 << 20 && tail == Array("0\r\n\r\n".utf8), "the export ended early after \(received) bytes")
            precondition(peak - baseline < 32 << 20, "resident memory grew by \(peak - baseline) bytes while streaming \(received)")
        }
    }
}
