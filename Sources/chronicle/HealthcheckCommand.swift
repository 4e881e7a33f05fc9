import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `chronicle healthcheck`: GET /health over loopback; exit 0 on 200. The port is the one the
/// server actually bound, read from the runtime file when there is one (so `serve --port 9000`
/// keeps the check right), else the configured one. The container's HEALTHCHECK uses it, so the
/// image needs no curl.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck", abstract: "Exit 0 when the local server answers GET /health with 200.")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Seconds to wait for the answer.") var timeout: Double = 2

    func run() throws {
        let settings = try options.settings()
        let running = RuntimeFile.read(settings.runtimeFile)
        let host = running?.connectHost ?? (["0.0.0.0", "::", ""].contains(settings.host) ? "127.0.0.1" : settings.host)
        let port = running?.httpPort ?? settings.port
        do {
            let status = try Self.status(host: host, port: UInt16(port), path: "/health", timeout: timeout)
            guard status == 200 else {
                printError("healthcheck: GET /health answered \(status)")
                throw ExitCode(1)
            }
        } catch let error as HealthcheckError {
            printError("healthcheck: \(error.message)")
            throw ExitCode(1)
        }
    }

    struct HealthcheckError: Error { let message: String }

    /// A blocking one-shot HTTP/1.1 GET; returns the status code.
    static func status(host: String, port: UInt16, path: String, timeout: Double) throws -> Int {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else {
            throw HealthcheckError(message: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HealthcheckError(message: "socket failed") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            throw HealthcheckError(message: "cannot connect to \(host):\(port)")
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
            throw HealthcheckError(message: "cannot send the request")
        }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 12 else { throw HealthcheckError(message: "no answer within \(timeout)s") }
        let line = String(decoding: buffer[0..<n], as: UTF8.self)
        guard line.hasPrefix("HTTP/1."), let status = Int(line.dropFirst(9).prefix(3)) else {
            throw HealthcheckError(message: "not an HTTP answer")
        }
        return status
    }
}
