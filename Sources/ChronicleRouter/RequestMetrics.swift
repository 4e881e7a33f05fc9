// Request counts and a latency histogram by route pattern, method and status class, written in
// the Prometheus text exposition format (version 0.0.4). Patterns, not paths, are the labels, so
// the number of series stays bounded whatever clients request.
import ChronicleHTTP
import HTTPTypes
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

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

    /// One lock per shard; a thread records into the shard its identity hashes to, so event loops
    /// on different threads rarely meet at a lock (the exposition adds the shards up).
    final class Shard: Sendable {
        let series = Mutex<[Key: Series]>([:])
    }

    static let shardCount = 8
    private let shards = (0..<RequestMetrics.shardCount).map { _ in Shard() }
    private static let statusClasses = ["0xx", "1xx", "2xx", "3xx", "4xx", "5xx", "6xx", "7xx", "8xx", "9xx"]

    public init() {}

    public func record(route: String, method: String, status: Int, seconds: Double) {
        // Fibonacci hashing of the thread's identity: its top bits pick the shard.
        let thread = UInt64(pthread_self()) &* 0x9E37_79B9_7F4A_7C15
        record(route: route, method: method, status: status, seconds: seconds, shard: Int(thread >> 61) % Self.shardCount)
    }

    func record(route: String, method: String, status: Int, seconds: Double, shard: Int) {
        let statusClass = (0...9).contains(status / 100) ? Self.statusClasses[status / 100] : "\(status / 100)xx"
        let key = Key(route: route, method: method, statusClass: statusClass)
        let bucket = Self.buckets.firstIndex(where: { seconds <= $0 })
        shards[shard].series.withLock { all in
            // In place: a copy of the entry would copy its bucket array on every request.
            Self.add(seconds, bucket: bucket, to: &all[key, default: Series()])
        }
    }

    private static func add(_ seconds: Double, bucket: Int?, to entry: inout Series) {
        entry.count += 1
        entry.sum += seconds
        if let bucket { entry.buckets[bucket] += 1 }
    }

    /// The exposition text of these metrics.
    public func exposition() -> String {
        var merged: [Key: Series] = [:]
        for shard in shards {
            for (key, entry) in shard.series.withLock({ $0 }) {
                merged[key, default: Series()].count += entry.count
                merged[key, default: Series()].sum += entry.sum
                for (index, count) in entry.buckets.enumerated() { merged[key, default: Series()].buckets[index] += count }
            }
        }
        let snapshot = merged.sorted { $0.key < $1.key }
        var out = PrometheusText()
        out.family("chronicle_http_requests_total", .counter, help: "Requests answered, by route pattern, method and status class.")
        for (key, entry) in snapshot { out.sample("chronicle_http_requests_total", labels: labels(key), entry.count) }
        out.family("chronicle_http_request_duration_seconds", .histogram, help: "Time from routing to response, by route pattern.")
        for (key, entry) in snapshot {
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += entry.buckets[index]
                out.sample(
                    "chronicle_http_request_duration_seconds_bucket", labels: labels(key) + [("le", PrometheusText.format(bound))],
                    cumulative)
            }
            out.sample("chronicle_http_request_duration_seconds_bucket", labels: labels(key) + [("le", "+Inf")], entry.count)
            out.sample("chronicle_http_request_duration_seconds_sum", labels: labels(key), entry.sum)
            out.sample("chronicle_http_request_duration_seconds_count", labels: labels(key), entry.count)
        }
        return out.text
    }

    private func labels(_ key: Key) -> [(String, String)] {
        [("route", key.route), ("method", key.method), ("status", key.statusClass)]
    }

    /// The methods RFC 9110 section 9 defines, plus PATCH: any other token a client sends is a
    /// legal method, so it is counted as "other" and the number of series stays bounded.
    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]

    public static func methodLabel(_ method: HTTPRequest.Method) -> String {
        knownMethods.contains(method.rawValue) ? method.rawValue : "other"
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
