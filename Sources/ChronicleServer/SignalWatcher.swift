// Signals are taken synchronously by one thread with sigwait, so handlers run as ordinary code,
// not in async-signal context. The signals are blocked in every thread the process starts after
// `SignalWatcher.block` runs, so call it first thing.
#if canImport(Glibc)
import Glibc
#endif

public enum SignalWatcher {
    public static let watched: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// Blocks the watched signals in the calling thread and in threads it starts later.
    public static func block() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
        // A log file that reaches the file-size limit (RLIMIT_FSIZE) raises SIGXFSZ, whose default is
        // to end the process: ignored, the write fails with EFBIG, and the line is dropped and counted.
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Calls `handler` with each watched signal, on a dedicated thread, for the life of the process.
    public static func start(_ handler: @escaping @Sendable (Int32) -> Void) {
        _ = ThreadLauncher.start {
            var set = signalSet()
            while true {
                var received: Int32 = 0
                if sigwait(&set, &received) == 0 { handler(received) }
            }
        }
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in watched { sigaddset(&set, signal) }
        return set
    }
}
