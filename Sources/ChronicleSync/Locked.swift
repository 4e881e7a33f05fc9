// A value behind a lock that ThreadSanitizer can see. The platform's `Synchronization.Mutex` is
// correct, but on Linux it hands a contended lock to its next holder inside the kernel
// (FUTEX_LOCK_PI): the new holder performs no atomic read of what the old one released, so
// ThreadSanitizer sees two holders touch the value with nothing ordering them, and reports a race
// that is not there (measured: four threads updating one `Mutex<[Int: Int]>` lose no update and are
// reported every run). A `pthread_mutex_t` is intercepted by ThreadSanitizer wherever it is called,
// so every lock of the server is this one, and `ArchitectureTests` keeps `Mutex` out of `Sources/`.
#if canImport(Glibc)
import Glibc
#endif

public final class Locked<Value>: @unchecked Sendable {
    // Allocated, not stored inline: a pthread mutex must not move, and Swift gives a stored
    // property's address only for the length of one access.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: sending Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, under the lock; nothing else can read or change it meanwhile.
    /// The same contract as `Mutex.withLock`: what goes in and out is `sending`, so no reference to
    /// the value escapes the lock unless it is safe to share.
    public func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
