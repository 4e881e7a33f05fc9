// The log of `serve`, every line but the access log's: handed to one queued writer (LogWriter) and
// written by its thread, never by the thread that logs. An event loop or the signal thread that logs
// while stdout is a pipe nobody reads (Docker's blocking log mode when its driver falls behind) loses
// the line, counted in /metrics as `chronicle_log_lines_dropped_total`, and goes on. Exits wait for
// the queue up to a deadline, never longer.
import ChronicleServer
import Logging

struct ApplicationLog: Sendable {
    let writer: LogWriter
    let logger: Logger

    /// What a stop may wait for the log's last lines.
    static let exitDeadline: Duration = .milliseconds(250)

    /// A log to standard output in the configured format and level; its writer runs from here on.
    init(format: String, level: String, descriptor: Int32 = 1, capacity: Int = 1 << 20) {
        // Woken by every line (wakeBytes 1): these lines are few, and a line that says the server
        // listens or stopped should not wait out an interval.
        let writer = LogWriter(descriptor: descriptor, capacity: capacity, wakeBytes: 1, flushInterval: .milliseconds(100))
        writer.start()
        var logger = Logger(label: "chronicle") { label -> any LogHandler in
            if format == "json" { return JSONLogHandler(label: label, writer: writer) }
            return StreamLogHandler(label: label, stream: QueuedStream(writer: writer), metadataProvider: nil)
        }
        logger.logLevel = Logger.Level(rawValue: level) ?? .info
        self.writer = writer
        self.logger = logger
    }

    /// Waits, up to `timeout`, for what is queued to be written; false when the destination did not take it.
    @discardableResult
    func flush(timeout: Duration = exitDeadline) -> Bool {
        writer.flush(timeout: timeout)
    }

    /// swift-log's stream handler writes each line with one `write` call: each becomes one queued line.
    struct QueuedStream: TextOutputStream, Sendable {
        let writer: LogWriter
        mutating func write(_ string: String) { writer.submit(line: string) }
    }
}
