import ArgumentParser
import ChronicleStore
import Foundation
import Logging

/// `chronicle index [--data DIR] [--out FILE]`: checks a data directory and compiles it into the
/// index file `serve` maps (by default where `serve`, with the same settings, looks for it), so a
/// data image ships it and every pod starts from it. `chronicle index --verify FILE` checks every
/// checksum of a file and decodes every record it stores.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Compile a data directory into the index file serve maps, or verify one.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Where to write the index file (default: where serve, with these settings, looks for it).")
    var out: String?

    @Option(help: "Verify this index file instead of writing one: every checksum, and every record decoded.")
    var verify: String?

    func run() throws {
        if let verify { return try Self.verify(verify) }
        let settings = try options.settings()
        let data = DataDirectory.resolve(settings.data)
        var logger = Logger(label: "chronicle.index")
        logger.logLevel = .critical
        let path: String
        if let out {
            path = out
        } else {
            guard let configured = DatasetLoader(
                path: data, settings: settings, environment: ProcessInfoEnvironment.current, logger: logger).snapshotPath else {
                printError("index: no index directory: set snapshot.directory (or HOME), or give --out")
                throw ExitCode(1)
            }
            path = configured
        }
        let started = ContinuousClock.now
        let store: Store
        do {
            store = try Store.load(directory: data)
        } catch {
            printError("\(data): \(error)")
            throw ExitCode(1)
        }
        let loaded = ContinuousClock.now
        do {
            let bytes = try StoreSnapshot.write(store, to: path)
            let seconds = { (from: ContinuousClock.Instant, to: ContinuousClock.Instant) in
                String(format: "%.1f s", Double((to - from) / .milliseconds(1)) / 1000)
            }
            print(
                "\(path): \(bytes) bytes: \(store.countsDescription) (load \(seconds(started, loaded)), write \(seconds(loaded, .now)))")
        } catch {
            printError("\(path): cannot write the index file: \(error)")
            throw ExitCode(1)
        }
    }

    static func verify(_ path: String) throws {
        let started = ContinuousClock.now
        do {
            let store = try StoreSnapshot.verify(path: path)
            print(
                "\(path): verified: every checksum holds and all \(store.events.count) events and \(store.quotes.count) quotes "
                    + "decode; data \(store.fingerprint.prefix(12)), in \(ContinuousClock.now - started)")
        } catch {
            printError("\(path): \(error)")
            throw ExitCode(1)
        }
    }
}
