import ChronicleRecords
import Testing

@Suite struct EDTFDateTests {
    @Test func parsesLevelZeroForms() throws {
        let year = try #require(EDTFDate("2015"))
        #expect(year.precision == .year && year.firstISODate == "2015-01-01" && year.lastISODate == "2015-12-31")
        let month = try #require(EDTFDate("2024-02"))
        #expect(month.precision == .month && month.lastISODate == "2024-02-29")
        let day = try #require(EDTFDate("2024-01-25"))
        #expect(day.firstDay == day.lastDay && day.firstISODate == "2024-01-25")
        let interval = try #require(EDTFDate("2024-09/2025-01"))
        #expect(interval.precision == .interval && interval.firstISODate == "2024-09-01" && interval.lastISODate == "2025-01-31")
    }

    @Test(arguments: [
        "", "15", "2015-1", "2015-13", "2023-02-29", "2024-04-31", "2024-00", "2024-01-00", "2025/2024", "2024-01-01T00", "２０２４", "+2024",
        "2024--01",
    ])
    func refusesInvalidDates(_ text: String) {
        #expect(EDTFDate(text) == nil)
    }

    @Test func overlapIsInclusiveAtBothEnds() throws {
        let september = try #require(EDTFDate("2024-09"))
        #expect(september.overlaps(from: EDTFDate("2024-09-30"), to: nil))
        #expect(!september.overlaps(from: EDTFDate("2024-10-01"), to: nil))
        #expect(september.overlaps(from: nil, to: EDTFDate("2024-09-01")))
        #expect(!september.overlaps(from: nil, to: EDTFDate("2024-08-31")))
        #expect(september.overlaps(from: EDTFDate("2024"), to: EDTFDate("2024")))
        #expect(september.overlaps(from: nil, to: nil))
    }

    @Test func ordersByFirstDayThenLastDay() throws {
        let dates = ["2025-01-01", "2024", "2024-09", "2024-01-25"].compactMap(EDTFDate.init).sorted()
        #expect(dates.map(\.description) == ["2024", "2024-01-25", "2024-09", "2025-01-01"])
    }
}
