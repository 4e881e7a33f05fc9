import ChronicleRecords
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where snapshots may be read from and written to. A snapshot is served without the loader's checks,
/// so its file and the directory that holds it must be owned by this user and writable by no one
/// else. A configured directory that others may write (a Kubernetes `emptyDir` is 0777, `/tmp` is
/// 1777) is used through a private subdirectory, `chronicle-UID`, made with mode 0700 and checked
/// like the rest, the way tmux keeps its sockets under `/tmp/tmux-UID`.
public enum SnapshotDirectory {
    /// The directory to keep snapshots in: `configured` when it is trusted (made 0700 when missing),
    /// otherwise its private subdirectory. Throws when neither can be made trusted.
    public static func resolve(_ configured: String) throws(SnapshotError) -> String {
        if !FileManager.default.fileExists(atPath: configured) {
            try make(configured, intermediate: true)
        }
        if (try? checkTrusted(configured)) != nil { return configured }
        let own = URL(fileURLWithPath: configured).appendingPathComponent("chronicle-\(geteuid())").path
        if !FileManager.default.fileExists(atPath: own) { try make(own, intermediate: false) }
        try checkTrusted(own)
        return own
    }

    /// Makes `directory` (mode 0700) when it is missing, then checks it as `checkTrusted` does.
    static func prepare(_ directory: String) throws(SnapshotError) {
        if !FileManager.default.fileExists(atPath: directory) { try make(directory, intermediate: true) }
        try checkTrusted(directory)
    }

    /// Throws unless `directory` is a directory (not a link) that this user owns and no one else may write.
    public static func checkTrusted(_ directory: String) throws(SnapshotError) {
        var status = stat()
        guard lstat(directory, &status) == 0 else {
            throw .unavailable("cannot stat \(directory): \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { throw .untrusted("\(directory) is not a directory") }
        try checkOwnership(status, of: directory)
    }

    /// Throws unless the file or directory described by `status` is this user's and no one else may write it.
    static func checkOwnership(_ status: stat, of path: String) throws(SnapshotError) {
        guard status.st_uid == geteuid() else {
            throw .untrusted("\(path) belongs to user \(status.st_uid), not to this server's user \(geteuid())")
        }
        guard status.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
            throw .untrusted("\(path) may be written by group or others (mode \(String(status.st_mode & 0o7777, radix: 8)))")
        }
    }

    private static func make(_ directory: String, intermediate: Bool) throws(SnapshotError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: intermediate, attributes: [.posixPermissions: 0o700])
        } catch {
            // Another server may have made it meanwhile; the check that follows decides.
            if !FileManager.default.fileExists(atPath: directory) {
                throw .unavailable("cannot create \(directory): \(error.localizedDescription)")
            }
        }
    }
}
