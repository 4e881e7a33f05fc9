/// One thing wrong with a dataset: which file, which record, what.
public struct DatasetProblem: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let record: String?
    public let message: String

    public init(file: String, record: String?, message: String) {
        self.file = file
        self.record = record
        self.message = message
    }

    public var description: String {
        if let record { return "\(file): \(record): \(message)" }
        return "\(file): \(message)"
    }
}

/// A dataset that failed its checks; the loader reports every problem it found, not just the first.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
    public let problems: [DatasetProblem]

    public init(_ problems: [DatasetProblem]) { self.problems = problems }

    /// The first `limit` problems and how many more there are, on one line: one bounded log entry
    /// however broken the data (`chronicle validate` prints them all).
    public func summary(limit: Int = 10) -> String {
        var text = "invalid dataset (\(problems.count) problem\(problems.count == 1 ? "" : "s")): "
            + problems.prefix(limit).map(\.description).joined(separator: "; ")
        if problems.count > limit { text += "; … and \(problems.count - limit) more (run `chronicle validate` for all)" }
        return text
    }

    public var description: String {
        "invalid dataset (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
