import Foundation
import Testing

/// The layering of STYLE.md, checked on the sources: the domain imports nothing of HTTP, and the
/// socket layer, the codec and the router import nothing above them.
@Suite struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    func imports(of module: String) throws -> Set<String> {
        let directory = Self.sources.appendingPathComponent(module)
        var found = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                found.insert(String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            }
        }
        return found
    }

    @Test(arguments: [
        ("ChronicleDomain", ["ChronicleHTTP", "ChronicleRouter", "ChronicleServer", "ChronicleSockets", "ChronicleAPI", "HTTPTypes"]),
        ("ChronicleSockets", ["ChronicleHTTP", "ChronicleRouter", "ChronicleServer", "ChronicleDomain", "HTTPTypes"]),
        ("ChronicleHTTP", ["ChronicleSockets", "ChronicleRouter", "ChronicleServer", "ChronicleDomain"]),
        ("ChronicleRouter", ["ChronicleSockets", "ChronicleServer", "ChronicleDomain", "ChronicleAPI"]),
        ("ChronicleServer", ["ChronicleRouter", "ChronicleDomain", "ChronicleAPI"]),
    ])
    func moduleDoesNotImportForbiddenLayers(_ module: String, _ forbidden: [String]) throws {
        let found = try imports(of: module)
        #expect(!found.isEmpty)
        #expect(found.isDisjoint(with: forbidden), "\(module) imports \(found.intersection(forbidden))")
    }
}
