// Month names found in scanned text, by the table search shares (`ChronicleText.MonthNames`).
import ChronicleText

extension MonthNames {
    /// The month name starting at word `index`: its month, the systems that write it, and the
    /// number of words it takes.
    static func match(_ text: ScannedText, at index: Int) -> (month: Int, systems: [String], length: Int)? {
        for name in all where index + name.words.count <= text.words.count {
            let candidate = text.words[index..<(index + name.words.count)].map(\.normalized)
            guard candidate.elementsEqual(name.words) else { continue }
            let systems = all.filter { $0.words == name.words && $0.month == name.month }.map(\.system)
            return (name.month, Array(Set(systems)).sorted(), name.words.count)
        }
        return nil
    }
}
