import ChronicleRecords
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file a snapshot is written to before it takes its name. Preferably an unnamed inode
/// (`O_TMPFILE`, linked in with `linkat` once complete): a process that stops while writing leaves
/// nothing, and no two writers can share a name. Where the file system lacks it, a `mkstemp` name
/// (`NAME.tmp.XXXXXX`) held under an exclusive `flock`: a writer removes the names whose lock it can
/// take (their writer is gone, whatever its pid namespace), and the name in progress is removed by
/// `discardInProgress` before the process exits.
struct TemporaryFile {
    /// -1 once closed: closing twice could close a descriptor number another thread owns by then.
    private(set) var descriptor: Int32
    /// The name of a `mkstemp` file; nil for an unnamed one.
    private(set) var name: String?

    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Glibc's Swift overlay does not export;
    /// `__O_TMPFILE` is the same on x86-64 and arm64, `O_DIRECTORY` is not, so it comes from Glibc.
    private static let openTemporary: Int32 = 0o20_000_000 | O_DIRECTORY

    /// The name being written by this process, removed by `discardInProgress`.
    private static let inProgress = NSLock()
    nonisolated(unsafe) private static var inProgressName: String?

    init(in directory: String, for path: String) throws(SnapshotError) {
        let unnamed = open(directory, Self.openTemporary | O_WRONLY | O_CLOEXEC, 0o600)
        if unnamed >= 0 {
            descriptor = unnamed
            name = nil
            return
        }
        guard errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL else {
            throw .unavailable("cannot create a file in \(directory): \(String(cString: strerror(errno)))")
        }
        Self.removeAbandoned(of: path)
        var template = Array("\(path).tmp.XXXXXX".utf8CString)
        let named = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard named >= 0 else { throw .unavailable("cannot create a file beside \(path): \(String(cString: strerror(errno)))") }
        _ = fcntl(named, F_SETFD, FD_CLOEXEC)
        flock(named, LOCK_EX)
        descriptor = named
        let made = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        name = made
        Self.inProgress.lock()
        Self.inProgressName = made
        Self.inProgress.unlock()
    }

    /// Gives the complete file its name (replacing a file that took the name meanwhile) and closes it.
    mutating func link(to path: String) throws(SnapshotError) {
        defer { close() }
        if let name {
            guard rename(name, path) == 0 else { throw .unavailable("cannot rename to \(path): \(String(cString: strerror(errno)))") }
            self.name = nil
            return
        }
        let source = "/proc/self/fd/\(descriptor)"
        if linkat(AT_FDCWD, source, AT_FDCWD, path, AT_SYMLINK_FOLLOW) != 0 {
            // Another writer linked its snapshot of the same data meanwhile: ours replaces it.
            guard errno == EEXIST, unlink(path) == 0, linkat(AT_FDCWD, source, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
                throw .unavailable("cannot link \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Closes and removes what was written (nothing to remove for an unnamed file).
    mutating func discard() {
        if let name { unlink(name) }
        name = nil
        close()
    }

    private mutating func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
        Self.inProgress.lock()
        Self.inProgressName = nil
        Self.inProgress.unlock()
    }

    /// Removes the named temporary file being written, if any: for a process about to `_exit` while
    /// a snapshot is written (an unnamed one goes with the process).
    static func discardInProgress() {
        inProgress.lock()
        if let name = inProgressName { unlink(name) }
        inProgressName = nil
        inProgress.unlock()
    }

    /// Named temporary files of `path` whose writers are gone: their `flock` is free.
    private static func removeAbandoned(of path: String) {
        let url = URL(fileURLWithPath: path)
        let prefix = url.lastPathComponent + ".tmp."
        let directory = url.deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let candidate = directory + "/" + name
            // A writer takes its lock just after `mkstemp` made the name: a young file may be one
            // whose lock is not taken yet. An abandoned one is old by the time it matters.
            var status = stat()
            guard lstat(candidate, &status) == 0, time(nil) - status.st_mtim.tv_sec > 60 else { continue }
            let descriptor = open(candidate, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { continue }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { unlink(candidate) }
            Glibc.close(descriptor)
        }
    }
}
