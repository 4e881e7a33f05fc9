import CSystem

/// Gives the kernel back what the allocator holds free. Loading a dataset decodes whole files and
/// builds indexes through large temporary buffers; once they are freed, glibc keeps most of those
/// pages (it trims only the top of the main heap on its own), and the process would carry its
/// load-time peak as resident memory for its whole life. `serve` calls this after a load and after
/// a reload.
public enum FreedMemory {
    /// True when some memory was returned.
    @discardableResult
    public static func release() -> Bool {
        chronicle_malloc_trim() == 1
    }

    /// Caps glibc's malloc arenas at `count` (one per event loop is what serving needs), unless the
    /// operator set `MALLOC_ARENA_MAX`. Without a cap glibc makes up to eight per core as new threads
    /// contend, and every reload, snapshot and release runs on threads of its own: each new arena
    /// keeps pages that `malloc_trim` leaves, and RSS crept up with every reload (a 5-minute soak
    /// reloading every 10 s: +0.69 MiB/min, and −0.06 MiB/min with two arenas).
    @discardableResult
    public static func limitArenas(to count: Int, environment: [String: String]) -> Bool {
        guard environment["MALLOC_ARENA_MAX"] == nil else { return false }
        return chronicle_limit_arenas(Int32(max(1, count))) == 1
    }

    /// Malloc arenas in use (nil where the allocator does not say).
    public static func arenaCount() -> Int? {
        let count = chronicle_malloc_arena_count()
        return count >= 0 ? Int(count) : nil
    }

    /// Bytes the allocator has handed out and not had back: what a dataset costs, measured before
    /// and after loading it (`chronicle bench-queries`).
    public static func heapInUse() -> Int {
        Int(chronicle_heap_in_use())
    }
}
