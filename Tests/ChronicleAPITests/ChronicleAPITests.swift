import ChronicleAPI
import ChronicleHTTP
import Foundation
import HTTPTypes
import Testing
import ChronicleStore

@Suite struct ChronicleAPITests {
    let harness: APIHarness

    init() throws { harness = try APIHarness() }

    @Test func indexCountsAndLinks() throws {
        let index = try harness.json("/")
        let counts = try #require(index["counts"] as? [String: Int])
        #expect(counts["events"] == 12 && counts["quotes"] == 8 && counts["documents"] == 1)
        #expect((index["links"] as? [String: String])?["events"] == "/events")
    }

    @Test func everyListEndpointAnswersTheEnvelope() throws {
        for path in ["/events", "/actors", "/quotes", "/documents", "/actors/mali/events", "/actors/ahmed-attaf/quotes"] {
            let response = try harness.get(path)
            #expect(response.status == .ok, "\(path)")
            #expect(response.headerFields[.contentType] == "application/json")
            let object = try harness.json(path)
            #expect(object["data"] is [Any], "\(path)")
            let meta = try #require(object["meta"] as? [String: Int])
            #expect(meta["limit"] == 50 && meta["offset"] == 0)
            #expect((object["links"] as? [String: Any])?["self"] as? String == path)
        }
    }

    @Test func singleResourcesAndTheirNotFound() throws {
        for (path, id) in [("/events/attaf-rejects-terrorist-label", "attaf-rejects-terrorist-label"), ("/actors/mali", "mali"),
                           ("/quotes/maeci-no-lessons", "maeci-no-lessons"), ("/documents/d5a7a52965b0d6aa", "d5a7a52965b0d6aa")] {
            let data = try #require(try harness.json(path)["data"] as? [String: Any])
            #expect(data["id"] as? String == id)
            let missing = try harness.get(path + "-nope")
            #expect(missing.status == .notFound)
            #expect(missing.headerFields[.contentType] == "application/problem+json")
        }
        #expect(try harness.get("/actors/nope/events").status == .notFound)
        #expect(try harness.get("/documents/nope/text").status == .notFound)
    }

    @Test func quoteCarriesItsVerbatimSpan() throws {
        let quote = try #require(try harness.json("/quotes/maiga-haven-for-terrorists")["data"] as? [String: Any])
        let source = try #require(quote["source"] as? [String: Any])
        #expect(source["text"] as? String == quote["text"] as? String)
        #expect(source["start"] as? Int == 1912 && source["end"] as? Int == 1956)
        #expect((quote["speaker"] as? [String: Any])?["id"] as? String == "abdoulaye-maiga")
        #expect(quote["date"] as? String == "2024-09")
    }

    @Test func documentTextIsTheFileExactly() throws {
        let response = try harness.get("/documents/d5a7a52965b0d6aa/text")
        #expect(response.headerFields[.contentType] == "text/plain; charset=utf-8")
        let file = try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/documents/000_d5a7a52965b0d6aa.txt"))
        #expect(Data(response.body) == file)
    }

    @Test func arabicIsWrittenAsUTF8NotEscapes() throws {
        let body = String(decoding: try harness.get("/actors/mali").body, as: UTF8.self)
        #expect(body.contains("\"ar\":\"مالي\""))
        #expect(!body.contains("\\u"))
    }

    @Test func prettyIndents() throws {
        let body = String(decoding: try harness.get("/actors/mali?pretty").body, as: UTF8.self)
        #expect(body.hasPrefix("{\n  \"data\": {\n    \"id\": \"mali\""))
        // pretty=false is compact: the only newline ends the body.
        let compact = try harness.get("/actors/mali?pretty=false").body
        #expect(compact.filter { $0 == UInt8(ascii: "\n") }.count == 1 && compact.last == UInt8(ascii: "\n"))
    }

    @Test func eventFiltersCombine() throws {
        let accusations = ["maiga-accuses-algeria-at-unga79", "maeci-accuses-algeria-of-backing-terrorists",
                           "maeci-disparages-algerian-officials", "mali-condemns-algerian-interference"]
        // The ministry acts for Mali, so the communiqué's acts are Mali–Algeria events too.
        #expect(try harness.ids("/events?actor=mali&actor=algeria&type=ACCUSE") == accusations)
        #expect(try harness.ids("/events?from=2024-12&to=2025-01-01&sort=-date") == [
            "mali-condemns-algerian-interference", "maeci-rejects-algerian-lessons", "maeci-disparages-algerian-officials",
                "maeci-calls-on-algeria-to-mind-internal-crises", "maeci-accuses-algeria-of-backing-terrorists",
                "attaf-rejects-terrorist-label",
            "attaf-military-solution-comment", "attaf-defends-signatory-movements", "morocco-backs-accusations-at-unsc",
        ])
        #expect(try harness.ids("/events?document=d5a7a52965b0d6aa&q=Morocco") == ["morocco-backs-accusations-at-unsc"])
        #expect(try harness.ids("/actors/algeria/events?type=11") == accusations)
        // Located events: the two at the United Nations in New York.
        #expect(try harness.ids("/events?country=usa") == ["maiga-accuses-algeria-at-unga79", "morocco-backs-accusations-at-unsc"])
        #expect(try harness.ids("/events?country=MLI").isEmpty)
    }

    @Test func arabicSearchArrivesFormEncoded() throws {
        #expect(try harness.ids("/quotes?q=" + formEncode("الحل العسكري")) == ["attaf-military-solution"])
        #expect(try harness.ids("/quotes?q=" + formEncode("الارهابية") + "&lang=ar").contains("attaf-refused-term"))
        #expect(try harness.ids("/actors?q=" + formEncode("عطاف")) == ["ahmed-attaf"])
        #expect(try harness.ids("/actors?q=Maiga&kind=person") == ["abdoulaye-maiga"])
    }

    /// Events by the precision of their date: a zoomed timeline draws the day-dated ones one by one.
    @Test func eventsAreFilteredByTheirDatesPrecision() throws {
        let all = try harness.json("/events?limit=500")["data"] as? [[String: Any]] ?? []
        for precision in ["day", "month", "year", "interval"] {
            let expected = all.filter { (($0["date_range"] as? [String: Any])?["precision"] as? String) == precision }
                .compactMap { $0["id"] as? String }.sorted()
            #expect(try harness.ids("/events?limit=500&precision=" + precision).sorted() == expected, "\(precision)")
        }
        #expect(try harness.ids("/events?limit=500&precision=day&precision=month").count
            == (try harness.ids("/events?limit=500&precision=day").count) + (try harness.ids("/events?limit=500&precision=month").count))
        let counted = try harness.json("/aggregate/events?by=year&precision=year")["meta"] as? [String: Any]
        #expect(counted?["events"] as? Int == (try harness.ids("/events?limit=500&precision=year").count))
        #expect(try harness.get("/events?precision=week").status == .badRequest)
    }

    /// The actors of a view named in one request rather than one request each.
    @Test func actorsAreFetchedInABatchById() throws {
        #expect(try harness.ids("/actors?id=mali&id=ahmed-attaf&id=algeria&id=mali") == ["ahmed-attaf", "algeria", "mali"])
        #expect(try harness.ids("/actors?id=mali&id=ahmed-attaf&kind=person") == ["ahmed-attaf"])
        #expect(try harness.ids("/actors?id=mali&id=ahmed-attaf&q=" + formEncode("عطاف")) == ["ahmed-attaf"])
        // The bound, said before any id is looked up (51 real ids would fail the same way).
        let many = try harness.get("/actors?" + (0...50).map { "id=a\($0)" }.joined(separator: "&"))
        let problem = try JSONSerialization.jsonObject(with: Data(many.body)) as? [String: Any]
        #expect((problem?["detail"] as? String)?.contains("at most 50") == true, "\(problem ?? [:])")
    }

    @Test func documentsAreFilteredByLanguageAndKind() throws {
        let seed = ["d5a7a52965b0d6aa"]
        #expect(try harness.ids("/documents?language=ar") == seed)
        #expect(try harness.ids("/documents?language=FR") == seed)
        #expect(try harness.ids("/documents?language=fr&language=ar") == seed)
        #expect(try harness.ids("/documents?kind=news%20article&language=ar") == seed)
        #expect(try harness.get("/documents?lang=ar").status == .badRequest)
    }

    /// A declared field takes the values some record has, as `statement=` does: a value no document
    /// has (a typo, or a number from a fuzzer) is a 400 that lists those there are. So does `lang=`.
    @Test(arguments: [
        ("/documents?language=en", "language", "ar, fr"), ("/documents?language=fr&language=xx", "language", "got \"xx\""),
        ("/documents?kind=tweet", "kind", "news article"), ("/documents?kind=-6.48e%2B16&pretty=", "kind", "got \"-6.48e+16\""),
        ("/documents?kind=News%20article", "kind", "news article"),
        ("/quotes?lang=en", "lang", "ar, fr"), ("/actors/ahmed-attaf/quotes?lang=xx", "lang", "got \"xx\""),
    ])
    func vocabularyFiltersTakeTheValuesThereAre(_ target: String, _ parameter: String, _ detail: String) throws {
        let response = try harness.get(target)
        #expect(response.status == .badRequest)
        let problem = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        #expect(problem?["parameter"] as? String == parameter)
        #expect((problem?["detail"] as? String)?.contains(detail) == true, "\(problem?["detail"] ?? "")")
    }

    @Test func quoteFilters() throws {
        #expect(try harness.ids("/quotes?lang=fr") == ["maeci-communique-fr"])
        #expect(try harness.ids("/quotes?lang=FR") == ["maeci-communique-fr"])
        #expect(try harness.ids("/quotes?speaker=abdoulaye-maiga") == ["maiga-haven-for-terrorists"])
        #expect(try harness.ids("/quotes?event=attaf-rejects-terrorist-label&sort=date") == ["attaf-refused-term"])
        #expect(try harness.ids("/quotes?to=2024-12-31").count == 3)
    }

    @Test(arguments: [
        ("/events?bogus=1", "bogus"), ("/events?from=2024-13", "from"), ("/events?to=yesterday", "to"),
        ("/events?limit=0", "limit"), ("/events?limit=501", "limit"), ("/events?limit=ten", "limit"),
        ("/events?offset=-1", "offset"), ("/events?from=2025&to=2024", "from"), ("/events?sort=name", "sort"),
        ("/events?type=1&type=2", "type"), ("/events?actor=nobody", "actor"), ("/events?q=", "q"), ("/events?q=%21%21", "q"),
        ("/events?document=nope", "document"), ("/quotes?speaker=nobody", "speaker"), ("/quotes?event=nope", "event"),
        ("/actors?kind=wizard", "kind"), ("/events/attaf-rejects-terrorist-label?limit=1", "limit"), ("/events?country=Mali", "country"),
        ("/events?from=2024-09/2025-01", "from"), ("/actors?id=nobody", "id"),
        ("/actors?" + (0...50).map { "id=a\($0)" }.joined(separator: "&"), "id"),
    ])
    func badInputIs400NamingTheParameter(_ target: String, _ parameter: String) throws {
        let response = try harness.get(target)
        #expect(response.status == .badRequest)
        #expect(response.headerFields[.contentType] == "application/problem+json")
        let problem = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        #expect(problem?["parameter"] as? String == parameter)
        #expect(problem?["status"] as? Int == 400)
        #expect((problem?["detail"] as? String)?.contains(parameter) == true)
    }

    @Test func followingNextVisitsEveryEventOnce() throws {
        var target: String? = "/events?limit=1&sort=-date"
        var seen: [String] = []
        var pages = 0
        while let next = target, pages < 20 {
            let response = try harness.get(next)
            let object = try JSONSerialization.jsonObject(with: Data(response.body)) as! [String: Any]
            seen += (object["data"] as! [[String: Any]]).map { $0["id"] as! String }
            target = (object["links"] as? [String: Any])?["next"] as? String
            if let target { #expect(response.headerFields[HTTPField.Name("Link")!]?.contains("<\(target)>; rel=\"next\"") == true) }
            pages += 1
        }
        #expect(seen == (try harness.ids("/events?sort=-date")))
        #expect(seen.count == 12)
    }

    @Test func openAPIPathsAreExactlyTheRoutes() throws {
        let document = try harness.json("/openapi.json")
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let routed = Set(harness.router.routes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == routed)
    }

    /// The parser answers 414 to a request line over 8,192 bytes, which repeated filters can reach, so
    /// every operation that takes parameters says so (CI's schemathesis run counts undocumented statuses).
    @Test func operationsWithParametersDocument414() throws {
        let paths = try #require(try harness.json("/openapi.json")["paths"] as? [String: [String: [String: Any]]])
        var missing: [String] = []
        for (path, operations) in paths {
            for (method, operation) in operations where (operation["parameters"] as? [Any])?.isEmpty == false {
                if (operation["responses"] as? [String: Any])?["414"] == nil { missing.append("\(method) \(path)") }
            }
        }
        #expect(missing.isEmpty, "\(missing.sorted())")
    }

    @Test func healthIsOK() throws {
        #expect(try harness.json("/health")["status"] as? String == "ok")
    }
}

@Suite struct ServiceEndpointTests {
    @Test func readyTurns503WhileDraining() throws {
        let store = try ChronicleStore.Store.load(directory: dataDirectory)
        let status = ServiceStatus()
        let router = try ChronicleAPI(data: DatasetHolder(store), status: status).makeRouter()
        #expect(router.respond(to: try Request.make(.get, "/ready")).status == .ok)
        status.beginDraining()
        let draining = router.respond(to: try Request.make(.get, "/ready"))
        #expect(draining.status == .serviceUnavailable)
        #expect(draining.headerFields[.contentType] == "application/problem+json")
        #expect(router.respond(to: try Request.make(.get, "/health")).status == .ok)  // still alive
    }

    @Test func metricsIncludeTheDatasetAndWhatTheServerAdds() throws {
        let store = try ChronicleStore.Store.load(directory: dataDirectory)
        let router = try ChronicleAPI(data: DatasetHolder(store, loadSeconds: 0.25), metrics: {
            "# HELP extra_total Extra.\n# TYPE extra_total counter\nextra_total 3\n"
        }).makeRouter()
        let response = router.respond(to: try Request.make(.get, "/metrics"))
        #expect(response.headerFields[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.hasPrefix("# HELP extra_total"))
        #expect(text.contains("chronicle_dataset_records{kind=\"events\"} 12\n"))
        #expect(text.contains("chronicle_dataset_load_seconds 0.25\n"))
    }
}
