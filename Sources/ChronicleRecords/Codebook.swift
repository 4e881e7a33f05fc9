// The CAMEO→PLOVER correspondence, shipped as data (Resources/cameo-plover.tsv, copied from the
// PLOVER project's CAMEO2PLOVER-2021.txt, Draft 0.8) and embedded at build time. The validator
// refuses an event whose PLOVER type, mode or context does not follow from its CAMEO code.

public enum Codebook {
    /// The PLOVER coding a CAMEO code maps to.
    public struct Mapping: Sendable, Equatable {
        public let event: String
        public let mode: String?
        public let context: [String]
        public let description: String
    }

    /// The version of the table, as datasets name it in dataset.json.
    public static let ploverVersion = "PLOVER Draft 0.8 (CAMEO2PLOVER-2021.txt, 2021-09-17)"

    /// CAMEO cue categories PLOVER drops: their codes carry no PLOVER event.
    public static let rootsWithoutPlover: Set<String> = ["01", "02"]

    /// Every CAMEO code of the table with its mapping.
    public static let cameoToPlover: [String: Mapping] = {
        var table: [String: Mapping] = [:]
        let text = String(decoding: PackageResources.cameo_plover_tsv, as: UTF8.self)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
            guard fields.count == 5 else { continue }
            let context = fields[3].split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
            table[fields[0]] = Mapping(
                event: fields[1], mode: fields[2].isEmpty ? nil : fields[2], context: context, description: fields[4])
        }
        return table
    }()

    /// What the table says an event of `cameo` code must carry: nil for a code PLOVER drops, a
    /// mapping for a code in the table; throws a message for a code it does not know.
    public static func expectedPlover(forCameo code: String) -> Result<Mapping?, CodebookError> {
        if rootsWithoutPlover.contains(String(code.prefix(2))) { return .success(nil) }
        guard let mapping = cameoToPlover[code] else { return .failure(CodebookError(code: code)) }
        return .success(mapping)
    }
}

public struct CodebookError: Error, Sendable {
    public let code: String
}

extension String {
    package var trimmed: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
