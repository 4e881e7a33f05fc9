// Incremental decoder for the chunked transfer coding (RFC 9112 section 7.1):
//   chunked-body = *chunk last-chunk trailer-section CRLF
//   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
// A byte-level state machine: feed it whatever arrived, it appends the data to `body` and says
// how many bytes it consumed. Pure: no I/O; the same input split anywhere gives the same result.
import HTTPTypes

public struct ChunkedDecoder: Sendable {
    public enum Progress: Equatable, Sendable {
        /// All input was consumed; the body is not finished.
        case needMore
        /// The body ended after `consumed` bytes of this input; the rest belongs to the next request.
        case done(consumed: Int)
    }

    private enum State: Sendable {
        case sizeStart
        case size
        case sizeWhitespace
        case extensions
        case sizeLF
        case data(remaining: Int)
        case dataCR
        case dataLF
        case trailerLineStart
        case trailerLine
        case trailerLF
        case finalLF
        case done
    }

    private var state = State.sizeStart
    private var chunkSize = 0
    private var sizeDigits = 0
    private var lineBytes = 0
    private var trailerLine: [UInt8] = []
    private var trailerBytes = 0
    private let limits: RequestParser.Limits
    /// Trailer fields received after the last chunk (RFC 9112 section 7.1.2).
    public private(set) var trailers = HTTPFields()

    public init(limits: RequestParser.Limits) { self.limits = limits }

    /// Longest chunk-size line with its extensions; they carry nothing we use.
    static let maxChunkLineBytes = 4096

    public mutating func decode(_ input: UnsafeRawBufferPointer, into body: inout [UInt8]) throws(HTTPParseError) -> Progress {
        var i = 0
        let count = input.count
        while i < count {
            let byte = input[i]
            switch state {
            case .sizeStart:
                guard let digit = HTTPSyntax.hexValue(byte) else { throw .bad("chunk size is not hexadecimal") }
                chunkSize = Int(digit)
                sizeDigits = 1
                lineBytes = 1
                state = .size
            case .size:
                lineBytes += 1
                if let digit = HTTPSyntax.hexValue(byte) {
                    // Leading zeros are allowed, but a value over the body limit is refused before it can overflow.
                    sizeDigits += 1
                    chunkSize = chunkSize << 4 | Int(digit)
                    if chunkSize > limits.maxBodyBytes || sizeDigits > 16 {
                        throw HTTPParseError(.contentTooLarge, "chunk larger than the body limit of \(limits.maxBodyBytes) bytes")
                    }
                } else if byte == UInt8(ascii: ";") {
                    state = .extensions
                } else if byte == HTTPSyntax.space || byte == HTTPSyntax.tab {
                    state = .sizeWhitespace  // BWS before a chunk extension
                } else if byte == HTTPSyntax.cr {
                    state = .sizeLF
                } else {
                    throw .bad("invalid character after the chunk size")
                }
            case .sizeWhitespace:
                lineBytes += 1
                if byte == UInt8(ascii: ";") {
                    state = .extensions
                } else if byte != HTTPSyntax.space && byte != HTTPSyntax.tab {
                    throw .bad("whitespace after the chunk size without an extension")
                }
            case .extensions:
                // chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS value ] ); ignored, but no control bytes.
                lineBytes += 1
                if lineBytes > Self.maxChunkLineBytes { throw .bad("chunk extensions too long") }
                if byte == HTTPSyntax.cr {
                    state = .sizeLF
                } else if !HTTPSyntax.fieldValue[Int(byte)] {
                    throw .bad(byte == HTTPSyntax.lf ? "bare LF in a chunk extension" : "control character in a chunk extension")
                }
            case .sizeLF:
                guard byte == HTTPSyntax.lf else { throw .bad("chunk size line not ended by CRLF") }
                state = chunkSize == 0 ? .trailerLineStart : .data(remaining: chunkSize)
            case .data(let remaining):
                let take = min(remaining, count - i)
                if body.count + take > limits.maxBodyBytes {
                    throw HTTPParseError(.contentTooLarge, "request body exceeds \(limits.maxBodyBytes) bytes")
                }
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[i..<(i + take)]))
                i += take
                state = remaining == take ? .dataCR : .data(remaining: remaining - take)
                continue
            case .dataCR:
                guard byte == HTTPSyntax.cr else { throw .bad("chunk data not followed by CRLF") }
                state = .dataLF
            case .dataLF:
                guard byte == HTTPSyntax.lf else { throw .bad("chunk data not followed by CRLF") }
                state = .sizeStart
            case .trailerLineStart:
                if byte == HTTPSyntax.cr {
                    state = .finalLF
                } else if byte == HTTPSyntax.space || byte == HTTPSyntax.tab {
                    throw .bad("obsolete line folding in a trailer field")
                } else if byte == HTTPSyntax.lf {
                    throw .bad("bare LF in the trailer section")
                } else {
                    trailerLine = [byte]
                    state = .trailerLine
                }
            case .trailerLine:
                if byte == HTTPSyntax.cr {
                    state = .trailerLF
                } else if byte == HTTPSyntax.lf {
                    throw .bad("bare LF in a trailer field")
                } else {
                    trailerLine.append(byte)
                }
                trailerBytes += 1
                if trailerBytes > limits.maxHeaderBytes {
                    throw HTTPParseError(.requestHeaderFieldsTooLarge, "trailer section larger than \(limits.maxHeaderBytes) bytes")
                }
            case .trailerLF:
                guard byte == HTTPSyntax.lf else { throw .bad("bare CR in a trailer field") }
                try appendTrailer()
                state = .trailerLineStart
            case .finalLF:
                guard byte == HTTPSyntax.lf else { throw .bad("chunked body not ended by CRLF") }
                state = .done
                return .done(consumed: i + 1)
            case .done:
                return .done(consumed: i)
            }
            i += 1
        }
        if case .done = state { return .done(consumed: 0) }
        return .needMore
    }

    /// Validates one trailer field line with the header rules of RFC 9112 section 5.
    private mutating func appendTrailer() throws(HTTPParseError) {
        guard let colon = trailerLine.firstIndex(of: HTTPSyntax.colon), colon > 0 else { throw .bad("trailer field without a name") }
        guard trailerLine[..<colon].allSatisfy({ HTTPSyntax.token[Int($0)] }) else { throw .bad("invalid trailer field name") }
        let value = trailerLine[(colon + 1)...]
        guard value.allSatisfy({ HTTPSyntax.fieldValue[Int($0)] }) else { throw .bad("control character in a trailer field") }
        if trailers.count >= limits.maxHeaderCount {
            throw HTTPParseError(.requestHeaderFieldsTooLarge, "more than \(limits.maxHeaderCount) trailer fields")
        }
        guard let name = HTTPField.Name(String(decoding: trailerLine[..<colon], as: UTF8.self)) else {
            throw .bad("invalid trailer field name")
        }
        let trimmed = String(decoding: value, as: UTF8.self).trimmingCharactersOWS()
        trailers.append(HTTPField(name: name, value: trimmed))
    }
}

extension String {
    func trimmingCharactersOWS() -> String { String(Substring(self).trimmingOWS()) }
}
