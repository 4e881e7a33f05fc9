import ChronicleHTTP
import ChronicleRouter
import HTTPTypes
import Synchronization
import Testing

/// The response cache: a repeated request skips the handler, and nothing that chooses the bytes
/// (the data's epoch, the method, the target, Accept, Accept-Encoding) or that is per request
/// (Origin, the request ID) is ever answered from another request's entry.
@Suite struct ResponseCacheTests {
    /// Everything the handlers and the epoch share, readable from the test.
    final class World: Sendable {
        let epoch = Atomic<Int>(1)
        let calls = Atomic<Int>(0)
        /// Set: the next handler call moves the epoch on while it runs (a reload mid-request).
        let reloadDuringNextCall = Atomic<Bool>(false)
    }

    let world = World()
    let cache: ResponseCache
    let router: Router

    init() throws {
        let world = self.world
        var options = ResponseCache.Options()
        options.capacityBytes = 8 * 64 << 10
        cache = ResponseCache(options: options, shards: 8, epoch: { world.epoch.load(ordering: .relaxed) })
        let body: @Sendable (String) -> [UInt8] = { tag in
            Array(
                ("{\"epoch\":\(world.epoch.load(ordering: .relaxed)),"
                    + "\"call\":\(world.calls.add(1, ordering: .relaxed).newValue),\"tag\":\"\(tag)\",\"pad\":\""
                    + String(repeating: "x", count: 2000) + "\"}").utf8)
        }
        router = try Router(routes: [
            ("GET /data", { request, _ in
                if world.reloadDuringNextCall.exchange(false, ordering: .relaxed) { world.epoch.add(1, ordering: .relaxed) }
                // The representation chosen by Accept, as the API's formats are.
                if request.headerFields[.accept]?.contains("text/csv") == true {
                            return Response(
                                contentType: "text/csv",
                                body: Array("epoch\r\n\(world.epoch.load(ordering: .relaxed))\r\n".utf8) + body("csv"))
                }
                return Response(contentType: "application/json", body: body("json"))
            }),
            ("GET /stable", { _, _ in
                _ = body("stable")
                return Response(contentType: "application/json", body: Array("{\"same\":true}".utf8))
            }),
            ("GET /private", { _, _ in
                var response = Response(contentType: "application/json", body: body("private"))
                response.headerFields[.cacheControl] = "no-store"
                return response
            }),
            ("GET /missing", { _, _ in
                _ = body("missing")
                return .problem(.notFound, "No such thing.")
            }),
            ("GET /stream", { _, _ in
                _ = body("stream")
                var left = 2
                return Response(contentType: "text/csv", stream: ResponseStream {
                    guard left > 0 else { return nil }
                    left -= 1
                    return Array("row\r\n".utf8)
                })
            }),
            ("GET /sized/{n}", { _, parameters in
                let size = Int(parameters["n"] ?? "") ?? 0
                _ = body("sized")
                return Response(contentType: "application/octet-stream", body: [UInt8](repeating: 7, count: size))
            }),
        ], middleware: [
            RequestIDMiddleware(),
            CORSMiddleware(allowedOrigins: ["https://one.example"]),
            cache,
            RepresentationMiddleware(),
        ])
    }

    func get(_ target: String, _ fields: HTTPFields = [:], method: HTTPRequest.Method = .get) throws -> Response {
        router.respond(to: try Request.make(method, target, headerFields: fields))
    }

    var calls: Int { world.calls.load(ordering: .relaxed) }

    @Test func aRepeatedRequestIsAnsweredWithoutTheHandler() throws {
        let first = try get("/data")
        let second = try get("/data")
        #expect(calls == 1)
        #expect(first.body == second.body && !first.body.isEmpty)
        #expect(first.headerFields[.eTag] == second.headerFields[.eTag])
        #expect(second.route == "GET /data")
        #expect(cache.hits == 1 && cache.misses == 1)
        // The query is part of the target: another query is another answer.
        _ = try get("/data?x=1")
        #expect(calls == 2)
    }

    @Test func theMetricsCountHitsMissesAndBytes() throws {
        _ = try get("/data")
        _ = try get("/data")
        _ = try get("/private")
        let lines = cache.exposition().split(separator: "\n").map(String.init)
        #expect(lines.contains("chronicle_response_cache_hits_total 1"))
        #expect(lines.contains("chronicle_response_cache_misses_total 2"))
        #expect(lines.contains("chronicle_response_cache_bytes \(cache.bytes)") && cache.bytes > 0)
    }

    @Test func eachContentCodingIsItsOwnEntry() throws {
        let gzip = try get("/data", [.acceptEncoding: "gzip"])
        let identity = try get("/data")
        #expect(gzip.headerFields[.contentEncoding] == "gzip")
        #expect(identity.headerFields[.contentEncoding] == nil)
        #expect(Gzip.decompress(gzip.body) != nil && identity.body.first == UInt8(ascii: "{"))
        #expect(calls == 2)
        // Asked again, each gets its own bytes back.
        #expect(try get("/data").body == identity.body)
        #expect(try get("/data", [.acceptEncoding: "gzip"]).body == gzip.body)
        #expect(calls == 2)
    }

    @Test func eachAcceptedFormatIsItsOwnEntry() throws {
        let csv = try get("/data", [.accept: "text/csv"])
        let json = try get("/data", [.accept: "application/json"])
        #expect(csv.headerFields[.contentType] == "text/csv" && json.headerFields[.contentType] == "application/json")
        #expect(try get("/data", [.accept: "text/csv"]).body == csv.body)
        #expect(try get("/data", [.accept: "application/json"]).body == json.body)
        #expect(calls == 2)
    }

    @Test func aNewEpochIsNeverAnsweredWithTheOldData() throws {
        let before = try get("/data")
        world.epoch.add(1, ordering: .relaxed)
        let after = try get("/data")
        #expect(calls == 2)
        #expect(String(decoding: before.body, as: UTF8.self).hasPrefix("{\"epoch\":1,"))
        #expect(String(decoding: after.body, as: UTF8.self).hasPrefix("{\"epoch\":2,"))
        #expect(try get("/data").body == after.body)
    }

    @Test func aReaderOfAnOlderEpochNeitherUsesNorEmptiesTheCache() throws {
        world.epoch.store(2, ordering: .relaxed)
        let current = try get("/data")
        // A request that read the epoch just before the reload arrives late.
        world.epoch.store(1, ordering: .relaxed)
        let late = try get("/data")
        #expect(calls == 2 && late.body != current.body)
        world.epoch.store(2, ordering: .relaxed)
        #expect(try get("/data").body == current.body)
        #expect(calls == 2)
    }

    @Test func gzipBodiesAreChargedWhatTheyKeepAllocated() throws {
        _ = try get("/data", [.acceptEncoding: "gzip"])
        let gzip = try get("/data", [.acceptEncoding: "gzip"])
        #expect(
            cache.bytes < 1024 + gzip.body.count * 2,
            "a compressed body keeps its worst-case reserve: \(cache.bytes) for \(gzip.body.count) bytes")
    }

    @Test func anAnswerMadeAcrossAReloadIsNotKeptForTheNewData() throws {
        // The epoch moves while the handler runs: its answer may mix old and new, so the next
        // request must not get it.
        world.reloadDuringNextCall.store(true, ordering: .relaxed)
        _ = try get("/data")
        let next = try get("/data")
        #expect(calls == 2)
        #expect(String(decoding: next.body, as: UTF8.self).hasPrefix("{\"epoch\":2,\"call\":2,"))
    }

    @Test func originAndRequestIDAreAddedToEveryAnswerNotStored() throws {
        let allowed = try get("/data", [.origin: "https://one.example", .requestID: "first-request"])
        let refused = try get("/data", [.origin: "https://two.example", .requestID: "second-request"])
        let none = try get("/data")
        #expect(calls == 1)
        #expect(allowed.headerFields[.accessControlAllowOrigin] == "https://one.example")
        #expect(refused.headerFields[.accessControlAllowOrigin] == nil)
        #expect(none.headerFields[.accessControlAllowOrigin] == nil)
        #expect(allowed.headerFields[.requestID] == "first-request")
        #expect(refused.headerFields[.requestID] == "second-request")
        #expect(none.headerFields[.requestID] != nil && none.headerFields[.requestID] != "second-request")
        // Vary: Origin once per answer, not once more per hit.
        #expect(refused.headerFields[values: .vary].filter { $0 == "Origin" }.count == 1)
        #expect(none.headerFields[values: .vary].filter { $0 == "Origin" }.count == 1)
    }

    @Test func headAndGetAreSeparateAndConditionalRequestsGoThrough() throws {
        let head = try get("/data", method: .head)
        let got = try get("/data")
        #expect(calls == 2)
        #expect(head.headerFields[.eTag] != nil && !got.body.isEmpty)
        let stable = try get("/stable")
        let etag = try #require(stable.headerFields[.eTag])
        let notModified = try get("/stable", [.ifNoneMatch: etag])
        #expect(notModified.status == .notModified)
        #expect(calls == 4)
        // A 304 is not filed as the answer to the unconditional request.
        let again = try get("/stable")
        #expect(again.status == .ok && again.body == stable.body)
        #expect(calls == 4)
    }

    @Test func onlyCompleteStorableOKAnswersAreKept() throws {
        for target in ["/private", "/missing", "/stream"] {
            _ = try get(target)
            _ = try get(target)
        }
        #expect(calls == 6)
        #expect(cache.bytes == 0)
    }

    @Test func theCacheStaysWithinItsBytes() throws {
        let capacity = 8 * 64 << 10
        for index in 0..<400 {
            _ = try get("/sized/\(4000 + index)")
            #expect(cache.bytes <= capacity)
        }
        #expect(cache.bytes > capacity / 2)
        // An answer bigger than a shard is never kept.
        _ = try get("/sized/70000")
        _ = try get("/sized/70000")
        #expect(calls == 402)
    }
}
