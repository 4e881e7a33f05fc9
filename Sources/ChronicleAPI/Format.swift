// The formats a list can be read in: JSON (the default), CSV (RFC 4180) and NDJSON, chosen by
// `?format=` (for curl users) or by Accept (RFC 9110 section 12.5.1). CSV and NDJSON exports are
// streamed with chunked transfer coding and have no page-size cap.
import ChronicleStore
import ChronicleHTTP
import ChronicleRouter

enum Format: String, CaseIterable {
    case json, csv, ndjson

    var mediaType: String {
        switch self {
        case .json: return "application/json"
        case .csv: return "text/csv; charset=utf-8; header=present"
        case .ndjson: return "application/x-ndjson"
        }
    }

    var bareMediaType: String {
        switch self {
        case .json: return "application/json"
        case .csv: return "text/csv"
        case .ndjson: return "application/x-ndjson"
        }
    }

    static func negotiate(_ request: Request, _ query: QueryParameters) throws(HTTPProblem) -> Format {
        if let name = try query.single("format") {
            guard let format = Format(rawValue: name.lowercased()) else {
                throw APIError.parameter("format", "\"format\" must be json, csv or ndjson; got \"\(name)\".")
            }
            return format
        }
        let accept = request.headerFields[values: .accept]
        guard !accept.isEmpty else { return .json }
        let list = QualityList(accept)
        // Highest quality wins; on a tie, the order of `allCases` (JSON first).
        let best = allCases.map { ($0, list.mediaQuality($0.bareMediaType)) }.max { $0.1 < $1.1 }
        guard let (format, quality) = best, quality > 0 else {
            throw HTTPProblem(
                .notAcceptable,
                "This list is available as application/json, text/csv or application/x-ndjson; the Accept header allows none of them.")
        }
        return allCases.first { list.mediaQuality($0.bareMediaType) == quality } ?? format
    }
}

/// How one kind of record is written in each format.
struct RecordFormat<Item: Sendable> {
    let csvHeader: [String]
    let csvRow: (Item) -> [String]
    let json: (Item, inout JSONWriter) -> Void
    /// Pre-rendered compact JSON by store position, where available.
    var rendered: [[UInt8]?] = []

    /// Writes the record at `position`: its pre-rendered bytes unless indenting, else rendered now.
    /// `item` is only read when there are no pre-rendered bytes.
    func write(_ item: @autoclosure () -> Item, position: Int, into w: inout JSONWriter) {
        if !w.isPretty, position < rendered.count, let bytes = rendered[position] {
            w.raw(bytes)
        } else {
            json(item(), &w)
        }
    }

    /// Writes the `index`-th match.
    func write(_ matches: Matches<Item>, _ index: Int, into w: inout JSONWriter) {
        write(matches[index], position: matches.position(at: index), into: &w)
    }
}

/// RFC 4180 rows: CRLF line ends; fields with a comma, quote, CR or LF are quoted, quotes doubled.
/// A cell a spreadsheet would run as a formula (OWASP's CSV injection: it begins with = + - @, a
/// tab or a CR) is written with a leading apostrophe, which spreadsheets show as text; a number
/// (-12, +3.5) is left as it is.
enum CSV {
    static func append(_ fields: [String], to out: inout [UInt8]) {
        for (index, cell) in fields.enumerated() {
            let field = neutralized(cell)
            if index > 0 { out.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            if needsQuotes {
                out.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                    out.append(byte)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// The cell, with an apostrophe in front when a spreadsheet would take it for a formula.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
            .contains(first) else { return cell }
        if isNumber(cell) { return cell }
        return "'" + cell
    }

    /// A signed decimal number: [+-]digits[.digits].
    private static func isNumber(_ cell: String) -> Bool {
        var bytes = cell.utf8.dropFirst()
        guard cell.utf8.first == UInt8(ascii: "-") || cell.utf8.first == UInt8(ascii: "+"), !bytes.isEmpty else { return false }
        var digits = 0, dot = false
        while let byte = bytes.popFirst() {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: "."), !dot, digits > 0, !bytes.isEmpty {
                dot = true
            } else {
                return false
            }
        }
        return digits > 0
    }
}
