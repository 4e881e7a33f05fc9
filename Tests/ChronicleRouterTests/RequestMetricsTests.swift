import ChronicleHTTP
@testable import ChronicleRouter
import Foundation
import HTTPTypes
import Testing

/// A strict reader of the Prometheus text format (0.0.4) for what Chronicle writes: every sample
/// belongs to a family declared by HELP and TYPE, names and labels are well-formed, values parse,
/// and histograms have ordered cumulative buckets ending in +Inf equal to _count.
enum PrometheusText {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func validate(_ text: String) throws -> [String: Double] {
        guard text.hasSuffix("\n") else { throw Failure(description: "must end with a newline") }
        let name = try NSRegularExpression(pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$")
        let sample = try NSRegularExpression(
            pattern:
                #"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\\\|\\"|\\n|[^"\\\n])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\\\|\\"|\\"#
                    + #"n|[^"\\\n])*")*)?\})? (\S+)$"#
        )
        func matches(_ regex: NSRegularExpression, _ line: String) -> NSTextCheckingResult? {
            regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
        }
        var types: [String: String] = [:], helps = Set<String>(), samples: [String: Double] = [:]
        var bucketRuns: [String: [(le: Double, value: Double)]] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) {
            if line.hasPrefix("# HELP ") {
                let family = String(line.dropFirst(7).prefix { $0 != " " })
                guard matches(name, family) != nil, helps.insert(family).inserted else {
                    throw Failure(description: "bad or repeated HELP: \(line)")
                }
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                guard parts.count == 2, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[1]),
                    types[String(parts[0])] == nil
                else {
                    throw Failure(description: "bad TYPE: \(line)")
                }
                types[String(parts[0])] = String(parts[1])
            } else {
                guard let match = matches(sample, line) else { throw Failure(description: "bad sample: \(line)") }
                let metric = String(line[Range(match.range(at: 1), in: line)!])
                let valueText = String(line[Range(match.range(at: 7), in: line)!])
                guard let value = Double(valueText) ?? (valueText == "+Inf" ? .infinity : nil) else {
                    throw Failure(description: "bad value: \(line)")
                }
                let family = ["_bucket", "_sum", "_count", "_total"].reduce(metric) { name, suffix in
                    types[name] == nil && name.hasSuffix(suffix) && types[String(name.dropLast(suffix.count))] != nil
                        ? String(name.dropLast(suffix.count)) : name
                }
                guard types[family] != nil || types[metric] != nil else { throw Failure(description: "sample without TYPE: \(line)") }
                let labels = match.range(at: 3).location == NSNotFound ? "" : String(line[Range(match.range(at: 3), in: line)!])
                guard samples.updateValue(value, forKey: metric + "{" + labels + "}") == nil else {
                    throw Failure(description: "duplicate sample: \(line)")
                }
                if metric.hasSuffix("_bucket") {
                    let le = try #require(labels.split(separator: ",").last { $0.hasPrefix("le=") })
                    let bound = String(le.dropFirst(4).dropLast())
                    let key = family + "{" + labels.split(separator: ",").filter { !$0.hasPrefix("le=") }.joined(separator: ",") + "}"
                    bucketRuns[key, default: []].append((bound == "+Inf" ? .infinity : Double(bound)!, value))
                }
            }
        }
        for (key, run) in bucketRuns {
            guard run.map(\.le) == run.map(\.le).sorted(), run.map(\.value) == run.map(\.value).sorted(), run.last?.le == .infinity else {
                throw Failure(description: "histogram \(key) buckets are not cumulative and ordered up to +Inf")
            }
            let countKey = key.replacingOccurrences(of: "{", with: "_count{", options: [], range: key.range(of: "{"))
            guard samples[countKey] == run.last?.value else {
                throw Failure(description: "histogram \(key): +Inf bucket differs from _count")
            }
        }
        return samples
    }
}

@Suite struct RequestMetricsTests {
    @Test func methodLabelsComeFromAClosedSet() throws {
        let metrics = RequestMetrics()
        let router = try Router(routes: [("GET /x", { _, _ in Response(contentType: "text/plain", body: []) })],
                                middleware: [MetricsMiddleware(metrics: metrics)])
        for index in 0..<500 { _ = router.respond(to: try Request.make(HTTPRequest.Method("MADE\(index)")!, "/x")) }
        _ = router.respond(to: try Request.make(.get, "/x"))
        let text = metrics.exposition()
        let samples = try PrometheusText.validate(text)
        #expect(samples[#"chronicle_http_requests_total{route="unmatched",method="other",status="4xx"}"#] == 500)
        #expect(!text.contains("MADE"))
        #expect(text.split(separator: "\n").count < 60, "the exposition grew with the methods clients made up")
    }

    @Test func countsAndHistogramsByRoutePatternAndStatusClass() throws {
        let metrics = RequestMetrics()
        let router = try Router(routes: [("GET /events/{id}", { _, p in
            p["id"] == "missing" ? .problem(.notFound, "no") : Response(contentType: "text/plain", body: [])
        })], middleware: [MetricsMiddleware(metrics: metrics)])
        for id in ["a", "b", "missing"] { _ = router.respond(to: try Request.make(.get, "/events/\(id)")) }
        _ = router.respond(to: try Request.make(.get, "/nowhere"))
        let exposition = metrics.exposition()
        let samples = try PrometheusText.validate(exposition)
        // The families' names, types and help, as the library writes them from our descriptors.
        for line in [
            "# HELP chronicle_http_requests_total Requests answered, by route pattern, method and status class.",
            "# TYPE chronicle_http_requests_total counter",
            "# HELP chronicle_http_request_duration_seconds Time from routing to response, by route pattern.",
            "# TYPE chronicle_http_request_duration_seconds histogram",
        ] {
            #expect(exposition.split(separator: "\n").contains { $0 == line }, "missing: \(line)")
        }
        #expect(samples[#"chronicle_http_requests_total{route="GET /events/{id}",method="GET",status="2xx"}"#] == 2)
        #expect(samples[#"chronicle_http_requests_total{route="GET /events/{id}",method="GET",status="4xx"}"#] == 1)
        #expect(samples[#"chronicle_http_requests_total{route="unmatched",method="GET",status="4xx"}"#] == 1)
        #expect(samples[#"chronicle_http_request_duration_seconds_count{route="GET /events/{id}",method="GET",status="2xx"}"#] == 2)
    }

    /// Each thread records into a shard of its own; the exposition is the sum of every shard.
    @Test func shardsAddUpInTheExposition() throws {
        let metrics = RequestMetrics()
        for shard in 0..<RequestMetrics.shardCount {
            for _ in 0...shard {
                metrics.record(route: "GET /x", method: "GET", status: 200, seconds: 0.0002, shard: shard)
                metrics.record(route: "GET /x", method: "GET", status: 503, seconds: 3, shard: shard)
            }
        }
        // And from many threads at once, through the thread's own shard.
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            for _ in 0..<100 { metrics.record(route: "GET /y", method: "GET", status: 404, seconds: 0.02) }
        }
        let samples = try PrometheusText.validate(metrics.exposition())
        let all = (1...RequestMetrics.shardCount).reduce(0, +)
        #expect(samples[#"chronicle_http_requests_total{route="GET /x",method="GET",status="2xx"}"#] == Double(all))
        #expect(samples[#"chronicle_http_requests_total{route="GET /x",method="GET",status="5xx"}"#] == Double(all))
        #expect(
            samples[#"chronicle_http_request_duration_seconds_bucket{route="GET /x",method="GET",status="2xx",le="0.00025"}"#]
                == Double(all))
        #expect(samples[#"chronicle_http_request_duration_seconds_bucket{route="GET /x",method="GET",status="5xx",le="2.5"}"#] == 0)
        #expect(
            samples[#"chronicle_http_request_duration_seconds_bucket{route="GET /x",method="GET",status="5xx",le="+Inf"}"#] == Double(all))
        #expect(samples[#"chronicle_http_request_duration_seconds_sum{route="GET /x",method="GET",status="5xx"}"#] == Double(all * 3))
        #expect(samples[#"chronicle_http_requests_total{route="GET /y",method="GET",status="4xx"}"#] == 1600)
    }

    @Test func validatorRejectsMalformedText() {
        for bad in ["x 1", "# TYPE x counter\nx{a=b} 1\n", "# TYPE x counter\nx one\n", "# TYPE x counter\n# TYPE x gauge\nx 1\n"] {
            #expect(throws: PrometheusText.Failure.self) { try PrometheusText.validate(bad) }
        }
    }

    @Test func labelValuesAreEscaped() throws {
        let metrics = RequestMetrics()
        metrics.record(route: "GET /a\"b\\c", method: "GET", status: 200, seconds: 0.001)
        let text = metrics.exposition()
        #expect(text.contains(#"route="GET /a\"b\\c""#))
        _ = try PrometheusText.validate(text)
    }
}

@Suite struct RequestIDMiddlewareTests {
    let router: Router

    init() throws {
        router = try Router(routes: [("GET /x", { request, _ in
            Response(contentType: "text/plain", body: Array((request.headerFields[.requestID] ?? "").utf8))
        })], middleware: [RequestIDMiddleware()])
    }

    @Test func keepsAValidIDAndEchoesIt() throws {
        let response = router.respond(to: try Request.make(.get, "/x", headerFields: [.requestID: "trace-42.a:b"]))
        #expect(response.headerFields[.requestID] == "trace-42.a:b")
        #expect(String(decoding: response.body, as: UTF8.self) == "trace-42.a:b")
    }

    @Test func replacesInvalidOrMissingIDs() throws {
        for fields: HTTPFields in [[:], [.requestID: "has space"], [.requestID: String(repeating: "a", count: 200)]] {
            let response = router.respond(to: try Request.make(.get, "/x", headerFields: fields))
            let id = try #require(response.headerFields[.requestID])
            #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
            #expect(String(decoding: response.body, as: UTF8.self) == id)  // handlers see the same id
        }
    }

    @Test func generatedIDsAreAFixedPrefixAndACounter() throws {
        let first = RequestIDMiddleware.generate(), second = RequestIDMiddleware.generate()
        #expect(first.utf8.count == 32 && first.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(first.prefix(16) == second.prefix(16))
        let a = try #require(UInt64(first.suffix(16), radix: 16)), b = try #require(UInt64(second.suffix(16), radix: 16))
        #expect(b > a)
        // The digits in order, zero-padded: the counter's own hex.
        let digits = String(a, radix: 16)
        #expect(String(first.suffix(16)) == String(repeating: "0", count: 16 - digits.count) + digits)
    }
}
