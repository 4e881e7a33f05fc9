@testable import ChronicleAPI
import ChronicleStore
import ChronicleRouter
import ChronicleHTTP
import Foundation
import HTTPTypes
import Testing

@Suite struct FormatTests {
    let harness: APIHarness

    init() throws { harness = try APIHarness() }

    func drain(_ response: Response) -> String {
        var out: [UInt8] = []
        while let piece = response.stream?.next() { out += piece }
        return String(decoding: out, as: UTF8.self)
    }

    func get(_ target: String, accept: String? = nil) throws -> Response {
        var fields: HTTPFields = [:]
        if let accept { fields[.accept] = accept }
        return harness.router.respond(to: try Request.make(.get, target, headerFields: fields))
    }

    /// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" && characters.first == "\n" {
                characters.removeFirst(); row.append(field); rows.append(row); row = []; field = ""
            }
            else { field.unicodeScalars.append(c) }
        }
        return rows
    }

    @Test func csvHasAHeaderRowCRLFAndOneRowPerEvent() throws {
        let response = try get("/events?format=csv")
        #expect(response.headerFields[.contentType] == "text/csv; charset=utf-8; header=present")
        let text = drain(response)
        #expect(text.hasSuffix("\r\n"))
        let rows = parseCSV(text)
        #expect(rows.first?.first == "id")
        #expect(rows.count == 13)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let attaf = try #require(rows.first { $0[0] == "attaf-rejects-terrorist-label" })
        func column(_ name: String) -> Int { rows[0].firstIndex(of: name)! }
        #expect(attaf[column("certainty")] == "inferred")
        #expect(attaf[column("title_ar")].contains("عطاف"))
        #expect(attaf[column("cameo_root")] == "12" && attaf[column("plover_code")] == "REJECT")
        let unga = try #require(rows.first { $0[0] == "maiga-accuses-algeria-at-unga79" })
        #expect(unga[column("country")] == "USA" && Double(unga[column("latitude")]) != nil)
        // CAMEO 01 has no PLOVER type: the column is empty, not a made-up type.
        #expect(rows.first { $0[0] == "attaf-military-solution-comment" }?[column("plover_code")] == "")
    }

    @Test func aRefusedLabelSaysSoInEveryFormat() throws {
        // The words Attaf refused must never read as his own: the flag is a column, not only a note.
        let rows = parseCSV(drain(try get("/quotes?format=csv")))
        let header = rows[0]
        let refused = try #require(rows.first { $0[0] == "attaf-refused-term" })
        #expect(refused[header.firstIndex(of: "refused_label")!] == "true")
        #expect(refused[header.firstIndex(of: "stance")!] == "refused")
        #expect(rows.dropFirst().filter { $0[header.firstIndex(of: "refused_label")!] == "true" }.map { $0[0] } == ["attaf-refused-term"])
        // The Arabic passages of the communiqué translate its body, which is not in the document: no
        // quote is their original, and each says so in its note.
        let body = rows.dropFirst().filter { $0[header.firstIndex(of: "note")!].contains("communiqué's body") }
        #expect(body.count == 4 && body.allSatisfy { $0[header.firstIndex(of: "translation_of")!].isEmpty })
        let lines = drain(try get("/quotes?format=ndjson")).split(separator: "\n")
        let object = try #require(lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["id"] as? String == "attaf-refused-term" })
        #expect(object["refused_label"] as? Bool == true && object["stance"] as? String == "refused")
    }

    @Test func csvQuotesFieldsWithCommasAndQuotes() throws {
        let rows = parseCSV(drain(try get("/quotes?format=csv&q=military")))
        #expect(rows.count == 2)
        let text = rows[1][rows[0].firstIndex(of: "text")!]
        #expect(text == "الحل العسكري مستحيل في الساحل والصحراء، وخصوصًا في مالي، لأنه جُرّب ثلاث مرات في الماضي وفشل.")
        let raw = drain(try get("/quotes?format=csv&q=military"))
        #expect(raw.contains("\"The military solution is impossible in the Sahel and the Sahara, and especially in Mali, because"))
    }

    @Test func ndjsonIsOneRecordPerLineByAccept() throws {
        let response = try get("/quotes", accept: "application/x-ndjson")
        #expect(response.headerFields[.contentType] == "application/x-ndjson")
        let lines = drain(response).split(separator: "\n")
        #expect(lines.count == 8)
        for line in lines {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(record?["id"] is String)
        }
    }

    @Test func exportsApplyFiltersOffsetAndLimit() throws {
        #expect(drain(try get("/events?format=ndjson&actor=morocco")).split(separator: "\n").count == 1)
        #expect(drain(try get("/events?format=ndjson&offset=2&limit=3")).split(separator: "\n").count == 3)
        #expect(drain(try get("/events?format=ndjson&limit=100000")).split(separator: "\n").count == 12)
        #expect(try get("/events?format=ndjson&limit=0").status == .badRequest)
    }

    @Test func acceptNegotiation() throws {
        #expect(try get("/events", accept: "text/csv").headerFields[.contentType]?.hasPrefix("text/csv") == true)
        #expect(try get("/events", accept: "text/html, */*;q=0.1").headerFields[.contentType] == "application/json")
        #expect(
            try get("/events", accept: "application/json;q=0.5, application/x-ndjson").headerFields[.contentType] == "application/x-ndjson")
        let refused = try get("/events", accept: "text/html")
        #expect(refused.status == .notAcceptable)
        #expect(refused.headerFields[.contentType] == "application/problem+json")
        #expect(try get("/events?format=xml").status == .badRequest)
        // ?format wins over Accept, for curl users.
        #expect(try get("/events?format=json", accept: "text/html").status == .ok)
    }

    /// A shared cache keys on what the answer varies with: Accept when Accept chose the format (the
    /// 200, the 304 and the 406), not when ?format= did.
    @Test func answersWhoseFormatAcceptChoseVaryOnAccept() throws {
        #expect(try get("/events", accept: "text/csv").headerFields[values: .vary].contains("Accept"))
        #expect(try get("/events").headerFields[values: .vary].contains("Accept"))
        #expect(try get("/events", accept: "text/html").headerFields[values: .vary].contains("Accept"))
        let tag = try get("/events").headerFields[.eTag]!
        let fields: HTTPFields = [.ifNoneMatch: tag]
        let notModified = harness.router.respond(to: try Request.make(.get, "/events", headerFields: fields))
        #expect(notModified.status == .notModified)
        #expect(notModified.headerFields[values: .vary].contains("Accept"))
        #expect(!(try get("/events?format=csv").headerFields[values: .vary].contains("Accept")))
    }

    /// OWASP's CSV injection: a cell a spreadsheet would run is written as text; numbers stay numbers.
    @Test func cellsThatLookLikeFormulasAreWrittenAsText() {
        var out: [UInt8] = []
        CSV.append(["=HYPERLINK(\"x\")", "+1+2", "-1+2", "@SUM(A1)", "\tx", "-12", "+3.5", "-", "plain", "a=b"], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"'=HYPERLINK(\"\"x\"\")\",'+1+2,'-1+2,'@SUM(A1),'\tx,-12,+3.5,'-,plain,a=b\r\n")
    }

    @Test func everyListHasExports() throws {
        for path in ["/actors", "/documents", "/actors/mali/events", "/actors/mali-maeci/quotes"] {
            let rows = parseCSV(drain(try get(path + "?format=csv")))
            #expect(rows.count >= 2, "\(path)")
        }
    }
}

@Suite struct ConditionalListTests {
    @Test func unchangedListsAre304BeforeRenderingWithTheirCachingFields() throws {
        let store = try ChronicleStore.Store.load(directory: dataDirectory)
        let router = try ChronicleAPI(data: DatasetHolder(store)).makeRouter(middleware: [RepresentationMiddleware()])
        func get(_ target: String, _ fields: HTTPFields) throws -> Response {
            router.respond(to: try Request.make(.get, target, headerFields: fields))
        }
        let plain = try get("/events?limit=3", [:])
        let zipped = try get("/events?limit=3", [.acceptEncoding: "gzip"])
        let tag = try #require(plain.headerFields[.eTag]), gzipTag = try #require(zipped.headerFields[.eTag])
        #expect(gzipTag == EntityTag.variant(tag, coding: "gzip"))
        let cases: [(String, HTTPFields)] = [(tag, [:]), (gzipTag, [.acceptEncoding: "gzip"])]
        for (sent, fields) in cases {
            var conditional = fields
            conditional[.ifNoneMatch] = sent
            let response = try get("/events?limit=3", conditional)
            #expect(response.status == .notModified)
            #expect(response.headerFields[.eTag] == sent)
            #expect(response.headerFields[.cacheControl] == "public, max-age=60")
            #expect(response.headerFields[.vary] == "Accept, Accept-Encoding")
            #expect(response.body.isEmpty)
        }
        #expect(try get("/events?limit=4", [.ifNoneMatch: tag]).status == .ok)  // another target, another tag
        #expect(try get("/events/mali-condemns-algerian-interference", [.ifNoneMatch: "*"]).status == .notModified)
    }
}
