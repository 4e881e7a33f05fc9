// The request-target of RFC 9112 section 3.2, split into path segments and query items and
// percent-decoded (RFC 3986 section 2.1). Queries also decode "+" as a space, as HTML forms and
// curl's --data-urlencode send them: Arabic search terms arrive as "%D8%A7...+..." this way.
import HTTPTypes

public struct RequestTarget: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        case origin, absolute, authority, asterisk
    }

    public var form: Form
    /// The path as sent (still percent-encoded), e.g. "/events/e1"; "*" for asterisk-form.
    public var path: String
    /// Decoded path segments: "/events/%D9%85" gives ["events", "م"].
    public var segments: [String]
    /// The query as sent, without "?".
    public var rawQuery: String?
    /// Decoded query items in order; duplicates kept.
    public var queryItems: [QueryItem]

    public init(form: Form, path: String, segments: [String], rawQuery: String?, queryItems: [QueryItem]) {
        self.form = form
        self.path = path
        self.segments = segments
        self.rawQuery = rawQuery
        self.queryItems = queryItems
    }

    public static func parse(_ raw: String, method: HTTPRequest.Method) throws(HTTPParseError) -> RequestTarget {
        // RFC 9112 section 3.2.4: asterisk-form is only for a server-wide OPTIONS.
        if raw == "*" {
            guard method == .options else { throw .bad("asterisk-form target is only allowed with OPTIONS") }
            return RequestTarget(form: .asterisk, path: "*", segments: [], rawQuery: nil, queryItems: [])
        }
        // RFC 9112 section 3.2.3: authority-form is only for CONNECT.
        if method == .connect {
            guard !raw.hasPrefix("/"), !raw.contains("/") else { throw .bad("CONNECT needs an authority-form target") }
            return RequestTarget(form: .authority, path: "", segments: [], rawQuery: nil, queryItems: [])
        }
        var form = Form.origin
        var rest = Substring(raw)
        // A fragment is not part of a request-target (RFC 9112 section 3.2); some clients send one anyway,
        // and like llhttp we drop it rather than refuse the request.
        // The delimiters are ASCII: searched for as bytes (a UTF-8 index of one is a character boundary).
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        if rest.utf8.first != UInt8(ascii: "/") {
            // RFC 9112 section 3.2.2: absolute-form; the authority replaces Host.
            guard let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") else {
                throw .bad("request-target is not origin-form or absolute-form")
            }
            let scheme = rest[rest.startIndex..<colon].lowercased()
            guard scheme == "http" || scheme == "https" else { throw .bad("unsupported URI scheme \"\(scheme)\"") }
            rest = rest[rest.index(colon, offsetBy: 3)...]
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            let authority = rest[rest.startIndex..<authorityEnd]
            // RFC 9110 section 4.2.4: userinfo in an http(s) URI is to be treated as an error.
            if authority.contains("@") { throw .bad("userinfo is not allowed in the request-target") }
            if authority.isEmpty { throw .bad("absolute-form target without a host") }
            rest = rest[authorityEnd...]
            if rest.isEmpty || rest.first == "?" { rest = "/" + rest }
            form = .absolute
        }
        let queryStart = rest.utf8.firstIndex(of: UInt8(ascii: "?"))
        let path = queryStart.map { rest[rest.startIndex..<$0] } ?? rest
        let rawQuery = queryStart.map { rest[rest.utf8.index(after: $0)...] }
        let segments = try path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst().map {
            (segment) throws(HTTPParseError) -> String in try PercentDecoding.decode(Substring(segment), plusAsSpace: false)
        }
        return RequestTarget(
            form: form, path: String(path), segments: segments, rawQuery: rawQuery.map(String.init),
            queryItems: try rawQuery.map(QueryItem.parse) ?? [])
    }
}

/// One `name=value` pair of a query string, decoded.
public struct QueryItem: Sendable, Equatable {
    public var name: String
    /// nil for a bare name ("?pretty"), "" for "?pretty=".
    public var value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }

    static func parse(_ query: Substring) throws(HTTPParseError) -> [QueryItem] {
        var items: [QueryItem] = []
        for bytes in query.utf8.split(separator: UInt8(ascii: "&")) {
            let pair = Substring(bytes)
            if let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) {
                items.append(QueryItem(
                    name: try PercentDecoding.decode(pair[pair.startIndex..<equals], plusAsSpace: true),
                    value: try PercentDecoding.decode(pair[pair.utf8.index(after: equals)...], plusAsSpace: true)))
            } else {
                items.append(QueryItem(name: try PercentDecoding.decode(pair, plusAsSpace: true), value: nil))
            }
        }
        return items
    }
}
