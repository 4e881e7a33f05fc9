// Dates as the Extended Date/Time Format (ISO 8601-2) level 0 writes them: a day "2024-01-25",
// a month "2024-09", a year "2015", or an interval of two of those "2024-09/2025-01". Each is
// also a closed interval of days, so "does this event fall between from and to" is an overlap test.

public struct EDTFDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable, CaseIterable {
        case year, month, day, interval
    }

    /// The date as written.
    public let description: String
    public let precision: Precision
    /// First and last day covered, as days since 1970-01-01.
    public let firstDay: Int
    public let lastDay: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let start = Self.single(parts[0]), let end = Self.single(parts[1]), start.first <= end.last else { return nil }
            self.init(description: text, precision: .interval, firstDay: start.first, lastDay: end.last)
        } else if parts.count == 1, let single = Self.single(parts[0]) {
            self.init(description: text, precision: single.precision, firstDay: single.first, lastDay: single.last)
        } else {
            return nil
        }
    }

    package init(description: String, precision: Precision, firstDay: Int, lastDay: Int) {
        self.description = description
        self.precision = precision
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// True when the two date intervals share at least one day.
    public func overlaps(from lower: EDTFDate?, to upper: EDTFDate?) -> Bool {
        if let lower, lastDay < lower.firstDay { return false }
        if let upper, firstDay > upper.lastDay { return false }
        return true
    }

    public static func < (lhs: EDTFDate, rhs: EDTFDate) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }

    private static func single(_ text: Substring) -> (precision: Precision, first: Int, last: Int)? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count),
              fields[0].count == 4, let year = number(fields[0])
        else { return nil }
        if fields.count == 1 {
            return (.year, days(year, 1, 1), days(year, 12, 31))
        }
        guard fields[1].count == 2, let month = number(fields[1]), (1...12).contains(month) else { return nil }
        let monthLength = daysIn(year, month)
        if fields.count == 2 {
            return (.month, days(year, month, 1), days(year, month, monthLength))
        }
        guard fields[2].count == 2, let day = number(fields[2]), (1...monthLength).contains(day) else { return nil }
        let ordinal = days(year, month, day)
        return (.day, ordinal, ordinal)
    }

    private static func number(_ text: Substring) -> Int? {
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    package static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    package static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first and last day as ISO 8601 dates ("2024-09-01", "2024-09-30").
    /// The months of the year (1–12) the date lies in: its month for a day or a month, every month
    /// an interval of less than a year overlaps; none for a year or a longer interval, which name
    /// no month.
    public var months: [Int] {
        guard precision != .year else { return [] }
        let first = Self.civil(firstDay), last = Self.civil(lastDay)
        let span = (last.year - first.year) * 12 + last.month - first.month
        guard span < 12 else { return [] }
        return (0...span).map { (first.month - 1 + $0) % 12 + 1 }
    }

    public var firstISODate: String { Self.isoDate(firstDay) }
    public var lastISODate: String { Self.isoDate(lastDay) }

    /// Howard Hinnant's civil_from_days, the inverse of `days`.
    package static func isoDate(_ days: Int) -> String {
        let (year, month, day) = civil(days)
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Year, month and day of a day number.
    package static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    package static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

extension EDTFDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = EDTFDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid EDTF date \"\(text)\""))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
