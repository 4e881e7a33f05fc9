/// Month names as Arabic news writes them in each region, and in French and English. The Arabic
/// systems follow CLDR's month names for ar_MA (Maghrebi: يناير … ماي، يوليوز، غشت، شتنبر، نونبر،
/// دجنبر), ar_DZ and ar_TN (جانفي، فيفري، أفريل، جوان، جويلية، أوت), ar_LB and ar_IQ (the Syriac
/// names كانون الثاني … كانون الأول) and ar_EG (يناير … مايو، يوليو، أغسطس). Names are matched after
/// search normalization (أبريل = ابريل, آذار = اذار), so hamza and alef spellings vary freely.
/// Shared by search (a month's name finds the records dated in it, in every system) and by
/// extraction (dates written with any of them).
package enum MonthNames {
    package struct Name: Sendable {
        /// The normalized words of the name (two for كانون الثاني).
        package let words: [String]
        package let month: Int
        package let system: String
    }

    package static let maghrebi = "Maghrebi (ar_MA)"
    package static let algerian = "Algerian and Tunisian (ar_DZ, ar_TN)"
    package static let levantine = "Levantine and Iraqi (ar_LB, ar_IQ)"
    package static let egyptian = "Egyptian and Gulf (ar_EG)"

    package static let written: [(String, [String])] = [
        (maghrebi, ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]),
        (algerian, ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]),
        (
            levantine,
            [
                "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني",
                "كانون الأول",
            ]
        ),
        (egyptian, ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]),
        (
            "French",
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        ),
        (
            "English",
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        ),
    ]

    /// Common variants outside CLDR that news writes: إبريل, أغشت, يوليه, Sept.
    package static let variants: [(String, Int, String)] = [
        ("إبريل", 4, egyptian), ("ابريل", 4, egyptian), ("يوليه", 7, egyptian), ("أغشت", 8, maghrebi), ("سبتمبر", 9, egyptian),
        ("fevrier", 2, "French"), ("aout", 8, "French"), ("decembre", 12, "French"), ("Sept", 9, "English"),
    ]

    /// Every name, longest first (two-word names before one-word ones).
    package static let all: [Name] = {
        var names: [Name] = []
        for (system, months) in written {
            for (index, month) in months.enumerated() {
                names.append(Name(words: TextNormalizer.tokens(month), month: index + 1, system: system))
            }
        }
        for (text, month, system) in variants { names.append(Name(words: TextNormalizer.tokens(text), month: month, system: system)) }
        return names.sorted { $0.words.count > $1.words.count }
    }()

    /// Each name's normalized words to its month (a name is one month in every system that writes it).
    package static let monthOfWords: [[String]: Int] = {
        var months: [[String]: Int] = [:]
        for name in all { months[name.words] = name.month }
        return months
    }()

    /// The longest number of words a name takes (two: كانون الثاني).
    package static let longestName = all.map(\.words.count).max() ?? 1
}
