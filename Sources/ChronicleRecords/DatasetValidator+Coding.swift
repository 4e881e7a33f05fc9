// The coding of an event, checked: the PLOVER type follows from the CAMEO code by the published
// correspondence (Codebook), the CAMEO root and base are the code's prefixes, an event has someone
// who acts, an agent's principal takes part with the same role, and every reference resolves.

extension DatasetValidator {
    package mutating func checkEvent(_ event: Event) {
        let file = files.events
        let id = event.id
        if event.title.en == nil || event.title.ar == nil || event.title.fr == nil
            || event.summary.en == nil || event.summary.ar == nil || event.summary.fr == nil {
            report(file, id, "title and summary need \"en\", \"ar\" and \"fr\"")
        }
        if event.certainty != .stated && (event.dateNote ?? "").isEmpty {
            report(file, id, "an \(event.certainty.rawValue) date needs a date_note saying how")
        }
        checkCodes(event)
        checkRoles(event)
        if event.sources.isEmpty { report(file, id, "no source span") }
        if !event.sources.contains(where: { $0.role == nil || $0.role == "act" }) {
            report(file, id, "no source states the act (role \"act\")")
        }
        for cited in event.sources { check(cited, file: file, record: id, what: "source") }
        for cited in event.justification { check(cited, file: file, record: id, what: "justification") }
        for quote in event.quotes where !quoteIDs.contains(quote) { report(file, id, "unknown quote \"\(quote)\"") }
        for other in event.inResponseTo where !statementIDs.contains(other) && !eventIDs.contains(other) {
            report(file, id, "in_response_to \"\(other)\" is neither a statement nor an event")
        }
        checkAssertion(event)
        if let location = event.location {
            if !Self.isAlpha3(location.country) {
                report(file, id, "location country \"\(location.country)\" is not an ISO 3166-1 alpha-3 code")
            }
            if let coordinates = location.coordinates, !(-90...90).contains(coordinates.lat) || !(-180...180).contains(coordinates.lon) {
                report(file, id, "location coordinates out of range")
            }
            if let span = location.span { check(span, file: file, record: id, what: "location span") }
        }
    }

    private mutating func checkCodes(_ event: Event) {
        let file = files.events
        let cameo = event.type.cameo
        let codeIsDigits = !cameo.code.isEmpty && cameo.code.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard codeIsDigits, cameo.code.count >= 2 else {
            report(file, event.id, "CAMEO code \"\(cameo.code)\" is not a CAMEO code")
            return
        }
        if cameo.root != String(cameo.code.prefix(2)) {
            report(file, event.id, "CAMEO root \"\(cameo.root)\" is not the first two digits of \(cameo.code)")
        }
        if cameo.base != String(cameo.code.prefix(3)) {
            report(file, event.id, "CAMEO base \"\(cameo.base)\" is not the first three digits of \(cameo.code)")
        }
        switch Codebook.expectedPlover(forCameo: cameo.code) {
        case .failure:
            report(file, event.id, "CAMEO code \(cameo.code) is not in the CAMEO→PLOVER table")
        case .success(nil):
            if let plover = event.type.plover {
                report(
                    file, event.id,
                    "CAMEO \(cameo.code) (cue category \(cameo.root)) has no PLOVER event, but the event is coded \(plover.code)")
            }
        case .success(let mapping?):
            guard let plover = event.type.plover else {
                report(file, event.id, "CAMEO \(cameo.code) maps to PLOVER \(mapping.event), but the event has no PLOVER type")
                return
            }
            if plover.code != mapping.event {
                report(file, event.id, "codes disagree: CAMEO \(cameo.code) maps to PLOVER \(mapping.event), not \(plover.code)")
            }
            if plover.mode != mapping.mode {
                report(
                    file, event.id,
                    "PLOVER mode \(plover.mode ?? "none") disagrees with the table's \(mapping.mode ?? "none") for CAMEO \(cameo.code)")
            }
            if plover.context != mapping.context {
                report(
                    file, event.id, "PLOVER context \(plover.context) disagrees with the table's \(mapping.context) for CAMEO \(cameo.code)"
                )
            }
        }
    }

    private mutating func checkRoles(_ event: Event) {
        let file = files.events
        if event.actors.isEmpty { report(file, event.id, "no actors") }
        for participant in event.actors where !actorIDs.contains(participant.actor) {
            report(file, event.id, "unknown actor \"\(participant.actor)\"")
        }
        if !event.actors.contains(where: { $0.role == .source }) { report(file, event.id, "no source: an event needs someone who acts") }
        for participant in event.actors {
            guard let principal = participant.actingFor else { continue }
            // Where a state acts through its minister or ministry, the state takes part too.
            if !event.actors.contains(where: { $0.actor == principal && $0.role == participant.role }) {
                report(
                    file, event.id,
                    "\"\(participant.actor)\" acts for \"\(principal)\", which is not a \(participant.role.rawValue) of the event")
            }
        }
        var seen = Set<String>()
        for participant in event.actors where !seen.insert(participant.actor + "/" + participant.role.rawValue).inserted {
            report(file, event.id, "\"\(participant.actor)\" is listed twice as \(participant.role.rawValue)")
        }
    }

    private mutating func checkAssertion(_ event: Event) {
        let assertion = event.assertion
        if assertion.by == .participant {
            guard let actor = assertion.actor else {
                report(files.events, event.id, "an assertion by a participant names the participant (assertion.actor)")
                return
            }
            if !actorIDs.contains(actor) { report(files.events, event.id, "assertion by unknown actor \"\(actor)\"") }
        }
        if let cue = assertion.cue { check(cue, file: files.events, record: event.id, what: "assertion cue") }
    }
}
