import ChronicleHTTP
import HTTPTypes
import Testing

/// Decodes `input` split into pieces of `step` bytes; returns the body, trailers and bytes consumed.
func decodeChunked(
    _ input: String, step: Int, limits: RequestParser.Limits = .init()
) throws(HTTPParseError) -> (body: String, trailers: HTTPFields, consumed: Int)? {
    let bytes = Array(input.utf8)
    var decoder = ChunkedDecoder(limits: limits)
    var body: [UInt8] = []
    var offset = 0
    while offset < bytes.count {
        let piece = Array(bytes[offset..<min(offset + step, bytes.count)])
        var failure: HTTPParseError?
        let progress = piece.withUnsafeBytes { buffer -> ChunkedDecoder.Progress? in
            do { return try decoder.decode(buffer, into: &body) } catch { failure = error as? HTTPParseError; return nil }
        }
        if let failure { throw failure }
        switch progress! {
        case .needMore: offset += piece.count
        case .done(let consumed): return (String(decoding: body, as: UTF8.self), decoder.trailers, offset + consumed)
        }
    }
    return nil
}

@Suite struct ChunkedDecoderTests {
    static let body = "5\r\nhello\r\n6;name=value;q=\"x y\"\r\n world\r\n0\r\nX-Sum: 11\r\nX-Other:  two \r\n\r\nNEXT"

    @Test(arguments: [1, 2, 3, 7, 1000])
    func decodesWithExtensionsAndTrailersAtAnySplit(step: Int) throws {
        let result = try #require(try decodeChunked(Self.body, step: step))
        #expect(result.body == "hello world")
        #expect(result.consumed == Self.body.utf8.count - 4)
        #expect(result.trailers[HTTPField.Name("X-Sum")!] == "11")
        #expect(result.trailers[HTTPField.Name("X-Other")!] == "two")
    }

    @Test func zeroLengthBodyAndUppercaseHexAndLeadingZeros() throws {
        #expect(try decodeChunked("0\r\n\r\n", step: 1)?.body == "")
        #expect(try decodeChunked("000A\r\n0123456789\r\n0\r\n\r\n", step: 1)?.body == "0123456789")
    }

    @Test func incompleteInputNeedsMore() throws {
        #expect(try decodeChunked("5\r\nhel", step: 1) == nil)
        #expect(try decodeChunked("5\r\nhello\r\n0\r\n", step: 1) == nil)
    }

    static let malformed: [(String, Int)] = [
        ("x\r\n", 400),
        ("5\nhello\r\n0\r\n\r\n", 400),  // bare LF after size
        ("5\r\nhelloX\r\n0\r\n\r\n", 400),  // data longer than the size
        ("5\r\nhello\n0\r\n\r\n", 400),
        ("5 \r\nhello\r\n0\r\n\r\n", 400),  // whitespace without an extension
        ("5;a\u{01}\r\nhello\r\n0\r\n\r\n", 400),
        ("0\r\n folded: x\r\n\r\n", 400),
        ("0\r\nNo colon\r\n\r\n", 400),
        ("0\r\nX: a\nY: b\r\n\r\n", 400),
        ("FFFFFFFFFFFFFFFFFFFF\r\n", 413),
        ("0\r\n\r\r", 400),
    ]

    @Test(arguments: malformed)
    func malformedChunksAreRefused(_ input: String, _ status: Int) {
        for step in [1, 1000] {
            #expect(throws: HTTPParseError.self) { _ = try decodeChunked(input, step: step) }
            do {
                _ = try decodeChunked(input, step: step)
            } catch {
                #expect(error.status.code == status)
            }
        }
    }

    @Test func bodyLimitCountsAcrossChunks() {
        let limits = RequestParser.Limits(maxBodyBytes: 8)
        do {
            _ = try decodeChunked("5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n", step: 3, limits: limits)
            Issue.record("expected 413")
        } catch {
            #expect(error.status == .contentTooLarge)
        }
    }
}
