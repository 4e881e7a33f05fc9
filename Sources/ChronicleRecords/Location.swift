/// Where an event happened, as ACLED and GDELT record it: the country (ISO 3166-1 alpha-3), the
/// place, coordinates with their precision, and the passage that states or implies it.
public struct Location: Sendable, Codable {
    public struct Coordinates: Sendable, Codable, Equatable {
        public let lat: Double
        public let lon: Double
    }

    public let country: String
    public let place: LocalizedText?
    public let geonamesID: Int?
    public let coordinates: Coordinates?
    /// How precise the coordinates are ("city", "country", …), in words.
    public let precision: String?
    /// `stated`, or how it is implied ("implied by the venue").
    public let basis: String?
    public let span: CitedSpan?
    public let coordinatesSource: String?
    public let countrySource: String?

    package enum CodingKeys: String, CodingKey {
        case country, place, coordinates, precision, basis, span
        case geonamesID = "geonames_id"
        case coordinatesSource = "coordinates_source"
        case countrySource = "country_source"
    }
}
