// The HTTP/1.1 request-head parser: one pure function over a byte buffer, in the manner of
// picohttpparser. It answers `.complete(head, consumed)`, `.needMore(progress)` or
// `.invalid(error)`; it keeps no state of its own and does no I/O. A caller whose buffer grew
// passes back the `Progress` of the last `.needMore`, and the scan resumes at the byte where it
// stopped (picohttpparser's `last_len`, taken further): a head that arrives a byte at a time costs
// O(n), not O(n²). Fields are kept as byte ranges during the scan and become strings only once the
// head is complete. Rules follow RFC 9112 (message syntax) and RFC 9110 (semantics); each check
// names its section. Resuming never changes a verdict: the scan is one state machine, run once
// over the whole buffer or in pieces.
import HTTPTypes

public enum RequestParser {
    public struct Limits: Sendable, Equatable {
        /// Longest request line, CRLF excluded (RFC 9112 section 3: a too-long target gets 414).
        public var maxRequestLineBytes: Int
        /// Largest header section, request line excluded (RFC 6585 section 5: 431).
        public var maxHeaderBytes: Int
        /// Most header field lines (431 beyond).
        public var maxHeaderCount: Int
        /// Largest request body (RFC 9110 section 15.5.14: 413 beyond).
        public var maxBodyBytes: Int

        public init(maxRequestLineBytes: Int = 8192, maxHeaderBytes: Int = 16384, maxHeaderCount: Int = 100, maxBodyBytes: Int = 1 << 20) {
            self.maxRequestLineBytes = maxRequestLineBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.maxBodyBytes = maxBodyBytes
        }
    }

    public enum Result: Sendable {
        case complete(RequestHead, consumed: Int)
        /// The head is not complete; pass `progress` with the grown buffer to resume.
        case needMore(Progress)
        case invalid(HTTPParseError)
    }

    /// Where a scan stopped: positions in the caller's buffer, valid only for that buffer grown at
    /// its end (the same bytes, more of them).
    public struct Progress: Sendable, Equatable {
        enum Step: Sendable, Equatable {
            case leading, method, target, version, lineStart, name, whitespace, value
        }
        var step = Step.leading
        var position = 0
        var lineStart = 0
        var methodEnd = 0
        var targetStart = 0
        var targetEnd = 0
        var versionStart = 0
        var headerStart = 0
        var nameStart = 0
        var nameEnd = 0
        var valueStart = 0
        var fields: [FieldRanges] = []

        public init() {}
    }

    struct FieldRanges: Sendable, Equatable {
        let name: Range<Int>
        let value: Range<Int>
    }

    public static func parse(_ bytes: [UInt8], limits: Limits = Limits()) -> Result {
        bytes.withUnsafeBytes { parse($0, limits: limits) }
    }

    public static func parse(
        _ buffer: UnsafeRawBufferPointer, limits: Limits = Limits(), resuming progress: Progress = Progress()
    ) -> Result {
        var progress = progress
        do throws(HTTPParseError) {
            return try scan(buffer, limits: limits, &progress)
        } catch {
            return .invalid(error)
        }
    }

    private static let versionPrefix = Array("HTTP/".utf8)

    private static func scan(_ buffer: UnsafeRawBufferPointer, limits: Limits, _ p: inout Progress) throws(HTTPParseError) -> Result {
        let count = buffer.count
        let cr = HTTPSyntax.cr, lf = HTTPSyntax.lf
        let token = HTTPSyntax.token
        var i = p.position
        // Scanning stops where the limits do, so a too-long line is a 414 whatever follows it, and a
        // request split anywhere gets the same verdict as whole (the fuzzer checks this).
        var lineCount: Int { min(count, p.lineStart + limits.maxRequestLineBytes + 2) }
        var headerCount: Int { min(count, p.headerStart + limits.maxHeaderBytes + 2) }
        func needMoreOfLine() throws(HTTPParseError) -> Result {
            if lineCount - p.lineStart >= limits.maxRequestLineBytes + 2 {
                throw HTTPParseError(.uriTooLong, "request line longer than \(limits.maxRequestLineBytes) bytes")
            }
            p.position = i
            return .needMore(p)
        }
        func needMoreOfHeaders() throws(HTTPParseError) -> Result {
            if headerCount - p.headerStart >= limits.maxHeaderBytes + 2 {
                throw HTTPParseError(.requestHeaderFieldsTooLarge, "header section larger than \(limits.maxHeaderBytes) bytes")
            }
            p.position = i
            return .needMore(p)
        }

        while true {
            switch p.step {
            case .leading:
                // RFC 9112 section 2.2: ignore empty lines (CRLF) received before the request line.
                while i + 1 < count, buffer[i] == cr, buffer[i + 1] == lf {
                    i += 2
                    if i > limits.maxRequestLineBytes { throw .bad("too many empty lines before the request line") }
                }
                if i < count, buffer[i] == lf { throw .bad("bare LF before the request line") }
                if i + 1 < count, buffer[i] == cr { throw .bad("bare CR before the request line") }
                if i + 1 >= count {
                    // Nothing, or a lone CR, after the empty lines: wait (the request line starts here).
                    if i == count || buffer[i] == cr {
                        p.position = i
                        return .needMore(p)
                    }
                }
                p.lineStart = i
                p.step = .method

            case .method:
                // RFC 9112 section 3: request-line = method SP request-target SP HTTP-version CRLF
                let end = lineCount
                while i < end, token[Int(buffer[i])] { i += 1 }
                if i == end { return try needMoreOfLine() }
                guard buffer[i] == HTTPSyntax.space, i > p.lineStart else { throw .bad("malformed method in the request line") }
                p.methodEnd = i
                i += 1
                p.targetStart = i
                p.step = .target

            case .target:
                let end = lineCount
                let targetBytes = HTTPSyntax.target
                while i < end, targetBytes[Int(buffer[i])] { i += 1 }
                if i == end { return try needMoreOfLine() }
                guard buffer[i] == HTTPSyntax.space, i > p.targetStart else {
                    throw .bad(i == p.targetStart ? "empty request-target" : "invalid byte in the request-target")
                }
                p.targetEnd = i
                i += 1
                p.versionStart = i
                p.step = .version

            case .version:
                // RFC 9112 section 2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT, then CRLF.
                // At most ten bytes: checked again from their start whenever more arrive.
                let end = lineCount
                let start = p.versionStart
                for (offset, expected) in versionPrefix.enumerated() where start + offset < end {
                    if buffer[start + offset] != expected { throw .bad("malformed HTTP-version") }
                }
                guard end - start >= 10 else {
                    try checkVersionTail(buffer, from: start + 5, count: end)
                    i = end
                    return try needMoreOfLine()
                }
                try checkVersionTail(buffer, from: start + 5, count: start + 10)
                _ = try supportedVersion(major: buffer[start + 5] - 0x30, minor: buffer[start + 7] - 0x30)
                i = start + 10
                if i - 2 - p.lineStart > limits.maxRequestLineBytes {
                    throw HTTPParseError(.uriTooLong, "request line longer than \(limits.maxRequestLineBytes) bytes")
                }
                p.headerStart = i
                p.step = .lineStart

            case .lineStart:
                // RFC 9112 section 5: field-line = field-name ":" OWS field-value OWS, each ending in CRLF.
                let end = headerCount
                if i >= end { return try needMoreOfHeaders() }
                let first = buffer[i]
                if first == cr {
                    if i + 1 >= end { return try needMoreOfHeaders() }
                    guard buffer[i + 1] == lf else { throw .bad("bare CR in the header section") }
                    return .complete(try head(buffer, p, limits: limits), consumed: i + 2)
                }
                // RFC 9112 section 2.2: a bare LF is not a line terminator here.
                if first == lf { throw .bad("bare LF in the header section") }
                // RFC 9112 section 5.2: obs-fold is rejected with 400.
                if first == HTTPSyntax.space || first == HTTPSyntax.tab { throw .bad("obsolete line folding in a header field") }
                p.nameStart = i
                p.step = .name

            case .name:
                let end = headerCount
                while i < end, token[Int(buffer[i])] { i += 1 }
                if i == end { return try needMoreOfHeaders() }
                guard buffer[i] == HTTPSyntax.colon else {
                    // RFC 9112 section 5.1: no whitespace is allowed between the field name and the colon.
                    if buffer[i] == HTTPSyntax.space || buffer[i] == HTTPSyntax.tab {
                        throw .bad("whitespace before the colon in a header field")
                    }
                    throw .bad("invalid character in a header field name")
                }
                guard i > p.nameStart else { throw .bad("empty header field name") }
                p.nameEnd = i
                i += 1
                p.step = .whitespace

            case .whitespace:
                let end = headerCount
                while i < end, buffer[i] == HTTPSyntax.space || buffer[i] == HTTPSyntax.tab { i += 1 }
                if i == end { return try needMoreOfHeaders() }  // more whitespace may follow
                p.valueStart = i
                p.step = .value

            case .value:
                let end = headerCount
                let valueBytes = HTTPSyntax.fieldValue
                while i < end, valueBytes[Int(buffer[i])] { i += 1 }
                if i == end || (buffer[i] == cr && i + 1 == end) { return try needMoreOfHeaders() }
                guard buffer[i] == cr else {
                    throw .bad(buffer[i] == lf ? "bare LF in a header field" : "control character in a header field value")
                }
                guard buffer[i + 1] == lf else { throw .bad("bare CR in a header field") }
                var valueEnd = i
                while valueEnd > p.valueStart, buffer[valueEnd - 1] == HTTPSyntax.space || buffer[valueEnd - 1] == HTTPSyntax.tab {
                    valueEnd -= 1
                }
                i += 2
                if p.fields.count + 1 > limits.maxHeaderCount {
                    throw HTTPParseError(.requestHeaderFieldsTooLarge, "more than \(limits.maxHeaderCount) header fields")
                }
                if i - p.headerStart > limits.maxHeaderBytes {
                    throw HTTPParseError(.requestHeaderFieldsTooLarge, "header section larger than \(limits.maxHeaderBytes) bytes")
                }
                p.fields.append(FieldRanges(name: p.nameStart..<p.nameEnd, value: p.valueStart..<valueEnd))
                p.step = .lineStart
            }
        }
    }

    /// Builds the head from the ranges of a complete scan: the only place strings are made.
    private static func head(_ buffer: UnsafeRawBufferPointer, _ p: Progress, limits: Limits) throws(HTTPParseError) -> RequestHead {
        var fields = HTTPFields()
        fields.reserveCapacity(p.fields.count)
        for field in p.fields {
            guard let name = HTTPField.Name(string(buffer, field.name)) else { throw .bad("invalid header field name") }
            fields.append(HTTPField(name: name, value: UnsafeRawBufferPointer(rebasing: buffer[field.value])))
        }
        guard let method = HTTPRequest.Method(string(buffer, p.lineStart..<p.methodEnd)) else { throw .bad("invalid method") }
        let version = try supportedVersion(major: buffer[p.versionStart + 5] - 0x30, minor: buffer[p.versionStart + 7] - 0x30)
        return try RequestSemantics.interpret(
            method: method, rawTarget: string(buffer, p.targetStart..<p.targetEnd), version: version, fields: fields, limits: limits)
    }

    /// Checks `DIGIT "." DIGIT CR LF` in the bytes available, so garbage is refused before it all arrives.
    private static func checkVersionTail(_ buffer: UnsafeRawBufferPointer, from start: Int, count: Int) throws(HTTPParseError) {
        var index = start
        while index < count, index - start < 5 {
            let byte = buffer[index]
            let ok: Bool
            switch index - start {
            case 0, 2: ok = byte >= 0x30 && byte <= 0x39
            case 1: ok = byte == UInt8(ascii: ".")
            case 3: ok = byte == HTTPSyntax.cr
            default: ok = byte == HTTPSyntax.lf
            }
            guard ok else { throw .bad(index - start >= 3 ? "request line not ended by CRLF" : "malformed HTTP-version") }
            index += 1
        }
    }

    /// RFC 9110 section 6.2: a 1.x request with a higher minor version is handled as the highest we speak (1.1);
    /// other major versions get 505.
    private static func supportedVersion(major: UInt8, minor: UInt8) throws(HTTPParseError) -> HTTPVersion {
        guard major == 1 else { throw HTTPParseError(.httpVersionNotSupported, "HTTP/\(major).\(minor) is not supported") }
        return minor == 0 ? .http1_0 : .http1_1
    }

    private static func string(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
}
