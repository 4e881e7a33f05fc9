import ArgumentParser

@main
struct Chronicle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "An HTTP/1.1 JSON API over events, actors and quotes taken from source documents.",
        subcommands: [
            ServeCommand.self, ValidateCommand.self, ConfigCommand.self, HealthcheckCommand.self, ReloadCommand.self, ExtractCommand.self,
            AddCommand.self, GenerateCommand.self, IndexCommand.self, BenchQueriesCommand.self,
        ],
        defaultSubcommand: ServeCommand.self)
}

/// Options shared by the commands that read the configuration.
struct ConfigOptions: ParsableArguments {
    @Option(help: "Config file (JSON); default Config/chronicle.json when present, or $CHRONICLE_CONFIG.")
    var config: String?

    @Option(help: "Address to listen on.") var host: String?
    @Option(help: "TCP port; 0 picks a free port.") var port: Int?
    @Option(help: "Event loops; 0 means one per core.") var threads: Int?
    @Option(help: "Data directory (default: the shipped Data/).") var data: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel: String?
    @Option(name: .customLong("log-format"), help: "text or json.") var logFormat: String?
    @Option(name: .customLong("tls-port"), help: "HTTPS port (0 picks a free one).") var tlsPort: Int?
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain; with --tls-key, serves HTTPS.") var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key.") var tlsKey: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("Any setting as key=value (see `chronicle config`).", valueName: "key=value"))
    var assignments: [String] = []

    func settings() throws -> Settings {
        var overrides: [(key: String, value: String)] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ValidationError("--set expects key=value, got \"\(assignment)\"")
            }
            overrides.append((String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...])))
        }
        let flags: [(String, String?)] = [
            ("host", host), ("port", port.map(String.init)), ("threads", threads.map(String.init)), ("data", data),
            ("log.level", logLevel), ("log.format", logFormat),
            ("tls.port", tlsPort.map(String.init)), ("tls.cert", tlsCert), ("tls.key", tlsKey),
        ]
        overrides += flags.compactMap { key, value in value.map { (key, $0) } }
        do {
            return try Settings.resolve(configPath: config, environment: ProcessInfoEnvironment.current, overrides: overrides)
        } catch let error as SettingsError {
            throw ValidationError(error.message)
        }
    }
}
