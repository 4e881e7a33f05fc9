@testable import ChronicleServer
import Testing

/// A connection's output: bytes it owns, then a large body it shares; written in order whatever
/// the write sizes and whatever is queued behind a body still being written.
@Suite struct OutputBufferTests {
    /// Writes what the buffer holds as a socket would, at most `limit` bytes per call.
    func write(_ output: inout OutputBuffer, into sink: inout [UInt8], limit: Int) {
        let taken: Int = output.withPending { owned, body in
            let fromOwned = min(limit, owned.count)
            sink += owned[0..<fromOwned]
            let fromBody = min(limit - fromOwned, body.count)
            sink += body[0..<fromBody]
            return fromOwned + fromBody
        }
        output.consume(taken)
    }

    @Test func aLargeBodyIsSharedAndWrittenAfterItsHead() {
        var output = OutputBuffer()
        let head = Array("HTTP/1.1 200 OK\r\nContent-Length: 20000\r\n\r\n".utf8)
        let body = (0..<20000).map { UInt8($0 % 251) }
        output.append(contentsOf: head)
        output.appendBody(body, share: true)
        #expect(output.pending == head.count + body.count)
        #expect(output.queuedTotal == head.count + body.count)
        // Two pieces: the head owned, the body as it was handed over (the same storage, not a copy).
        output.withPending { owned, shared in
            #expect(Array(owned) == head)
            #expect(shared.count == body.count)
            body.withUnsafeBytes { #expect(shared.baseAddress == $0.baseAddress) }
        }
    }

    @Test func smallBodiesAndTLSBodiesAreCopied() {
        var output = OutputBuffer()
        output.appendBody(Array(repeating: 1, count: 100), share: true)
        output.appendBody(Array(repeating: 2, count: 20000), share: false)
        output.withPending { owned, shared in
            #expect(owned.count == 20100 && shared.isEmpty)
        }
    }

    @Test func whatIsQueuedBehindAPartlyWrittenBodyComesAfterIt() {
        for limit in [1, 7, 1000, 4096, 16385, 70000] {
            var output = OutputBuffer()
            var expected: [UInt8] = []
            var sink: [UInt8] = []
            for round in 0..<6 {
                let head = Array("head \(round)\r\n".utf8)
                let body = [UInt8](repeating: UInt8(65 + round), count: round.isMultiple(of: 2) ? 30000 + round : 50)
                output.append(contentsOf: head)
                output.appendBody(body, share: true)
                expected += head + body
                // Part of it is written before the next response is queued (pipelining).
                write(&output, into: &sink, limit: limit)
                output.dropWritten(keepingCapacityUpTo: 1 << 16)
            }
            while output.pending > 0 { write(&output, into: &sink, limit: limit) }
            #expect(sink == expected, "writes of \(limit) bytes")
            #expect(output.queuedTotal == expected.count)
        }
    }
}
