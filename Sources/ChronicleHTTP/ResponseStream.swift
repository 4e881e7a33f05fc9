/// A response body made on demand: the connection that writes the response calls `next()` when
/// its output queue runs low, so a large export never sits in memory whole. A stream belongs to the
/// one request that made it and is consumed on that connection's event-loop thread only.
public final class ResponseStream: @unchecked Sendable {
    private let produce: () -> [UInt8]?

    /// `produce` returns the next piece, or nil at the end.
    public init(_ produce: @escaping () -> [UInt8]?) { self.produce = produce }

    public func next() -> [UInt8]? { produce() }

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
