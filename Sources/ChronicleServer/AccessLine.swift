// One access-log line per answered request, appended to an event loop's own buffer: the text
// format of swift-log's stream handler (`TIME info chronicle : key=value … [ChronicleServer] request`)
// or one JSON object per line like the executable's JSON handler (ts with milliseconds, level,
// label, msg, then the fields in key order with numbers as numbers). No dictionary, no String per
// field: the fields go straight into the buffer.
#if canImport(Glibc)
import Glibc
#endif

/// How access lines are written: like swift-log's stream handler, or one JSON object per line.
public enum AccessLogFormat: String, Sendable {
    case text, json
}

struct AccessLine {
    let format: AccessLogFormat
    let label: [UInt8]
    /// The current second, formatted once a second: "2026-11-29T21:24:03".
    private var second = -1
    private var secondText: [UInt8] = []

    init(format: AccessLogFormat, label: String) {
        self.format = format
        self.label = Array(label.utf8)
    }

    mutating func append(_ entry: AccessEntry, micros: Int64, remote: [UInt8], complete: Bool, into out: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        if now.tv_sec != second { refresh(now.tv_sec) }
        switch format {
        case .text:
            out += secondText
            out += "+0000 info ".utf8
            out += label
            out += " : bytes=".utf8
            Self.decimal(entry.bytes, into: &out)
            out += " duration_us=".utf8
            Self.decimal(Int(micros), into: &out)
            if !complete { out += " incomplete=true".utf8 }
            out += " method=".utf8
            out += entry.method.utf8
            out += " path=".utf8
            out += entry.path.utf8
            out += " remote=".utf8
            out += remote
            if let id = entry.requestID {
                out += " request_id=".utf8
                out += id.utf8
            }
            out += " status=".utf8
            Self.decimal(entry.status, into: &out)
            out += " [ChronicleServer] request\n".utf8
        case .json:
            out += "{\"ts\":\"".utf8
            out += secondText
            out.append(UInt8(ascii: "."))
            let millis = Int(now.tv_nsec / 1_000_000)
            out += [UInt8(48 + millis / 100), UInt8(48 + millis / 10 % 10), UInt8(48 + millis % 10)]
            out += "Z\",\"level\":\"info\",\"label\":\"".utf8
            Self.escaped(label, into: &out)
            out += "\",\"msg\":\"request\",\"bytes\":".utf8
            Self.decimal(entry.bytes, into: &out)
            out += ",\"duration_us\":".utf8
            Self.decimal(Int(micros), into: &out)
            if !complete { out += ",\"incomplete\":true".utf8 }
            out += ",\"method\":\"".utf8
            Self.escaped(entry.method.utf8, into: &out)
            out += "\",\"path\":\"".utf8
            Self.escaped(entry.path.utf8, into: &out)
            out += "\",\"remote\":\"".utf8
            Self.escaped(remote, into: &out)
            if let id = entry.requestID {
                out += "\",\"request_id\":\"".utf8
                Self.escaped(id.utf8, into: &out)
            }
            out += "\",\"status\":".utf8
            Self.decimal(entry.status, into: &out)
            out += "}\n".utf8
        }
    }

    private mutating func refresh(_ seconds: time_t) {
        second = seconds
        var t = seconds
        var fields = tm()
        gmtime_r(&t, &fields)
        var text: [UInt8] = []
        func two(_ n: Int32) { text += [UInt8(48 + n / 10), UInt8(48 + n % 10)] }
        let year = Int(fields.tm_year) + 1900
        text += Array(String(year).utf8)
        text.append(UInt8(ascii: "-")); two(fields.tm_mon + 1)
        text.append(UInt8(ascii: "-")); two(fields.tm_mday)
        text.append(UInt8(ascii: "T")); two(fields.tm_hour)
        text.append(UInt8(ascii: ":")); two(fields.tm_min)
        text.append(UInt8(ascii: ":")); two(fields.tm_sec)
        secondText = text
    }

    static func decimal(_ value: Int, into out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            decimal(value == Int.min ? Int.max : -value, into: &out)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            out += buffer[(20 - count)...]
        }
    }

    /// JSON string contents: quote, backslash and control characters escaped; the rest (valid UTF-8,
    /// as every Swift string is) as is.
    static func escaped<Bytes: Sequence<UInt8>>(_ bytes: Bytes, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0..<0x20: out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
    }
}
