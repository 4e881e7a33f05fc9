import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `chronicle reload`: asks the running server to reload its data (SIGHUP), found through the
/// runtime file, so an image without `kill` (or a `kubectl exec`) can trigger a reload.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Send SIGHUP to the running server (found through the runtime file) so it reloads its data.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let settings = try options.settings()
        guard !settings.runtimeFile.isEmpty else {
            printError(
                "reload: no runtime file is configured (set runtime_file or CHRONICLE_RUNTIME_FILE); or send SIGHUP to the server yourself")
            throw ExitCode(1)
        }
        guard let file = RuntimeFile.read(settings.runtimeFile) else {
            printError("reload: no running server recorded in \(settings.runtimeFile)")
            throw ExitCode(1)
        }
        guard kill(file.pid, SIGHUP) == 0 else {
            printError("reload: cannot signal pid \(file.pid): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        print("reload: sent SIGHUP to chronicle serve (pid \(file.pid)); the server logs the outcome")
    }
}
