// Who an actor acts for: the principal level of "who did what to whom". A participant who acts for
// another (`acting_for`: a minister for his state) counts as that one; otherwise an actor affiliated
// with a state (a ministry, the authorities of a state) counts as that state; otherwise as itself.
// Queries at the principal level (`source=`, `target=`, `speaker=` and pair counts by default) match
// through these; `level=agent` matches only the named actor.
import ChronicleRecords

struct Principals: Sendable {
    /// Each actor's state, for actors affiliated with exactly one (absent for states themselves).
    private let states: [String: String]
    /// Each actor's affiliations, for speakers' quotes.
    private let affiliations: [String: [String]]

    init(actors: [Actor]) {
        let kinds = Dictionary(actors.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var states: [String: String] = [:], affiliations: [String: [String]] = [:]
        for actor in actors {
            affiliations[actor.id] = actor.affiliations
            let owned = actor.affiliations.filter { kinds[$0] == .state }
            if actor.kind != .state, owned.count == 1 { states[actor.id] = owned[0] }
        }
        self.states = states
        self.affiliations = affiliations
    }

    /// The principal a participant counts as.
    func principal(of participant: Event.Participant) -> String {
        participant.actingFor ?? states[participant.actor] ?? participant.actor
    }

    /// The keys a participant is found under at the principal level: itself and its principal.
    func keys(of participant: Event.Participant) -> [String] {
        let principal = principal(of: participant)
        return principal == participant.actor ? [principal] : [participant.actor, principal]
    }

    /// The keys a quote's speaker is found under at the principal level: the speaker, whom it acts
    /// for in the quote's events, and its affiliations.
    func speakerKeys(_ quote: Quote, events: (String) -> Event?) -> [String] {
        var keys = [quote.speaker]
        for id in quote.events {
            for participant in events(id)?.actors ?? [] where participant.actor == quote.speaker {
                if let actingFor = participant.actingFor { keys.append(actingFor) }
            }
        }
        keys += affiliations[quote.speaker] ?? []
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
