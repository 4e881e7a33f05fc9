// Streamed CSV and NDJSON exports of a list: the rows are rendered a batch at a time as the
// connection drains, from the query's matches, so a whole-dataset export never sits in memory.
import ChronicleStore
import ChronicleHTTP

enum Export {
    static let batch = 256

    static func response<Item>(_ matches: Matches<Item>, offset: Int, limit: Int?, format: Format, record: RecordFormat<Item>) -> Response {
        let start = min(offset, matches.count)
        let end = limit.map { min(matches.count, start + $0) } ?? matches.count
        var next = start
        var headerSent = format != .csv
        let stream = ResponseStream {
            var out: [UInt8] = []
            if !headerSent {
                CSV.append(record.csvHeader, to: &out)
                headerSent = true
            }
            guard next < end || !out.isEmpty else { return nil }
            let stop = min(end, next + batch)
            while next < stop {
                switch format {
                case .csv:
                    CSV.append(record.csvRow(matches[next]), to: &out)
                case .ndjson, .json:
                    var w = JSONWriter(capacity: 1024)
                    record.write(matches, next, into: &w)
                    out.append(contentsOf: w.bytes)
                    out.append(UInt8(ascii: "\n"))
                }
                next += 1
            }
            return out
        }
        var response = Response(contentType: format.mediaType, stream: stream)
        response.headerFields[.init("X-Total-Count")!] = String(end - start)
        return response
    }
}
