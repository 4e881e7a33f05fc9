import COpenSSL
import ChronicleHTTP
import ChronicleServer
import ChronicleSockets
import Foundation
import Testing

/// A throw-away self-signed certificate for localhost, made with the openssl command line.
struct TestCertificate {
    let directory: String
    var certificate: String { directory + "/cert.pem" }
    var key: String { directory + "/key.pem" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem", "-days", "2",
                          "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
    }

    /// Runs the openssl command (through the shell: arguments are temporary paths and fixed words,
    /// quoted; Foundation's Process would leave allocations AddressSanitizer reports as leaks).
    static func openssl(_ arguments: [String]) throws {
        let command = (["/usr/bin/openssl"] + arguments).map { "'\($0)'" }.joined(separator: " ") + " >/dev/null 2>&1"
        guard system(command) == 0 else { throw TestClientError(description: "openssl \(arguments[0]) failed") }
    }
}

@Suite(.serialized) struct TLSTests {
    let certificate: TestCertificate
    let server: TestServer

    init() throws {
        let certificate = try TestCertificate()
        self.certificate = certificate
        server = try TestServer {
            $0.tls = .init(port: 0, certificateChainPath: certificate.certificate, privateKeyPath: certificate.key)
            $0.headerTimeout = .milliseconds(500)
        }
    }

    var port: UInt16 { server.server.tlsPort! }

    @Test func verifiedKeepAliveAndALPN() throws {
        let client = try TestClient(port: port, tls: TLSClientOptions(caFile: certificate.certificate))
        #expect(client.alpn == "http/1.1")
        for value in ["a", "b", "c"] {
            try client.send("GET /echo/\(value) HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try client.readResponse().text == value)
        }
        #expect(server.server.metrics.tlsHandshakes.load(ordering: .relaxed) >= 1)
    }

    @Test func pipeliningOverTLS() throws {
        let client = try TestClient(port: port, tls: TLSClientOptions())
        try client.send((0..<100).map { "GET /echo/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
        #expect(try client.readResponses(100).map(\.text) == (0..<100).map(String.init))
    }

    @Test func largeResponseOverTLS() throws {
        let client = try TestClient(port: port, tls: TLSClientOptions())
        try client.send("GET /big/8 HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.body.count == 8 << 20)
        #expect(response.body.last == UInt8(ascii: "!"))
    }

    @Test func tls12IsAcceptedAndTls11Refused() throws {
        let modern = try TestClient(port: port, tls: TLSClientOptions(maxVersion: TLS1_2_VERSION))
        #expect(modern.tlsVersion == "TLSv1.2")
        let failuresBefore = server.server.metrics.tlsHandshakeFailures.load(ordering: .relaxed)
        #expect(throws: TestClientError.self) {
            _ = try TestClient(port: port, tls: TLSClientOptions(minVersion: TLS1_1_VERSION, maxVersion: TLS1_1_VERSION))
        }
        // The refusal is the server's: it counted a failed handshake.
        #expect(waitUntil { server.server.metrics.tlsHandshakeFailures.load(ordering: .relaxed) > failuresBefore })
    }

    @Test func plainHTTPToTheTLSPortIsClosed() throws {
        let client = try TestClient(port: port)
        try client.send("GET /echo/a HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(client.waitForClose(timeout: 10))
    }

    @Test func aStalledHandshakeIsBoundedByTheHeaderTimeout() throws {
        let client = try TestClient(port: port)
        try client.send([0x16, 0x03, 0x01])  // the start of a ClientHello, then nothing
        #expect(client.waitForClose(timeout: 10))
    }

    @Test func plainAndTLSListenersServeSideBySide() throws {
        // One server, both listeners, connections interleaved on both.
        let plain = try TestClient(port: server.port)
        let secure = try TestClient(port: port, tls: TLSClientOptions(caFile: certificate.certificate))
        for round in 0..<3 {
            try plain.send("GET /echo/plain\(round) HTTP/1.1\r\nHost: t\r\n\r\n")
            try secure.send("GET /echo/secure\(round) HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try secure.readResponse().text == "secure\(round)")
            #expect(try plain.readResponse().text == "plain\(round)")
        }
    }

    @Test func missingOrMismatchedKeysFailAtStart() throws {
        var config = ServerConfiguration()
        config.port = 0
        config.tls = .init(port: 0, certificateChainPath: "/nonexistent/cert.pem", privateKeyPath: certificate.key)
        #expect(throws: TLSError.self) { try TestServer.make(config) }
        let other = try TestCertificate()
        config.tls = .init(port: 0, certificateChainPath: certificate.certificate, privateKeyPath: other.key)
        do {
            _ = try TestServer.make(config)
            Issue.record("a mismatched key was accepted")
        } catch let error as TLSError {
            #expect(error.description.contains("does not match"))
        }
    }

    @Test func certificateReloadServesTheNewCertificate() throws {
        let before = try TestClient(port: port, tls: TLSClientOptions(caFile: certificate.certificate))
        let replacement = try TestCertificate()
        let original = try TestCertificate()  // a copy of the files the server loaded, to verify against later
        try FileManager.default.removeItem(atPath: original.certificate)
        try FileManager.default.copyItem(atPath: certificate.certificate, toPath: original.certificate)
        for (from, to) in [(replacement.certificate, certificate.certificate), (replacement.key, certificate.key)] {
            try FileManager.default.removeItem(atPath: to)
            try FileManager.default.copyItem(atPath: from, toPath: to)
        }
        try server.server.reloadTLS()
        // New connections verify against the new certificate only; the one opened before still works.
        let client = try TestClient(port: port, tls: TLSClientOptions(caFile: replacement.certificate))
        try client.send("GET /echo/after HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().text == "after")
        #expect(throws: TestClientError.self) { try TestClient(port: port, tls: TLSClientOptions(caFile: original.certificate)) }
        try before.send("GET /echo/before HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try before.readResponse().text == "before")
    }

    @Test func aPeerResetDuringALargeWriteDoesNotRaiseSIGPIPE() throws {
        // This process does not ignore SIGPIPE: a write(2) to the reset socket would kill it.
        signal(SIGPIPE, SIG_DFL)
        for _ in 0..<5 {
            let client = try TestClient(port: port, tls: TLSClientOptions())
            client.setSmallReceiveBuffer()
            try client.send("GET /big/8 HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = client.readUntil("\r\n\r\n")
            client.resetOnClose()
        }
        let metrics = server.server.metrics
        #expect(waitUntil { server.server.openConnections == 0 && metrics.bytesOut.load(ordering: .relaxed) > 0 })
        let after = try TestClient(port: port, tls: TLSClientOptions())
        try after.send("GET /echo/alive HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try after.readResponse().text == "alive")
    }
}
