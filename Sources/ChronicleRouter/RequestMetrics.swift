// Request counts and a latency histogram by route pattern, method and status class, kept by
// swift-prometheus (ARCHITECTURE.md, "Libraries": the measurement that chose it) and written in the
// Prometheus text exposition format (version 0.0.4). Patterns, not paths, are the labels, so the
// number of series stays bounded whatever clients request.
import ChronicleHTTP
import ChronicleSync
import HTTPTypes
import Prometheus
#if canImport(Glibc)
import Glibc
#endif

public final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let buckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    struct Key: Hashable {
        let route: String
        let method: String
        let statusClass: String
    }

    /// One series' counter and histogram, made once in the registry and then used without it: a
    /// registry lookup per request cost 871-1,381 ns, a held handle 220-457 ns.
    struct Series: Sendable {
        let requests: Counter
        let duration: DurationHistogram
    }

    /// One lock per shard; a thread finds its series in the shard its identity hashes to, so event
    /// loops on different threads rarely meet at a lock. The handles themselves are atomic.
    final class Shard: Sendable {
        let series = Locked<[Key: Series]>([:])
    }

    static let shardCount = 8
    private let shards = (0..<RequestMetrics.shardCount).map { _ in Shard() }
    private let registry = PrometheusCollectorRegistry()
    private static let statusClasses = ["0xx", "1xx", "2xx", "3xx", "4xx", "5xx", "6xx", "7xx", "8xx", "9xx"]
    private static let durationBuckets = buckets.map { Duration.nanoseconds(Int64(($0 * 1e9).rounded())) }

    public init() {}

    public func record(route: String, method: String, status: Int, seconds: Double) {
        // Fibonacci hashing of the thread's identity: its top bits pick the shard.
        let thread = UInt64(pthread_self()) &* 0x9E37_79B9_7F4A_7C15
        record(route: route, method: method, status: status, seconds: seconds, shard: Int(thread >> 61) % Self.shardCount)
    }

    func record(route: String, method: String, status: Int, seconds: Double, shard: Int) {
        let statusClass = (0...9).contains(status / 100) ? Self.statusClasses[status / 100] : "\(status / 100)xx"
        let key = Key(route: route, method: method, statusClass: statusClass)
        let series = shards[shard].series.withLock { all in
            if let known = all[key] { return known }
            // The registry returns the same series for the same name and labels, so shards that
            // make one each share it.
            let made = makeSeries(key)
            all[key] = made
            return made
        }
        series.requests.increment()
        series.duration.record(.nanoseconds(Int64((seconds * 1e9).rounded())))
    }

    private func makeSeries(_ key: Key) -> Series {
        let labels = [("route", key.route), ("method", key.method), ("status", key.statusClass)]
        return Series(
            requests: registry.makeCounter(descriptor: Self.requestsName, labels: labels),
            duration: registry.makeDurationHistogram(descriptor: Self.durationName, labels: labels, buckets: Self.durationBuckets))
    }

    // Computed, since the library's descriptor is not Sendable; made once per series.
    /// `chronicle_http_requests_total`.
    private static var requestsName: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "chronicle", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "Requests answered, by route pattern, method and status class.")
    }
    /// `chronicle_http_request_duration_seconds`.
    private static var durationName: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "chronicle", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time from routing to response, by route pattern.")
    }

    /// The exposition text of these metrics.
    public func exposition() -> String {
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
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
