/// What a connection has yet to write, in order: bytes it owns, then at most one large body it
/// shares with whoever made it (a cached response's body), written from where it lies with one
/// gathered write of head and body, never copied, as a static file server writes a file.
///
/// The order cannot be broken from outside: the owned bytes are reachable only through `append`,
/// which first moves an unwritten shared body behind what precedes it (a copy, only when something
/// is queued behind a body still being written: pipelining), so nothing is ever written before a
/// body that was queued ahead of it.
struct OutputBuffer {
    /// Bodies at least this large are shared rather than copied.
    static let shareThreshold = 16 << 10

    private var bytes: [UInt8] = []
    private var start = 0
    private var shared: [UInt8] = []
    private var sharedStart = 0
    /// Every byte ever queued: the access log's byte count of a response is a difference of two.
    private(set) var queuedTotal = 0

    /// Bytes not yet written.
    var pending: Int { bytes.count - start + shared.count - sharedStart }

    /// What the owned storage really holds while anything is pending: its whole allocation (the
    /// written prefix not yet dropped and the spare capacity included), not only the unwritten bytes.
    /// Nothing pending: 0 (a connection keeps at most 64 KiB of storage between responses).
    var ownedHeld: Int { pending > 0 ? bytes.capacity : 0 }

    /// The shared body while part of it is unwritten (the same storage for every connection that
    /// queued the same body), so the server counts it once.
    var sharedBody: [UInt8]? { sharedStart < shared.count ? shared : nil }

    mutating func append(contentsOf piece: some Sequence<UInt8>) {
        settleShared()
        let before = bytes.count
        bytes.append(contentsOf: piece)
        queuedTotal += bytes.count - before
    }

    /// Lets `fill` write into the owned bytes directly (the response serializer).
    mutating func append(_ fill: (inout [UInt8]) -> Void) {
        settleShared()
        let before = bytes.count
        fill(&bytes)
        queuedTotal += bytes.count - before
    }

    /// Queues a body: shared without copying when it is large and `share` allows (plain sockets;
    /// TLS copies into its records anyway), copied otherwise.
    mutating func appendBody(_ body: [UInt8], share: Bool) {
        settleShared()
        if share && body.count >= Self.shareThreshold {
            shared = body
            sharedStart = 0
            queuedTotal += body.count
        } else {
            append(contentsOf: body)
        }
    }

    /// Hands the unwritten bytes to `transmit` (owned first, then shared; either may be empty)
    /// and returns its result; `consume` records what was written.
    func withPending<R>(_ transmit: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { owned in
            shared.withUnsafeBytes { body in
                transmit(UnsafeRawBufferPointer(rebasing: owned[start...]), UnsafeRawBufferPointer(rebasing: body[sharedStart...]))
            }
        }
    }

    /// Marks `count` bytes as written, owned bytes first.
    mutating func consume(_ count: Int) {
        let fromOwned = min(count, bytes.count - start)
        start += fromOwned
        sharedStart += count - fromOwned
        precondition(sharedStart <= shared.count, "more written than was queued")
        if sharedStart == shared.count && !shared.isEmpty {
            shared = []
            sharedStart = 0
        }
    }

    /// Forgets what is written. Keeps the owned buffer's storage up to `keepingCapacityUpTo`, so a
    /// connection does not hold a large buffer after one large response.
    mutating func dropWritten(keepingCapacityUpTo limit: Int) {
        if start == bytes.count {
            bytes.removeAll(keepingCapacity: bytes.capacity <= limit)
            start = 0
        } else if start >= limit {
            bytes.removeFirst(start)
            start = 0
        }
    }

    /// Moves an unwritten shared body into the owned bytes, behind what precedes it.
    private mutating func settleShared() {
        guard !shared.isEmpty else { return }
        bytes.append(contentsOf: shared[sharedStart...])
        shared = []
        sharedStart = 0
    }
}
