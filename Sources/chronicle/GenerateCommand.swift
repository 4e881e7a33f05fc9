import ArgumentParser
import ChronicleGenerator

/// `chronicle generate --events N --out DIR [--seed S]`: a synthetic dataset the loader accepts.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write a deterministic synthetic dataset (for scale tests and benchmarks).")

    @Option(help: "Number of events.") var events: Int = 100_000
    @Option(help: "Output directory.") var out: String
    @Option(help: "Random seed; the same seed gives the same files.") var seed: UInt64 = 1

    func validate() throws {
        guard (1...10_000_000).contains(events) else { throw ValidationError("--events must be from 1 to 10000000") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try DatasetGenerator(events: events, seed: seed).write(to: out) }
        print("wrote \(events) events to \(out) in \(elapsed)")
    }
}
