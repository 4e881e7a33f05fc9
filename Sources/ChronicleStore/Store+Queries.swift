// Filtered, paged reads. Each filter contributes an ascending list of positions from an index;
// the lists are intersected, then the date range is checked on the survivors only.

import ChronicleText
import ChronicleRecords
extension Store {
    public func events(_ query: EventQuery) -> Page<Event> {
        matchingEvents(query).page(offset: query.offset, limit: query.limit)
    }

    public func quotes(_ query: QuoteQuery) -> Page<Quote> {
        matchingQuotes(query).page(offset: query.offset, limit: query.limit)
    }

    public func actors(_ query: ActorQuery) -> Page<Actor> {
        matchingActors(query).page(offset: query.offset, limit: query.limit)
    }

    public func matchingEvents(_ query: EventQuery) -> Matches<Event> {
        var lists: [[Int32]] = query.actors.map { eventsByActor[$0] ?? [] }
        // Role filters: ORed within a role, ANDed across roles and with every other filter.
        let (bySource, byTarget) = query.level == .agent ? (eventsBySourceAgent, eventsByTargetAgent) : (eventsBySource, eventsByTarget)
        if !query.sources.isEmpty { lists.append(SortedIDs.union(query.sources.map { bySource[$0] ?? [] })) }
        if !query.targets.isEmpty { lists.append(SortedIDs.union(query.targets.map { byTarget[$0] ?? [] })) }
        let caveats = [(query.certainties, eventsByCertainty), (query.statements, eventsByStatement), (query.flags, eventsByFlag)]
        for (values, index) in caveats + [(query.precisions, eventsByPrecision)] where !values.isEmpty {
            lists.append(SortedIDs.union(values.map { index[$0] ?? [] }))
        }
        if let type = query.type {
            // A CAMEO code matches itself and its sub-codes ("11" covers "111" and "112"): the index
            // holds every prefix of every code. A PLOVER type matches exactly.
            lists.append(eventsByType[type.uppercased()] ?? [])
        }
        if let document = query.document { lists.append(eventsByDocument[document] ?? []) }
        if let country = query.country { lists.append(eventsByCountry[country.uppercased()] ?? []) }
        if let text = query.text, let matches = search(text, in: eventText, byActor: eventsByActor, byMonth: eventsByMonth) {
            lists.append(matches)
        }
        let positions = Self.filter(lists, days: eventDays, from: query.from, to: query.to)
        return Matches(positions: positions, items: events, order: query.order)
    }

    public func matchingQuotes(_ query: QuoteQuery) -> Matches<Quote> {
        var lists: [[Int32]] = []
        let bySpeaker = query.level == .agent ? quotesBySpeaker : quotesBySpeakerPrincipal
        if !query.speakers.isEmpty { lists.append(SortedIDs.union(query.speakers.map { bySpeaker[$0] ?? [] })) }
        if let event = query.event { lists.append(quotesByEvent[event] ?? []) }
        if !query.stances.isEmpty { lists.append(SortedIDs.union(query.stances.map { quotesByStance[$0] ?? [] })) }
        if let refused = query.refusedLabel { lists.append(quotesByRefusedLabel[String(refused)] ?? []) }
        if let language = query.language { lists.append(quotesByLanguage[language.lowercased()] ?? []) }
        if let text = query.text, let matches = search(text, in: quoteText, byActor: quotesBySpeaker, byMonth: quotesByMonth) {
            lists.append(matches)
        }
        let positions = Self.filter(lists, days: quoteDays, from: query.from, to: query.to)
        return Matches(positions: positions, items: quotes, order: query.order)
    }

    public func matchingActors(_ query: ActorQuery) -> Matches<Actor> {
        var positions: [Int32]?
        if !query.ids.isEmpty { positions = Set(query.ids.compactMap { actorPosition($0).map(Int32.init) }).sorted() }
        if let kind = query.kind {
            let actors = self.actors
            let ofKind = (0..<Int32(actors.count)).filter { actors[Int($0)].kind == kind }
            positions = positions.map { SortedIDs.intersect($0, ofKind) } ?? ofKind
        }
        if let text = query.text, let words = lexicon.queryWords(text) {
            // Names are matched as whole names: "UN" is not "until", "Mali" is not "MaliMaeci".
            let matches = Self.intersection(words) { word in
                Self.intersection(word.terms) { actorNames.records(exactly: resolved($0).term) }
            }
            positions = positions.map { SortedIDs.intersect($0, matches) } ?? matches
        }
        return Matches(positions: positions, items: actors, order: .ascending)
    }

    /// Records matching every word of `text`. A word matches a record when its own text has the
    /// word (`Lexicon.QueryTerm.Match` says how: whole, or as a prefix), when an actor it belongs
    /// to (participant, speaker) has it as a name, and, for a month's name, when the record is
    /// dated in that month.
    private func search(_ text: String, in index: TextIndex, byActor: FieldIndex, byMonth: FieldIndex) -> [Int32]? {
        guard let words = lexicon.queryWords(text) else { return nil }
        // The first 16 words that match as prefixes read the words they begin; the rest match by
        // their stems alone, so a long query's cost stays bounded.
        var expansions = 16
        return Self.intersection(words) { word in
            let written = Self.intersection(word.terms) { term in
                let term = resolved(term)
                let expand = expansions > 0 && term.match != .whole && term.match != .acronym
                if expand { expansions -= 1 }
                return records(matching: term, in: index, byActor: byActor, expand: expand)
            }
            guard let month = word.month else { return written }
            return SortedIDs.union([written, byMonth[String(month)] ?? []])
        }
    }

    /// An acronym the data has (in any record's text or any name) stays one; otherwise the word
    /// typed in capitals is the ordinary word (MALI is mali).
    private func resolved(_ term: Lexicon.QueryTerm) -> Lexicon.QueryTerm {
        guard term.match == .acronym else { return term }
        if actorNames.contains(term.term) || eventText.contains(term.term) || quoteText.contains(term.term) { return term }
        if RecordKinds.all.contains(where: { declaredText($0)?.contains(term.term) == true }) { return term }
        return lexicon.ordinary(term.surface)
    }

    /// The records one term matches in a text index, and through the names of their actors.
    private func records(matching term: Lexicon.QueryTerm, in index: TextIndex, byActor: FieldIndex, expand: Bool) -> [Int32] {
        // A number is not a name: "2015" finds what says 2015, not every event of a party whose
        // name contains the year.
        let isNumber = term.term.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        var stems: [[UInt8]] = [term.term]
        if expand && (term.match == .prefix || term.match == .wordsBegun) {
            stems += lexicon.stemsOfWords(startingWith: term.surface).subtracting([term.term]).sorted { $0.lexicographicallyPrecedes($1) }
        }
        var lists = stems.map { index.records(exactly: $0) }
        if term.match == .prefix { lists[0] = index.records(withPrefix: term.term) }
        if !isNumber {
            let actors = self.actors
            for stem in stems {
                lists += actorNames.records(exactly: stem).map { byActor[actors[Int($0)].id] ?? [] }
            }
        }
        return lists.count == 1 ? lists[0] : SortedIDs.union(lists)
    }

    /// The records every part matches.
    private static func intersection<Part>(_ parts: [Part], _ matches: (Part) -> [Int32]) -> [Int32] {
        var result: [Int32]?
        for part in parts {
            let found = matches(part)
            result = result.map { SortedIDs.intersect($0, found) } ?? found
            if result?.isEmpty == true { break }
        }
        return result ?? []
    }

    /// The records of a type whose declared fields have one of the values asked for, each field
    /// (`RecordKind.indexedFields`), and that match `text` in its declared texts, in store order;
    /// every record of the type when nothing is asked for.
    package func matching<Kind: RecordKind>(_ kind: Kind.Type, fields: [(name: String, values: [String])], text: String?) -> Matches<Kind> {
        matching(in: tables[kind], fields: fields, text: text)
    }

    /// `matching(_:fields:text:)` over a given table (tests give one of a type of their own).
    func matching<Kind: RecordKind>(
        in table: RecordTable<Kind>, fields: [(name: String, values: [String])], text: String?
    ) -> Matches<Kind> {
        var lists: [[Int32]] = []
        for (name, values) in fields {
            guard let field = Kind.indexedFields.first(where: { $0.name == name }), let index = table.fields[name] else {
                return empty(table)
            }
            lists.append(SortedIDs.union(values.map { index[field.asked($0)] ?? [] }))
        }
        if let text, let index = table.text, let found = search(text, in: index, byActor: FieldIndex([:]), byMonth: FieldIndex([:])) {
            lists.append(found)
        }
        let positions = lists.isEmpty ? nil : Self.intersection(lists) { $0 }
        return Matches(positions: positions, items: table.records, order: .ascending)
    }

    private func empty<Kind: RecordKind>(_ table: RecordTable<Kind>) -> Matches<Kind> {
        Matches(positions: [], items: table.records, order: .ascending)
    }

    /// Intersects the index lists and keeps dates overlapping the range; nil means "everything"
    /// (no filter at all), so an unfiltered list costs no allocation.
    private static func filter(_ lists: [[Int32]], days: DayIntervals, from: EDTFDate?, to: EDTFDate?) -> [Int32]? {
        var positions: [Int32]?
        if let first = lists.min(by: { $0.count < $1.count }) {
            positions = lists.reduce(first) { SortedIDs.intersect($0, $1) }
        }
        guard from != nil || to != nil else { return positions }
        return days.overlapping(from: from, to: to, among: positions)
    }
}
