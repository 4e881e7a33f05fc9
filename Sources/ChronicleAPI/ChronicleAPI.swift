// The read API over the store: the route table and one handler per route. Handlers validate the
// query, ask the domain, and render JSON; the domain never sees HTTP, and errors reach the client
// as RFC 9457 problem documents through the router.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP
import ChronicleRouter
import HTTPTypes

public struct ChronicleAPI: Sendable {
    public let data: DatasetHolder
    public let status: ServiceStatus
    /// Prometheus exposition text of everything outside this module (requests, connections, TLS).
    private let metrics: @Sendable () -> String

    /// The most matching events an aggregate is counted over on an event loop (about 0.8 s at
    /// `by=pair`); a count over more is made off the loops while the client is asked to retry.
    let aggregateLoopLimit: Int

    public init(
        data: DatasetHolder, status: ServiceStatus = ServiceStatus(), metrics: @escaping @Sendable () -> String = { "" },
        aggregateLoopLimit: Int = 200_000
    ) {
        self.data = data
        self.status = status
        self.metrics = metrics
        self.aggregateLoopLimit = aggregateLoopLimit
    }

    /// Every route, as "METHOD /path" patterns with their handlers: each record type's detail route,
    /// and its list route when it has no list with filters of its own (`listsWithFilters`).
    public var routes: [(String, Handler)] {
        var routes: [(String, Handler)] = [
            ("GET /", index),
            ("GET /health", health),
            ("GET /ready", ready),
            ("GET /metrics", metricsText),
            ("GET /openapi.json", openAPI),
        ]
        routes += listsWithFilters
        for kind in RecordKinds.rendered {
            if !listsWithFilters.contains(where: { $0.0 == "GET /\(kind.collection)" }) {
                routes.append(("GET /\(kind.collection)", list(kind)))
            }
            routes.append(("GET /\(kind.collection)/{id}", detail(kind)))
        }
        routes += [
            ("GET /actors/{id}/events", actorEvents),
            ("GET /actors/{id}/quotes", actorQuotes),
            ("GET /documents/{id}/text", documentText),
            ("GET /aggregate/events", aggregateEvents),
            ("GET /dashboard", dashboardPage),
            ("GET /dashboard/assets/{version}/{file}", dashboardAsset),
        ]
        return routes
    }

    /// The list routes whose filters reach into the store's indexes.
    private var listsWithFilters: [(String, Handler)] {
        [("GET /events", events), ("GET /actors", actors), ("GET /quotes", quotes)]
    }

    /// The router for these routes, with the given middleware around it.
    public func makeRouter(
        middleware: [any Middleware] = [], errorReporter: @escaping @Sendable (any Error, Request) -> Void = { _, _ in }
    ) throws(RouterError) -> Router {
        try Router(routes: routes, middleware: middleware, errorReporter: errorReporter)
    }

    // MARK: Service

    private func index(_ request: Request, _ parameters: Parameters) throws -> Response {
        // The landing page filters nothing, so it ignores query parameters (links with tracking
        // parameters still land) instead of refusing unknown ones.
        let query = try QueryParameters(request, allowed: Set(request.queryItems.map(\.name)))
        let store = data.current
        var w = JSONWriter(pretty: query.pretty)
        w.object { w in
            w.member("name", "Chronicle")
            w.member("description", "Events, actors and quotes taken from source documents; every record cites its span.")
            w.key("counts")
            w.object { w in for (collection, count) in store.counts { w.member(collection, count) } }
            if let info = store.info {
                w.key("codebooks")
                w.object { w in
                    w.member("cameo", info.codebooks.cameo)
                    w.member("plover", info.codebooks.plover)
                }
                w.key("coding")
                w.array { w in
                    for coding in info.coding {
                        w.object { w in
                            w.member("date", coding.date)
                            w.member("by", coding.by)
                            w.member("note", coding.note)
                        }
                    }
                }
            }
            w.key("links")
            w.object { w in
                // The collections an event-centred reading starts from first, then any other.
                let first = ["events", "actors", "quotes", "documents"]
                for path in first + RecordKinds.collections.filter({ !first.contains($0) }) + ["dashboard", "openapi.json", "health"] {
                    w.member(path.replacingDotJSON(), "/\(path)")
                }
            }
        }
        w.newline()
        return Response(contentType: "application/json", body: w.bytes)
    }

    private func health(_ request: Request, _ parameters: Parameters) throws -> Response {
        // Probes may add cache-busting parameters; they are ignored.
        return Response(contentType: "application/json", body: Array("{\"status\":\"ok\"}\n".utf8))
    }

    private func ready(_ request: Request, _ parameters: Parameters) throws -> Response {
        let (store, generation, _) = data.status
        if status.isDraining {
            var response = Response.problem(.serviceUnavailable, "The server is shutting down and no longer takes new work.")
            response.headerFields[.retryAfter] = "5"
            return response
        }
        var w = JSONWriter()
        w.object { w in
            w.member("status", "ready")
            w.member("events", store.events.count)
            w.member("generation", generation)
        }
        w.newline()
        var response = Response(contentType: "application/json", body: w.bytes)
        response.headerFields[.cacheControl] = "no-store"
        return response
    }

    private func metricsText(_ request: Request, _ parameters: Parameters) throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let (store, generation, loadSeconds) = data.status
        var out = PrometheusText()
        out.family("chronicle_dataset_records", .gauge, help: "Records in the dataset being served.")
        for (kind, count) in store.counts {
            out.sample("chronicle_dataset_records", labels: [("kind", kind)], count)
        }
        out.single("chronicle_dataset_generation", .gauge, help: "Dataset loads so far (1 at start, +1 per successful reload).", generation)
        out.single("chronicle_dataset_load_seconds", .gauge, help: "Time the dataset being served took to load and index.", loadSeconds)
        let text = metrics() + out.text
        var response = Response(contentType: "text/plain; version=0.0.4; charset=utf-8", body: Array(text.utf8))
        response.headerFields[.cacheControl] = "no-store"
        return response
    }

    private func openAPI(_ request: Request, _ parameters: Parameters) throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        return Response(contentType: "application/json", body: OpenAPIDocument.bytes)
    }

    // MARK: Events

    private func events(_ request: Request, _ parameters: Parameters) throws -> Response {
        let query = try QueryParameters(request, allowed: QueryParameters.paging.union(Self.eventFilters).union(["sort"]))
        let (store, rendered) = data.snapshot
        let filter = try eventFilter(query, store: store)
        return try Listing.respond(
            store.matchingEvents(filter), request: request, parameters: query, record: Event.format(store, rendered),
            fingerprint: store.fingerprint, ambiguous: store.ambiguities(in: filter.text))
    }

    // MARK: Actors

    private func actors(_ request: Request, _ parameters: Parameters) throws -> Response {
        let query = try QueryParameters(request, allowed: QueryParameters.paging.union(["id", "kind", "q"]))
        let (store, rendered) = data.snapshot
        var filter = ActorQuery()
        // A batch of actors by id (a dashboard naming the actors of a view in one request).
        filter.ids = try actors(query, "id", store: store)
        if let kind = try query.single("kind") {
            guard let value = Actor.Kind(rawValue: kind) else {
                throw APIError.parameter(
                    "kind", "\"kind\" must be one of \(Actor.Kind.allCases.map(\.rawValue).joined(separator: ", ")); got \"\(kind)\".")
            }
            filter.kind = value
        }
        filter.text = try query.text
        return try Listing.respond(
            store.matchingActors(filter), request: request, parameters: query, record: Actor.format(store, rendered),
            fingerprint: store.fingerprint, ambiguous: store.ambiguities(in: filter.text))
    }

    private func actorEvents(_ request: Request, _ parameters: Parameters) throws -> Response {
        let query = try QueryParameters(
            request,
            allowed: QueryParameters.paging.union([
                "type", "country", "from", "to", "q", "sort", "source", "target", "level", "certainty", "precision", "statement",
                "flag",
            ]))
        let (store, rendered) = data.snapshot
        let actor = try lookup { () throws(DomainError) in try store.actor(parameters["id"] ?? "") }
        var filter = try eventQuery(query, store: store)
        filter.actors = [actor.id]
        filter.type = try query.single("type")
        return try Listing.respond(
            store.matchingEvents(filter), request: request, parameters: query, record: Event.format(store, rendered),
            fingerprint: store.fingerprint, ambiguous: store.ambiguities(in: filter.text))
    }

    private func actorQuotes(_ request: Request, _ parameters: Parameters) throws -> Response {
        let query = try QueryParameters(
            request,
            allowed: QueryParameters.paging.union(["event", "lang", "from", "to", "q", "sort", "level", "stance", "refused_label"]))
        let (store, rendered) = data.snapshot
        let actor = try lookup { () throws(DomainError) in try store.actor(parameters["id"] ?? "") }
        var filter = try quoteQuery(query, store: store)
        filter.speakers = [actor.id]
        filter.level = try level(query)
        return try Listing.respond(
            store.matchingQuotes(filter), request: request, parameters: query, record: Quote.format(store, rendered),
            fingerprint: store.fingerprint, ambiguous: store.ambiguities(in: filter.text))
    }

    // MARK: Quotes

    private func quotes(_ request: Request, _ parameters: Parameters) throws -> Response {
        let query = try QueryParameters(
            request,
            allowed: QueryParameters.paging.union([
                "speaker", "level", "stance", "refused_label", "event", "lang", "from", "to", "q", "sort",
            ]))
        let (store, rendered) = data.snapshot
        var filter = try quoteQuery(query, store: store)
        filter.speakers = try distinct(query, "speaker")
        filter.level = try level(query)
        for speaker in filter.speakers where !store.hasActor(speaker) {
            throw APIError.parameter("speaker", "\"speaker\": there is no actor with id \"\(speaker)\".")
        }
        return try Listing.respond(
            store.matchingQuotes(filter), request: request, parameters: query, record: Quote.format(store, rendered),
            fingerprint: store.fingerprint, ambiguous: store.ambiguities(in: filter.text))
    }

    // MARK: Any record type

    /// The records of a type without a list of its own, a page at a time in store order, filtered
    /// by the fields its descriptor declares (`name=value`, repeatable, each value one that some
    /// record has, as `statement=` takes only the statements there are) and searched by `q` when it
    /// declares texts.
    private func list<Kind: RenderedKind>(_ kind: Kind.Type) -> Handler {
        let names = kind.indexedFieldNames
        let allowed = QueryParameters.paging.union(names).union(kind.isSearchable ? ["q"] : [])
        return { [data, self] request, _ in
            let query = try QueryParameters(request, allowed: allowed)
            let (store, rendered) = data.snapshot
            var fields: [(name: String, values: [String])] = []
            for name in names {
                let values = try self.distinct(query, name)
                guard !values.isEmpty else { continue }
                for value in values where !store.has(kind, name, value) {
                    throw Self.notAmong(name, store.values(kind, of: name), value)
                }
                fields.append((name, values))
            }
            let text = kind.isSearchable ? try query.text : nil
            return try Listing.respond(
                store.matching(kind, fields: fields, text: text), request: request, parameters: query,
                record: kind.format(store, rendered), fingerprint: store.fingerprint)
        }
    }

    /// One record by id: 404 when unknown, its pre-rendered JSON when there is some.
    private func detail<Kind: RenderedKind>(_ kind: Kind.Type) -> Handler {
        { [data] request, parameters in
            let query = try QueryParameters(request, allowed: [])
            let (store, rendered) = data.snapshot
            let id = parameters["id"] ?? ""
            let record = try lookup { () throws(DomainError) in try store.record(kind, id) }
            let format = kind.format(store, rendered)
            return Listing.single(pretty: query.pretty, request: request, fingerprint: store.fingerprint) {
                format.write(record, position: store.position(kind, id) ?? 0, into: &$0)
            }
        }
    }

    private func documentText(_ request: Request, _ parameters: Parameters) throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let store = data.current
        let document = try lookup { () throws(DomainError) in try store.document(parameters["id"] ?? "") }
        var response = Response(contentType: "text/plain; charset=utf-8", body: Array(document.text.utf8))
        response.headerFields[.eTag] = "\"" + document.sha256 + "\""
        return response
    }
}

private extension String {
    /// "openapi.json" → "openapi" as a link name.
    func replacingDotJSON() -> String { hasSuffix(".json") ? String(dropLast(5)) : self }
}
