// The HTTP/1.1 request-head parser: one pure function over a byte buffer, in the manner of
// picohttpparser. It is called again from the start whenever more bytes arrive and answers
// `.complete(head, consumed)`, `.needMore` or `.invalid(error)`; it keeps no state, does no I/O
// and copies only what the returned head owns. Rules follow RFC 9112 (message syntax) and
// RFC 9110 (semantics); each check names its section.
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
        case needMore
        case invalid(HTTPParseError)
    }

    public static func parse(_ bytes: [UInt8], limits: Limits = Limits()) -> Result {
        bytes.withUnsafeBytes { parse($0, limits: limits) }
    }

    public static func parse(_ buffer: UnsafeRawBufferPointer, limits: Limits = Limits()) -> Result {
        do throws(HTTPParseError) {
            return try parseHead(buffer, limits: limits)
        } catch {
            return .invalid(error)
        }
    }

    private static let versionPrefix = Array("HTTP/".utf8)

    private static func parseHead(_ buffer: UnsafeRawBufferPointer, limits: Limits) throws(HTTPParseError) -> Result {
        let count = buffer.count
        let cr = HTTPSyntax.cr, lf = HTTPSyntax.lf
        var i = 0

        // RFC 9112 section 2.2: ignore empty lines (CRLF) received before the request line.
        while i + 1 < count, buffer[i] == cr, buffer[i + 1] == lf {
            i += 2
            if i > limits.maxRequestLineBytes { throw .bad("too many empty lines before the request line") }
        }
        if i < count, buffer[i] == lf { throw .bad("bare LF before the request line") }
        if i + 1 == count, buffer[i] == cr { return .needMore }
        if i + 1 < count, buffer[i] == cr { throw .bad("bare CR before the request line") }
        let lineStart = i
        // Scanning stops where the limit does, so a too-long line is a 414 whatever follows it, and a
        // request split anywhere gets the same verdict as whole (the fuzzer checks this).
        let lineCount = min(buffer.count, lineStart + limits.maxRequestLineBytes + 2)
        func needMoreOfLine() throws(HTTPParseError) -> Result {
            if lineCount - lineStart >= limits.maxRequestLineBytes + 2 {
                throw HTTPParseError(.uriTooLong, "request line longer than \(limits.maxRequestLineBytes) bytes")
            }
            return .needMore
        }

        // RFC 9112 section 3: request-line = method SP request-target SP HTTP-version CRLF
        let token = HTTPSyntax.token
        while i < lineCount, token[Int(buffer[i])] { i += 1 }
        if i == lineCount { return try needMoreOfLine() }
        guard buffer[i] == HTTPSyntax.space, i > lineStart else { throw .bad("malformed method in the request line") }
        let methodRange = lineStart..<i
        i += 1

        let targetStart = i
        let targetBytes = HTTPSyntax.target
        while i < lineCount, targetBytes[Int(buffer[i])] { i += 1 }
        if i == lineCount { return try needMoreOfLine() }
        guard buffer[i] == HTTPSyntax.space, i > targetStart else {
            throw .bad(i == targetStart ? "empty request-target" : "invalid byte in the request-target")
        }
        let targetRange = targetStart..<i
        i += 1

        // RFC 9112 section 2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT, then CRLF.
        let versionStart = i
        for (offset, expected) in versionPrefix.enumerated() where versionStart + offset < lineCount {
            if buffer[versionStart + offset] != expected { throw .bad("malformed HTTP-version") }
        }
        guard lineCount - versionStart >= 10 else {
            try checkVersionTail(buffer, from: versionStart + 5, count: lineCount)
            return try needMoreOfLine()
        }
        try checkVersionTail(buffer, from: versionStart + 5, count: versionStart + 10)
        let version = try supportedVersion(major: buffer[versionStart + 5] - 0x30, minor: buffer[versionStart + 7] - 0x30)
        i = versionStart + 10
        if i - 2 - lineStart > limits.maxRequestLineBytes {
            throw HTTPParseError(.uriTooLong, "request line longer than \(limits.maxRequestLineBytes) bytes")
        }

        // RFC 9112 section 5: field-line = field-name ":" OWS field-value OWS, each ending in CRLF.
        let headerStart = i
        let headerCount = min(buffer.count, headerStart + limits.maxHeaderBytes + 2)
        func needMoreOfHeaders() throws(HTTPParseError) -> Result {
            if headerCount - headerStart >= limits.maxHeaderBytes + 2 {
                throw HTTPParseError(.requestHeaderFieldsTooLarge, "header section larger than \(limits.maxHeaderBytes) bytes")
            }
            return .needMore
        }
        let valueBytes = HTTPSyntax.fieldValue
        var fields = HTTPFields()
        var fieldCount = 0
        while true {
            if i >= headerCount { return try needMoreOfHeaders() }
            let first = buffer[i]
            if first == cr {
                if i + 1 >= headerCount { return try needMoreOfHeaders() }
                guard buffer[i + 1] == lf else { throw .bad("bare CR in the header section") }
                i += 2
                break
            }
            // RFC 9112 section 2.2: a bare LF is not a line terminator here.
            if first == lf { throw .bad("bare LF in the header section") }
            // RFC 9112 section 5.2: obs-fold is rejected with 400.
            if first == HTTPSyntax.space || first == HTTPSyntax.tab { throw .bad("obsolete line folding in a header field") }
            let nameStart = i
            while i < headerCount, token[Int(buffer[i])] { i += 1 }
            if i == headerCount { return try needMoreOfHeaders() }
            guard buffer[i] == HTTPSyntax.colon else {
                // RFC 9112 section 5.1: no whitespace is allowed between the field name and the colon.
                if buffer[i] == HTTPSyntax.space || buffer[i] == HTTPSyntax.tab { throw .bad("whitespace before the colon in a header field") }
                throw .bad("invalid character in a header field name")
            }
            guard i > nameStart else { throw .bad("empty header field name") }
            let nameEnd = i
            i += 1
            while i < headerCount, buffer[i] == HTTPSyntax.space || buffer[i] == HTTPSyntax.tab { i += 1 }
            let valueStart = i
            while i < headerCount, valueBytes[Int(buffer[i])] { i += 1 }
            if i == headerCount || (buffer[i] == cr && i + 1 == headerCount) { return try needMoreOfHeaders() }
            guard buffer[i] == cr else {
                throw .bad(buffer[i] == lf ? "bare LF in a header field" : "control character in a header field value")
            }
            guard buffer[i + 1] == lf else { throw .bad("bare CR in a header field") }
            var valueEnd = i
            while valueEnd > valueStart, buffer[valueEnd - 1] == HTTPSyntax.space || buffer[valueEnd - 1] == HTTPSyntax.tab { valueEnd -= 1 }
            i += 2
            fieldCount += 1
            if fieldCount > limits.maxHeaderCount {
                throw HTTPParseError(.requestHeaderFieldsTooLarge, "more than \(limits.maxHeaderCount) header fields")
            }
            if i - headerStart > limits.maxHeaderBytes {
                throw HTTPParseError(.requestHeaderFieldsTooLarge, "header section larger than \(limits.maxHeaderBytes) bytes")
            }
            let nameString = string(buffer, nameStart..<nameEnd)
            guard let name = HTTPField.Name(nameString) else { throw .bad("invalid header field name") }
            fields.append(HTTPField(name: name, value: UnsafeRawBufferPointer(rebasing: buffer[valueStart..<valueEnd])))
        }

        let methodString = string(buffer, methodRange)
        guard let method = HTTPRequest.Method(methodString) else { throw .bad("invalid method") }
        let rawTarget = string(buffer, targetRange)
        let head = try RequestSemantics.interpret(
            method: method, rawTarget: rawTarget, version: version, fields: fields, limits: limits)
        return .complete(head, consumed: i)
    }

    /// Checks `DIGIT "." DIGIT CR LF` in the bytes available, so garbage is refused before it all arrives.
    private static func checkVersionTail(_ buffer: UnsafeRawBufferPointer, from start: Int, count: Int) throws(HTTPParseError) {
        let expected: [(UInt8) -> Bool] = [
            { $0 >= 0x30 && $0 <= 0x39 }, { $0 == UInt8(ascii: ".") }, { $0 >= 0x30 && $0 <= 0x39 },
            { $0 == HTTPSyntax.cr }, { $0 == HTTPSyntax.lf },
        ]
        var index = start
        while index < count, index - start < expected.count {
            guard expected[index - start](buffer[index]) else {
                throw .bad(index - start >= 3 ? "request line not ended by CRLF" : "malformed HTTP-version")
            }
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
