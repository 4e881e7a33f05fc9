// The measurement behind ARCHITECTURE.md's decision on swift-service-lifecycle: how long SIGTERM
// takes to reach a service under a ServiceGroup, and under a thread in sigwait (what
// SignalWatcher does), with the cooperative pool idle or its threads busy with blocking work.
//
//   cd Benchmarks/lifecycle-probe && swift build -c release
//   for m in lifecycle sigwait; do for b in 0 2; do .build/release/probe $m $b; done; done
//
// A package of its own, so the server never links the library it measures.
import Foundation
import Logging
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double { var t = timespec(); clock_gettime(CLOCK_MONOTONIC, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }

final class Box: @unchecked Sendable { var sent = 0.0; var seen = 0.0 }
let box = Box()
let busySeconds = Double(CommandLine.arguments[2]) ?? 0
let mode = CommandLine.arguments[1]

struct ServerModel: Service {
    func run() async throws {
        // The server's loops run on threads of their own; the service waits for the stop.
        try? await gracefulShutdown()
        box.seen = now()
    }
}

func sendLater() {
    Thread.detachNewThread {
        usleep(300_000)
        box.sent = now()
        kill(getpid(), SIGTERM)
    }
}

func busyPool() {
    // Blocking work on the cooperative pool (a synchronous load or count called from async code).
    for _ in 0..<ProcessInfo.processInfo.activeProcessorCount {
        Task.detached { let end = now() + busySeconds; while now() < end {} }
    }
}

if mode == "lifecycle" {
    var logger = Logger(label: "probe"); logger.logLevel = .error
    let group = ServiceGroup(services: [ServerModel()], gracefulShutdownSignals: [.sigterm], logger: logger)
    sendLater()
    if busySeconds > 0 { DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { busyPool() } }
    try await group.run()
} else {
    var set = sigset_t(); sigemptyset(&set); sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &set, nil)
    let done = DispatchSemaphore(value: 0)
    let waited = set
    Thread.detachNewThread {
        var signal: Int32 = 0, mask = waited
        sigwait(&mask, &signal)
        box.seen = now()
        done.signal()
    }
    sendLater()
    if busySeconds > 0 { DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { busyPool() } }
    done.wait()
}
print(String(format: "%@ busy=%.1fs: SIGTERM seen after %.3f ms", mode, busySeconds, (box.seen - box.sent) * 1000))
