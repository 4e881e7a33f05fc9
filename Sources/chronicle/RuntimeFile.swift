// What a running `chronicle serve` tells the commands that talk to it: its pid and the ports it
// actually bound. `serve` writes it (atomically) once it listens and removes it when it stops;
// `healthcheck` reads the port from it, so `serve --port 9000` (or port 0) keeps the container's
// HEALTHCHECK right, and `reload` reads the pid to send SIGHUP without `kill` in the image.
// Its path is the setting `runtime_file` (CHRONICLE_RUNTIME_FILE); empty means none.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct RuntimeFile: Codable, Equatable {
    let pid: Int32
    /// The address the server listens on, as configured ("0.0.0.0", "::", "127.0.0.1").
    let host: String
    let httpPort: Int
    let httpsPort: Int?

    enum CodingKeys: String, CodingKey {
        case pid, host
        case httpPort = "http_port"
        case httpsPort = "https_port"
    }

    /// Where a local client connects: the wildcard addresses are reached over loopback.
    var connectHost: String {
        switch host {
        case "0.0.0.0", "": "127.0.0.1"
        case "::": "::1"
        default: host
        }
    }

    /// Writes to a temporary file beside `path` and renames it over `path`: a reader never sees half.
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let temporary = path + ".\(pid).tmp"
        try (encoder.encode(self) + Data("\n".utf8)).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "rename to \(path): \(reason)"])
        }
    }

    /// The file at `path` when it names a process that is alive; nil when there is no file, it is
    /// not ours, or its server has gone (a stale file after a crash).
    static func read(_ path: String) -> RuntimeFile? {
        guard !path.isEmpty, let data = FileManager.default.contents(atPath: path),
              let file = try? JSONDecoder().decode(RuntimeFile.self, from: data)
        else { return nil }
        // kill(pid, 0) checks existence; EPERM means it exists under another user.
        guard file.pid > 0, kill(file.pid, 0) == 0 || errno == EPERM else { return nil }
        // After a crash the pid may belong to another program by now: `reload` must not signal
        // it (SIGHUP ends most programs). Where /proc says what runs there, it must be chronicle.
        if let comm = FileManager.default.contents(atPath: "/proc/\(file.pid)/comm"),
           String(decoding: comm, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) != "chronicle" {
            return nil
        }
        return file
    }

    /// Removes the file if it is still this process's (a newer server may have replaced it).
    static func remove(_ path: String, pid: Int32) {
        guard let data = FileManager.default.contents(atPath: path),
              let file = try? JSONDecoder().decode(RuntimeFile.self, from: data), file.pid == pid
        else { return }
        unlink(path)
    }
}
