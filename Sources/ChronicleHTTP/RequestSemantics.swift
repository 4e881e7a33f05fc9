// What the header fields of a parsed request mean for framing and the connection: the
// request-smuggling defences of RFC 9112 section 6, Host (section 3.2), Connection (section 9.3)
// and Expect (RFC 9110 section 10.1.1). Pure; called by `RequestParser` once a head is complete.
import HTTPTypes

enum RequestSemantics {
    static func interpret(
        method: HTTPRequest.Method, rawTarget: String, version: HTTPVersion, fields: HTTPFields,
        limits: RequestParser.Limits
    ) throws(HTTPParseError) -> RequestHead {
        let target = try RequestTarget.parse(rawTarget, method: method)

        // RFC 9112 section 3.2: a 1.1 request without Host, or any request with more than one, is a 400.
        let hosts = fields[values: .hostField]
        if hosts.count > 1 { throw .bad("more than one Host header field") }
        if version == .http1_1, hosts.isEmpty { throw .bad("missing Host header field") }
        if let host = hosts.first, !isValidHost(host) { throw .bad("invalid Host header field") }

        let framing = try bodyFraming(version: version, fields: fields, limits: limits)

        let connection = fields[values: .connection].flatMap(HTTPSyntax.listElements)
        let close = connection.contains { HTTPSyntax.equalsIgnoringCase($0, "close") }
        let keepAliveToken = connection.contains { HTTPSyntax.equalsIgnoringCase($0, "keep-alive") }
        // RFC 9112 section 9.3: 1.1 persists unless "close"; 1.0 only with "keep-alive".
        let keepAlive = !close && (version == .http1_1 || keepAliveToken)

        var expectsContinue = false
        for expectation in fields[values: .expect].flatMap(HTTPSyntax.listElements) {
            guard HTTPSyntax.equalsIgnoringCase(expectation, "100-continue") else {
                throw HTTPParseError(.expectationFailed, "unsupported expectation \"\(expectation)\"")
            }
            expectsContinue = true
        }

        return RequestHead(
            method: method, rawTarget: rawTarget, target: target, version: version, headerFields: fields,
            framing: framing, keepAlive: keepAlive, expectsContinue: expectsContinue && framing != .none)
    }

    private static func bodyFraming(
        version: HTTPVersion, fields: HTTPFields, limits: RequestParser.Limits
    ) throws(HTTPParseError) -> BodyFraming {
        let transferEncodings = fields[values: .transferEncoding]
        let contentLengths = fields[values: .contentLength]
        if !transferEncodings.isEmpty {
            // RFC 9112 section 6.1: Transfer-Encoding in a 1.0 message means faulty framing.
            if version == .http1_0 { throw .bad("Transfer-Encoding in an HTTP/1.0 request") }
            // RFC 9112 section 6.1: Content-Length with Transfer-Encoding is a smuggling shape; refuse it.
            if !contentLengths.isEmpty { throw .bad("both Content-Length and Transfer-Encoding") }
            // A coding with parameters ("chunked;q=1") is not chunked (RFC 9112 section 7: chunked
            // takes none), so it is refused like any other coding.
            let codings = transferEncodings.flatMap(HTTPSyntax.listElements)
            guard let last = codings.last else { throw .bad("empty Transfer-Encoding") }
            // RFC 9112 section 6.3 (4): if chunked is not the final coding the length is unknown: 400.
            guard HTTPSyntax.equalsIgnoringCase(last, "chunked") else { throw .bad("final transfer coding is not chunked") }
            // RFC 9112 section 7: chunked must not be applied more than once.
            if codings.dropLast().contains(where: { HTTPSyntax.equalsIgnoringCase($0, "chunked") }) {
                throw .bad("chunked applied more than once")
            }
            // RFC 9112 section 6.1: a coding we do not implement gets 501.
            if let other = codings.dropLast().first {
                throw HTTPParseError(.notImplemented, "transfer coding \"\(other)\" is not implemented")
            }
            return .chunked
        }
        guard !contentLengths.isEmpty else { return .none }
        // RFC 9112 section 6.3 (5): several or invalid Content-Length values are unrecoverable; we accept one only.
        guard contentLengths.count == 1 else { throw .bad("more than one Content-Length header field") }
        let digits = contentLengths[0].utf8
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .bad("invalid Content-Length")
        }
        let length = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        if length > limits.maxBodyBytes {
            throw HTTPParseError(.contentTooLarge, "request body of \(length) bytes exceeds \(limits.maxBodyBytes)")
        }
        return length == 0 ? .none : .length(length)
    }

    /// RFC 9110 section 7.2: Host = uri-host [ ":" port ]; reg-name, IPv4 and IP-literal characters only.
    private static func isValidHost(_ value: String) -> Bool {
        value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-._~!$&'()*+,;=%:[]".utf8.contains(byte)
            }
        }
    }
}
