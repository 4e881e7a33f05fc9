import ChronicleAPI
import ChronicleStore
import ChronicleHTTP
import ChronicleRouter
import ChronicleServer
import Foundation
import Logging
import Testing

/// The transport features of the API (gzip, ETag/304, CORS, CSV streaming, nosniff) over real
/// sockets, once in plain HTTP and once over TLS, with the same middleware the executable uses.
@Suite(.serialized) struct TransportLiveTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path

    let certificate: TestCertificate
    let server: HTTPServer

    init() throws {
        certificate = try TestCertificate()
        let router = try ChronicleAPI(data: DatasetHolder(try Store.load(directory: Self.data))).makeRouter(middleware: [
            RequestIDMiddleware(), CORSMiddleware(allowedOrigins: ["https://dash.example"]), RepresentationMiddleware(),
        ])
        var config = ServerConfiguration()
        config.port = 0
        config.threads = 2
        config.accessLog = false
        config.tls = .init(port: 0, certificateChainPath: certificate.certificate, privateKeyPath: certificate.key)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        server = try HTTPServer(configuration: config, responder: router, logger: logger)
        server.start()
    }

    func client(tls: Bool) throws -> TestClient {
        tls ? try TestClient(port: server.tlsPort!, tls: TLSClientOptions(caFile: certificate.certificate))
            : try TestClient(port: server.port)
    }

    @Test(arguments: [false, true])
    func gzipETagCORSAndCSVOverTheWire(tls: Bool) throws {
        defer { server.shutdown(); server.wait() }
        let c = try client(tls: tls)
        try c.send("GET /events HTTP/1.1\r\nHost: t\r\n\r\n")
        let identity = try c.readResponse()
        #expect(identity.header("X-Content-Type-Options") == "nosniff")
        // The format was negotiated (no ?format=): the body varies with Accept as well as Accept-Encoding.
        #expect(identity.headerList("Vary") == "Accept, Accept-Encoding, Origin")

        try c.send("GET /events HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
        let zipped = try c.readResponse()
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(Gzip.decompress(zipped.body) == identity.body)
        #expect(zipped.body.count < identity.body.count / 2)

        let tag = try #require(zipped.header("ETag"))
        try c.send("GET /events HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\nIf-None-Match: \(tag)\r\n\r\n")
        let notModified = try c.readResponse()
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(notModified.header("ETag") == tag)
        #expect(notModified.header("Cache-Control") == "public, max-age=60")

        try c.send("OPTIONS /events HTTP/1.1\r\nHost: t\r\nOrigin: https://dash.example\r\nAccess-Control-Request-Method: GET\r\n\r\n")
        let preflight = try c.readResponse()
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Origin") == "https://dash.example")

        try c.send("GET /quotes?format=csv HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
        let csv = try c.readResponse()
        #expect(csv.header("Transfer-Encoding") == "chunked")
        #expect(csv.header("Content-Encoding") == "gzip")
        let text = String(decoding: try #require(Gzip.decompress(csv.body)), as: UTF8.self)
        #expect(
            text.hasPrefix(
                "id,text,language,kind,stance,refused_label,speaker,event,date,date_start,date_end,translation_en,translation_fr,transl"
                    + "ation_of,document,start,end,events,certainty,date_note,label_attributed_to,original_fr,original_fr_verbatim,depa"
                    + "rtures,note,translation_notes_en\r\n"
            ))
        #expect(text.components(separatedBy: "\r\n").count == 10)  // header, 8 quotes, and the empty string after the last CRLF

        try c.send("GET /events/nope HTTP/1.1\r\nHost: t\r\n\r\n")  // the connection is still good
        #expect(try c.readResponse().status == 404)
    }
}

/// Large bodies are written from where they lie (a gathered write of head and body); pipelined
/// answers queued behind one still being written arrive whole and in order.
@Suite struct SharedBodyLiveTests {
    @Test func pipelinedLargeAndSmallAnswersArriveWholeAndInOrder() throws {
        let server = try TestServer(threads: 1)
        let client = try TestClient(port: server.port)
        // Sent at once: the loop answers them all before writing, so small answers are queued
        // behind shared bodies not yet written (the unit tests cover writes stopping part-way).
        let targets = ["/bytes/100000", "/echo/first", "/big/1", "/bytes/20000", "/echo/last", "/bytes/16384"]
        try client.send(targets.map { "GET \($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
        for target in targets {
            let response = try client.readResponse()
            #expect(response.status == 200, "\(target)")
            switch target {
            case "/echo/first": #expect(response.body == Array("first".utf8))
            case "/echo/last": #expect(response.body == Array("last".utf8))
            case "/big/1":
                #expect(response.body.count == 1 << 20 && response.body.last == UInt8(ascii: "!"))
                #expect(response.body.dropLast().allSatisfy { $0 == UInt8(ascii: "x") })
            default:
                let count = Int(target.split(separator: "/").last!)!
                #expect(response.body == [UInt8](repeating: 0x2E, count: count), "\(target)")
            }
        }
    }
}
