/// Who says an event happened (PLOVER's "mode" of a report, in the spirit of its context fields):
/// the outlet in its own voice, or a participant whose claim the document relays.
public struct Assertion: Sendable, Codable {
    public enum Source: String, Sendable, Codable {
        case outlet, participant
    }

    public let by: Source
    /// The participant making the claim, when `by` is `participant`.
    public let actor: String?
    /// The words that mark the claim as reported ("مشيرًا إلى"), checked like any cited passage.
    public let cue: CitedSpan?
    /// Caveats a researcher must see, e.g. `venue_disputed` when outside reporting differs.
    public let flags: [String]
    public let evidence: String?
    public let note: String?

    package enum CodingKeys: String, CodingKey {
        case by, actor, cue, flags, evidence, note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        by = try c.decode(Source.self, forKey: .by)
        actor = try c.decodeIfPresent(String.self, forKey: .actor)
        cue = try c.decodeIfPresent(CitedSpan.self, forKey: .cue)
        flags = try c.decodeIfPresent([String].self, forKey: .flags) ?? []
        evidence = try c.decodeIfPresent(String.self, forKey: .evidence)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
