import ChronicleServer
import Foundation
import Testing

/// The arena cap `serve` sets: threads that allocate at once share the capped arenas instead of each
/// taking one of its own. In a process of its own (an exit test), where no other test's threads
/// have made arenas already.
@Suite struct FreedMemoryTests {
    @Test func eightAllocatingThreadsShareTwoArenas() async {
        await #expect(processExitsWith: .success) {
            FreedMemory.limitArenas(to: 2, environment: [:])
            let started = DispatchGroup()
            let release = DispatchSemaphore(value: 0)
            for _ in 0..<8 {
                started.enter()
                Thread.detachNewThread {
                    // Allocations that stay alive while the count is taken.
                    let kept = (0..<64).map { [UInt8](repeating: UInt8($0), count: 4096 + $0) }
                    started.leave()
                    release.wait()
                    withExtendedLifetime(kept) {}
                }
            }
            started.wait()
            let arenas = FreedMemory.arenaCount()
            for _ in 0..<8 { release.signal() }
            // The main arena and at most two more; an allocator that does not report passes.
            exit(arenas.map { $0 <= 3 } ?? true ? 0 : 1)
        }
    }
}
