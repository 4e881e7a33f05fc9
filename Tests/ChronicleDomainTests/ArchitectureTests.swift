import Foundation
import Testing

/// The layering of ARCHITECTURE.md, checked twice: on the manifest (the real boundary: what a
/// target may link) and on the sources (every form of import: `@testable`, `public`, `@_exported`,
/// `import struct X.Y`). The domain knows nothing of HTTP; the socket layer, the codec and the
/// router know nothing above them.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let forbidden: [(String, [String])] = [
        ("ChronicleDomain", ["ChronicleHTTP", "ChronicleRouter", "ChronicleServer", "ChronicleSockets", "ChronicleAPI", "HTTPTypes"]),
        ("ChronicleSockets", ["ChronicleHTTP", "ChronicleRouter", "ChronicleServer", "ChronicleDomain", "ChronicleAPI", "HTTPTypes"]),
        ("ChronicleHTTP", ["ChronicleSockets", "ChronicleRouter", "ChronicleServer", "ChronicleDomain", "ChronicleAPI"]),
        ("ChronicleRouter", ["ChronicleSockets", "ChronicleServer", "ChronicleDomain", "ChronicleAPI"]),
        ("ChronicleServer", ["ChronicleRouter", "ChronicleDomain", "ChronicleAPI"]),
        ("ChronicleAPI", ["ChronicleServer", "ChronicleSockets"]),
    ]

    /// Module names a Swift file imports, whatever the attributes, access level or kind of import.
    static func imports(in text: String) -> Set<String> {
        let pattern = #"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)"#
        let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    func sourceImports(of module: String) throws -> Set<String> {
        let directory = Self.root.appendingPathComponent("Sources").appendingPathComponent(module)
        var found = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".swift") {
            found.formUnion(Self.imports(in: try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)))
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
        let text = String(list)
        return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    @Test func importsAreFoundInEveryForm() {
        let text = "import A\n@testable import B\npublic import C\n@_exported import D\nimport struct E.F\n  package import G\n// import H\n"
        #expect(Self.imports(in: text) == ["A", "B", "C", "D", "E", "G"])
    }

    @Test(arguments: forbidden)
    func moduleDoesNotImportForbiddenLayers(_ module: String, _ forbidden: [String]) throws {
        let found = try sourceImports(of: module)
        #expect(!found.isEmpty)
        #expect(found.isDisjoint(with: forbidden), "\(module) imports \(found.intersection(forbidden))")
        let linked = try manifestDependencies(of: module)
        #expect(linked.isDisjoint(with: forbidden), "Package.swift lets \(module) depend on \(linked.intersection(forbidden))")
    }
}
