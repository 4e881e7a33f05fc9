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

    let pid: pid_t
    private var status: Int32?
    private let lines = LineBuffer()

    /// Starts `chronicle serve` with `arguments` on a free port and waits until it listens. The child
    /// is started with posix_spawn (Foundation's Process leaves allocations AddressSanitizer reports).
    /// `launcher` runs before the binary (e.g. taskset); `threads` nil leaves the default (one per CPU).
    /// Snapshots are off unless `snapshots` (a test's data should not leave files in the user's cache).
    /// `binary`: another executable than the one built beside the tests (a copy, say). `environment`:
    /// variables added to (or replacing) the test's own for the child.
    init(
        _ arguments: [String], waitUntilListening: Bool = true, launcher: [String] = [], threads: Int? = 1, snapshots: Bool = false,
        binary: String = ServerProcess.binary, environment: [String: String] = [:]
    ) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ProcessFailure("pipe failed") }
        // Close-on-exec, so a server another test starts later does not inherit this pipe (dup2
        // clears the flag on the child's own 1 and 2). Glibc's module does not import pipe2; a spawn
        // between the two calls may still inherit it, which is harmless: no test waits for its end.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        let argv = launcher + [binary, "serve", "--port", "0"] + (threads.map { ["--set", "threads=\($0)"] } ?? [])
            + (snapshots ? [] : ["--set", "snapshot.enabled=false"]) + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var child: pid_t = 0
        // The child starts as a shell would start it: every signal at its default action and none
        // blocked, whatever the test runner ignores (an inherited SIG_IGN would hide a server that
        // forgot to ignore SIGXFSZ or SIGPIPE itself).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, new in new }
        var cEnvironment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in cEnvironment { free(pointer) } }
        let rc = posix_spawn(&child, argv[0], &actions, &attributes, &cArguments, &cEnvironment)
        close(ends[1])
        guard rc == 0 else {
            close(ends[0])
            throw ProcessFailure("posix_spawn failed: \(rc)")
        }
        pid = child
        let reader = ends[0]
        let lines = self.lines
        Thread.detachNewThread {
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                // A test that stalls the output stops reading here, so the pipe fills.
                while lines.isStalled { usleep(10_000) }
                pending += chunk[0..<n]
                while let newline = pending.firstIndex(of: 0x0A) {
                    lines.append(String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
            }
            close(reader)
        }
        if waitUntilListening { _ = try waitFor("listening on http://", timeout: 120) }
    }

    /// Runs `argv` to its end and returns its exit status; `argv[0]` is a full path (no PATH search).
    /// Tests write executables through a child (`/bin/cp`, say): a descriptor open for writing in this
    /// process would be inherited by any server another test spawns in that moment, and the kernel
    /// refuses to run a file open for writing anywhere (ETXTBSY, errno 26).
    static func run(_ argv: [String]) throws -> Int32 {
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, argv[0], nil, nil, &cArguments, environ)
        guard rc == 0 else { throw ProcessFailure("posix_spawn \(argv[0]) failed: \(rc)") }
        var raw: Int32 = 0
        while waitpid(child, &raw, 0) == -1 {
            guard errno == EINTR else { throw ProcessFailure("waitpid \(argv[0]) failed: \(errno)") }
        }
        return (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
    }

    deinit {
        if !hasExited {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            waitpid(pid, &raw, 0)
        }
    }

    /// True once the child has exited (and been reaped).
    private var hasExited: Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return false }
        // WIFEXITED / WEXITSTATUS, written out: Glibc's macros are not imported.
        status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        return true
    }

    var output: [String] { lines.all }

    /// The port from the "listening on http://HOST:PORT" line.
    var port: UInt16 {
        let line = output.first { $0.contains("listening on http://") } ?? ""
        let tail = line.components(separatedBy: "listening on http://").last ?? ""
        // Up to the end of the address: a space in text logs, a quote in JSON ones.
        let address = tail.prefix { !$0.isWhitespace && $0 != "\"" }
        return UInt16(address.split(separator: ":").last ?? "") ?? 0
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Stops reading the child's output (after at most one more chunk): its stdout is then a pipe
    /// nobody reads, which fills. `false` reads again.
    func stallOutput(_ stalled: Bool) { lines.isStalled = stalled }

    /// The first line containing `text` logged after `index` lines, waiting for it up to `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, after index: Int = 0, timeout: Double = 60) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var exited: Date?
        while Date() < deadline {
            if let line = output.dropFirst(index).first(where: { $0.contains(text) }) { return line }
            if hasExited {
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
        while !hasExited {
            guard Date() < deadline else { throw ProcessFailure("still running after \(timeout) s") }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return status ?? -1
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Lines read by the reader thread, read by the test.
final class LineBuffer: Sendable {
    private let lines = Mutex<[String]>([])
    private let stalled = Atomic<Bool>(false)
    var isStalled: Bool {
        get { stalled.load(ordering: .relaxed) }
        set { stalled.store(newValue, ordering: .relaxed) }
    }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
