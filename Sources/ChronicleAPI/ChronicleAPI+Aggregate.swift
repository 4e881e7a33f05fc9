// `GET /aggregate/events?by=…`: counts of the events `/events` would list under the same filters,
// grouped by period, type, actor or directed actor pair. A timeline of a million events draws these
// instead of downloading the events; curl users get the same numbers.
import ChronicleRecords
import ChronicleStore
import ChronicleHTTP
import ChronicleRouter

extension ChronicleAPI {
    static let maxBuckets = 10_000
    static let defaultBuckets = 1_000

    func aggregateEvents(_ request: Request, _ parameters: Parameters) throws -> Response {
        let query = try QueryParameters(request, allowed: Self.eventFilters.union(["by", "limit"]))
        let groupings = EventCounts.Grouping.allCases.map(\.rawValue)
        guard let by = try query.single("by") else {
            throw APIError.parameter("by", "\"by\" is required: one of \(groupings.joined(separator: ", ")).")
        }
        guard let grouping = EventCounts.Grouping(rawValue: by) else {
            throw APIError.parameter("by", "\"by\" must be one of \(groupings.joined(separator: ", ")); got \"\(by)\".")
        }
        let limit = try query.integer("limit", default: Self.defaultBuckets, in: 1...Self.maxBuckets)
        let (store, generation, _) = data.status
        let filter = try eventFilter(query, store: store)
        // Pairs between principals unless `level=agent` asks for the actors as named.
        let principals = filter.level == .principal ? store : nil
        let etag = Listing.tag(store.fingerprint, request, .json)
        if let unchanged = Listing.notModified(request, etag: etag) { return unchanged }

        // Counted whole once per generation and filter; `limit` slices it.
        let filterItems = query.items.filter { Self.eventFilters.contains($0.name) }.map { "\($0.name)=\($0.value ?? "")" }.sorted()
        let key = AggregateMemo.Key(filter: filterItems, grouping: grouping)
        let memo = data.aggregates
        let counts: EventCounts
        if let kept = memo.kept(key, generation: generation) {
            counts = kept.limited(to: limit)
        } else {
            let matches = store.matchingEvents(filter)
            if matches.count > aggregateLoopLimit {
                // Too many events to count on a loop: counted off the loops, and kept for the retry.
                let counting = memo.countInBackground(key, generation: generation) {
                    EventCounts(matches, by: grouping, limit: Self.maxBuckets, principalsFrom: principals)
                }
                throw HTTPProblem(
                    .serviceUnavailable,
                    counting
                        ? "These \(matches.count) events are being counted; ask again in a few seconds."
                        : "Another large count is being made; ask again in a few seconds.",
                    headerFields: [.retryAfter: "5"])
            }
            counts = memo.counts(key, generation: generation) {
                EventCounts(matches, by: grouping, limit: Self.maxBuckets, principalsFrom: principals)
            }
                .limited(to: limit)
        }
        let shown = counts.buckets
        // The events behind these counts: the same filters on /events.
        let eventsLink = Paths.link("/events", query.items.filter { Self.eventFilters.contains($0.name) })

        var w = JSONWriter(pretty: query.pretty, capacity: 256 + shown.count * 96)
        w.object { w in
            w.key("data")
            w.array { w in
                for bucket in shown {
                    w.object { w in
                        w.member("key", bucket.key)
                        w.member("count", bucket.count)
                        if let precision = bucket.precision { w.member("precision", precision.rawValue) }
                        if !bucket.quads.isEmpty {
                            w.key("quads")
                            w.object { w in
                                for quad in EventType.Quad.allCases { w.member(quad.name, bucket.quads[quad.rawValue - 1]) }
                            }
                        }
                        if let label = bucket.label { w.member("label", label) }
                        if let source = bucket.source, let target = bucket.target {
                            w.member("source", source)
                            w.member("target", target)
                            w.key("types")
                            w.object { w in
                                for (type, count) in bucket.types.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                                    w.member(type, count)
                                }
                            }
                        }
                    }
                }
            }
            w.key("meta")
            w.object { w in
                w.member("by", grouping.rawValue)
                w.member("events", counts.events)
                w.member("buckets", counts.total)
                w.member("count", shown.count)
                w.member("limit", limit)
            }
            w.key("links")
            w.object { w in
                w.member("self", Paths.selfLink(request))
                w.member("events", eventsLink)
            }
        }
        w.newline()
        var response = Response(contentType: "application/json", body: w.bytes)
        response.headerFields[.eTag] = etag
        return response
    }
}
