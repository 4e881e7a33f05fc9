import ChronicleHTTP
import ChronicleRouter
import HTTPTypes
import Testing

func text(_ body: String) -> Response { Response(contentType: "text/plain", body: Array(body.utf8)) }
func bodyText(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

struct FailingError: Error {}

let empty: Handler = { _, _ in text("") }

@Suite struct RouterTests {
    let router: Router

    init() throws {
        router = try Router(routes: [
            ("GET /", { _, _ in text("root") }),
            ("GET /events", { _, _ in text("list") }),
            ("GET /events/{id}", { _, p in text("event \(p["id"]!)") }),
            ("GET /events/latest", { _, _ in text("latest") }),
            ("POST /events/new", { _, _ in text("created") }),
            ("GET /actors/{id}/events", { _, p in text("events of \(p["id"]!)") }),
            ("DELETE /actors/{id}", { _, _ in text("deleted") }),
            ("GET /fail", { _, _ in throw FailingError() }),
            ("GET /teapot", { _, _ in throw HTTPProblem(.badRequest, "no", headerFields: [HTTPField.Name("X-Why")!: "because"]) }),
        ])
    }

    func call(_ method: HTTPRequest.Method, _ target: String) throws -> Response {
        router.respond(to: try Request.make(method, target))
    }

    @Test func literalBeatsParameterWhateverTheOrder() throws {
        #expect(bodyText(try call(.get, "/events/latest")) == "latest")
        #expect(bodyText(try call(.get, "/events/e1")) == "event e1")
    }

    @Test func parametersAreNamedByTheRouteThatMatched() throws {
        let router = try Router(routes: [
            ("GET /a/{id}", { _, p in Response(contentType: "text/plain", body: Array("id=\(p["id"] ?? "nil")".utf8)) }),
            (
                "GET /a/{name}/x",
                { _, p in Response(contentType: "text/plain", body: Array("name=\(p["name"] ?? "nil") id=\(p["id"] ?? "nil")".utf8)) }
            ),
        ])
        #expect(bodyText(router.respond(to: try Request.make(.get, "/a/1"))) == "id=1")
        #expect(bodyText(router.respond(to: try Request.make(.get, "/a/2/x"))) == "name=2 id=nil")
    }

    @Test func parameterIsDecoded() throws {
        #expect(bodyText(try call(.get, "/events/%D9%85%20x")) == "event م x")
    }

    @Test func backtracksFromALiteralWithoutTheMethod() throws {
        // "/events/new" exists only for POST, so GET falls back to "/events/{id}".
        #expect(bodyText(try call(.get, "/events/new")) == "event new")
    }

    @Test func rootAndTrailingSlash() throws {
        #expect(bodyText(try call(.get, "/")) == "root")
        #expect(bodyText(try call(.get, "/events/")) == "list")
    }

    @Test func unknownPathIs404Problem() throws {
        let response = try call(.get, "/nowhere")
        #expect(response.status == .notFound)
        #expect(response.headerFields[.contentType] == "application/problem+json")
        #expect(try call(.get, "/events/a/b").status == .notFound)
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let response = try call(.post, "/events")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headerFields[.allow] == "GET, HEAD, OPTIONS")
        let actor = try call(.put, "/actors/x")
        #expect(actor.headerFields[.allow] == "DELETE, OPTIONS")
    }

    @Test func headUsesTheGetRoute() throws {
        #expect(bodyText(try call(.head, "/events/e2")) == "event e2")
    }

    @Test func optionsIsAnsweredFromTheTable() throws {
        let response = try call(.options, "/events/x")
        #expect(response.status == .noContent)
        #expect(response.headerFields[.allow] == "GET, HEAD, OPTIONS")
        let star = router.respond(to: try Request.make(.options, "*"))
        #expect(star.headerFields[.allow] == "DELETE, GET, HEAD, OPTIONS, POST")
    }

    @Test func thrownErrorsBecomeProblems() throws {
        let failed = try call(.get, "/fail")
        #expect(failed.status == .internalServerError)
        #expect(!bodyText(failed).contains("FailingError"))
        let mapped = try call(.get, "/teapot")
        #expect(mapped.status == .badRequest)
        #expect(mapped.headerFields[HTTPField.Name("X-Why")!] == "because")
    }

    @Test func unexpectedErrorsAreReported() throws {
        let reported = Reported()
        let router = try Router(
            routes: [("GET /x", { _, _ in throw FailingError() })], errorReporter: { error, _ in reported.add("\(error)") })
        _ = router.respond(to: try Request.make(.get, "/x"))
        #expect(reported.values == ["FailingError()"])
    }

    @Test func conflictingRoutesFailNamingBoth() {
        #expect(throws: RouterError.conflict("GET /events/{id}", "GET /events/{name}")) {
            try Router(routes: [("GET /events/{id}", empty), ("GET /events/{name}", empty)])
        }
        #expect(throws: RouterError.conflict("GET /a", "GET /a/")) {
            try Router(routes: [("GET /a", empty), ("GET /a/", empty)])
        }
    }

    @Test func malformedPatternsFail() {
        for pattern in ["/events", "GET events", "GET /a/{}", "GET /a/{x}/{x}", "GET /a{x}"] {
            #expect(throws: RouterError.self) { try Router(routes: [(pattern, empty)]) }
        }
    }

    @Test func middlewareWrapsEverythingInOrder() throws {
        struct Tag: Middleware {
            let name: String
            func handle(_ request: Request, next: (Request) -> Response) -> Response {
                var response = next(request)
                response.headerFields.append(HTTPField(name: HTTPField.Name("X-Trace")!, value: name))
                return response
            }
        }
        let router = try Router(routes: [("GET /x", { _, _ in text("x") })], middleware: [Tag(name: "outer"), Tag(name: "inner")])
        let found = router.respond(to: try Request.make(.get, "/x"))
        #expect(found.headerFields[values: HTTPField.Name("X-Trace")!] == ["inner", "outer"])
        let missing = router.respond(to: try Request.make(.get, "/missing"))
        #expect(missing.headerFields[values: HTTPField.Name("X-Trace")!] == ["inner", "outer"])
    }

    @Test func routesAreListedWithOpenAPIPaths() throws {
        #expect(router.routes.map(\.path).contains("/actors/{id}/events"))
        #expect(router.routes.count == 9)
    }
}

final class Reported: Sendable {
    private let storage = LockedStrings()
    func add(_ value: String) { storage.append(value) }
    var values: [String] { storage.all }
}

import Synchronization

final class LockedStrings: Sendable {
    private let strings = Mutex<[String]>([])
    func append(_ value: String) { strings.withLock { $0.append(value) } }
    var all: [String] { strings.withLock { $0 } }
}
