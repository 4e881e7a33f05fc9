/// A person, state, government body, armed group or international body named in the documents.
public struct Actor: Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person, state
        case governmentBody = "government_body"
        case armedGroup = "armed_group"
        case internationalBody = "international_body"
    }

    public let id: String
    public let kind: Kind
    public let names: LocalizedText
    /// Other spellings a researcher may type: transliterations, with and without diacritics, handles.
    public let aliases: [String]
    public let description: LocalizedText?
    /// Actors this one belongs to or acts for (a minister's ministry and state).
    public let affiliations: [String]
}
