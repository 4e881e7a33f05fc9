#if canImport(Glibc)
import Glibc
#endif

/// A failed system call, with the `errno` captured where it failed.
public struct SocketError: Error, CustomStringConvertible, Sendable, Equatable {
    public let call: String
    public let code: Int32

    public init(_ call: String, code: Int32 = errno) {
        self.call = call
        self.code = code
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
