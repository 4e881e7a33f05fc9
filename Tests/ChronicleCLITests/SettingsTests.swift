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
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for spec in SettingSpec.all {
            #expect(text.contains("\"\(spec.key.split(separator: ".").last!)\""), "Config/chronicle.json lacks \(spec.key)")
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

    @Test func environmentNamesFollowTheKeys() {
        let names = SettingSpec.all.map(\.environmentName)
        #expect(names.contains("CHRONICLE_PORT"))
        #expect(names.contains("CHRONICLE_LIMITS_HEADER_BYTES"))
        #expect(names.contains("CHRONICLE_LOG_FORMAT"))
    }
}
