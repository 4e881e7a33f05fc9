import ChronicleHTTP
import Foundation
import Testing

@Suite struct JSONWriterTests {
    @Test func escapesOnlyWhatJSONRequiresAndKeepsArabic() {
        var w = JSONWriter()
        w.object { w in
            w.member("text", "قال: \"نعم\"\n\\ \u{01}")
            w.member("n", 3)
            w.member("none", nil as String?)
            w.member("list", strings: ["a", "é"])
        }
        let text = String(decoding: w.bytes, as: UTF8.self)
        #expect(text == #"{"text":"قال: \"نعم\"\n\\ \u0001","n":3,"none":null,"list":["a","é"]}"#)
    }

    @Test func prettyOutputParsesToTheSameValue() throws {
        func build(_ pretty: Bool) -> [UInt8] {
            var w = JSONWriter(pretty: pretty)
            w.object { w in
                w.key("data")
                w.array { w in
                    w.object { w in w.member("id", "e1"); w.member("ok", true) }
                    w.object { _ in }
                }
                w.key("empty")
                w.array { _ in }
            }
            return w.bytes
        }
        let compact = try JSONSerialization.jsonObject(with: Data(build(false))) as? NSDictionary
        let pretty = try JSONSerialization.jsonObject(with: Data(build(true))) as? NSDictionary
        #expect(compact != nil && compact == pretty)
        #expect(String(decoding: build(true), as: UTF8.self).contains("\n  \"data\": [\n    {\n      \"id\": \"e1\""))
    }

    @Test func problemDetailsAreRFC9457() throws {
        let problem = ProblemDetails(status: .badRequest, detail: "bad \"limit\"", extensions: [("parameter", "limit")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(problem.json)) as? [String: Any])
        #expect(object["type"] as? String == "about:blank")
        #expect(object["title"] as? String == "Bad Request")
        #expect(object["status"] as? Int == 400)
        #expect(object["detail"] as? String == "bad \"limit\"")
        #expect(object["parameter"] as? String == "limit")
        #expect(problem.response.headerFields[.contentType] == "application/problem+json")
    }
}
