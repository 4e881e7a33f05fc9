// A blocking loopback client for live tests: it writes raw bytes and parses what comes back
// with its own minimal HTTP/1.1 response reader, so tests see exactly what is on the wire.
import COpenSSL
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct TestResponse {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    /// Every value of a field that may repeat (Vary), joined as one list (RFC 9110 section 5.3).
    func headerList(_ name: String) -> String { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1).joined(separator: ", ") }
    var text: String { String(decoding: body, as: UTF8.self) }
}

struct TestClientError: Error, CustomStringConvertible {
    let description: String
}

/// TLS options for a test client: protocol bounds (TLS1_2_VERSION and the like; 0 means none) and an
/// optional CA file to verify the server against.
struct TLSClientOptions {
    var minVersion: Int32 = 0
    var maxVersion: Int32 = 0
    var caFile: String?
}

final class TestClient {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var ssl: OpaquePointer?
    private var sslContext: OpaquePointer?
    /// The ALPN protocol the server chose.
    private(set) var alpn = ""

    init(port: UInt16, host: String = "127.0.0.1", receiveTimeout: Double = 5, tls: TLSClientOptions? = nil) throws {
        let v6 = host.contains(":")
        fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestClientError(description: "socket failed") }
        var rc: Int32
        if v6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            rc = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            rc = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard rc == 0 else {
            close(fd)
            throw TestClientError(description: "connect failed: errno \(errno)")
        }
        setReceiveTimeout(receiveTimeout)
        if let tls { try startTLS(tls) }
    }

    private func startTLS(_ options: TLSClientOptions) throws {
        sslContext = chronicle_client_context(options.minVersion, options.maxVersion, options.caFile)
        guard let sslContext, let ssl = SSL_new(sslContext) else { throw TestClientError(description: "SSL_new failed") }
        self.ssl = ssl
        SSL_set_fd(ssl, fd)
        _ = chronicle_set_hostname(ssl, "localhost")
        guard SSL_connect(ssl) == 1 else {
            var text = [CChar](repeating: 0, count: 256)
            chronicle_ssl_error_string(&text, text.count)
            let message = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw TestClientError(description: "TLS handshake failed: \(message)")
        }
        var name: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &name, &length)
        if let name { alpn = String(decoding: UnsafeBufferPointer(start: name, count: Int(length)), as: UTF8.self) }
    }

    /// The negotiated protocol version, e.g. "TLSv1.3".
    var tlsVersion: String { ssl.map { String(cString: SSL_get_version($0)) } ?? "" }

    deinit {
        if let ssl { SSL_free(ssl) }
        if let sslContext { SSL_CTX_free(sslContext) }
        close(fd)
    }

    /// Makes the close at deinit a reset (RST, SO_LINGER zero) rather than a FIN.
    func resetOnClose() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }

    func setReceiveTimeout(_ seconds: Double) {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Shrinks the receive buffer so the server's writes back up quickly (a slow reader).
    func setSmallReceiveBuffer() {
        var size: Int32 = 4096
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { raw -> Int in
                if let ssl { return Int(SSL_write(ssl, raw.baseAddress, Int32(raw.count))) }
                return Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { throw TestClientError(description: "send failed: errno \(errno)") }
            offset += n
        }
    }

    /// Seconds to pause before each read: a steady, slow reader.
    var pacing: Double = 0

    /// Reads more bytes; false on end of stream, error or timeout.
    private func fill() -> Bool {
        if pacing > 0 { Thread.sleep(forTimeInterval: pacing) }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { raw -> Int in
            if let ssl { return Int(SSL_read(ssl, raw.baseAddress, Int32(raw.count))) }
            return recv(fd, raw.baseAddress, raw.count, 0)
        }
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    /// Reads one response; interim 1xx responses are returned like any other.
    func readResponse(pacing: Double) throws -> TestResponse {
        self.pacing = pacing
        defer { self.pacing = 0 }
        return try readResponse()
    }

    func readResponse(headRequest: Bool = false) throws -> TestResponse {
        while true {
            if let end = find([13, 10, 13, 10]) {
                let head = String(decoding: buffer[0..<end], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst()
                let parts = statusLine.split(separator: " ")
                guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
                    throw TestClientError(description: "bad status line \(statusLine)")
                }
                let headers = lines.map { line -> (String, String) in
                    let colon = line.firstIndex(of: ":")!
                    return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }
                let noBody = headRequest || status < 200 || status == 204 || status == 304
                if !noBody, headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked" }) {
                    buffer.removeFirst(end + 4)
                    return TestResponse(status: status, headers: headers, body: try readChunkedBody())
                }
                let length = noBody ? 0 : Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "0") ?? 0
                while buffer.count < end + 4 + length {
                    guard fill() else { throw TestClientError(description: "connection ended inside a body") }
                }
                let body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                return TestResponse(status: status, headers: headers, body: body)
            }
            guard fill() else { throw TestClientError(description: "no complete response (closed or timed out)") }
        }
    }

    /// A chunked body (RFC 9112 section 7.1), its chunks joined; extensions and trailers ignored.
    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            while find([13, 10]) == nil { guard fill() else { throw TestClientError(description: "ended inside a chunk size") } }
            let lineEnd = find([13, 10])!
            let sizeText = String(decoding: buffer[0..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText, radix: 16) else { throw TestClientError(description: "bad chunk size \(sizeText)") }
            buffer.removeFirst(lineEnd + 2)
            if size == 0 {
                while find([13, 10]) == nil { guard fill() else { throw TestClientError(description: "ended in the trailer") } }
                while let end = find([13, 10]), end > 0 { buffer.removeFirst(end + 2) }  // trailer fields
                while buffer.count < 2 { guard fill() else { throw TestClientError(description: "ended in the trailer") } }
                buffer.removeFirst(2)
                return body
            }
            while buffer.count < size + 2 { guard fill() else { throw TestClientError(description: "ended inside a chunk") } }
            body += buffer[0..<size]
            buffer.removeFirst(size + 2)
        }
    }

    func readResponses(_ count: Int) throws -> [TestResponse] {
        try (0..<count).map { _ in try readResponse() }
    }

    /// True when the server closes the connection (end of stream or reset) before the timeout.
    func waitForClose(timeout: Double = 10) -> Bool {
        setReceiveTimeout(timeout)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let ssl {
                let n = chunk.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
                if n > 0 { continue }
                let error = SSL_get_error(ssl, n)
                return error == SSL_ERROR_ZERO_RETURN || (error == SSL_ERROR_SYSCALL && errno != EAGAIN)
            }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }

    /// Raw bytes until `marker` has arrived (or the connection ends).
    func readUntil(_ marker: String) -> [UInt8] {
        let pattern = Array(marker.utf8)
        while find(pattern) == nil && fill() {}
        defer { buffer = [] }
        return buffer
    }

    /// Everything until the peer closes.
    func readToEnd() -> [UInt8] {
        while fill() {}
        defer { buffer = [] }
        return buffer
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for i in 0...(buffer.count - pattern.count) where buffer[i] == pattern[0] && Array(buffer[i..<(i + pattern.count)]) == pattern {
            return i
        }
        return nil
    }
}
