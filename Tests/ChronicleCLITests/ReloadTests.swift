import ChronicleGenerator
import Foundation
import Testing

/// SIGHUP and SIGTERM sent to the real binary: the data reloads under a keep-alive connection, a
/// broken dataset is refused with a bounded log line, and a shutdown does not wait for a reload.
@Suite(.serialized) struct ReloadTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path

    func copyOfData() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.data, toPath: copy)
        return copy
    }

    func editJSON(_ directory: String, _ file: String, _ change: (inout [[String: Any]]) -> Void) throws {
        let url = URL(fileURLWithPath: directory + "/" + file)
        var records = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        change(&records)
        try JSONSerialization.data(withJSONObject: records).write(to: url)
    }

    /// Sets the English translation of quote `id` in the data directory's quotes.json.
    func setTranslation(_ directory: String, _ id: String, _ text: String) throws {
        try editJSON(directory, "quotes.json") { records in
            let index = records.firstIndex { $0["id"] as? String == id }!
            var translation = records[index]["translation"] as! [String: Any]
            translation["en"] = text
            records[index]["translation"] = translation
        }
    }

    /// One GET on an open connection; returns the English translation of a quote.
    func translation(_ connection: FileHandleConnection, _ id: String) throws -> String? {
        let body = try connection.get("/quotes/\(id)")
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return ((object?["data"] as? [String: Any])?["translation"] as? [String: Any])?["en"] as? String
    }

    @Test func sighupReloadsTheDataAndRefusesABrokenDataset() throws {
        let directory = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(["--data", directory])
        let connection = try FileHandleConnection(port: server.port)
        let quote = "attaf-military-solution"
        let before = try translation(connection, quote)
        #expect(before?.isEmpty == false)

        try setTranslation(directory, quote, "Changed by the reload test.")
        var mark = server.output.count
        server.signal(SIGHUP)
        try server.waitFor("dataset reloaded", after: mark)
        #expect(try translation(connection, quote) == "Changed by the reload test.")  // the same connection sees the new data

        // Every reference to an actor breaks: many problems, one bounded line.
        try editJSON(directory, "actors.json") { $0.removeAll() }
        mark = server.output.count
        server.signal(SIGHUP)
        let refused = try server.waitFor("reload refused", after: mark)
        #expect(refused.contains("more (run `chronicle validate` for all)"), "\(refused)")
        #expect(refused.utf8.count < 4096)
        #expect(try translation(connection, quote) == "Changed by the reload test.")  // still the previous dataset

        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
        try server.waitFor("stopped")
    }

    @Test func aReloadOfUnchangedDataKeepsTheStoreAndStartsAGeneration() throws {
        let directory = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(["--data", directory])
        let connection = try FileHandleConnection(port: server.port)
        let mark = server.output.count
        server.signal(SIGHUP)
        let line = try server.waitFor("dataset reloaded", after: mark)
        #expect(line.contains("unchanged=true"), "\(line)")
        // Every record type's count, as the load's line has them.
        for count in ["documents=1", "actors=", "events=12", "quotes=8"] { #expect(line.contains(count), "\(line)") }
        #expect(try connection.get("/ready").contains("\"generation\":2"))
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
    }

    @Test func sigtermDuringTheInitialLoadExitsAtOnce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-gen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DatasetGenerator(events: 10_000, seed: 4).write(to: directory)
        let server = try ServerProcess(["--data", directory], waitUntilListening: false)
        try server.waitFor("loading dataset")
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
        try server.waitFor("stop signal during start-up")
        // It did not wait for the load to finish and then listen.
        #expect(
            !server.output.contains { $0.contains("listening on") || $0.contains("dataset loaded") },
            "\(server.output.joined(separator: "\n"))")
    }

    @Test func sigtermDuringAReloadDrainsWithoutWaitingForIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-gen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DatasetGenerator(events: 10_000, seed: 3).write(to: directory)
        let server = try ServerProcess(["--data", directory, "--set", "timeouts.shutdown_delay_ms=0"])
        // Changed bytes (the same records): a full reload, not the unchanged-data shortcut.
        let events = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/events.json"))
        try events.seekToEnd()
        try events.write(contentsOf: Data("\n".utf8))
        try events.close()
        let mark = server.output.count
        server.signal(SIGHUP)
        try server.waitFor("reloading dataset", after: mark)
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
        try server.waitFor("stopped", after: mark)
        // The reload (seconds at this size) was abandoned, not waited for.
        let after = server.output.dropFirst(mark)
        #expect(after.contains { $0.contains("shutdown abandons the reload in progress") })
        #expect(!after.contains { $0.contains("dataset reloaded") }, "\(after.joined(separator: "\n"))")
    }
}

/// A minimal blocking HTTP/1.1 client for one keep-alive connection.
final class FileHandleConnection {
    let fd: Int32
    init(port: UInt16, timeout: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { throw CocoaError(.fileReadUnknown) }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }
    deinit { close(fd) }

    func get(_ path: String) throws -> String {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw CocoaError(.fileReadUnknown) }
            data += chunk[0..<n]
            let text = String(decoding: data, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n"),
                let lengthLine = text[..<end.lowerBound].split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-length:")
                }),
               let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
               data.count >= text[..<end.upperBound].utf8.count + length {
                return String(decoding: data[text[..<end.upperBound].utf8.count...], as: UTF8.self)
            }
        }
    }
}
