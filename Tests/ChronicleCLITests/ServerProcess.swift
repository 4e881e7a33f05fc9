// The real `chronicle` binary in a child process, for tests that need real signals: it is built
// beside the test bundle. Its standard output is collected line by line, and tests wait on the
// lines it logs (conditions with generous deadlines, never fixed sleeps).
import Foundation
import Synchronization
import Testing

final class ServerProcess {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chronicle").path
    }

    private let process: Process
    private let lines = LineBuffer()


    /// Starts `chronicle serve` with `arguments` on a free port and waits until it listens.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--port", "0", "--set", "threads=1"] + arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let handle = pipe.fileHandleForReading
        let lines = self.lines
        let reader = Thread {
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    lines.append(line)
                }
            }
        }
        try process.run()
        reader.start()
        _ = try waitFor("listening on http://", timeout: 120)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var output: [String] { lines.all }

    /// The port from the "listening on http://HOST:PORT" line.
    var port: UInt16 {
        let line = output.first { $0.contains("listening on http://") } ?? ""
        let tail = line.components(separatedBy: "listening on http://").last ?? ""
        let address = tail.prefix { !$0.isWhitespace }
        return UInt16(address.split(separator: ":").last ?? "") ?? 0
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// The first line containing `text` logged after `index` lines, waiting for it up to `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, after index: Int = 0, timeout: Double = 60) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var exited: Date?
        while Date() < deadline {
            if let line = output.dropFirst(index).first(where: { $0.contains(text) }) { return line }
            if !process.isRunning {
                // Give the reader a moment for the last lines, then stop waiting.
                exited = exited ?? Date()
                if Date().timeIntervalSince(exited!) > 2 {
                    throw ProcessFailure("exited before logging \"\(text)\"; output:\n" + output.joined(separator: "\n"))
                }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw ProcessFailure("no \"\(text)\" within \(timeout) s; output:\n" + output.joined(separator: "\n"))
    }

    /// Waits for the process to exit and returns its status.
    func waitForExit(timeout: Double = 60) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else { throw ProcessFailure("still running after \(timeout) s") }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return process.terminationStatus
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Lines read by the reader thread, read by the test.
final class LineBuffer: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
