import ChronicleHTTP
import Foundation
import Testing

/// A stream's producer keeps unlocked state: the stream may be pulled only on the thread that made
/// it, and that is checked.
@Suite struct ResponseStreamTests {
    @Test func aStreamIsPulledOnItsOwnThread() {
        var left = 3
        let stream = ResponseStream {
            guard left > 0 else { return nil }
            left -= 1
            return [UInt8(left)]
        }
        var pieces: [[UInt8]] = []
        while let piece = stream.next() { pieces.append(piece) }
        #expect(pieces == [[2], [1], [0]])
    }

    @Test func pullingAStreamOnAnotherThreadTraps() async {
        await #expect(processExitsWith: .failure) {
            let stream = ResponseStream { [1] }
            let pulled = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                _ = stream.next()
                pulled.signal()
            }
            pulled.wait()
        }
    }
}
