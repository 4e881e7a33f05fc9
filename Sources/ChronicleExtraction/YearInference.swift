/// The year of a date written without one, and how it was found. Two kinds of words change the
/// reading, as news writes them:
///  - deictic words count from the time of writing: الماضي، المنصرم، « dernier », last (the last
///    such date before it), المقبل، القادم، « prochain », next (the next after it), الجاري,
///    « en cours » (this year), من العام الماضي, « de l'année dernière », last year. The time of
///    writing is the publication date, or without one the latest date the text states;
///  - « de la même année », من العام نفسه: the year of the narrative date before it (one written
///    with its month in the same sentence, else the nearest year before).
/// A plain date takes its year from, in order: the nearest date written with its month before it in
/// its sentence, else a year there; a date with its month in its paragraph (before, then after);
/// the publication date (the latest such date not after it); the nearest year the text states. A
/// date read from a day or month goes to the neighbouring year when that puts it within three
/// months of it (30 December, read from 1 January 2025, is 2024), and never after the publication
/// date.
import ChronicleRecords
import ChronicleText

struct YearInference {
    enum Relation: Equatable { case last, next, thisYear, lastYear, sameYear }

    struct Inferred {
        /// nil when nothing in the text or its publication date gives one.
        let year: Int?
        let how: String
    }

    let text: ScannedText
    /// Every mention, in text order.
    let all: [DateFinder.Mention]
    let published: EDTFDate?
    /// The mentions with a year written, in text order (their ends ascend too).
    private let stated: [DateFinder.Mention]
    /// The publication date, or the latest date the text states: made once per document.
    private let now: (firstDay: Int, lastDay: Int, description: String)?

    init(text: ScannedText, all: [DateFinder.Mention], published: EDTFDate?) {
        self.text = text
        self.all = all
        self.published = published
        let stated = all.filter { $0.year != nil }
        self.stated = stated
        if let published {
            now = (published.firstDay, published.lastDay, published.description)
        } else {
            let dated = stated.compactMap { found in Self.days(of: found, in: found.year!).map { (found, $0) } }
            let latest = dated.max { $0.1.last < $1.1.last }
            now = latest.map { ($0.1.first, $0.1.last, "the latest date the text states, \"\(text.text($0.0.start, $0.0.end))\"") }
        }
    }

    /// The number of stated mentions that end at or before `position`.
    private func statedBefore(_ position: Int) -> Int {
        var low = 0, high = stated.count
        while low < high {
            let mid = (low + high) / 2
            if stated[mid].end <= position { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The nearest stated mention before `position` that starts at or after `lower` (one with its
    /// month first when `month`), looking back 50 mentions at most.
    private func lastStated(before position: Int, from lower: Int, month: Bool) -> DateFinder.Mention? {
        var index = statedBefore(position) - 1
        let limit = max(0, index - 50)
        while index >= limit, stated[index].start >= lower {
            if !month || stated[index].month != nil { return stated[index] }
            index -= 1
        }
        return nil
    }

    static let relations: [([String], Relation)] = {
        let words: [(String, Relation)] = [
            ("الماضي", .last), ("الماضيه", .last), ("المنصرم", .last), ("المنصرمه", .last), ("dernier", .last), ("derniere", .last),
            ("المقبل", .next), ("المقبله", .next), ("القادم", .next), ("القادمه", .next), ("prochain", .next), ("prochaine", .next),
            ("الجاري", .thisYear), ("الحالي", .thisYear), ("en cours", .thisYear),
            ("من العام الماضي", .lastYear), ("من السنة الماضية", .lastYear), ("de l'année dernière", .lastYear),
            ("de l'an dernier", .lastYear), ("of last year", .lastYear), ("last year", .lastYear),
            ("من العام نفسه", .sameYear), ("من نفس العام", .sameYear), ("من السنة نفسها", .sameYear), ("de la même année", .sameYear),
            ("la même année", .sameYear), ("of the same year", .sameYear),
        ]
        return words.map { (TextNormalizer.tokens($0.0), $0.1) }.sorted { $0.0.count > $1.0.count }
    }()

    /// Words that join two months one relation governs (جويلية وأوت من العام نفسه, juillet et août).
    static let conjunctions: Set<String> = ["و", "et", "and", "ou", "or", "او"]

    /// nil when the mention's day exists in no year near its reference (31 April).
    func year(of mention: DateFinder.Mention) -> Inferred? {
        let relation = relation(after: mention)
        func exists(_ year: Int) -> Bool { days(of: mention, in: year) != nil }
        switch relation {
        case .last?, .next?, .thisYear?, .lastYear?:
            guard let now else { return Inferred(year: nil, how: "") }
            let year = EDTFDate.civil(now.lastDay).year
            let found: Int?
            switch relation {
            case .last?: found = (year - 8...year).reversed().first { days(of: mention, in: $0).map { $0.last < now.firstDay } ?? false }
            case .next?: found = (year...year + 8).first { days(of: mention, in: $0).map { $0.first > now.lastDay } ?? false }
            case .thisYear?: found = exists(year) ? year : nil
            default: found = exists(year - 1) ? year - 1 : nil
            }
            guard let found else { return nil }
            let word = relation == .last ? "the last such date before" : relation == .next ? "the next such date after" : "counted from"
            return Inferred(year: found, how: "read as \(word) the time of writing, \(now.description)")
        case .sameYear?:
            let sentence = text.sentenceStart(before: mention.start)
            let nearest = statedBefore(mention.start) - 1
            guard let found = lastStated(before: mention.start, from: sentence, month: true) ?? (nearest >= 0 ? stated[nearest] : nil),
                  let year = found.year
            else {
                return Inferred(year: nil, how: "")
            }
            return exists(year) ? Inferred(year: year, how: "the same year as \(quoted(found))") : nil
        case nil:
            return plain(mention)
        }
    }

    private func plain(_ mention: DateFinder.Mention) -> Inferred? {
        let sentence = text.sentenceStart(before: mention.start)
        let paragraph = text.paragraph(around: mention.start)
        // A year written alone counts in the mention's own sentence only: in another it is more
        // often another story's (l'accord signé en 2015).
        if let found = lastStated(before: mention.start, from: sentence, month: true)
            ?? lastStated(before: mention.start, from: sentence, month: false) {
            return from(found, mention, "the year stated earlier in the same sentence")
        }
        if let found = lastStated(before: mention.start, from: paragraph.lowerBound, month: true) {
            return from(found, mention, "the year stated in the same paragraph")
        }
        let after = statedBefore(mention.end)
        if let found = stated[after..<min(stated.count, after + 50)].first(where: { $0.end <= paragraph.upperBound && $0.month != nil }),
           found.start >= mention.end {
            return from(found, mention, "the year stated in the same paragraph")
        }
        if let published {
            // The latest year in which this month (and day) falls on or before the publication
            // date: 25 January in an article of 10 January 2025 is 25 January 2024. A day that
            // exists only in leap years (29 February) steps back to the last year that has it.
            guard let found = latest(mention, notAfter: published, before: EDTFDate.civil(published.lastDay).year + 1) else { return nil }
            return Inferred(year: found, how: "the latest such date not after the publication date \(published)")
        }
        let index = statedBefore(mention.start)
        let neighbours = [index - 1, index].filter { stated.indices.contains($0) }.map { stated[$0] }
        guard let nearest = neighbours.min(by: { abs($0.start - mention.start) < abs($1.start - mention.start) }) else {
            return Inferred(year: nil, how: "")
        }
        return from(nearest, mention, "the nearest year the text states", check: "; check it against the publication date")
    }

    /// The year a reference gives: its own, or the neighbouring one when that puts the date within
    /// three months of a reference written with its month; never after the publication date.
    private func from(_ reference: DateFinder.Mention, _ mention: DateFinder.Mention, _ rule: String, check: String = "") -> Inferred? {
        guard let stated = reference.year else { return nil }
        var year = stated
        if reference.month != nil, let anchor = days(of: reference, in: stated) {
            // A day the stated year lacks (29 February) counts as far from it.
            let same = days(of: mention, in: stated)
            let previous = days(of: mention, in: stated - 1), next = days(of: mention, in: stated + 1)
            if let previous, anchor.first - previous.last <= 92, same.map({ $0.first - anchor.last > 270 }) ?? true { year = stated - 1 }
            if let next, next.first - anchor.last <= 92, same.map({ anchor.first - $0.last > 270 }) ?? true { year = stated + 1 }
        }
        if let published, let range = days(of: mention, in: year), range.first > published.lastDay {
            guard let earlier = latest(mention, notAfter: published, before: year) else { return nil }
            return Inferred(year: earlier, how: "the latest such date not after the publication date \(published)")
        }
        guard days(of: mention, in: year) != nil else { return nil }
        return Inferred(year: year, how: "\(rule) (\(quoted(reference)))\(check)")
    }

    /// The latest year before `limit` (and at most eight before it) in which the mention falls on
    /// or before `date`.
    private func latest(_ mention: DateFinder.Mention, notAfter date: EDTFDate, before limit: Int) -> Int? {
        (limit - 9..<limit).reversed().first { days(of: mention, in: $0).map { $0.first <= date.lastDay } ?? false }
    }


    /// The relation the words after the mention give it, or those after a month it is joined to
    /// (جويلية وأوت من العام نفسه), or "last"/"next" before it.
    private func relation(after mention: DateFinder.Mention) -> Relation? {
        var next = text.firstWord(atOrAfter: mention.end)
        let following = mentionAfter(mention)
        if next < text.words.count, Self.conjunctions.contains(text.words[next].normalized), let joined = following,
           joined.start >= text.words[next].start && joined.start <= text.words[next].end + 1 {
            next = text.firstWord(atOrAfter: joined.end)
        } else if next < text.words.count, let joined = following, joined.start < text.words[next].end, joined.year == nil {
            // وأوت: the next mention starts inside the next word, after its و.
            next = text.firstWord(atOrAfter: joined.end)
        }
        for (words, relation) in Self.relations where next > 0 && next < text.words.count && text.adjacent(next - 1, next) {
            if text.words(from: next, count: words.count).words == words { return relation }
        }
        let first = text.firstWord(atOrAfter: mention.start)
        if first > 0, text.adjacent(first - 1, first) {
            switch text.words[first - 1].normalized {
            case "last": return .last
            case "next": return .next
            default: break
            }
        }
        return nil
    }

    /// The mention after this one.
    private func mentionAfter(_ mention: DateFinder.Mention) -> DateFinder.Mention? {
        var low = 0, high = all.count
        while low < high {
            let mid = (low + high) / 2
            if all[mid].start <= mention.start { low = mid + 1 } else { high = mid }
        }
        return low < all.count ? all[low] : nil
    }

    private func days(of mention: DateFinder.Mention, in year: Int) -> (first: Int, last: Int)? { Self.days(of: mention, in: year) }

    /// The first and last day of `mention` in `year`, or nil when that year has no such day.
    private static func days(of mention: DateFinder.Mention, in year: Int) -> (first: Int, last: Int)? {
        var written = String(year)
        if let month = mention.month { written += "-" + Extractor.two(month) }
        if let day = mention.day { written += "-" + Extractor.two(day) }
        return EDTFDate(written).map { ($0.firstDay, $0.lastDay) }
    }

    private func quoted(_ mention: DateFinder.Mention) -> String { "\"\(text.text(mention.start, mention.end))\"" }
}
