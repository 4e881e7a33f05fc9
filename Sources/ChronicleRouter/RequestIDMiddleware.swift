// X-Request-ID: a client's id is kept when it is sane (1–128 characters of letters, digits and
// "-._:"), otherwise a new random one is made; either way it is echoed on the response, where the
// access log picks it up, so one id follows a request through proxies and logs.
import ChronicleHTTP
import HTTPTypes
import Synchronization

public struct RequestIDMiddleware: Middleware {
    public init() {}

    static func isValid(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-._:".utf8.contains(byte)
            }
        }
    }

    /// A random prefix drawn once per process and a counter: unique across replicas and restarts
    /// without a system call per request.
    private static let prefix: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }()
    private static let counter = Atomic<UInt64>(0)

    /// 32 lowercase hex digits: the prefix, then the counter, each zero-padded to 16.
    static func generate() -> String {
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return String(unsafeUninitializedCapacity: 32) { buffer in
            let digits = Array("0123456789abcdef".utf8)
            for (offset, value) in [(0, prefix), (16, sequence)] {
                for index in 0..<16 {
                    buffer[offset + index] = digits[Int((value >> (60 - 4 * UInt64(index))) & 0xF)]
                }
            }
            return 32
        }
    }

    public func handle(_ request: Request, next: (Request) -> Response) -> Response {
        var request = request
        let id: String
        if let given = request.headerFields[.requestID], Self.isValid(given) {
            id = given
        } else {
            id = Self.generate()
            request.head.headerFields[.requestID] = id
        }
        var response = next(request)
        response.headerFields[.requestID] = id
        return response
    }
}
