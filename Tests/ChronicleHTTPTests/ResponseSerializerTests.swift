import ChronicleHTTP
import HTTPTypes
import Testing

@Suite struct ResponseSerializerTests {
    func wire(_ response: Response, head: Bool = false, keepAlive: Bool = true, version: HTTPVersion = .http1_1) -> String {
        var out: [UInt8] = []
        ResponseSerializer.serialize(
            response, omitBody: head, keepAlive: keepAlive, requestVersion: version, date: "Sun, 06 Nov 1994 08:49:37 GMT", into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func okResponseHasDateAndLength() {
        let text = wire(Response(contentType: "text/plain", body: Array("hi".utf8)))
        #expect(text == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 2\r\n\r\nhi")
    }

    @Test func headKeepsTheLengthAndDropsTheBody() {
        let text = wire(Response(contentType: "text/plain", body: Array("hello".utf8)), head: true)
        #expect(text.hasSuffix("Content-Length: 5\r\n\r\n"))
    }

    @Test func noContentAndNotModifiedCarryNoLengthNorBody() {
        #expect(!wire(Response(status: .noContent, body: Array("x".utf8))).contains("Content-Length"))
        #expect(wire(Response(status: .notModified, body: Array("x".utf8))).hasSuffix("\r\n\r\n"))
    }

    @Test func connectionHeaderFollowsKeepAlive() {
        #expect(wire(Response(), keepAlive: false).contains("Connection: close\r\n"))
        #expect(wire(Response(), version: .http1_0).contains("Connection: keep-alive\r\n"))
        #expect(!wire(Response()).contains("Connection:"))
    }

    @Test func serverOwnedFieldsFromHandlersAreIgnored() {
        let text = wire(Response(headerFields: [.contentLength: "99", .connection: "upgrade"], body: Array("ab".utf8)))
        #expect(!text.contains("Content-Length: 99"))
        #expect(!text.contains("upgrade"))
        #expect(text.contains("Content-Length: 2\r\n"))
    }

    @Test func httpDateFormat() {
        #expect(HTTPDate.format(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
