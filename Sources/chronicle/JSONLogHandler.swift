// A swift-log handler that writes one JSON object per line through the application log's queued
// writer (ApplicationLog): "ts" (UTC, milliseconds),
// "level", "label", "msg", then the metadata, so access logs can be shipped and queried as JSON
// lines. Metadata keeps its JSON type: a value logged as a number (`.stringConvertible(status)`)
// is written as a number, a flag as true/false, lists and dictionaries as arrays and objects.
import ChronicleHTTP
import ChronicleServer
import Foundation
import Logging

struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    let writer: LogWriter

    init(label: String, writer: LogWriter) {
        self.label = label
        self.writer = writer
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        var w = JSONWriter()
        w.object { w in
            w.member("ts", Date().formatted(Self.timestamp))
            w.member("level", event.level.rawValue)
            w.member("label", label)
            w.member("msg", event.message.description)
            for (key, value) in all.sorted(by: { $0.key < $1.key }) {
                w.key(key)
                Self.write(value, into: &w)
            }
        }
        w.newline()
        // One line, queued whole: lines from several threads never interleave.
        writer.submit(w.bytes, lines: 1)
    }

    static let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func write(_ value: Logger.Metadata.Value, into w: inout JSONWriter) {
        switch value {
        case .string(let text):
            w.value(text)
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: w.value(number)
            case let number as UInt64: w.raw(Array(String(number).utf8))
            case let number as Int64: w.raw(Array(String(number).utf8))
            case let number as Double where number.isFinite: w.value(number)
            case let flag as Bool: w.value(flag)
            default: w.value(convertible.description)
            }
        case .array(let values):
            w.array { w in for element in values { write(element, into: &w) } }
        case .dictionary(let members):
            w.object { w in
                for (key, element) in members.sorted(by: { $0.key < $1.key }) {
                    w.key(key)
                    write(element, into: &w)
                }
            }
        }
    }
}
