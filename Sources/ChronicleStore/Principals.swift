// Who an actor acts for: the principal level of "who did what to whom". A participant who acts for
// another (`acting_for`: a minister for his state) counts as that one; an actor affiliated with one
// state (a ministry, the authorities of a state) counts as that state, after `acting_for` too (a
// minister acting for a ministry counts as the ministry's state); otherwise it counts as itself.
// Queries at the principal level (`source=`, `target=`, `speaker=` and pair counts by default) match
// an actor under its own id and its principal's; `level=agent` matches only the named actor. A
// pair's count equals what `source=A&target=B` lists whenever A and B never act for another (true
// of every state, and of the shipped data); an actor that is a principal in some acts and acts for
// another in others is listed under both.
import ChronicleRecords

struct Principals: Sendable {
    /// Each actor's state, for actors affiliated with exactly one (absent for states themselves).
    private let states: [String: String]

    init(actors: [Actor]) {
        let kinds = Dictionary(actors.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var states: [String: String] = [:]
        for actor in actors {
            let owned = actor.affiliations.filter { kinds[$0] == .state }
            if actor.kind != .state, owned.count == 1 { states[actor.id] = owned[0] }
        }
        self.states = states
    }

    /// The principal a participant counts as.
    func principal(of participant: Event.Participant) -> String {
        let named = participant.actingFor ?? participant.actor
        return states[named] ?? named
    }

    /// The keys a participant is found under at the principal level: itself and its principal.
    func keys(of participant: Event.Participant) -> [String] {
        let principal = principal(of: participant)
        return principal == participant.actor ? [principal] : [participant.actor, principal]
    }

    /// The keys a quote's speaker is found under at the principal level, by the same rule as a
    /// participant's: the speaker, its principal as a participant of the quote's events, and its state.
    func speakerKeys(_ quote: Quote, events: (String) -> Event?) -> [String] {
        var keys = [quote.speaker]
        for id in quote.events {
            for participant in events(id)?.actors ?? [] where participant.actor == quote.speaker {
                keys += self.keys(of: participant)
            }
        }
        if let state = states[quote.speaker] { keys.append(state) }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
