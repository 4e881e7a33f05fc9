import Synchronization

/// Counters the event loops update and `/metrics` reads; relaxed atomics, no locks.
public final class ServerMetrics: Sendable {
    public let acceptedConnections = Atomic<Int>(0)
    public let refusedConnections = Atomic<Int>(0)
    public let tlsHandshakes = Atomic<Int>(0)
    public let tlsHandshakeFailures = Atomic<Int>(0)
    public let tlsResumedSessions = Atomic<Int>(0)
    public let bytesIn = Atomic<Int>(0)
    public let bytesOut = Atomic<Int>(0)
    /// Requests refused by the codec (400, 408, 413, 414, 431, 501, 505) before reaching a handler.
    public let rejectedRequests = Atomic<Int>(0)
    /// Connections dropped because the server-wide output budget was exceeded and their peers were not reading.
    public let budgetDrops = Atomic<Int>(0)

    init() {}

    static func add(_ counter: borrowing Atomic<Int>, _ value: Int = 1) {
        counter.wrappingAdd(value, ordering: .relaxed)
    }
}
