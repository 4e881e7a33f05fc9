import ChronicleRecords
import ChronicleStore
import Foundation

/// The shipped data directory, found from this file's path (Tests/ChronicleDomainTests/ → Data/).
let shippedDataDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Data").path

/// A copy of the shipped data in a temporary directory, edited by `change` (file name → JSON array).
func corruptedCopy(_ file: String, _ change: (inout [[String: Any]]) -> Void) throws -> String {
    let manager = FileManager.default
    let directory = manager.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)")
    try manager.copyItem(atPath: shippedDataDirectory, toPath: directory.path)
    let url = directory.appendingPathComponent(file)
    var records = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
    change(&records)
    try JSONSerialization.data(withJSONObject: records).write(to: url)
    return directory.path
}

func problems(loading directory: String) -> [DatasetProblem] {
    do {
        _ = try Store.load(directory: directory)
        return []
    } catch {
        return error.problems
    }
}
