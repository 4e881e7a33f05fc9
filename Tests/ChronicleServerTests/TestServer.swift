import ChronicleHTTP
import ChronicleRouter
import ChronicleServer
import Foundation
import Logging

/// One 8 MiB body every `/shared` answer writes from (as cached answers are): the same storage.
let sharedBody = [UInt8](repeating: UInt8(ascii: "s"), count: 8 << 20)

/// Routes for live tests: echo, a slow handler, a large body, a body echo.
func testRouter() throws -> Router {
    try Router(routes: [
        ("GET /echo/{value}", { request, parameters in
            Response(contentType: "text/plain", body: Array((parameters["value"] ?? "").utf8))
        }),
        ("GET /slow", { _, _ in
            Thread.sleep(forTimeInterval: 0.4)
            return Response(contentType: "text/plain", body: Array("slow done".utf8))
        }),
        ("GET /big/{megabytes}", { _, parameters in
            let size = (Int(parameters["megabytes"] ?? "1") ?? 1) << 20
            var body = [UInt8](repeating: UInt8(ascii: "x"), count: size)
            body[size - 1] = UInt8(ascii: "!")
            return Response(contentType: "application/octet-stream", body: body)
        }),
        ("GET /shared", { _, _ in Response(contentType: "application/octet-stream", body: sharedBody) }),
        ("GET /bytes/{count}", { _, parameters in
                Response(
                    contentType: "application/octet-stream",
                    body: [UInt8](repeating: 0x2E, count: min(Int(parameters["count"] ?? "0") ?? 0, 1 << 20)))
        }),
        ("GET /stream/{count}", { _, parameters in
            var left = Int(parameters["count"] ?? "0") ?? 0
            return Response(contentType: "text/plain", stream: ResponseStream {
                guard left > 0 else { return nil }
                left -= 1
                return Array("piece \(left)\n".utf8)
            })
        }),
        ("POST /body", { request, _ in
            let trailers = request.trailers.map { "\($0.name.rawName)=\($0.value)" }.joined(separator: ",")
                return Response(
                    contentType: "text/plain",
                    body: Array("\(request.body.count):\(String(decoding: request.body, as: UTF8.self)):\(trailers)".utf8))
        }),
    ])
}

/// A server on a free loopback port with short timeouts; stopped when the test ends.
final class TestServer {
    let server: HTTPServer
    var port: UInt16 { server.port }

    init(host: String = "127.0.0.1", threads: Int = 2, logHandler: CapturedLog? = nil,
         configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var config = ServerConfiguration()
        config.host = host
        config.port = 0
        config.threads = threads
        config.headerTimeout = .seconds(2)
        config.idleTimeout = .seconds(5)
        config.writeTimeout = .seconds(5)
        config.drainTimeout = .seconds(3)
        config.accessLog = false
        configure(&config)
        var logger = logHandler.map { handler in Logger(label: "test") { _ in handler } } ?? Logger(label: "test")
        logger.logLevel = logHandler == nil ? .critical : .info
        server = try HTTPServer(configuration: config, responder: try testRouter(), logger: logger)
        server.start()
    }

    /// Builds (and immediately discards) a server, for start-up error tests.
    static func make(_ configuration: ServerConfiguration) throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        _ = try HTTPServer(configuration: configuration, responder: try testRouter(), logger: logger)
    }

    func stop() {
        server.shutdown()
        server.wait()
    }

    deinit { stop() }
}

/// Polls `condition` until it holds or `timeout` seconds pass (a generous deadline: the machine is loaded).
func waitUntil(timeout: Double = 20, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return condition()
}

/// A log handler that keeps each entry's metadata (and its message as "message"), for tests.
final class CapturedLog: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [[String: String]] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var entry = (event.metadata ?? [:]).mapValues { "\($0)" }
        entry["message"] = "\(event.message)"
        lock.lock()
        captured.append(entry)
        lock.unlock()
    }

    var entries: [[String: String]] {
        lock.lock()
        defer { lock.unlock() }
        return captured
    }
}
