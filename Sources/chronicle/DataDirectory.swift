import Foundation

/// Finds the shipped data directory when none is configured: ./Data, or the Data folder of the
/// checkout or image the executable lives in (found by walking up from the binary).
enum DataDirectory {
    static func resolve(_ configured: String) -> String {
        if !configured.isEmpty { return configured }
        let manager = FileManager.default
        func holdsData(_ path: String) -> Bool { manager.fileExists(atPath: path + "/documents.json") }
        if holdsData("Data") { return "Data" }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("Data").path
            if holdsData(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return "Data"
    }
}
