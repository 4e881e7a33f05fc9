/// What a dataset says about itself (dataset.json): the codebook versions it follows and when and by
/// whom it was coded. Optional for a data directory; the validator checks the PLOVER version against
/// the CAMEO→PLOVER table the server carries.
public struct DatasetInfo: Sendable, Codable {
    public struct Codebooks: Sendable, Codable {
        public let cameo: String
        public let plover: String
    }

    public struct Coding: Sendable, Codable {
        public let date: String
        public let by: String
        public let note: String?
    }

    public let codebooks: Codebooks
    public let coding: [Coding]
}
