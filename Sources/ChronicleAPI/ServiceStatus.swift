import Synchronization

/// What /ready reports: ready once the data is loaded, not ready while draining, so a load balancer
/// stops sending traffic before the listeners close.
public final class ServiceStatus: Sendable {
    private let draining = Atomic<Bool>(false)

    public init() {}

    public var isDraining: Bool { draining.load(ordering: .relaxed) }

    public func beginDraining() { draining.store(true, ordering: .relaxed) }
}
