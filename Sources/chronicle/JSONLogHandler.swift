// A swift-log handler that writes one JSON object per line to stdout: "ts", "level", "label",
// "msg", then the metadata, so access logs can be shipped and queried as JSON lines.
import ChronicleHTTP
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        var w = JSONWriter()
        w.object { w in
            w.member("ts", Date().formatted(.iso8601))
            w.member("level", event.level.rawValue)
            w.member("label", label)
            w.member("msg", event.message.description)
            for (key, value) in all.sorted(by: { $0.key < $1.key }) { w.member(key, "\(value)") }
        }
        w.newline()
        let bytes = w.bytes
        // One write(2) per line: lines from several threads never interleave.
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { if errno == EINTR { continue } else { return } }
                offset += n
            }
        }
    }
}
