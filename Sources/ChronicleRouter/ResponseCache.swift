// Whole responses kept while what they were made from stays current, so a repeated request is
// answered like a static file: no routing, no handler, no page assembly, no hashing. It sits inside
// the per-request middleware (request ID, metrics, CORS: they still run on every answer, so a
// cached body never carries another request's ID or another origin's CORS fields) and around
// representation and dispatch, whose answers depend only on:
//
// - the epoch: the application's word for "the data changed" (the dataset generation); a new epoch
//   empties the cache before anything is looked up, and an answer is stored only under the epoch
//   read before it was made, so a reload during a request can never file old bytes as new;
// - the method and the request target exactly as sent (path and query);
// - Accept (CSV, NDJSON or JSON) and Accept-Encoding (gzip or identity), the only request fields
//   that choose a representation.
//
// Requests with If-None-Match go through (a 304 is cheap to decide and depends on the validator
// sent). Only complete 200 answers that a shared cache could store are kept: not streamed bodies,
// not `no-store` or `private` ones (metrics, readiness). Bounded by bytes, counting keys, and
// spread over shards so the event loops seldom wait on one another.
import ChronicleHTTP
import ChronicleSync
import HTTPTypes
import Synchronization

public final class ResponseCache: Middleware {
    public struct Options: Sendable {
        /// Bytes of bodies, fields and keys kept in all, across shards.
        public var capacityBytes: Int = 64 << 20
        /// A larger answer is not kept (it would evict many small ones).
        public var maxEntryBytes: Int = 4 << 20
        public init() {}
    }

    struct Key: Hashable {
        let method: HTTPRequest.Method
        let target: String
        let accept: String
        let acceptEncoding: String
    }

    private struct Shard {
        var epoch = Int.min
        var entries: [Key: (response: Response, bytes: Int)] = [:]
        /// Keys in the order they were stored; the oldest go first when the shard is full.
        var order: [Key] = []
        var orderStart = 0
        var bytes = 0

        mutating func empty(epoch: Int) {
            self.epoch = epoch
            entries = [:]
            order = []
            orderStart = 0
            bytes = 0
        }
    }

    private let options: Options
    private let epoch: @Sendable () -> Int

    private let shards: [Locked<Shard>]
    private let shardCapacity: Int
    private let hitCount = Atomic<Int>(0)
    private let missCount = Atomic<Int>(0)

    /// - Parameter epoch: changes whenever any cached answer could change (a reload of the data).
    public init(options: Options = Options(), shards: Int = 8, epoch: @escaping @Sendable () -> Int) {
        self.options = options
        self.epoch = epoch
        self.shards = (0..<max(1, shards)).map { _ in Locked(Shard()) }
        shardCapacity = options.capacityBytes / max(1, shards)
    }

    public var hits: Int { hitCount.load(ordering: .relaxed) }
    public var misses: Int { missCount.load(ordering: .relaxed) }
    /// Bytes currently kept.
    public var bytes: Int { shards.reduce(0) { total, shard in total + shard.withLock { $0.bytes } } }

    public func handle(_ request: Request, next: (Request) -> Response) -> Response {
        guard request.method == .get || request.method == .head, options.capacityBytes > 0,
              request.headerFields[.ifNoneMatch] == nil else { return next(request) }
        let key = Key(
            method: request.method, target: request.head.rawTarget,
            accept: request.headerFields[values: .accept].joined(separator: ", "),
            acceptEncoding: request.headerFields[values: .acceptEncoding].joined(separator: ", "))
        let shard = shards[Int(UInt(bitPattern: key.hashValue) % UInt(shards.count))]
        // Read before the answer is made: see the file's comment.
        let current = epoch()
        // A reader that saw the epoch just before a reload may arrive after others have moved the
        // shard on: it neither empties the shard back nor uses it.
        var usable = true
        let hit: Response? = shard.withLock { shard in
            if current > shard.epoch { shard.empty(epoch: current) }
            usable = shard.epoch == current
            return usable ? shard.entries[key]?.response : nil
        }
        if let hit {
            hitCount.add(1, ordering: .relaxed)
            return hit
        }
        missCount.add(1, ordering: .relaxed)
        let response = next(request)
        guard usable, Self.isStorable(response), response.body.count <= options.maxEntryBytes else { return response }
        let size = Self.size(of: response, key: key)
        guard size <= shardCapacity else { return response }
        shard.withLock { shard in
            guard shard.epoch == current, shard.entries[key] == nil else { return }
            while shard.bytes + size > shardCapacity, shard.orderStart < shard.order.count {
                let oldest = shard.order[shard.orderStart]
                shard.orderStart += 1
                if let removed = shard.entries.removeValue(forKey: oldest) { shard.bytes -= removed.bytes }
            }
            if shard.orderStart > 1024 && shard.orderStart * 2 > shard.order.count {
                shard.order.removeFirst(shard.orderStart)
                shard.orderStart = 0
            }
            shard.entries[key] = (response, size)
            shard.order.append(key)
            shard.bytes += size
        }
        return response
    }

    /// A complete 200 that any cache could store (RFC 9111 section 5.2.2: not no-store, not private).
    static func isStorable(_ response: Response) -> Bool {
        guard response.status == .ok, response.stream == nil else { return false }
        if let control = response.headerFields[.cacheControl] {
            let lowered = control.lowercased()
            if lowered.contains("no-store") || lowered.contains("private") { return false }
        }
        return true
    }

    /// What an entry costs, as the allocator sees it: its body's storage (capacity: what it keeps
    /// allocated), every string of its key and fields that lives on the heap (more than 15 UTF-8
    /// bytes: a header and the allocator's rounding on top), the fields' storage, and a fixed part for
    /// the table's slot, the eviction order and the response's own storage. Calibrated against the
    /// heap (`ResponseCacheCostTests`): it charges a little more than an entry holds, never less.
    static func size(of response: Response, key: Key) -> Int {
        var size = 256 + max(response.body.capacity, response.body.count)
        size += heapCost(key.target) + heapCost(key.accept) + heapCost(key.acceptEncoding)
        for field in response.headerFields { size += 96 + heapCost(field.name.rawName) + heapCost(field.value) }
        return size
    }

    /// What a string costs on the heap: nothing up to 15 UTF-8 bytes (stored inline), otherwise its
    /// bytes, a 32-byte header and the allocator's 16 bytes, rounded up to 16.
    private static func heapCost(_ text: String) -> Int {
        let count = text.utf8.count
        return count <= 15 ? 0 : (count + 32 + 16 + 15) & ~15
    }

    /// Prometheus text of the cache's counters.
    public func exposition() -> String {
        var out = PrometheusText()
        out.single("chronicle_response_cache_hits_total", .counter, help: "Requests answered from the response cache.", hits)
        out.single(
            "chronicle_response_cache_misses_total", .counter,
            help: "Cacheable requests (GET or HEAD without If-None-Match) that were not in the cache.", misses)
        out.single("chronicle_response_cache_bytes", .gauge, help: "Bytes the response cache holds.", bytes)
        return out.text
    }
}
