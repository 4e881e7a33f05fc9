@testable import ChronicleText
import Testing

@Suite struct WordSetTests {
    @Test func membershipIsExactNotByPrefix() {
        let words: [[UInt8]] = ["وزير", "ورد", "الجزائر", "مالي", "ورد", "a", "ab", "abc"].map { Array($0.utf8) }
        let set = WordSet(words)
        #expect(set.count == 7)  // "ورد" twice
        for word in words { #expect(set.contains(word)) }
        for absent in ["وزي", "وزيرة", "", "b", "abcd", "ا"] { #expect(!set.contains(Array(absent.utf8)), "\(absent)") }
        #expect(set.words == words.sorted { $0.lexicographicallyPrecedes($1) }.reduce(into: []) { if $0.last != $1 { $0.append($1) } })
        #expect(!WordSet([]).contains([]))
    }
}
