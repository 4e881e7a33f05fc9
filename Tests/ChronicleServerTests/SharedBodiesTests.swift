@testable import ChronicleServer
import Dispatch
import Synchronization
import Testing

/// The shared bodies' count, kept by every event loop at once. CI runs this suite under
/// ThreadSanitizer: with the platform's `Mutex` behind `SharedBodies`, which hands a contended lock
/// over in the kernel where the sanitizer cannot see it, this test is reported as a race on every
/// run; with `Locked` it is not.
@Suite struct SharedBodiesTests {
    @Test func loopsHoldingAndReleasingTheSameBodiesCountEachOnce() {
        let shared = SharedBodies()
        let bodies = (0..<4).map { index in [UInt8](repeating: UInt8(index), count: 4096 + index) }
        let total = Atomic<Int>(0)
        let rounds = 20_000
        DispatchQueue.concurrentPerform(iterations: 4) { loop in
            var counted = 0
            for round in 0..<rounds {
                let body = bodies[(round + loop) % bodies.count]
                counted += shared.hold(body)
                counted -= shared.release(SharedBodies.id(of: body))
            }
            total.add(counted, ordering: .relaxed)
        }
        // Every hold was released: what was added to the server-wide total was taken back.
        #expect(total.load(ordering: .relaxed) == 0)
        for body in bodies { #expect(shared.release(SharedBodies.id(of: body)) == 0) }
    }
}
