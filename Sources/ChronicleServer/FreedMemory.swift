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

    /// Bytes the allocator has handed out and not had back: what a dataset costs, measured before
    /// and after loading it (`chronicle bench-queries`).
    public static func heapInUse() -> Int {
        Int(chronicle_heap_in_use())
    }
}
