/// Metrics in the Prometheus text exposition format (version 0.0.4): one writer for every module's
/// metrics, so the format's rules are kept in one place. A family is its `# HELP` and `# TYPE` lines
/// and its samples; help text escapes backslash and newline, label values also the double quote.
/// Request metrics are kept by swift-prometheus; this writes the figures read only when `/metrics`
/// is asked for (the server's atomics, the cache's and the dataset's): ARCHITECTURE.md, "Libraries".
public struct PrometheusText: Sendable {
    public enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    public private(set) var text = ""

    public init() {}

    /// Starts a family: its help and its type.
    public mutating func family(_ name: String, _ kind: Kind, help: String) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
    }

    /// One sample of the current family (`name` may carry a histogram's `_bucket`, `_sum`, `_count`).
    public mutating func sample(_ name: String, labels: [(String, String)] = [], _ value: String) {
        text += name
        if !labels.isEmpty {
            text += "{"
            for (index, (label, labelValue)) in labels.enumerated() {
                if index > 0 { text += "," }
                text += "\(label)=\"\(Self.escapeLabel(labelValue))\""
            }
            text += "}"
        }
        text += " \(value)\n"
    }

    public mutating func sample(_ name: String, labels: [(String, String)] = [], _ value: Int) {
        sample(name, labels: labels, String(value))
    }

    public mutating func sample(_ name: String, labels: [(String, String)] = [], _ value: Double) {
        sample(name, labels: labels, Self.format(value))
    }

    /// A family of one unlabelled sample.
    public mutating func single(_ name: String, _ kind: Kind, help: String, _ value: Int) {
        family(name, kind, help: help)
        sample(name, value)
    }

    public mutating func single(_ name: String, _ kind: Kind, help: String, _ value: Double) {
        family(name, kind, help: help)
        sample(name, value)
    }

    public mutating func append(_ other: PrometheusText) { text += other.text }

    /// A float as Prometheus reads it: `+Inf`, `-Inf`, `NaN`, a whole number without a fraction
    /// (a bucket bound of 1 is `le="1"`), otherwise Swift's shortest round-trip form.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func escapeHelp(_ text: String) -> String {
        escape(text, quote: false)
    }

    static func escapeLabel(_ text: String) -> String {
        escape(text, quote: true)
    }

    private static func escape(_ text: String, quote: Bool) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\n" || (quote && $0 == "\"") }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\"" where quote: out += "\\\""
            default: out.append(character)
            }
        }
        return out
    }
}
