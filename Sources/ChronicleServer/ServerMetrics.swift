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
    /// The same, by the status they were answered with: a closed label set (`rejectedStatuses`, then
    /// `other`), since the rejections are what a client chooses and are not logged above debug.
    let rejectedByStatus: [Counter] = (0...ServerMetrics.rejectedStatuses.count).map { _ in Counter() }
    /// The statuses the codec answers with, in the order of `rejectedByStatus`.
    static let rejectedStatuses = [400, 408, 413, 414, 431, 501, 505]
    /// Connections dropped because the server-wide output budget was exceeded and their peers were not reading.
    public let budgetDrops = Atomic<Int>(0)

    init() {}

    /// Counts one rejection under its status (or `other`).
    func countRejection(status: Int) {
        Self.add(rejectedRequests)
        let index = Self.rejectedStatuses.firstIndex(of: status) ?? Self.rejectedStatuses.count
        Self.add(rejectedByStatus[index].value)
    }

    /// Rejections by status label ("400" … or "other").
    public var rejectionsByStatus: [(status: String, count: Int)] {
        rejectedByStatus.enumerated().map { index, counter in
            (index < Self.rejectedStatuses.count ? String(Self.rejectedStatuses[index]) : "other", counter.value.load(ordering: .relaxed))
        }
    }

    /// One counter of a fixed set (an Atomic cannot be an array's element).
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    static func add(_ counter: borrowing Atomic<Int>, _ value: Int = 1) {
        counter.wrappingAdd(value, ordering: .relaxed)
    }
}
