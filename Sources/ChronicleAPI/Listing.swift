// The list envelope: {"data": [...], "meta": {...}, "links": {...}}, and the same links as an
// RFC 8288 Link header. Links are relative references (resolved against the request URI), so they
// stay right behind a proxy or load balancer. They repeat the request's own query with a new
// offset, so following `next` from the first page visits every match exactly once.
import ChronicleStore
import ChronicleHTTP
import ChronicleRouter
import HTTPTypes

enum Listing {
    /// Raised whenever what a list or a record looks like changes (a field, its order, a format, what a
    /// filter means: 4 made `speaker` and pairs principal-level, 5 added the caveat filters, 6 gave
    /// speakers the principal rule of participants, 7 put every caveat in the CSV and quotes' dating,
    /// 8 added `meta.ambiguous`, 9 the last caveat columns, 10 events' coding notes):
    /// it is part of every list's ETag, so a client's cached copy made by an older build is not
    /// taken for the new representation of the same data. `CrawlTests` fails when an answer's body
    /// changes and this stays as it was recorded.
    static let representationVersion = 11

    /// A list in the negotiated format: a JSON page (limit 1–500, default 50) or a streamed export
    /// (CSV or NDJSON: every match unless `limit` is given).
    static func respond<Item>(
        _ matches: Matches<Item>, request: Request, parameters: QueryParameters, record: RecordFormat<Item>, fingerprint: String,
        ambiguous: [Store.Ambiguity] = []
    ) throws(HTTPProblem) -> Response {
        let negotiated = try parameters.single("format") == nil
        let format: Format
        do {
            format = try Format.negotiate(request, parameters)
        } catch {
            // The 406 depends on Accept too.
            throw error.varying(onAccept: negotiated)
        }
        let offset = try parameters.offset
        let etag = tag(fingerprint, request, format)
        if var unchanged = notModified(request, etag: etag) {
            if negotiated { unchanged.headerFields.append(HTTPField(name: .vary, value: "Accept")) }
            return unchanged
        }
        var response: Response
        switch format {
        case .json:
            let limit = try parameters.limit
            let start = min(offset, matches.count)
            let end = start + min(limit, matches.count - start)
            // Positions only: a pre-rendered record is copied as bytes without touching the record itself.
            let page = Page(items: Array(start..<end), total: matches.count, offset: start, limit: limit)
            response = self.response(page, request: request, parameters: parameters, ambiguous: ambiguous) { index, w in
                record.write(matches, index, into: &w)
            }
        case .csv, .ndjson:
            let limit = try parameters.single("limit") == nil ? nil : try parameters.integer("limit", default: 0, in: 1...Int(Int32.max))
            response = Export.response(matches, offset: offset, limit: limit, format: format, record: record)
        }
        response.headerFields[.eTag] = etag
        // The format was chosen by Accept: a shared cache must not give this body to a client that
        // asked for another (RFC 9110 section 12.5.5).
        if negotiated { response.headerFields.append(HTTPField(name: .vary, value: "Accept")) }
        return response
    }

    /// A 304 decided from the tag alone, before any record is read or rendered: what a dashboard
    /// polling an unchanged list costs. Either coding's tag matches (RFC 9110 section 13.1.2).
    static func notModified(_ request: Request, etag: String) -> Response? {
        let conditions = request.headerFields[values: .ifNoneMatch]
        guard let matched = EntityTag.matched(conditions, among: [etag, EntityTag.variant(etag, coding: "gzip")]) else { return nil }
        var response = Response(status: .notModified)
        response.headerFields[.eTag] = matched
        return response
    }

    /// The body of a data response is a pure function of the dataset, the target and the format,
    /// so its tag is derived from those and the body is never hashed.
    static func tag(_ fingerprint: String, _ request: Request, _ format: Format) -> String {
        EntityTag.derived(from: [String(representationVersion), fingerprint, request.head.rawTarget, format.rawValue])
    }

    static func response<Item>(
        _ page: Page<Item>, request: Request, parameters: QueryParameters, ambiguous: [Store.Ambiguity] = [],
        write: (Item, inout JSONWriter) -> Void
    ) -> Response {
        let path = request.target.path
        func link(offset: Int) -> String {
            var items = parameters.items.filter { $0.name != "offset" }
            items.append(QueryItem(name: "offset", value: String(offset)))
            return Paths.link(path, items)
        }
        let selfLink = Paths.selfLink(request)
        let next = page.nextOffset.map(link)
        let previous = page.previousOffset.map(link)

        var w = JSONWriter(pretty: parameters.pretty, capacity: 1024 + page.items.count * 1024)
        w.object { w in
            w.key("data")
            w.array { w in for item in page.items { write(item, &w) } }
            w.key("meta")
            w.object { w in
                w.member("total", page.total)
                w.member("count", page.items.count)
                w.member("offset", page.offset)
                w.member("limit", page.limit)
                // Names the search matched that may denote someone or something else.
                if !ambiguous.isEmpty {
                    w.key("ambiguous")
                    w.array { w in
                        for entry in ambiguous {
                            w.object { w in
                                w.member("name", entry.name)
                                w.member("actor", entry.actor)
                                w.member("also_denotes", entry.alsoDenotes)
                            }
                        }
                    }
                }
            }
            w.key("links")
            w.object { w in
                w.member("self", selfLink)
                w.member("next", next)
                w.member("prev", previous)
            }
        }
        w.newline()
        var response = Response(contentType: "application/json", body: w.bytes)
        let links = [next.map { "<\($0)>; rel=\"next\"" }, previous.map { "<\($0)>; rel=\"prev\"" }].compactMap { $0 }
        if !links.isEmpty { response.headerFields[.link] = links.joined(separator: ", ") }
        return response
    }

    /// `{"data": {...}}` for a single resource.
    static func single(pretty: Bool, request: Request, fingerprint: String, write: (inout JSONWriter) -> Void) -> Response {
        let etag = tag(fingerprint, request, .json)
        if let unchanged = notModified(request, etag: etag) { return unchanged }
        var w = JSONWriter(pretty: pretty, capacity: 2048)
        w.object { w in
            w.key("data")
            write(&w)
        }
        w.newline()
        var response = Response(contentType: "application/json", body: w.bytes)
        response.headerFields[.eTag] = etag
        return response
    }
}

extension HTTPField.Name {
    static let link = HTTPField.Name("Link")!
}

extension HTTPProblem {
    /// The same problem, saying it varies with Accept when `onAccept` (a 406 chosen by negotiation).
    func varying(onAccept: Bool) -> HTTPProblem {
        guard onAccept else { return self }
        var fields = headerFields
        fields.append(HTTPField(name: .vary, value: "Accept"))
        return HTTPProblem(problem.status, problem.detail, extensions: problem.extensions, headerFields: fields)
    }
}
