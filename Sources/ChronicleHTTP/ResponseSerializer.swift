// Writes a response head and body in HTTP/1.1 wire form (RFC 9112 sections 4 and 6).
import HTTPTypes

public enum ResponseSerializer {
    /// Appends the serialized response to `out`.
    /// - Parameters:
    ///   - omitBody: true for HEAD: the GET headers, Content-Length included, and no body (RFC 9110 section 9.3.2).
    ///   - keepAlive: whether the connection stays open; "close" is announced otherwise (RFC 9112 section 9.6).
    ///   - requestVersion: a kept-alive 1.0 connection is confirmed with "Connection: keep-alive".
    public static func serialize(
        _ response: Response, omitBody: Bool, keepAlive: Bool, requestVersion: HTTPVersion, date: String,
        into out: inout [UInt8]
    ) {
        if serializeHead(response, omitBody: omitBody, keepAlive: keepAlive, requestVersion: requestVersion, date: date, into: &out) {
            out.append(contentsOf: response.body)
        }
    }

    /// Appends the status line and header section only; true when `response.body` is to follow
    /// (a writer that keeps the body elsewhere sends it next, as is).
    @discardableResult
    public static func serializeHead(
        _ response: Response, omitBody: Bool, keepAlive: Bool, requestVersion: HTTPVersion, date: String,
        into out: inout [UInt8]
    ) -> Bool {
        let status = response.status
        out.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
        for field in response.headerFields {
            switch field.name {
            case .contentLength, .date, .connection, .transferEncoding: continue  // the server's to set
            default: break
            }
            out.append(contentsOf: field.name.rawName.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: date.utf8)
        out.append(contentsOf: "\r\n".utf8)
        // RFC 9110 section 8.6: no Content-Length on 1xx and 204; on 304 it could only repeat the 200's.
        let code = status.code
        let hasBody = code >= 200 && code != 204 && code != 304
        if hasBody && response.stream != nil {
            // RFC 9112 section 6.1: a streamed body is chunked for 1.1; a 1.0 client reads until close.
            if requestVersion == .http1_1 { out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8) }
        } else if hasBody {
            out.append(contentsOf: "Content-Length: \(response.body.count)\r\n".utf8)
        }
        if !keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if requestVersion == .http1_0 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        return !omitBody && hasBody && response.stream == nil
    }

    /// Frames one piece of a streamed body (RFC 9112 section 7.1); an empty piece is skipped, since
    /// a zero-size chunk would end the body.
    public static func appendChunk(_ piece: [UInt8], chunked: Bool, into out: inout [UInt8]) {
        guard !piece.isEmpty else { return }
        if chunked {
            out.append(contentsOf: String(piece.count, radix: 16).utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: piece)
        if chunked { out.append(contentsOf: "\r\n".utf8) }
    }

    /// The last-chunk and empty trailer section that end a chunked body.
    public static let lastChunk = Array("0\r\n\r\n".utf8)
}
