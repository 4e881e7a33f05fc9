import ChronicleHTTP
import Testing

@Suite struct RequestTargetTests {
    @Test func arabicQueryWithPlusAsSpace() throws {
        // "الحل العسكري" as a form-encoded query value.
        let target = try RequestTarget.parse(
            "/quotes?q=%D8%A7%D9%84%D8%AD%D9%84+%D8%A7%D9%84%D8%B9%D8%B3%D9%83%D8%B1%D9%8A&pretty", method: .get)
        #expect(target.queryItems == [QueryItem(name: "q", value: "الحل العسكري"), QueryItem(name: "pretty", value: nil)])
    }

    @Test func pathSegmentsAreDecodedButPlusStaysInPaths() throws {
        let target = try RequestTarget.parse("/actors/a+b/%D9%85%2Fx", method: .get)
        #expect(target.segments == ["actors", "a+b", "م/x"])
        #expect(target.path == "/actors/a+b/%D9%85%2Fx")
    }

    @Test func emptyItemsAreSkippedAndDuplicatesKept() throws {
        let target = try RequestTarget.parse("/e?a=1&&a=2&b=", method: .get)
        #expect(target.queryItems == [QueryItem(name: "a", value: "1"), QueryItem(name: "a", value: "2"), QueryItem(name: "b", value: "")])
    }

    @Test func fragmentIsDropped() throws {
        #expect(try RequestTarget.parse("/a?x=1#frag", method: .get).queryItems == [QueryItem(name: "x", value: "1")])
    }

    @Test func malformedEscapesAreRefused() {
        for bad in ["/a%", "/a%4", "/a?x=%G1", "/a?x=%FF"] {
            #expect(throws: HTTPParseError.self) { try RequestTarget.parse(bad, method: .get) }
        }
    }
}
