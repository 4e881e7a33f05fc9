import ChronicleAPI
import Foundation
import Testing

/// A search that matched a name the data marks as ambiguous says so in `meta.ambiguous`, with the
/// actor it is coded as and what else it may denote.
@Suite struct AmbiguityTests {
    let harness: APIHarness

    init() throws { harness = try APIHarness() }

    func ambiguous(_ target: String) throws -> [[String: String]] {
        let meta = try harness.json(target)["meta"] as? [String: Any]
        return (meta?["ambiguous"] as? [[String: Any]] ?? []).map { entry in entry.compactMapValues { $0 as? String } }
    }

    @Test func aSearchForAnAmbiguousNameSaysWhatElseItMayDenote() throws {
        for target in ["/events?q=Ma%C3%AFga", "/events?q=maiga", "/quotes?q=Ma%C3%AFga", "/actors?q=Maiga"] {
            let found = try ambiguous(target)
            #expect(
                found.contains { $0["actor"] == "abdoulaye-maiga" && $0["also_denotes"]?.contains("Choguel") == true },
                "\(target): \(found)")
        }
        #expect(try ambiguous("/events?q=Diop").map { $0["actor"] } == ["abdoulaye-diop"])
        // The Arabic name of Algeria is also its capital's.
        let algeria = try ambiguous("/events?q=%D8%A7%D9%84%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1")
        #expect(algeria.contains { $0["actor"] == "algeria" && $0["name"] == "الجزائر" }, "\(algeria)")
        // A capital's name reaches its state and says so; so does a transliterated given name
        // (search, second round).
        for target in ["/actors?q=Alger", "/actors?q=ALGIERS", "/events?q=d%27Alger"] {
            let found = try ambiguous(target)
            #expect(found.contains { $0["actor"] == "algeria" && $0["also_denotes"]?.contains("capital") == true }, "\(target): \(found)")
        }
        #expect(Set(try ambiguous("/actors?q=Abdallah").map { $0["actor"] }) == ["abdoulaye-diop", "abdoulaye-maiga"])
        #expect(try ambiguous("/actors?q=Rabat").map { $0["actor"] } == ["morocco"])
        // A two-word name needs both words.
        #expect(try ambiguous("/events?q=General").isEmpty)
        #expect(try ambiguous("/events?q=General+Assembly").map { $0["actor"] } == ["un-general-assembly"])
        // No search, or nothing ambiguous: no key at all.
        let plain = try harness.json("/events?q=military")["meta"] as? [String: Any]
        #expect(plain?["ambiguous"] == nil)
        #expect((try harness.json("/events")["meta"] as? [String: Any])?["ambiguous"] == nil)
    }
}
