#if canImport(Glibc)
import Glibc
#endif

/// Gives back to the kernel what slow clients made the server allocate, once they are gone. Output
/// for many clients that stop reading is allocated and freed in large pieces; glibc keeps freed
/// pages for reuse, and the process would carry the burst's peak as resident memory for its whole
/// life. Once a second, off the event loops (trimming takes the allocator's locks), a thread looks
/// at the output held: after it has risen past 16 MiB and fallen to an eighth of its peak, the
/// allocator's free memory is returned.
enum OutputMemory {
    static let burst = 16 << 20

    static func giveBack(context: ServerContext, until stopped: () -> Bool) {
        var peak = 0
        while !stopped() {
            usleep(1_000_000)
            let held = context.queuedOutput.load(ordering: .relaxed)
            peak = max(peak, held)
            if peak >= burst && held <= peak / 8 {
                FreedMemory.release()
                peak = held
            }
        }
    }
}
