// A queued, dropping writer of log lines, kept off every thread that must not wait: the event loops
// and the signal thread. The access log uses it (each event loop formats its lines into a buffer of
// its own, AccessLine: no lock, no dictionary, no allocation per line, and hands the batch over once
// per loop iteration), and so does every other log line of `serve` (the executable's log handlers
// hand each line over as it is logged). One thread writes. Like nginx's buffered log
// (`buffer=64k flush=…`), the writer is not woken for every batch, which would cost a context switch
// per loop iteration under load: it writes when `wakeBytes` are queued, or `flushInterval` after the
// first batch it has not written, or at close or flush. The hand-off never blocks:
// past `capacity` queued bytes (the destination is slower than the traffic, or a pipe nobody reads)
// a batch is dropped and its lines counted, and /metrics says so. A blocked destination blocks only
// the writer thread: `close` and `flush` wait for it up to a deadline, never longer.
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

public final class LogWriter: @unchecked Sendable {
    let descriptor: Int32
    let capacity: Int
    /// Lines handed over but not queued because the queue was full.
    public let droppedLines = Atomic<Int>(0)
    /// Lines written (or attempted: a destination that refuses them is not retried).
    public let writtenLines = Atomic<Int>(0)
    /// Queued bytes that wake the writer before its interval is up.
    let wakeBytes: Int
    /// How long a line may wait in the queue.
    let flushInterval: Duration
    /// The largest write(2): PIPE_BUF for a pipe (or a socket: a journal), a batch otherwise.
    let piece: Int
    /// Times a loop had to wake the writer (a futex call and a context switch each).
    public let wakeups = Atomic<Int>(0)

    // Guarded by `lock`: pthread primitives, so the writer can sleep on a condition.
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wakeup = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [(bytes: [UInt8], lines: Int)] = []
    private var queuedBytes = 0
    private var closed = false
    private var finished = false
    /// The writer sleeps with nothing queued, and only a batch wakes it.
    private var writerIdle = false
    /// Batches taken from the queue and not yet written (the writer is inside write(2)).
    private var writing = false
    /// A `flush` waits: the writer writes what is queued without waiting out its interval.
    private var flushRequests = 0
    private var thread: pthread_t?

    public init(descriptor: Int32, capacity: Int, wakeBytes: Int = 64 << 10, flushInterval: Duration = .milliseconds(200)) {
        self.descriptor = descriptor
        self.capacity = capacity
        // A small queue must still be written before it fills.
        self.wakeBytes = max(1, min(wakeBytes, capacity / 2))
        self.flushInterval = flushInterval
        var status = stat()
        let isPipeOrSocket = fstat(descriptor, &status) != 0
            || (status.st_mode & S_IFMT) == S_IFIFO || (status.st_mode & S_IFMT) == S_IFSOCK
        self.piece = isPipeOrSocket ? Int(PIPE_BUF) : 1 << 20
        pthread_mutex_init(lock, nil)
        // Deadlines on the monotonic clock: a wall clock stepped back must not hold lines back.
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(wakeup, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    /// Starts the writer thread (with the server: a server that never starts owns no thread).
    public func start() {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard thread == nil, !closed else { return }
        thread = ThreadLauncher.start { [self] in run() }
    }

    deinit {
        pthread_cond_destroy(wakeup)
        pthread_mutex_destroy(lock)
        wakeup.deallocate()
        lock.deallocate()
    }

    /// Queues a batch of whole lines; drops it (counting its lines) when the queue is full or closed.
    public func submit(_ batch: [UInt8], lines: Int) {
        pthread_mutex_lock(lock)
        guard !closed, queuedBytes + batch.count <= capacity else {
            pthread_mutex_unlock(lock)
            droppedLines.add(lines, ordering: .relaxed)
            return
        }
        queue.append((batch, lines))
        let before = queuedBytes
        queuedBytes += batch.count
        // Wake the writer when it sleeps with nothing to write (it then waits out its interval), or
        // when this batch takes the queue past `wakeBytes`; any other batch joins the queue quietly.
        if writerIdle || (before < wakeBytes && queuedBytes >= wakeBytes) {
            writerIdle = false
            wakeups.add(1, ordering: .relaxed)
            pthread_cond_signal(wakeup)
        }
        pthread_mutex_unlock(lock)
    }

    /// Queues one line (a newline is added when it has none).
    public func submit(line: String) {
        var bytes = Array(line.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        submit(bytes, lines: 1)
    }

    /// Asks the writer to write everything queued now and waits for it up to `timeout` (before
    /// `_exit`, which the writer thread would not outlive). The calling thread never writes: a
    /// destination that has stopped reading blocks the writer, and this returns false at the deadline.
    @discardableResult
    public func flush(timeout: Duration) -> Bool {
        var deadline = Self.deadline(after: timeout)
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard thread != nil, !finished else { return queue.isEmpty }
        flushRequests += 1
        defer { flushRequests -= 1 }
        writerIdle = false
        pthread_cond_broadcast(wakeup)
        while !queue.isEmpty || writing {
            if pthread_cond_timedwait(wakeup, lock, &deadline) == ETIMEDOUT { break }
        }
        return queue.isEmpty && !writing
    }

    /// Refuses further batches and waits, up to `timeout`, for the writer to write what is queued:
    /// a destination that has stopped reading altogether must not keep the process from ending.
    /// Returns false when the writer was still writing at the deadline.
    @discardableResult
    public func close(timeout: Duration) -> Bool {
        var deadline = Self.deadline(after: timeout)
        pthread_mutex_lock(lock)
        closed = true
        pthread_cond_broadcast(wakeup)
        if thread == nil {
            // Never started: write what may have been queued from here.
            let batches = take()
            pthread_mutex_unlock(lock)
            write(batches)
            return true
        }
        while !finished {
            if pthread_cond_timedwait(wakeup, lock, &deadline) == ETIMEDOUT { break }
        }
        let done = finished
        // Joined once: a second close finds no thread to join.
        let joining = done ? thread : nil
        if done { thread = nil }
        pthread_mutex_unlock(lock)
        if let joining { ThreadLauncher.join(joining) }
        return done
    }

    private func run() {
        while true {
            pthread_mutex_lock(lock)
            if queue.isEmpty && !closed {
                writerIdle = true
                while writerIdle && !closed { pthread_cond_wait(wakeup, lock) }
            }
            // Something is queued: collect more until the interval is up, the queue passes
            // `wakeBytes` (whose batch signals), or the log closes.
            var until = Self.deadline(after: flushInterval)
            while queuedBytes < wakeBytes && !closed && flushRequests == 0 {
                if pthread_cond_timedwait(wakeup, lock, &until) == ETIMEDOUT { break }
            }
            let batches = take()
            let done = closed
            writing = true
            pthread_mutex_unlock(lock)
            write(batches)
            pthread_mutex_lock(lock)
            writing = false
            // A flush waiting for these batches may return.
            if flushRequests > 0 { pthread_cond_broadcast(wakeup) }
            pthread_mutex_unlock(lock)
            if done {
                pthread_mutex_lock(lock)
                finished = true
                pthread_cond_broadcast(wakeup)
                pthread_mutex_unlock(lock)
                return
            }
        }
    }

    /// `timeout` from now on the clock `pthread_cond_timedwait` measures (set to CLOCK_MONOTONIC).
    private static func deadline(after timeout: Duration) -> timespec {
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let nanos = Int(deadline.tv_nsec) + Int(timeout.components.attoseconds / 1_000_000_000)
        deadline.tv_sec += Int(timeout.components.seconds) + nanos / 1_000_000_000
        deadline.tv_nsec = nanos % 1_000_000_000
        return deadline
    }

    /// The queued batches; call with the lock held.
    private func take() -> [(bytes: [UInt8], lines: Int)] {
        let batches = queue
        queue = []
        queuedBytes = 0
        return batches
    }

    private func write(_ batches: [(bytes: [UInt8], lines: Int)]) {
        for batch in batches {
            if Self.writeLines(batch.bytes, to: descriptor, piece: piece) {
                writtenLines.add(batch.lines, ordering: .relaxed)
            } else {
                droppedLines.add(batch.lines, ordering: .relaxed)
            }
        }
    }

    /// Writes whole lines in pieces of at most `piece` bytes where it can. For a pipe that is
    /// PIPE_BUF: a pipe keeps each such write(2) in one piece, so lines from other writers of the
    /// same pipe (the rest of the log) never land inside one of ours. A file or terminal takes a
    /// batch in one call.
    /// False when the destination refused part of the batch.
    @discardableResult
    static func writeLines(_ bytes: [UInt8], to descriptor: Int32, piece: Int = Int(PIPE_BUF)) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var start = 0
            while start < buffer.count {
                var end = min(buffer.count, start + piece)
                if end < buffer.count {
                    if let newline = buffer[start..<end].lastIndex(of: UInt8(ascii: "\n")) {
                        end = newline + 1
                    } else {
                        // A line longer than a piece goes out whole in one write (not atomic on a pipe,
                        // but never cut where another writer's line could land inside it).
                        end = buffer[end...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? buffer.count
                    }
                }
                var offset = start
                while offset < end {
                    let n = Glibc.write(descriptor, buffer.baseAddress! + offset, end - offset)
                    if n > 0 { offset += n; continue }
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                        // A non-blocking destination that is full: wait until it can take more.
                        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, 1000)
                        continue
                    }
                    return false  // the destination is gone or refuses: nothing more can be written there
                }
                start = end
            }
            return true
        }
    }
}

/// A writer is itself (a configuration that names one names that writer).
extension LogWriter: Equatable {
    public static func == (lhs: LogWriter, rhs: LogWriter) -> Bool { lhs === rhs }
}
