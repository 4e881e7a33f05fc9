// A small streaming JSON writer (RFC 8259) into a byte buffer. Keys come out in the order they are
// written, so documents are stable; non-ASCII text is written as UTF-8, not \u escapes, so Arabic
// stays readable in curl. Only control characters, quote and backslash are escaped.

public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    private var needsComma = false

    public var isPretty: Bool { pretty }

    public init(pretty: Bool = false, capacity: Int = 256) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the current object; follow it with exactly one value.
    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        needsComma = false
        pendingKey = true
    }

    private var pendingKey = false

    public mutating func value(_ string: String) { prepareValue(); appendString(string) }
    public mutating func value(_ number: Int) { prepareValue(); bytes.append(contentsOf: String(number).utf8) }
    /// A finite number in its shortest round-tripping form (non-finite numbers are written as null).
    public mutating func value(_ number: Double) {
        prepareValue()
        bytes.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8)
    }
    public mutating func value(_ flag: Bool) { prepareValue(); bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
    public mutating func null() { prepareValue(); bytes.append(contentsOf: "null".utf8) }
    /// Inserts an already-encoded JSON value (e.g. a record rendered once at load).
    public mutating func raw(_ json: [UInt8]) { prepareValue(); bytes.append(contentsOf: json) }

    public mutating func member(_ name: String, _ string: String) { key(name); value(string) }
    public mutating func member(_ name: String, _ number: Int) { key(name); value(number) }
    public mutating func member(_ name: String, _ flag: Bool) { key(name); value(flag) }
    public mutating func member(_ name: String, _ number: Double) { key(name); value(number) }
    public mutating func member(_ name: String, _ string: String?) {
        key(name)
        if let string { value(string) } else { null() }
    }
    public mutating func member(_ name: String, strings: [String]) {
        key(name)
        array { w in for s in strings { w.value(s) } }
    }

    public mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    private mutating func prepareValue() {
        if pendingKey {
            pendingKey = false
        } else {
            separate()
        }
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if pretty && depth > 0 {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
    }

    private mutating func open(_ bracket: UInt8) {
        prepareValue()
        bytes.append(bracket)
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        let empty = !needsComma
        depth -= 1
        if pretty && !empty {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
        bytes.append(bracket)
        needsComma = true
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Whether a UTF-8 byte must be escaped inside a JSON string (RFC 8259 section 7).
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func appendString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        // Runs of bytes that need no escape are copied whole; most strings are one such run.
        string.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count where Self.needsEscape(utf8[index]) {
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                appendEscaped(utf8[index])
                runStart = index + 1
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Self.hex[Int(byte >> 4)])
            bytes.append(Self.hex[Int(byte & 0xF)])
        }
    }
}
