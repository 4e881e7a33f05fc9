import ChronicleHTTP
import HTTPTypes
import Testing

/// Each vector is parsed whole and then fed one byte at a time, as a socket might deliver it:
/// every strict prefix must be `.needMore` (or already the same error), and the whole the same result.
enum Outcome: Equatable {
    case complete(consumed: Int)
    case invalid(Int)
}

func parseIncrementally(_ text: String, limits: RequestParser.Limits = .init()) -> Outcome? {
    let bytes = Array(text.utf8)
    for end in 0..<bytes.count {
        switch RequestParser.parse(Array(bytes[..<end]), limits: limits) {
        case .needMore: continue
        case .invalid(let error):
            // An error found early must be the final verdict too.
            guard case .invalid(let whole) = RequestParser.parse(bytes, limits: limits) else { return nil }
            return whole.status == error.status ? .invalid(error.status.code) : nil
        case .complete(_, let consumed):
            // Completing before the last byte is fine only if the request really ended there.
            return .complete(consumed: consumed)
        }
    }
    switch RequestParser.parse(bytes, limits: limits) {
    case .needMore: return nil
    case .invalid(let error): return .invalid(error.status.code)
    case .complete(_, let consumed): return .complete(consumed: consumed)
    }
}

func head(_ text: String, limits: RequestParser.Limits = .init()) throws -> RequestHead {
    guard case .complete(let head, _) = RequestParser.parse(Array(text.utf8), limits: limits) else {
        throw ParseFailure()
    }
    return head
}

struct ParseFailure: Error {}

@Suite struct RequestParserTests {
    static let valid: [String] = [
        "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /events?q=%D8%A7+b HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\n",
        "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET http://example.com:8080/events?x=1 HTTP/1.1\r\nHost: ignored\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nX-Empty:\r\nX-Tabs:\t v \t\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nUser-Agent: \u{00E3}\u{0081}\r\n\r\n",
    ]

    @Test(arguments: valid)
    func validRequestsCompleteWholeAndByteByByte(_ text: String) {
        #expect(parseIncrementally(text) == .complete(consumed: text.utf8.count))
    }

    static let invalid: [(String, Int)] = [
        ("GET / HTTP/1.1\r\n\r\n", 400),  // RFC 9112 3.2: Host required on 1.1
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("GET / HTTP/1.1\nHost: a\r\n\r\n", 400),  // bare LF ends the request line
        ("GET / HTTP/1.1\r\nHost: a\nX: y\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\rX: y\r\n\r\n", 400),  // bare CR
        ("GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n folded\r\n\r\n", 400),  // obs-fold
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),  // whitespace before the colon
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{01}b\r\n\r\n", 400),  // control character
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{7F}b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\n: empty\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nBad(name): x\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
        ("GET / http/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("G@T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET /%ZZ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET /%C3%28 HTTP/1.1\r\nHost: a\r\n\r\n", 400),  // not UTF-8
        ("GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET ftp://x/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET http://user@x/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nExpect: something\r\n\r\n", 417),
        ("\rGET / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        // A coding with parameters is not chunked (RFC 9112 section 7): refused like any other.
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;q=1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip;q=1, chunked\r\n\r\n", 501),
    ]

    @Test(arguments: invalid)
    func invalidRequestsAreRefusedWholeAndByteByByte(_ text: String, _ status: Int) {
        #expect(parseIncrementally(text) == .invalid(status))
    }

    @Test func fieldsKeepOrderAndDuplicates() throws {
        let h = try head("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\nx-b: 2\r\nX-A: 3\r\n\r\n")
        #expect(h.headerFields.map(\.name.rawName) == ["Host", "X-A", "x-b", "X-A"])
        #expect(h.headerFields[values: HTTPField.Name("x-a")!] == ["1", "3"])
    }

    @Test func fieldValuesAreTrimmedOfOptionalWhitespace() throws {
        let h = try head("GET / HTTP/1.1\r\nHost: a\r\nX:  \t v  w \t \r\n\r\n")
        #expect(h.headerFields[HTTPField.Name("X")!] == "v  w")
    }

    @Test func framingFromHeaders() throws {
        #expect(try head("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n\r\n").framing == .length(12))
        #expect(try head("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").framing == .none)
        #expect(try head("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: CHUNKED\r\n\r\n").framing == .chunked)
        #expect(try head("GET / HTTP/1.1\r\nHost: a\r\n\r\n").framing == .none)
    }

    @Test func keepAliveSemantics() throws {
        #expect(try head("GET / HTTP/1.1\r\nHost: a\r\n\r\n").keepAlive)
        #expect(try !head("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").keepAlive)
        #expect(try !head("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, CLOSE\r\n\r\n").keepAlive)
        #expect(try !head("GET / HTTP/1.0\r\n\r\n").keepAlive)
        #expect(try head("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive)
    }

    @Test func higherMinorVersionIsServedAsOneOne() throws {
        #expect(try head("GET / HTTP/1.7\r\nHost: a\r\n\r\n").version == .http1_1)
    }

    @Test func expectContinueOnlyWithABody() throws {
        #expect(try head("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n").expectsContinue)
        #expect(try !head("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n").expectsContinue)
    }

    @Test func absoluteFormTargetGivesPathAndQuery() throws {
        let h = try head("GET http://example.com:8080/events/e%201?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(h.target.form == .absolute)
        #expect(h.target.segments == ["events", "e 1"])
        #expect(h.target.queryItems == [QueryItem(name: "x", value: "1")])
        let bare = try head("GET http://example.com HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(bare.target.path == "/")
    }

    @Test func consumedStopsAtTheEndOfTheHead() {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET"
        guard case .complete(_, let consumed) = RequestParser.parse(Array(text.utf8)) else {
            Issue.record("not complete")
            return
        }
        #expect(consumed == text.utf8.count - 6)
    }

    @Test func requestLineLimitGives414EvenBeforeTheLineEnds() {
        let limits = RequestParser.Limits(maxRequestLineBytes: 32)
        let long = "GET /" + String(repeating: "a", count: 40)
        #expect(parseIncrementally(long + " HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits) == .invalid(414))
        guard case .invalid(let error) = RequestParser.parse(Array(long.utf8), limits: limits) else {
            Issue.record("an unfinished over-long line must be refused at once")
            return
        }
        #expect(error.status == .uriTooLong)
    }

    /// Found by the fuzzer: an invalid byte past the line limit must not turn a 414 into a 400, or a
    /// request split before that byte would get a different verdict than the whole.
    @Test func verdictPastTheLimitIsTheLimit() {
        let limits = RequestParser.Limits(maxRequestLineBytes: 32, maxHeaderBytes: 64)
        let line = "GET /" + String(repeating: "a", count: 40) + "\u{01} HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(parseIncrementally(line, limits: limits) == .invalid(414))
        let header = "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "v", count: 80) + "\u{01}\r\n\r\n"
        #expect(parseIncrementally(header, limits: limits) == .invalid(431))
    }

    @Test func headerLimitsGive431() {
        let size = RequestParser.Limits(maxHeaderBytes: 64)
        #expect(
            parseIncrementally("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "v", count: 80))\r\n\r\n", limits: size)
                == .invalid(431))
        guard
            case .invalid(let error) = RequestParser.parse(
                Array("GET / HTTP/1.1\r\nX: \(String(repeating: "v", count: 80))".utf8), limits: size)
        else {
            Issue.record("an unfinished over-large header section must be refused at once")
            return
        }
        #expect(error.status == .requestHeaderFieldsTooLarge)
        let count = RequestParser.Limits(maxHeaderCount: 3)
        #expect(parseIncrementally("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: count) == .invalid(431))
        let two = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\n\r\n"
        #expect(parseIncrementally(two, limits: count) == .complete(consumed: two.utf8.count))
    }

    @Test func bodyLimitGives413FromContentLength() {
        let limits = RequestParser.Limits(maxBodyBytes: 10)
        #expect(parseIncrementally("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits) == .invalid(413))
        let ten = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n"
        #expect(parseIncrementally(ten, limits: limits) == .complete(consumed: ten.utf8.count))
    }
}

/// The parser resumed with its `Progress` after every byte must reach the verdict of one parse of
/// the whole buffer, with the same head.
func parseResuming(_ text: String, limits: RequestParser.Limits = .init()) -> String {
    let bytes = Array(text.utf8)
    var progress = RequestParser.Progress()
    for end in 1...bytes.count {
        let result = bytes[..<end].withUnsafeBytes { RequestParser.parse($0, limits: limits, resuming: progress) }
        switch result {
        case .needMore(let next): progress = next
        case .invalid(let error): return "invalid \(error.status.code)"
        case .complete(let head, let consumed): return "complete \(consumed) \(head.method.rawValue) \(head.rawTarget) \(head.headerFields)"
        }
    }
    return "needMore"
}

func parseWhole(_ text: String, limits: RequestParser.Limits = .init()) -> String {
    switch RequestParser.parse(Array(text.utf8), limits: limits) {
    case .needMore: return "needMore"
    case .invalid(let error): return "invalid \(error.status.code)"
    case .complete(let head, let consumed): return "complete \(consumed) \(head.method.rawValue) \(head.rawTarget) \(head.headerFields)"
    }
}

@Suite struct ResumedParsingTests {
    @Test(arguments: RequestParserTests.valid + RequestParserTests.invalid.map(\.0) + [
        "GET / HTTP/1.1\r\nHost:    spaced   \r\nX:\t\t tabs\r\n\r\n",
        "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
    ])
    func resumingAfterEveryByteGivesTheWholeVerdict(_ text: String) {
        #expect(parseResuming(text) == parseWhole(text))
    }

    @Test func resumingNeverRescansWhatWasScanned() {
        // Bytes already scanned are not looked at again: an invalid byte planted in the part of the
        // buffer the first attempt accepted is not seen by the resumed scan (a parser that started
        // over would refuse it). The caller never changes its buffer; this proves the work is linear.
        let first = Array("GET / HTTP/1.1\r\nHost: a\r\nX-Long: aaaaaaaa".utf8)
        guard case .needMore(let progress) = first.withUnsafeBytes({ RequestParser.parse($0, resuming: .init()) }) else {
            Issue.record("the prefix should need more")
            return
        }
        var grown = first + Array("aaaa\r\n\r\n".utf8)
        grown[first.count - 4] = 0x01  // a control character inside the value already scanned
        guard case .complete(_, let consumed) = grown.withUnsafeBytes({ RequestParser.parse($0, resuming: progress) }) else {
            Issue.record("the resumed scan looked at bytes it had already scanned")
            return
        }
        #expect(consumed == grown.count)
        #expect(parseWhole(String(decoding: grown, as: UTF8.self)) == "invalid 400")
    }
}
