/// Finds quotations in every mark Arabic and French news uses: ASCII "…", «…» (the French inner
/// spaces are not part of the quote), “…”, nested inside one another; and an embedded post (a
/// tweet) whose text stands on its own line above its attribution line "— Name (@handle) date".
/// The span is the quoted words only. A mark left open at the end of a paragraph is dropped rather
/// than guessed (no false quote), and so is an inch mark after a digit.
struct QuoteFinder {
    struct Found: Equatable {
        let start: Int
        let end: Int
        /// 0 for a quotation, 1 for one quoted inside it, and so on.
        let depth: Int
        /// For an embedded post: its attribution line.
        let attribution: (start: Int, end: Int)?

        static func == (a: Found, b: Found) -> Bool {
            a.start == b.start && a.end == b.end && a.depth == b.depth && a.attribution?.start == b.attribution?.start
        }
    }

    private enum Mark { case ascii, guillemet, curly }

    let text: ScannedText

    func quotes() -> [Found] {
        var found: [Found] = []
        var open: [(mark: Mark, position: Int)] = []
        let scalars = text.scalars
        func close(_ mark: Mark, at position: Int) -> Bool {
            guard let index = open.lastIndex(where: { $0.mark == mark }) else { return false }
            let start = open[index].position + 1
            open.removeSubrange(index...)
            if let quote = trimmed(start, position, depth: index) { found.append(quote) }
            return true
        }
        for (position, scalar) in scalars.enumerated() {
            switch scalar {
            case "«": open.append((.guillemet, position))
            case "»": _ = close(.guillemet, at: position)
            case "“": open.append((.curly, position))
            case "”": _ = close(.curly, at: position)
            case "\"":
                if open.contains(where: { $0.mark == .ascii }) {
                    _ = close(.ascii, at: position)
                } else if position > 0, scalars[position - 1].properties.numericType != nil,
                          position + 1 == scalars.count || !ScannedText.isWordScalar(scalars[position + 1]) {
                    continue  // 5" is five inches
                } else {
                    open.append((.ascii, position))
                }
            case "\n":
                // A blank line ends a paragraph, and every mark still open in it (CR LF too).
                var before = position - 1
                while before >= 0, scalars[before] == "\r" || scalars[before] == " " || scalars[before] == "\t" { before -= 1 }
                if before >= 0, scalars[before] == "\n" { open.removeAll() }
            default:
                continue
            }
        }
        found += embeddedPosts().filter { post in !found.contains { $0.start == post.start && $0.end == post.end } }
        return found.sorted { ($0.start, $0.depth) < ($1.start, $1.depth) }
    }

    /// The span between two marks without the spaces next to them; nil when nothing is quoted.
    private func trimmed(_ start: Int, _ end: Int, depth: Int) -> Found? {
        var start = start, end = end
        while start < end, text.scalars[start].properties.isWhitespace { start += 1 }
        while end > start, text.scalars[end - 1].properties.isWhitespace { end -= 1 }
        guard (start..<end).contains(where: { ScannedText.isWordScalar(text.scalars[$0]) }) else { return nil }
        return Found(start: start, end: end, depth: depth, attribution: nil)
    }

    /// Lines "— Name (@handle) date" (the text an embedded tweet leaves behind) and the line above.
    private func embeddedPosts() -> [Found] {
        var posts: [Found] = []
        let lines = lineRanges()
        for (number, line) in lines.enumerated() where number > 0 {
            let content = text.text(line.start, line.end)
            guard content.hasPrefix("—") || content.hasPrefix("–") || content.hasPrefix("-"),
                  content.contains("(@"), content.contains(")") else { continue }
            let above = lines[number - 1]
            guard let quote = trimmed(above.start, above.end, depth: 0) else { continue }
            posts.append(Found(start: quote.start, end: quote.end, depth: 0, attribution: (line.start, line.end)))
        }
        return posts
    }

    private func lineRanges() -> [(start: Int, end: Int)] {
        var lines: [(start: Int, end: Int)] = []
        var start = 0
        for (position, scalar) in text.scalars.enumerated() where scalar == "\n" {
            lines.append((start, position))
            start = position + 1
        }
        lines.append((start, text.scalars.count))
        return lines
    }
}
