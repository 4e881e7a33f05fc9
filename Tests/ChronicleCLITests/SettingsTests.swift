import Foundation
import Testing
@testable import chronicle

@Suite struct SettingsTests {
    func configFile(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsWhenNothingIsGiven() throws {
        let settings = try Settings.resolve(configPath: try configFile("{}"), environment: [:], overrides: [])
        #expect(settings == Settings())
    }

    @Test func flagsBeatEnvironmentBeatFileBeatDefaults() throws {
        let file = try configFile(#"{"port": 1000, "threads": 3, "host": "::", "limits": {"header_bytes": 4096}}"#)
        let settings = try Settings.resolve(
            configPath: file, environment: ["CHRONICLE_PORT": "2000", "CHRONICLE_THREADS": "4"], overrides: [("port", "3000")])
        #expect(settings.port == 3000)
        #expect(settings.threads == 4)
        #expect(settings.host == "::")
        #expect(settings.headerBytes == 4096)
        #expect(settings.idleTimeoutMs == Settings().idleTimeoutMs)
    }

    @Test func theShippedConfigFileHoldsEverySettingAtItsDefault() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/chronicle.json").path
        #expect(try Settings.resolve(configPath: path, environment: [:], overrides: []) == Settings())
        // Every setting's full key path is in the file, and the file holds nothing else.
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        let fileKeys = Set(Self.keyPaths(object).filter { !$0.hasPrefix("$") })
        let specKeys = Set(SettingSpec.all.map(\.key))
        #expect(specKeys.subtracting(fileKeys).isEmpty, "Config/chronicle.json lacks \(specKeys.subtracting(fileKeys).sorted())")
        #expect(fileKeys.subtracting(specKeys).isEmpty, "Config/chronicle.json has unknown \(fileKeys.subtracting(specKeys).sorted())")
    }

    /// "a.b.c" for every leaf of a JSON object.
    static func keyPaths(_ object: [String: Any], prefix: String = "") -> [String] {
        object.flatMap { key, value -> [String] in
            if let nested = value as? [String: Any] { return keyPaths(nested, prefix: prefix + key + ".") }
            return [prefix + key]
        }
    }

    @Test(arguments: [
        (#"{"port": 70000}"#, "\"port\""), (#"{"log": {"format": "xml"}}"#, "text, json"), (#"{"prot": 1}"#, "unknown setting \"prot\""),
        (#"{"log": {"access": "maybe"}}"#, "true or false"), ("not json", "not valid JSON"), (#"{"threads": [1]}"#, "\"threads\""),
    ])
    func invalidSettingsNameTheKeyAndTheAllowedValues(_ json: String, _ expected: String) throws {
        let file = try configFile(json)
        do {
            _ = try Settings.resolve(configPath: file, environment: [:], overrides: [])
            Issue.record("accepted \(json)")
        } catch let error as SettingsError {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test func environmentValuesAreCheckedToo() throws {
        #expect(throws: SettingsError.self) {
            try Settings.resolve(configPath: try configFile("{}"), environment: ["CHRONICLE_TIMEOUTS_IDLE_MS": "soon"], overrides: [])
        }
    }
}
