#if canImport(Glibc)
import Glibc
#endif

/// A failed system call, with the `errno` captured where it failed.
public struct SocketError: Error, CustomStringConvertible, Sendable, Equatable {
    public let call: String
    /// The `errno` value, or nil when the failure is not an errno (a resolver error, say).
    public let code: Int32?
    private let reason: String

    /// Captures `errno`: pass `code` explicitly when anything (a string interpolation included) runs
    /// between the failing call and this initializer.
    public init(_ call: String, code: Int32 = errno) {
        self.call = call
        self.code = code
        self.reason = String(cString: strerror(code))
    }

    /// A failure described by its own message, not by an errno.
    public init(_ call: String, reason: String) {
        self.call = call
        self.code = nil
        self.reason = reason
    }

    public var description: String {
        if let code { return "\(call) failed: \(reason) (errno \(code))" }
        return "\(call) failed: \(reason)"
    }
}
