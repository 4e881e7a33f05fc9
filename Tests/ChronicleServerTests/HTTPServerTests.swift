import ChronicleHTTP
import ChronicleServer
import Foundation
import Testing

@Suite(.serialized) struct HTTPServerTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.port)
        for value in ["one", "two", "three"] {
            try client.send("GET /echo/\(value) HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == value)
            #expect(response.header("Connection") == nil)
            #expect(response.header("Date")?.hasSuffix("GMT") == true)
        }
    }

    @Test func hundredPipelinedRequestsInOneWriteAnswerInOrder() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.port)
        try client.send((0..<100).map { "GET /echo/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
        let responses = try client.readResponses(100)
        #expect(responses.map(\.text) == (0..<100).map(String.init))
    }

    @Test func pipeliningPastTheQueueLimitStillAnswersEverything() throws {
        let server = try TestServer { $0.maxPipelinedRequests = 4 }
        let client = try TestClient(port: server.port)
        try client.send((0..<50).map { "GET /echo/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
        #expect(try client.readResponses(50).map(\.text) == (0..<50).map(String.init))
    }

    @Test func http10ClosesUnlessAskedToKeepAlive() throws {
        let server = try TestServer()
        let keep = try TestClient(port: server.port)
        try keep.send("GET /echo/a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try keep.readResponse().header("Connection") == "keep-alive")
        try keep.send("GET /echo/b HTTP/1.0\r\n\r\n")
        let last = try keep.readResponse()
        #expect(last.text == "b")
        #expect(last.header("Connection") == "close")
        #expect(keep.waitForClose())
    }

    @Test func connectionCloseIsHonoured() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.port)
        try client.send("GET /echo/x HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\nGET /echo/y HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Connection") == "close")
        #expect(client.waitForClose())
    }

    @Test func headAnswersWithGetHeadersAndNoBody() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.port)
        try client.send("HEAD /echo/hello HTTP/1.1\r\nHost: t\r\n\r\nGET /echo/after HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(headRequest: true)
        #expect(head.header("Content-Length") == "5")
        #expect(head.body.isEmpty)
        #expect(try client.readResponse().text == "after")  // nothing stray between the two
    }

    @Test func requestBodiesWithLengthChunksTrailersAndContinue() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.port)
        try client.send("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello")
        #expect(try client.readResponse().text == "5:hello:")
        try client.send(
            "POST /body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n")
        #expect(try client.readResponse().text == "5:abcde:X-T=1")
        try client.send("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        try client.send("ok")
        #expect(try client.readResponse().text == "2:ok:")
    }

    @Test(arguments: [
        ("GET /\(String(repeating: "a", count: 300)) HTTP/1.1\r\nHost: t\r\n\r\n", 414),
        ("GET /echo/a HTTP/1.1\r\nHost: t\r\nX: \(String(repeating: "v", count: 600))\r\n\r\n", 431),
        ("GET /echo/a HTTP/1.1\r\nHost: t\r\n" + (0..<20).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431),
        ("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 2000\r\n\r\n", 413),
        (
            "POST /body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + String(repeating: "z", count: 2048)
                + "\r\n0\r\n\r\n", 413
        ),
        ("GET /echo/a HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na", 400),
        ("GET /echo/a HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", 400),
        ("GET /echo/a HTTP/1.1\nHost: t\n\n", 400),
        ("GARBAGE\r\n\r\n", 400),
        ("GET /echo/a HTTP/3.0\r\nHost: t\r\n\r\n", 505),
    ])
    func limitsAndMalformedInputGetAProblemAndClose(_ request: String, _ status: Int) throws {
        let server = try TestServer {
            $0.limits = RequestParser.Limits(maxRequestLineBytes: 256, maxHeaderBytes: 512, maxHeaderCount: 10, maxBodyBytes: 1024)
        }
        let client = try TestClient(port: server.port)
        try client.send(request)
        let response = try client.readResponse()
        #expect(response.status == status)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Connection") == "close")
        let problem = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        #expect(problem?["status"] as? Int == status)
        #expect(client.waitForClose())
    }

    @Test func slowHeaderGets408ThenClose() throws {
        let server = try TestServer { $0.headerTimeout = .milliseconds(200) }
        let client = try TestClient(port: server.port)
        try client.send("GET /echo/a HTTP/1.1\r\nHost: t\r\n")
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(client.waitForClose())
    }

    @Test func silentConnectionIsClosedAfterTheHeaderTimeout() throws {
        let server = try TestServer { $0.headerTimeout = .milliseconds(200) }
        let client = try TestClient(port: server.port)
        #expect(client.waitForClose())
    }

    @Test func slowBodyGets408() throws {
        let server = try TestServer { $0.bodyTimeout = .milliseconds(200) }
        let client = try TestClient(port: server.port)
        try client.send("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
        #expect(try client.readResponse().status == 408)
        #expect(client.waitForClose())
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        let server = try TestServer { $0.idleTimeout = .milliseconds(200) }
        let client = try TestClient(port: server.port)
        try client.send("GET /echo/a HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        #expect(client.waitForClose())
    }

    @Test func connectionsBeyondTheLimitGet503() throws {
        let server = try TestServer(threads: 1) { $0.maxConnections = 2 }
        let first = try TestClient(port: server.port), second = try TestClient(port: server.port)
        for client in [first, second] {
            try client.send("GET /echo/a HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
        let third = try TestClient(port: server.port)
        let refused = try third.readResponse()
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "1")
        #expect(third.waitForClose())
        // The first two still work.
        try first.send("GET /echo/b HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try first.readResponse().text == "b")
    }

    @Test func manyConcurrentConnections() throws {
        let server = try TestServer()
        let failures = Counter()
        let port = server.port
        // 64 threads at once (concurrentPerform would run only one per core).
        LifecycleTests.onThreads(64) { index in
            do {
                let client = try TestClient(port: port)
                for round in 0..<20 {
                    try client.send("GET /echo/\(index)-\(round) HTTP/1.1\r\nHost: t\r\n\r\n")
                    if try client.readResponse().text != "\(index)-\(round)" { failures.increment() }
                }
            } catch {
                failures.increment()
            }
        }
        #expect(failures.value == 0)
    }

    @Test func slowReaderDoesNotHoldUpOthers() throws {
        let server = try TestServer(threads: 1)
        let slow = try TestClient(port: server.port)
        // More than the kernel's socket buffers hold, so the loop must queue the rest itself.
        try slow.send("GET /big/32 HTTP/1.1\r\nHost: t\r\n\r\n")
        // The server has filled the socket and queued the rest.
        #expect(waitUntil { server.server.queuedOutputBytes > 0 })
        let other = try TestClient(port: server.port)
        try other.send("GET /echo/quick HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try other.readResponse().text == "quick")
        #expect(server.server.queuedOutputBytes > 0, "the quick answer waited for the slow reader")
        let big = try slow.readResponse()
        #expect(big.body.count == 32 << 20)
        #expect(big.body.first == UInt8(ascii: "x") && big.body.last == UInt8(ascii: "!"))
    }

    /// Readers that stop reading one shared body (a cached answer) hold one copy of it: the output
    /// budget counts it once, not once per reader, and lets it go when the last one does.
    @Test func aBodySharedByStalledReadersIsCountedOnce() throws {
        let server = try TestServer(threads: 1) { $0.writeTimeout = .seconds(30) }
        var readers: [TestClient] = []
        for _ in 0..<6 {
            let reader = try TestClient(port: server.port)
            reader.setSmallReceiveBuffer()
            try reader.send("GET /shared HTTP/1.1\r\nHost: t\r\n\r\n")
            // Its head has arrived: the server has answered it and holds what the socket did not take.
            #expect(!reader.readUntil("\r\n\r\n").isEmpty)
            readers.append(reader)
        }
        let held = server.server.queuedOutputBytes
        // One body (8 MiB) and six heads, not six bodies (about 48 MiB less what the sockets took).
        #expect(held >= sharedBody.count && held < sharedBody.count + (1 << 20), "held \(held)")
        readers.removeAll()
        #expect(waitUntil { server.server.queuedOutputBytes == 0 })
    }

    @Test func readerThatNeverReadsIsDroppedAfterTheWriteTimeout() throws {
        let server = try TestServer(threads: 1) { $0.writeTimeout = .milliseconds(300) }
        let stalled = try TestClient(port: server.port)
        stalled.setSmallReceiveBuffer()
        try stalled.send("GET /big/16 HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(waitUntil { server.server.queuedOutputBytes > 0 })
        #expect(waitUntil { server.server.openConnections == 0 })
        // Dropped by the write timeout, not by the output budget: its queued output is released.
        #expect(server.server.metrics.budgetDrops.load(ordering: .relaxed) == 0)
        #expect(server.server.queuedOutputBytes == 0)
    }

    @Test func gracefulShutdownFinishesTheRequestInFlight() throws {
        let server = try TestServer()
        let busy = try TestClient(port: server.port)
        let idle = try TestClient(port: server.port)
        try idle.send("GET /echo/a HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try idle.readResponse()
        let received = server.server.metrics.bytesIn.load(ordering: .relaxed)
        try busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        // The server has read the request (it is in flight) before the shutdown begins.
        #expect(waitUntil { server.server.metrics.bytesIn.load(ordering: .relaxed) > received })
        server.server.shutdown()
        #expect(idle.waitForClose())  // idle connections close at once
        let response = try busy.readResponse()
        #expect(response.text == "slow done")
        #expect(response.header("Connection") == "close")
        server.server.wait()
        #expect(throws: (any Error).self) { try TestClient(port: server.port) }
    }

    @Test func listensOnIPv6() throws {
        let server = try TestServer(host: "::1")
        let client = try TestClient(port: server.port, host: "::1")
        try client.send("GET /echo/v6 HTTP/1.1\r\nHost: [::1]\r\n\r\n")
        #expect(try client.readResponse().text == "v6")
    }

    @Test func peerHalfCloseStillGetsItsAnswers() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.port)
        try client.send("GET /echo/a HTTP/1.1\r\nHost: t\r\n\r\nGET /echo/b HTTP/1.1\r\nHost: t\r\n\r\n")
        shutdown(client.fd, Int32(SHUT_WR))
        #expect(try client.readResponses(2).map(\.text) == ["a", "b"])
        #expect(client.waitForClose())
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

@Suite(.serialized) struct StreamingTests {

    @Test func streamedBodyIsChunkedOn11AndCloseDelimitedOn10() throws {
        let server = try TestServer()
        let client = try TestClient(port: server.port)
        try client.send("GET /stream/3 HTTP/1.1\r\nHost: t\r\n\r\nGET /echo/next HTTP/1.1\r\nHost: t\r\n\r\n")
        let raw = String(decoding: client.readUntil("next"), as: UTF8.self)
        #expect(raw.contains("Transfer-Encoding: chunked\r\n"))
        #expect(!raw.contains("Content-Length: 0"))
        #expect(raw.contains("\r\n\r\n8\r\npiece 2\n\r\n8\r\npiece 1\n\r\n8\r\npiece 0\n\r\n0\r\n\r\nHTTP/1.1 200 OK"))
        let old = try TestClient(port: server.port)
        try old.send("GET /stream/2 HTTP/1.0\r\n\r\n")
        let text = String(decoding: old.readToEnd(), as: UTF8.self)
        #expect(text.hasSuffix("\r\n\r\npiece 1\npiece 0\n"))
        #expect(text.contains("Connection: close"))
    }
}

