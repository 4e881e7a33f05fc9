// Request counts and a latency histogram by route pattern, method and status class, written in
// the Prometheus text exposition format (version 0.0.4). Patterns, not paths, are the labels, so
// the number of series stays bounded whatever clients request.
import ChronicleHTTP
import HTTPTypes
import Synchronization

public final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let buckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    struct Key: Hashable, Comparable {
        let route: String
        let method: String
        let statusClass: String
        static func < (a: Key, b: Key) -> Bool { (a.route, a.method, a.statusClass) < (b.route, b.method, b.statusClass) }
    }

    struct Series {
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: RequestMetrics.buckets.count)
    }

    private let series = Mutex<[Key: Series]>([:])

    public init() {}

    public func record(route: String, method: String, status: Int, seconds: Double) {
        let key = Key(route: route, method: method, statusClass: "\(status / 100)xx")
        series.withLock { all in
            var entry = all[key] ?? Series()
            entry.count += 1
            entry.sum += seconds
            if let index = Self.buckets.firstIndex(where: { seconds <= $0 }) { entry.buckets[index] += 1 }
            all[key] = entry
        }
    }

    /// The exposition text of these metrics.
    public func exposition() -> String {
        let snapshot = series.withLock { $0 }.sorted { $0.key < $1.key }
        var out = "# HELP chronicle_http_requests_total Requests answered, by route pattern, method and status class.\n"
        out += "# TYPE chronicle_http_requests_total counter\n"
        for (key, entry) in snapshot { out += "chronicle_http_requests_total\(labels(key)) \(entry.count)\n" }
        out += "# HELP chronicle_http_request_duration_seconds Time from routing to response, by route pattern.\n"
        out += "# TYPE chronicle_http_request_duration_seconds histogram\n"
        for (key, entry) in snapshot {
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += entry.buckets[index]
                out += "chronicle_http_request_duration_seconds_bucket\(labels(key, le: Self.format(bound))) \(cumulative)\n"
            }
            out += "chronicle_http_request_duration_seconds_bucket\(labels(key, le: "+Inf")) \(entry.count)\n"
            out += "chronicle_http_request_duration_seconds_sum\(labels(key)) \(Self.format(entry.sum))\n"
            out += "chronicle_http_request_duration_seconds_count\(labels(key)) \(entry.count)\n"
        }
        return out
    }

    private func labels(_ key: Key, le: String? = nil) -> String {
        var text = "{route=\"\(Self.escape(key.route))\",method=\"\(Self.escape(key.method))\",status=\"\(key.statusClass)\""
        if let le { text += ",le=\"\(le)\"" }
        return text + "}"
    }

    /// The methods RFC 9110 section 9 defines, plus PATCH: any other token a client sends is a
    /// legal method, so it is counted as "other" and the number of series stays bounded.
    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]

    public static func methodLabel(_ method: HTTPRequest.Method) -> String {
        knownMethods.contains(method.rawValue) ? method.rawValue : "other"
    }

    /// Label values escape backslash, quote and newline.
    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// Times each request and records it under its route pattern ("unmatched" for 404/405).
public struct MetricsMiddleware: Middleware {
    let metrics: RequestMetrics

    public init(metrics: RequestMetrics) { self.metrics = metrics }

    public func handle(_ request: Request, next: (Request) -> Response) -> Response {
        let started = ContinuousClock.now
        let response = next(request)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        metrics.record(
            route: response.route ?? "unmatched", method: RequestMetrics.methodLabel(request.method),
            status: response.status.code, seconds: seconds)
        return response
    }
}
