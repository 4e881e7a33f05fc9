import ChronicleRecords
@testable import ChronicleStore
import Testing

@Suite struct StoreTests {
    let store: Store

    init() throws { store = try Store.load(directory: shippedDataDirectory) }

    func eventIDs(_ configure: (inout EventQuery) -> Void) -> [String] {
        var query = EventQuery()
        configure(&query)
        return store.events(query).items.map(\.id)
    }

    @Test func eventsAreSortedByDateBothWays() {
        let ascending = eventIDs { _ in }
        #expect(ascending.first == "algiers-accords-signed")
        #expect(eventIDs { $0.order = .descending } == ascending.reversed())
    }

    @Test func actorFilterRequiresEveryActor() {
        let both = eventIDs { $0.actors = ["ahmed-attaf", "mali"] }
        #expect(both == ["attaf-defends-signatory-movements", "attaf-military-solution-comment", "attaf-rejects-terrorist-label"])
        #expect(eventIDs { $0.actors = ["ahmed-attaf", "morocco"] }.isEmpty)
    }

    @Test func dateRangeMatchesOverlappingIntervals() {
        // The Morocco event is dated 2024-09/2025-01: it overlaps December 2024.
        #expect(eventIDs { $0.from = EDTFDate("2024-12"); $0.to = EDTFDate("2024-12") } == [
                "morocco-backs-accusations-at-unsc", "attaf-defends-signatory-movements", "attaf-military-solution-comment",
                "attaf-rejects-terrorist-label",
        ])
        #expect(eventIDs { $0.from = EDTFDate("2025") } == [
                "morocco-backs-accusations-at-unsc", "maeci-accuses-algeria-of-backing-terrorists",
                "maeci-calls-on-algeria-to-mind-internal-crises",
            "maeci-disparages-algerian-officials", "maeci-rejects-algerian-lessons", "mali-condemns-algerian-interference",
        ])
        #expect(eventIDs { $0.to = EDTFDate("2015-06-30") } == ["algiers-accords-signed"])
    }

    @Test func typeMatchesCameoPrefixesAndPloverTypes() {
        let accusations = ["maiga-accuses-algeria-at-unga79", "maeci-accuses-algeria-of-backing-terrorists",
                           "maeci-disparages-algerian-officials", "mali-condemns-algerian-interference"]
        #expect(eventIDs { $0.type = "11" } == accusations)  // the CAMEO root
        #expect(eventIDs { $0.type = "accuse" } == accusations)  // the PLOVER type
        // The base code.
        #expect(eventIDs { $0.type = "112" } == ["maiga-accuses-algeria-at-unga79", "maeci-accuses-algeria-of-backing-terrorists"])
        #expect(eventIDs { $0.type = "057" } == ["algiers-accords-signed"])
        // CAMEO 01 has no PLOVER type; the event is still found by its CAMEO codes.
        #expect(eventIDs { $0.type = "01" } == ["attaf-military-solution-comment"])
        #expect(eventIDs { $0.type = "SANCTION" } == ["mali-withdraws-from-algiers-accords"])
        #expect(eventIDs { $0.type = "REDUCE_RELATIONS" }.isEmpty)
    }

    @Test func searchIgnoresDiacriticsHamzaAndArticles() {
        // The Morocco event's summary says it backed Maïga's accusations.
        #expect(eventIDs { $0.text = "Maiga" } == ["maiga-accuses-algeria-at-unga79", "morocco-backs-accusations-at-unsc"])
        #expect(eventIDs { $0.text = "Maïga" } == ["maiga-accuses-algeria-at-unga79", "morocco-backs-accusations-at-unsc"])
        // Written with hamza (أحمد) in the data, typed without.
        #expect(
            eventIDs { $0.text = "احمد عطاف" } == [
                "attaf-defends-signatory-movements", "attaf-military-solution-comment", "attaf-rejects-terrorist-label",
            ])
        // "الجزائر" also finds "والجزائر" and "الجزائري".
        #expect(
            store.quotes(
                {
                    var q = QuoteQuery(); q.text = "جزائر"; return q
                }()
            ).total
                == store.quotes(
                    {
                        var q = QuoteQuery(); q.text = "الجزائر"; return q
                    }()
                ).total)
    }

    @Test func quotesSearchAcrossTextTranslationAndLanguages() {
        func quoteIDs(_ text: String) -> [String] {
            var query = QuoteQuery()
            query.text = text
            return store.quotes(query).items.map(\.id)
        }
        // The French original, and the French translation of its Arabic rendering.
        #expect(quoteIDs("ingerence") == ["maeci-communique-fr", "maeci-condemns-interference"])
        #expect(quoteIDs("INGÉRENCE") == ["maeci-communique-fr", "maeci-condemns-interference"])
        #expect(quoteIDs("haven") == ["maiga-haven-for-terrorists"])
        #expect(quoteIDs("العصابات الارهابية") == ["attaf-refused-term"])
        #expect(quoteIDs("القبائلية") == ["maeci-focus-on-internal-crises"])
    }

    @Test func pagingVisitsEveryMatchOnce() {
        var seen: [String] = []
        var query = EventQuery()
        query.limit = 2
        while true {
            let page = store.events(query)
            seen += page.items.map(\.id)
            guard let next = page.nextOffset else { break }
            query.offset = next
        }
        #expect(seen == store.events.map(\.id))
        #expect(Set(seen).count == seen.count)
    }

    /// Ids are found as the loader compares them, canonically: "é" composed or as "e" and a combining
    /// accent is one id, in the id tables and the field indexes (whose keys are compared as bytes).
    @Test func canonicallyEquivalentIdsAreOneKey() {
        let composed = "mal\u{E9}", decomposed = "male\u{301}"
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        let table = IDTable(["algeria", decomposed])
        #expect(table[composed] == 1 && table[decomposed] == 1 && table["algeria"] == 0)
        let index = FieldIndex([decomposed: [3, 5]])
        #expect(index[composed] == [3, 5] && index[decomposed] == [3, 5])
    }

    @Test func lookupsThrowNotFound() {
        #expect(throws: DomainError.notFound(kind: "event", id: "x")) { try store.event("x") }
        #expect(throws: DomainError.notFound(kind: "actor", id: "x")) { try store.actor("x") }
    }

    @Test func actorsFilterByKindAndSearchAliases() {
        var query = ActorQuery()
        query.kind = .person
        #expect(store.actors(query).items.map(\.id) == ["abdoulaye-diop", "abdoulaye-maiga", "ahmed-attaf"])
        query = ActorQuery()
        query.text = "@MaliMaeci"
        #expect(store.actors(query).items.map(\.id) == ["mali-maeci"])
        query.text = "عطاف"
        #expect(store.actors(query).items.map(\.id) == ["ahmed-attaf"])
    }
}
