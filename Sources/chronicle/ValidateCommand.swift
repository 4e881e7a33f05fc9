import ArgumentParser
import ChronicleStore

/// `chronicle validate [DIR]`: the loader's checks, without serving; non-zero exit on any problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a data directory: spans, quotes, references, ids and dates.")

    @Argument(help: "Data directory (default: the shipped Data/).") var directory: String?

    func run() throws {
        let path = DataDirectory.resolve(directory ?? "")
        do {
            let store = try Store.load(directory: path)
            print("\(path): valid: \(store.countsDescription)")
        } catch {
            printError("\(path): \(error)")
            throw ExitCode(1)
        }
    }
}

func printError(_ message: String) {
    var standardError = StandardError()
    print(message, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
