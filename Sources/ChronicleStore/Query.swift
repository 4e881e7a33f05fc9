/// The order of a date-sorted list.
import ChronicleRecords
public enum SortOrder: String, Sendable, CaseIterable {
    case ascending = "date"
    case descending = "-date"
}

/// Whom an actor filter matches: the named actor and those who act for it (a minister for his
/// state, a ministry of a state: `Principals`), or the named actor only.
public enum ActorLevel: String, Sendable, CaseIterable {
    case principal, agent
}

/// Filters on events; every filter given must hold.
public struct EventQuery: Sendable, Equatable {
    /// Events in which every one of these actors takes part, in any role.
    public var actors: [String] = []
    /// Events whose source (who acts) is one of these; ANDed with `targets`.
    public var sources: [String] = []
    /// Events whose target (at whom the act is aimed) is one of these.
    public var targets: [String] = []
    /// Whether `sources` and `targets` match those acting for the named actors too.
    public var level: ActorLevel = .principal
    /// Caveats: events of any of these date certainties, statements, assertion flags.
    public var certainties: [String] = []
    /// Events dated with any of these precisions (`day`, `month`, `year`, `interval`).
    public var precisions: [String] = []
    public var statements: [String] = []
    public var flags: [String] = []
    /// A CAMEO code or code prefix ("11", "112") or a PLOVER type ("ACCUSE").
    public var type: String?
    /// Events located in this country (ISO 3166-1 alpha-3).
    public var country: String?
    /// Events whose date interval overlaps [from, to].
    public var from: EDTFDate?
    public var to: EDTFDate?
    public var document: String?
    public var text: String?
    public var order: SortOrder = .ascending
    public var offset = 0
    public var limit = 50

    public init() {}
}

public struct QuoteQuery: Sendable, Equatable {
    /// Quotes by any of these speakers, or (at the principal level) by those acting for them.
    public var speakers: [String] = []
    public var level: ActorLevel = .principal
    /// Quotes of any of these stances (`asserted`, `refused`), and whether the words are a refused label.
    public var stances: [String] = []
    public var refusedLabel: Bool?
    public var event: String?
    public var language: String?
    public var from: EDTFDate?
    public var to: EDTFDate?
    public var text: String?
    public var order: SortOrder = .ascending
    public var offset = 0
    public var limit = 50

    public init() {}
}

public struct ActorQuery: Sendable, Equatable {
    /// Only these actors (a batch lookup by id); empty: every actor.
    public var ids: [String] = []
    public var kind: Actor.Kind?
    public var text: String?
    public var offset = 0
    public var limit = 50

    public init() {}
}

/// One page of a filtered list.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    /// Matching items across all pages.
    public let total: Int
    public let offset: Int
    public let limit: Int

    public init(items: [Item], total: Int, offset: Int, limit: Int) {
        self.items = items
        self.total = total
        self.offset = offset
        self.limit = limit
    }

    /// The offset of the next page, if there is one.
    public var nextOffset: Int? { offset + items.count < total && !items.isEmpty ? offset + items.count : nil }
    public var previousOffset: Int? { offset > 0 ? max(0, offset - limit) : nil }
}

/// All matches of a query in the requested order, without copying the records: a page or an export
/// reads them by index.
public struct Matches<Item: Sendable>: Sendable {
    /// The matching positions in ascending order; nil when every item matches (no list is built).
    let positions: [Int32]?
    let items: RecordList<Item>
    let order: SortOrder

    init(positions: [Int32]?, items: RecordList<Item>, order: SortOrder) {
        self.positions = positions
        self.items = items
        self.order = order
    }

    public var count: Int { positions?.count ?? items.count }

    public subscript(index: Int) -> Item { items[position(at: index)] }

    /// Where the `index`-th match sits in the store's array (for per-record caches).
    public func position(at index: Int) -> Int {
        let ordinal = order == .ascending ? index : count - 1 - index
        return positions.map { Int($0[ordinal]) } ?? ordinal
    }

    public func page(offset: Int, limit: Int) -> Page<Item> {
        let start = min(max(offset, 0), count)
        let end = start + min(max(limit, 0), count - start)
        return Page(items: (start..<end).map { self[$0] }, total: count, offset: start, limit: limit)
    }
}
