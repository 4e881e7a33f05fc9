import Foundation
import Testing

/// The layering of ARCHITECTURE.md, checked twice: on the manifest (the real boundary: what a
/// target may link) and on the sources, every file of every folder and subfolder (every form of
/// import: `@testable`, `public`, `@_exported`, `import struct X.Y`). Each module lists what it may
/// import; the platform's own modules are allowed everywhere. A module that is not in the table
/// fails the test: a new one must say where it stands.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What each Swift module may import besides the platform: the arrows of ARCHITECTURE.md.
    static let allowed: [String: Set<String>] = [
        "ChronicleSockets": ["CSystem", "COpenSSL"],
        "ChronicleHTTP": ["CZlib", "HTTPTypes"],
        "ChronicleSync": [],
        "ChronicleServer": ["ChronicleSockets", "ChronicleHTTP", "ChronicleSync", "CSystem", "HTTPTypes", "Logging"],
        "ChronicleRouter": ["ChronicleHTTP", "ChronicleSync", "Prometheus", "HTTPTypes"],
        // The domain: text analysis, then the records, then the store, extraction and the generator
        // beside each other; none of it knows HTTP, sockets or the server.
        "ChronicleText": ["ChronicleSync"],
        "ChronicleRecords": ["ChronicleText", "Crypto"],
        "ChronicleStore": ["CSystem", "ChronicleText", "ChronicleRecords", "Crypto"],
        "ChronicleExtraction": ["ChronicleText", "ChronicleRecords"],
        "ChronicleGenerator": ["ChronicleRecords"],
        "ChronicleAPI": [
            "ChronicleText", "ChronicleRecords", "ChronicleStore", "ChronicleRouter", "ChronicleHTTP", "ChronicleSync", "HTTPTypes",
        ],
        "chronicle": [
            "ChronicleAPI", "ChronicleServer", "ChronicleRouter", "ChronicleSockets", "ChronicleHTTP", "ChronicleRecords",
            "ChronicleStore", "ChronicleExtraction", "ChronicleGenerator", "ChronicleSync", "ArgumentParser", "Logging",
        ],
    ]

    /// The platform's modules, which any module may import.
    static let platform: Set<String> = ["Foundation", "FoundationEssentials", "Glibc", "Dispatch", "Synchronization"]

    /// The C shims: headers only, no Swift sources.
    static let shims: Set<String> = ["CSystem", "COpenSSL", "CZlib"]

    /// Module names a Swift file imports, whatever the attributes, access level or kind of import.
    static func imports(in text: String) -> Set<String> {
        let pattern =
            #"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:typealias|struc"#
                + #"t|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)"#
        let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    /// Every Swift file under the module's folder, subfolders included.
    func sourceFiles(of module: String) throws -> [URL] {
        let directory = Self.root.appendingPathComponent("Sources").appendingPathComponent(module)
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var files: [URL] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") { files.append(directory.appendingPathComponent(path)) }
        }
        return files
    }

    func sourceImports(of module: String) throws -> Set<String> {
        var found = Set<String>()
        for file in try sourceFiles(of: module) {
            found.formUnion(Self.imports(in: try String(contentsOf: file, encoding: .utf8)))
        }
        return found
    }

    /// The names in a target's `dependencies: [...]` in Package.swift (targets and products alike).
    func manifestDependencies(of module: String) throws -> Set<String> {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        guard let start = manifest.range(of: "name: \"\(module)\"") else { return [] }
        // The target's text runs to the next target declaration.
        let rest = manifest[start.upperBound...]
        let end = rest.range(of: ".target(")?.lowerBound ?? rest.range(of: ".testTarget(")?.lowerBound ?? rest.endIndex
        let declaration = String(rest[..<end])
        guard let open = declaration.range(of: "dependencies: [") else { return [] }
        var depth = 1
        var index = open.upperBound
        while index < declaration.endIndex, depth > 0 {
            if declaration[index] == "[" { depth += 1 }
            if declaration[index] == "]" { depth -= 1 }
            index = declaration.index(after: index)
        }
        let list = declaration[open.upperBound..<index]
        let regex = try NSRegularExpression(pattern: #""([A-Za-z_][A-Za-z0-9_-]*)""#)
        // A product's package name is not a module: `.product(name: "Logging", package: "swift-log")`.
        let text = String(list).replacingOccurrences(of: #"package:\s*"[^"]*""#, with: "", options: .regularExpression)
        return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    @Test func importsAreFoundInEveryForm() {
        let text =
            "import A\n@testable import B\npublic import C\n@_exported import D\nimport struct E.F\n  package import G\n// import H\n"
        #expect(Self.imports(in: text) == ["A", "B", "C", "D", "E", "G"])
    }

    /// Every folder of Sources is a module of the table or a C shim.
    @Test func everyModuleIsInTheTable() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources").path)
        let unknown = Set(folders).subtracting(Self.allowed.keys).subtracting(Self.shims)
        #expect(unknown.isEmpty, "modules without a place in ArchitectureTests.allowed: \(unknown.sorted())")
    }

    /// Files in subfolders are read too (`Snapshot/`, `Binary/` and the like).
    @Test func subfoldersAreRead() throws {
        let files = try sourceFiles(of: "ChronicleStore").map(\.path)
        #expect(files.contains { $0.contains("/Snapshot/") })
        #expect(try sourceFiles(of: "ChronicleRecords").contains { $0.path.contains("/Binary/") })
    }

    /// Lines of at most 140 characters (code points), in every module and every test.
    @Test func everyLineFitsIn140Characters() throws {
        var long: [String] = []
        for folder in ["Sources", "Tests"] {
            let directory = Self.root.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(atPath: directory.path)
            while let path = enumerator?.nextObject() as? String {
                guard path.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.unicodeScalars.count > 140 {
                    long.append("\(folder)/\(path):\(number + 1)")
                }
            }
        }
        #expect(long.isEmpty, "lines over 140 characters: \(long)")
    }

    /// Every lock is `ChronicleSync.Locked`: the platform's `Mutex` hands a contended lock over in the
    /// kernel, where ThreadSanitizer cannot see it, and CI's ThreadSanitizer run then reports races
    /// that are not there (ARCHITECTURE.md, "Locks").
    @Test func everyLockIsOneThreadSanitizerSees() throws {
        let regex = try NSRegularExpression(pattern: #"\bMutex\s*[<(]"#)
        var found: [String] = []
        for module in Self.allowed.keys.sorted() {
            for file in try sourceFiles(of: module) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    if regex.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil {
                        found.append("\(module)/\(file.lastPathComponent):\(number + 1)")
                    }
                }
            }
        }
        #expect(found.isEmpty, "Synchronization.Mutex in \(found)")
    }

    @Test(arguments: allowed.keys.sorted())
    func moduleImportsOnlyWhatItMay(_ module: String) throws {
        let may = Self.allowed[module]!
        let found = try sourceImports(of: module)
        #expect(!found.isEmpty || module == "ChronicleText")
        let stray = found.subtracting(may).subtracting(Self.platform)
        #expect(stray.isEmpty, "\(module) imports \(stray.sorted())")
        let linked = try manifestDependencies(of: module)
        #expect(linked.subtracting(may).isEmpty, "Package.swift lets \(module) depend on \(linked.subtracting(may).sorted())")
    }
}
