/// Counts of matching events grouped by period, type, actor or directed actor pair: what a timeline
/// or a network of a large dataset draws instead of downloading every event.
///
/// Dates are counted honestly: an event counts once, in the period where its date starts, at the
/// requested precision or at its own when that is coarser. An event dated only "2015" counts under
/// "2015" in a monthly count, never in January; an interval counts where it starts.
import ChronicleRecords
public struct EventCounts: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case year, month, day
        /// The PLOVER type (events without one count under their CAMEO root, prefixed "CAMEO:").
        case plover
        /// The CAMEO root code ("01" … "20").
        case cameo
        /// Every participant, whatever the role: an event with three actors counts for each.
        case actor
        /// Each source → target pair of an event: the edges of a "who does what to whom" network;
        /// at the principal level (`principalsFrom:`) each pair of principals once per event.
        case pair
        /// The country an event took place in (ISO 3166-1 alpha-3, as `country=` takes it); events
        /// without a located country are not counted.
        case country
    }

    public struct Bucket: Sendable, Equatable {
        public let key: String
        public internal(set) var count: Int
        /// For dates: the precision of `key` ("year", "month" or "day").
        public let precision: EDTFDate.Precision?
        /// For types: the codebook label.
        public let label: String?
        /// For pairs: the two actor ids.
        public let source: String?
        public let target: String?
        /// For pairs: how many of the pair's events have each PLOVER type.
        public let types: [String: Int]
        /// For dates: how many of the bucket's events are in each CAMEO quad class, in
        /// `EventType.Quad` order (verbal and material cooperation, verbal and material conflict).
        public internal(set) var quads: [Int] = []
    }

    public let grouping: Grouping
    /// Matching events (not the sum of the counts: actors and pairs count an event more than once).
    public let events: Int
    /// Date buckets in time order; the others by count, largest first, then by key (at most `limit`).
    public let buckets: [Bucket]
    /// Buckets in all, before the limit.
    public let total: Int

    /// The same counts with only the first `limit` buckets: what counting with `limit` gives, since
    /// the buckets' order does not depend on the limit.
    public func limited(to limit: Int) -> EventCounts {
        EventCounts(grouping: grouping, events: events, buckets: Array(buckets.prefix(limit)), total: total)
    }

    private init(grouping: Grouping, events: Int, buckets: [Bucket], total: Int) {
        self.grouping = grouping
        self.events = events
        self.buckets = buckets
        self.total = total
    }

    /// Counts the matches, keeping the `limit` first buckets (`total` says how many there are).
    /// With `store`, pairs are counted between principals (`Principals`: a minister counts as his
    /// state), so a pair's count is what `/events?source=A&target=B` lists; without, as named.
    public init(_ matches: Matches<Event>, by grouping: Grouping, limit: Int = .max, principalsFrom store: Store? = nil) {
        let principals = store?.principals
        self.grouping = grouping
        events = matches.count
        var buckets: [Bucket]
        var total: Int?
        switch grouping {
        case .year, .month, .day:
            // Keyed by the period's first day and precision; the key text is written once per bucket.
            var counts: [Int: Int] = [:], quads: [Int: [Int]] = [:]
            for index in 0..<matches.count {
                let event = matches[index]
                let (first, precision) = Self.period(of: event.date, at: grouping)
                let key = first &* 4 &+ Self.rank(precision)
                counts[key, default: 0] += 1
                if let quad = event.type.quad { quads[key, default: [0, 0, 0, 0]][quad.rawValue - 1] += 1 }
            }
            buckets = counts.map { key, count in
                let precision: EDTFDate.Precision = [.year, .month, .day][key & 3]
                let text = EDTFDate.isoDate(key >> 2)
                return Bucket(key: String(text.prefix(precision == .day ? 10 : precision == .month ? 7 : 4)), count: count,
                              precision: precision, label: nil, source: nil, target: nil, types: [:], quads: quads[key] ?? [0, 0, 0, 0])
            }
            // "2015" sorts before "2015-01": a coarser period comes before the finer ones it holds.
            buckets.sort { $0.key < $1.key }
        case .plover, .cameo:
            var table: [String: Bucket] = [:]
            for index in 0..<matches.count {
                let type = matches[index].type
                let key = grouping == .cameo ? type.cameo.root : type.plover?.code ?? "CAMEO:" + type.cameo.root
                if table[key] == nil {
                    let label = grouping == .cameo ? type.cameo.rootLabel : type.plover?.label ?? type.cameo.rootLabel
                    table[key] = Bucket(key: key, count: 0, precision: nil, label: label, source: nil, target: nil, types: [:])
                }
                table[key]!.count += 1
            }
            buckets = Array(table.values)
        case .actor:
            var counts: [String: Int] = [:]
            for index in 0..<matches.count {
                let actors = matches[index].actors
                for (n, participant) in actors.enumerated()
                where !actors[..<n].contains(where: { $0.actor == participant.actor }) {
                    counts[participant.actor, default: 0] += 1
                }
            }
            buckets = counts.map { Bucket(key: $0.key, count: $0.value, precision: nil, label: nil, source: nil, target: nil, types: [:]) }
        case .country:
            var counts: [String: Int] = [:]
            for index in 0..<matches.count {
                if let country = matches[index].location?.country { counts[country.uppercased(), default: 0] += 1 }
            }
            buckets = counts.map { Bucket(key: $0.key, count: $0.value, precision: nil, label: nil, source: nil, target: nil, types: [:]) }
        case .pair:
            // Counted flat, by pair and by (pair, type): no per-pair table is built for the many
            // pairs that are counted but not returned.
            struct Pair: Hashable { let source: String, target: String }
            struct Typed: Hashable { let pair: Pair, type: String }
            var pairs: [Pair: Int] = [:], typed: [Typed: Int] = [:]
            for index in 0..<matches.count {
                let event = matches[index]
                let type = event.type.plover?.code ?? "CAMEO:" + event.type.cameo.root
                // Each side's actors (or principals) once, in the order they are listed.
                func side(_ role: Event.Role) -> [String] {
                    var seen = Set<String>()
                    return event.actors.filter { $0.role == role }.map { principals?.principal(of: $0) ?? $0.actor }
                        .filter { seen.insert($0).inserted }
                }
                let targets = side(.target)
                for source in side(.source) {
                    for target in targets where target != source {
                        let pair = Pair(source: source, target: target)
                        pairs[pair, default: 0] += 1
                        typed[Typed(pair: pair, type: type), default: 0] += 1
                    }
                }
            }
            let kept = pairs.sorted { ($0.value, $1.key.source, $1.key.target) > ($1.value, $0.key.source, $0.key.target) }.prefix(limit)
            var types: [Pair: [String: Int]] = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, [:]) })
            for (key, count) in typed where types[key.pair] != nil { types[key.pair]![key.type] = count }
            buckets = kept.map { pair, count in
                Bucket(key: pair.source + "->" + pair.target, count: count, precision: nil, label: nil,
                       source: pair.source, target: pair.target, types: types[pair] ?? [:])
            }
            total = pairs.count
        }
        if grouping != .year && grouping != .month && grouping != .day && grouping != .pair {
            buckets.sort { ($0.count, $1.key) > ($1.count, $0.key) }
        }
        self.total = total ?? buckets.count
        self.buckets = Array(buckets.prefix(limit))
    }

    /// The first day of the period an event's date starts in, at `grouping`'s precision or at the
    /// date's own when that is coarser.
    static func period(of date: EDTFDate, at grouping: Grouping) -> (firstDay: Int, precision: EDTFDate.Precision) {
        let written: EDTFDate.Precision
        switch date.precision {
        case .interval:
            // The start as written: "2024-09-15", "2024-09" or "2024" before the slash.
            let utf8 = date.description.utf8
            let length = utf8.firstIndex(of: UInt8(ascii: "/")).map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 4
            written = length >= 10 ? .day : length >= 7 ? .month : .year
        case let precision:
            written = precision
        }
        let wanted: EDTFDate.Precision = switch grouping {
        case .day: .day
        case .month: .month
        default: .year
        }
        let precision = Self.rank(written) < Self.rank(wanted) ? written : wanted
        let (year, month, day) = EDTFDate.civil(date.firstDay)
        let first = switch precision {
        case .day, .interval: EDTFDate.days(year, month, day)
        case .month: EDTFDate.days(year, month, 1)
        case .year: EDTFDate.days(year, 1, 1)
        }
        return (first, precision)
    }

    private static func rank(_ precision: EDTFDate.Precision) -> Int {
        switch precision {
        case .year: 0
        case .month: 1
        case .day, .interval: 2
        }
    }
}
