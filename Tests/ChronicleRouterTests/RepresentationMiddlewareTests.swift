import ChronicleHTTP
import ChronicleRouter
import HTTPTypes
import Testing

@Suite struct RepresentationMiddlewareTests {
    static let large = String(repeating: "{\"id\":\"event\",\"title\":\"مالي\"}", count: 200)

    let router: Router

    init() throws {
        router = try Router(routes: [
            ("GET /large", { _, _ in Response(contentType: "application/json", body: Array(Self.large.utf8)) }),
            ("GET /small", { _, _ in Response(contentType: "application/json", body: Array("{}".utf8)) }),
            ("GET /image", { _, _ in Response(contentType: "image/png", body: [UInt8](repeating: 1, count: 5000)) }),
            ("GET /stream", { _, _ in
                var left = 3
                return Response(contentType: "text/csv", stream: ResponseStream {
                    guard left > 0 else { return nil }
                    left -= 1
                    return Array("row,\(left)\r\n".utf8)
                })
            }),
        ], middleware: [RepresentationMiddleware()])
    }

    func get(_ path: String, _ fields: HTTPFields = [:], method: HTTPRequest.Method = .get) throws -> Response {
        router.respond(to: try Request.make(method, path, headerFields: fields))
    }

    @Test func gzipWhenAcceptedAndLarge() throws {
        let response = try get("/large", [.acceptEncoding: "gzip, deflate, br"])
        #expect(response.headerFields[.contentEncoding] == "gzip")
        #expect(response.headerFields[.vary] == "Accept-Encoding")
        #expect(Gzip.decompress(response.body) == Array(Self.large.utf8))
        #expect(response.headerFields[.eTag]?.hasSuffix("-gzip\"") == true)
        #expect(response.headerFields[.cacheControl] == "public, max-age=60")
    }

    @Test func identityWhenNotAcceptedTooSmallOrNotCompressible() throws {
        for (path, accept) in [
            ("/large", "br"), ("/large", "gzip;q=0"), ("/small", "gzip"), ("/image", "gzip"), ("/large", "gzip;q=0.5, identity"),
        ] {
            let response = try get(path, [.acceptEncoding: accept])
            #expect(response.headerFields[.contentEncoding] == nil, "\(path) \(accept)")
        }
        #expect(try get("/image", [.acceptEncoding: "gzip"]).headerFields[.vary] == nil)
        #expect(try get("/small", [.acceptEncoding: "gzip"]).headerFields[.vary] == "Accept-Encoding")
    }

    @Test func identityRefusedForcesGzipOrGives406() throws {
        let small = try get("/small", [.acceptEncoding: "gzip, identity;q=0"])
        #expect(small.headerFields[.contentEncoding] == "gzip")
        #expect(Gzip.decompress(small.body) == Array("{}".utf8))
        let star = try get("/small", [.acceptEncoding: "*;q=0"])
        #expect(star.status == .notAcceptable)
        #expect(star.headerFields[.contentType] == "application/problem+json")
        let starGzip = try get("/large", [.acceptEncoding: "*"])
        #expect(starGzip.headerFields[.contentEncoding] == "gzip")
    }

    @Test func matchingIfNoneMatchGives304WithCachingFields() throws {
        let first = try get("/large", [.acceptEncoding: "gzip"])
        let etag = try #require(first.headerFields[.eTag])
        let again = try get("/large", [.acceptEncoding: "gzip", .ifNoneMatch: "\"nope\", \(etag)"])
        #expect(again.status == .notModified)
        #expect(again.body.isEmpty)
        #expect(again.headerFields[.eTag] == etag)
        #expect(again.headerFields[.cacheControl] == "public, max-age=60")
        #expect(again.headerFields[.vary] == "Accept-Encoding")
        #expect(again.headerFields[.contentEncoding] == nil)
        // The identity representation has its own tag: the gzip tag does not match it.
        #expect(try get("/large", [.ifNoneMatch: etag]).status == .ok)
        #expect(try get("/large", [.ifNoneMatch: "*"]).status == .notModified)
    }

    @Test func headGetsTheSameHeaders() throws {
        let get = try self.get("/large", [.acceptEncoding: "gzip"])
        let head = try self.get("/large", [.acceptEncoding: "gzip"], method: .head)
        #expect(head.headerFields[.eTag] == get.headerFields[.eTag])
        #expect(head.headerFields[.contentEncoding] == "gzip")
        #expect(head.body.count == get.body.count)  // the server drops the body but keeps its length
    }

    @Test func streamsAreCompressedPieceByPiece() throws {
        let response = try get("/stream", [.acceptEncoding: "gzip"])
        #expect(response.headerFields[.contentEncoding] == "gzip")
        var out: [UInt8] = []
        while let piece = response.stream?.next() { out += piece }
        #expect(Gzip.decompress(out) == Array("row,2\r\nrow,1\r\nrow,0\r\n".utf8))
        #expect(response.headerFields[.eTag] == nil)
    }

    @Test func handlerTagsAreUsedWithoutHashingAndWorkForStreams() throws {
        let router = try Router(routes: [
            ("GET /tagged", { _, _ in
                var response = Response(contentType: "application/json", body: Array(Self.large.utf8))
                response.headerFields[.eTag] = "\"abc\""
                return response
            }),
            ("GET /export", { _, _ in
                var response = Response(contentType: "text/csv", stream: ResponseStream { nil })
                response.headerFields[.eTag] = "\"exp\""
                return response
            }),
            ("GET /live", { _, _ in
                Response(status: .ok, headerFields: [.contentType: "text/plain", .cacheControl: "no-store"], body: Array(Self.large.utf8))
            }),
        ], middleware: [RepresentationMiddleware()])
        func get(_ path: String, _ fields: HTTPFields) throws -> Response {
            router.respond(to: try Request.make(.get, path, headerFields: fields))
        }
        #expect(try get("/tagged", [.acceptEncoding: "gzip"]).headerFields[.eTag] == "\"abc-gzip\"")
        #expect(try get("/tagged", [.ifNoneMatch: "\"abc\""]).status == .notModified)
        #expect(try get("/export", [:]).headerFields[.eTag] == "\"exp\"")
        let exportNotModified = try get("/export", [.acceptEncoding: "gzip", .ifNoneMatch: "\"exp-gzip\""])
        #expect(exportNotModified.status == .notModified)
        #expect(exportNotModified.stream == nil)
        let live = try get("/live", [.acceptEncoding: "gzip", .ifNoneMatch: "*"])
        #expect(live.status == .ok)
        #expect(live.headerFields[.eTag] == nil)
        #expect(live.headerFields[.contentEncoding] == "gzip")
    }
}
