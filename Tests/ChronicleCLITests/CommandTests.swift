import ArgumentParser
import Foundation
import Testing
@testable import chronicle

@Suite struct CommandTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path

    @Test func validatePassesOnTheShippedData() throws {
        let command = try ValidateCommand.parse([Self.data])
        try command.run()
    }

    @Test func validateFailsOnACorruptedCopy() throws {
        let manager = FileManager.default
        let copy = manager.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)").path
        try manager.copyItem(atPath: Self.data, toPath: copy)
        let quotes = copy + "/quotes.json"
        let text = try String(contentsOfFile: quotes, encoding: .utf8).replacingOccurrences(of: "ملاذ ومساعدات", with: "ملاذ ومساعدة")
        try text.write(toFile: quotes, atomically: true, encoding: .utf8)
        let command = try ValidateCommand.parse([copy])
        #expect(throws: ExitCode(1)) { try command.run() }
    }

    @Test func healthcheckFailsWhenNothingListens() throws {
        let command = try HealthcheckCommand.parse(["--port", "1", "--timeout", "0.5"])
        #expect(throws: ExitCode(1)) { try command.run() }
    }
}
