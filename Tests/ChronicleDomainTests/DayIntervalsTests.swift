@testable import ChronicleGenerator
@testable import ChronicleRecords
@testable import ChronicleStore
import Testing

@Suite struct DayIntervalsTests {
    /// The windowed search must find exactly what a full scan finds, intervals and open ends included.
    @Test func matchesAFullScan() throws {
        var random = DatasetGenerator.Random(state: 42)
        let texts = (0..<2000).map { _ -> String in
            let year = 2000 + random.below(10), month = 1 + random.below(12)
            switch random.below(4) {
            case 0: return "\(year)"
            case 1: return "\(year)-\(month < 10 ? "0" : "")\(month)"
            case 2: return "\(year)-\(month < 10 ? "0" : "")\(month)/\(year + 1 + random.below(3))"
            default: return "\(year)-\(month < 10 ? "0" : "")\(month)-1\(random.below(9))"
            }
        }
        let dates = texts.compactMap(EDTFDate.init).sorted()
        #expect(dates.count == 2000)
        let days = DayIntervals(dates)
        let bounds: [EDTFDate?] = [nil, EDTFDate("2003"), EDTFDate("2005-06"), EDTFDate("2007-02-11"), EDTFDate("2012")]
        for from in bounds {
            for to in bounds where from == nil || to == nil || from!.firstDay <= to!.lastDay {
                let expected = dates.indices.filter { dates[$0].overlaps(from: from, to: to) }.map(Int32.init)
                #expect(
                    days.overlapping(from: from, to: to, among: nil) == expected, "\(String(describing: from)) \(String(describing: to))")
                let some = expected.filter { $0 % 3 == 0 }
                let candidates = dates.indices.filter { $0 % 3 == 0 }.map(Int32.init)
                #expect(days.overlapping(from: from, to: to, among: candidates) == some)
            }
        }
    }
}
