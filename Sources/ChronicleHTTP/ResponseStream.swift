#if canImport(Glibc)
import Glibc
#endif

/// A response body made on demand: the connection that writes the response calls `next()` when
/// its output queue runs low, so a large export never sits in memory whole.
///
/// A stream is confined to the thread that made it (the event loop that ran its handler, which is
/// the loop that writes the response): its producer keeps mutable state (a position in an export,
/// a compressor) without locks. It is `Sendable` only so that a `Response` can be; the confinement
/// is checked, not assumed: `next()` traps on any other thread, in release builds too.
public final class ResponseStream: @unchecked Sendable {
    private let produce: () -> [UInt8]?
    /// The thread that made the stream, the only one that may pull from it.
    private let owner = pthread_self()

    /// `produce` returns the next piece, or nil at the end.
    public init(_ produce: @escaping () -> [UInt8]?) { self.produce = produce }

    public func next() -> [UInt8]? {
        precondition(pthread_equal(owner, pthread_self()) != 0, "a response stream is pulled on the thread that made it only")
        return produce()
    }

    /// Wraps the pieces in another transformation (e.g. compression); `finish` may add a last piece.
    public func map(_ transform: @escaping ([UInt8]) -> [UInt8], finish: @escaping () -> [UInt8]? = { nil }) -> ResponseStream {
        var finished = false
        return ResponseStream { [self] in
            if finished { return nil }
            while let piece = self.next() {
                let out = transform(piece)
                if !out.isEmpty { return out }
            }
            finished = true
            return finish()
        }
    }
}
