import ArgumentParser

/// `chronicle config`: the effective configuration after file, environment and flags.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the effective configuration (file < environment < flags) and each setting's variable.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let settings = try options.settings()
        let specs = Dictionary(SettingSpec.all.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, value) in settings.listing {
            let shown = key == "data" && value.isEmpty ? "\(DataDirectory.resolve(value)) (default)" : value
            print("\(key) = \(shown)    # \(specs[key]!.environmentName): \(specs[key]!.help)")
        }
    }
}
