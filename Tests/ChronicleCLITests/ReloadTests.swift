import ChronicleAPI
import ChronicleDomain
import ChronicleHTTP
import ChronicleServer
import Foundation
import Logging
import Testing
@testable import chronicle

/// SIGHUP's reload over a live server: requests before and after, one keep-alive connection across.
@Suite(.serialized) struct ReloadTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path

    func copyOfData() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.data, toPath: copy)
        return copy
    }

    func editQuotes(_ directory: String, _ change: (inout [[String: Any]]) -> Void) throws {
        let url = URL(fileURLWithPath: directory + "/quotes.json")
        var records = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        change(&records)
        try JSONSerialization.data(withJSONObject: records).write(to: url)
    }

    /// One GET on an open connection; returns the "total" of a list.
    func total(_ connection: FileHandleConnection, _ path: String) throws -> Int {
        let body = try connection.get(path)
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return (object?["meta"] as? [String: Any])?["total"] as? Int ?? -1
    }

    @Test func reloadSwapsDataAndRefusesABrokenDataset() throws {
        let directory = try copyOfData()
        let holder = DatasetHolder(try Store.load(directory: directory))
        let router = try ChronicleAPI(data: holder).makeRouter()
        var config = ServerConfiguration()
        config.port = 0
        config.threads = 1
        config.accessLog = false
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = try HTTPServer(configuration: config, responder: router, logger: logger)
        server.start()
        defer { server.shutdown(); server.wait() }

        let connection = try FileHandleConnection(port: server.port)
        #expect(try total(connection, "/quotes") == 8)
        let tagBefore = router.respond(to: try .make(.get, "/quotes")).headerFields[.eTag]

        try editQuotes(directory) { $0.removeLast() }
        ServeCommand.reload(holder, path: directory, logger: logger)
        #expect(holder.generation == 2)
        #expect(try total(connection, "/quotes") == 7)  // same connection, new data
        let tagAfter = router.respond(to: try .make(.get, "/quotes")).headerFields[.eTag]
        #expect(tagBefore != nil && tagAfter != nil && tagBefore != tagAfter)  // new data, new validator

        try editQuotes(directory) { records in records[0]["text"] = "not what the document says" }
        ServeCommand.reload(holder, path: directory, logger: logger)
        #expect(holder.generation == 2)
        #expect(try total(connection, "/quotes") == 7)  // the broken dataset was refused
    }
}

/// A minimal blocking HTTP/1.1 client for one keep-alive connection.
final class FileHandleConnection {
    let fd: Int32
    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard rc == 0 else { throw CocoaError(.fileReadUnknown) }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
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
               let lengthLine = text[..<end.lowerBound].split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
               let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
               data.count >= text[..<end.upperBound].utf8.count + length {
                return String(decoding: data[text[..<end.upperBound].utf8.count...], as: UTF8.self)
            }
        }
    }
}
