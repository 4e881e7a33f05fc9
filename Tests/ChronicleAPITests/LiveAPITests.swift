import ChronicleAPI

import ChronicleServer
import Foundation
import Logging
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The same API scenarios over a real loopback socket.
@Suite(.serialized) struct LiveAPITests {
    func withServer(_ body: (UInt16) throws -> Void) throws {
        let harness = try APIHarness()
        var config = ServerConfiguration()
        config.port = 0
        config.threads = 1
        config.accessLog = false
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = try HTTPServer(configuration: config, responder: harness.router, logger: logger)
        server.start()
        defer {
            server.shutdown()
            server.wait()
        }
        try body(server.port)
    }

    func fetch(_ port: UInt16, _ path: String, method: String = "GET") throws -> (status: Int, headers: [String: String], body: Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(data, response as? HTTPURLResponse, error)
            semaphore.signal()
        }.resume()
        _ = semaphore.wait(timeout: .now() + 10)
        let (data, response, error) = box.get()
        if let error { throw error }
        let http = try #require(response)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers[String(describing: key).lowercased()] = String(describing: value) }
        return (http.statusCode, headers, data ?? Data())
    }

    @Test func eventsAndArabicSearchOverHTTP() throws {
        try withServer { port in
            let events = try fetch(port, "/events?limit=2")
            #expect(events.status == 200)
            #expect(events.headers["content-type"] == "application/json")
            #expect(events.headers["link"]?.contains("rel=\"next\"") == true)
            let object = try JSONSerialization.jsonObject(with: events.body) as? [String: Any]
            #expect((object?["meta"] as? [String: Int])?["total"] == 12)

            let search = try fetch(port, "/quotes?q=" + formEncode("الحل العسكري"))
            let found = try JSONSerialization.jsonObject(with: search.body) as? [String: Any]
            #expect(((found?["data"] as? [[String: Any]])?.first?["id"] as? String) == "attaf-military-solution")

            let missing = try fetch(port, "/events/nope")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "application/problem+json")

            let wrong = try fetch(port, "/events", method: "DELETE")
            #expect(wrong.status == 405)
            #expect(wrong.headers["allow"] == "GET, HEAD, OPTIONS")
        }
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, HTTPURLResponse?, (any Error)?) = (nil, nil, nil)
    func set(_ data: Data?, _ response: HTTPURLResponse?, _ error: (any Error)?) {
        lock.lock(); value = (data, response, error); lock.unlock()
    }
    func get() -> (Data?, HTTPURLResponse?, (any Error)?) { lock.lock(); defer { lock.unlock() }; return value }
}
