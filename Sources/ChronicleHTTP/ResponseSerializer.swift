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
        if code >= 200 && code != 204 && code != 304 {
            out.append(contentsOf: "Content-Length: \(response.body.count)\r\n".utf8)
        }
        if !keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if requestVersion == .http1_0 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        if !omitBody && code >= 200 && code != 204 && code != 304 {
            out.append(contentsOf: response.body)
        }
    }
}
