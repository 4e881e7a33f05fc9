import ChronicleHTTP
import ChronicleRouter
import HTTPTypes
import Testing

@Suite struct CORSMiddlewareTests {
    func router(_ origins: [String]) throws -> Router {
        try Router(routes: [("GET /events", { _, _ in Response(contentType: "application/json", body: Array("[]".utf8)) })],
                   middleware: [CORSMiddleware(allowedOrigins: origins)])
    }

    func call(_ router: Router, _ method: HTTPRequest.Method, _ fields: HTTPFields) throws -> Response {
        router.respond(to: try Request.make(method, "/events", headerFields: fields))
    }

    @Test func wildcardAllowsAnyOriginWithoutVary() throws {
        let response = try call(try router(["*"]), .get, [.origin: "https://dash.example"])
        #expect(response.headerFields[.accessControlAllowOrigin] == "*")
        #expect(response.headerFields[.accessControlExposeHeaders] == "Link, ETag, X-Request-ID")
        #expect(response.headerFields[.vary] == nil)
    }

    @Test func wildcardAnswersCarryTheHeaderEvenWithoutOrigin() throws {
        // A same-origin fetch sends no Origin; the browser caches that answer (max-age) and may
        // serve it to a page on another origin for the same URL, which then needs the header.
        let response = try call(try router(["*"]), .get, [:])
        #expect(response.headerFields[.accessControlAllowOrigin] == "*")
        #expect(response.headerFields[.accessControlExposeHeaders] == "Link, ETag, X-Request-ID")
        #expect(response.headerFields[.vary] == nil)
        // With a list, the answer depends on Origin and says so.
        let listed = try call(try router(["https://dash.example"]), .get, [:])
        #expect(listed.headerFields[.accessControlAllowOrigin] == nil)
        #expect(listed.headerFields[.vary] == "Origin")
    }

    @Test func preflightEchoesOnlyValidFieldNames() throws {
        let cors = try router(["*"])
        let clean = try call(cors, .options, [
                .origin: "https://dash.example", .accessControlRequestMethod: "GET",
                .accessControlRequestHeaders: " If-None-Match ,x-request-id,"
        ])
        #expect(clean.headerFields[.accessControlAllowHeaders] == "if-none-match, x-request-id")
        let dirty = try call(cors, .options, [
            .origin: "https://dash.example", .accessControlRequestMethod: "GET", .accessControlRequestHeaders: "x-ok, <script>",
        ])
        #expect(dirty.status == .noContent)
        #expect(dirty.headerFields[.accessControlAllowHeaders] == nil)
    }

    @Test func preflightFromAnAllowedOrigin() throws {
        let response = try call(try router(["https://dash.example"]), .options, [
            .origin: "https://dash.example", .accessControlRequestMethod: "GET", .accessControlRequestHeaders: "if-none-match",
        ])
        #expect(response.status == .noContent)
        #expect(response.headerFields[.accessControlAllowOrigin] == "https://dash.example")
        #expect(response.headerFields[.accessControlAllowMethods] == "GET, HEAD, OPTIONS")
        #expect(response.headerFields[.accessControlAllowHeaders] == "if-none-match")
        #expect(response.headerFields[.accessControlMaxAge] == "86400")
        #expect(response.headerFields[values: .vary].contains("Origin"))
    }

    @Test func listedOriginIsEchoedWithVary() throws {
        let response = try call(try router(["https://a.example", "https://b.example"]), .get, [.origin: "https://b.example"])
        #expect(response.headerFields[.accessControlAllowOrigin] == "https://b.example")
        #expect(response.headerFields[values: .vary] == ["Origin"])
    }

    @Test func otherOriginsGetNoCORSHeaders() throws {
        let router = try router(["https://a.example"])
        let simple = try call(router, .get, [.origin: "https://evil.example"])
        #expect(simple.status == .ok)
        #expect(simple.headerFields[.accessControlAllowOrigin] == nil)
        let preflight = try call(router, .options, [.origin: "https://evil.example", .accessControlRequestMethod: "GET"])
        #expect(preflight.headerFields[.accessControlAllowOrigin] == nil)
        #expect(preflight.headerFields[.accessControlAllowMethods] == nil)
        // Without Origin, a list-based answer still varies by it.
        #expect(try call(router, .get, [:]).headerFields[values: .vary] == ["Origin"])
    }
}
