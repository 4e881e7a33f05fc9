import ChronicleHTTP
import Testing

@Suite struct QualityListTests {
    @Test func codingQualitiesWithStarAndIdentity() {
        let list = QualityList(["gzip;q=0.8, identity;q=0.5", "br"])
        #expect(list.codingQuality("gzip") == 800)
        #expect(list.codingQuality("identity") == 500)
        #expect(list.codingQuality("br") == 1000)
        #expect(list.codingQuality("deflate") == 0)
        let star = QualityList(["*;q=0.1"])
        #expect(star.codingQuality("gzip") == 100)
        #expect(star.codingQuality("identity") == 100)
        #expect(QualityList([]).codingQuality("identity") == 1)  // identity is acceptable unless excluded
        #expect(QualityList(["identity;q=0"]).codingQuality("identity") == 0)
        #expect(QualityList(["*;q=0"]).codingQuality("identity") == 0)
    }

    @Test(arguments: [("q=1", 1000), ("q=1.000", 1000), ("q=0.5", 500), ("q=0.05", 50), ("q=0.001", 1), ("q=0", 0),
                      ("q=1.5", 0), ("q=2", 0), ("q=0.0001", 0), ("q=abc", 0), ("Q=0.3", 300)])
    func qualityValuesFollowTheGrammar(_ parameter: String, _ expected: Int) {
        #expect(QualityList(["gzip;\(parameter)"]).codingQuality("gzip") == expected)
    }

    @Test func mediaRangesPreferTheMostSpecific() {
        let list = QualityList(["text/*;q=0.3, text/csv;q=0.7, */*;q=0.1"])
        #expect(list.mediaQuality("text/csv") == 700)
        #expect(list.mediaQuality("text/plain") == 300)
        #expect(list.mediaQuality("application/json") == 100)
        #expect(QualityList(["application/json"]).mediaQuality("text/csv") == 0)
    }
}
