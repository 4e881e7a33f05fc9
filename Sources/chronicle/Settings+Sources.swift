// Reading settings from their sources, in order of precedence (lowest first):
// defaults < config file < environment < flags. A bad value fails start-up with the key, the
// source and the allowed values.
import Foundation

extension Settings {
    /// The config file used when none is named: Config/chronicle.json under the working directory, if present.
    static let defaultConfigPath = "Config/chronicle.json"

    static func resolve(configPath: String?, environment: [String: String], overrides: [(key: String, value: String)]) throws -> Settings {
        var settings = Settings()
        let path = configPath ?? environment["CHRONICLE_CONFIG"]
            ?? (FileManager.default.fileExists(atPath: defaultConfigPath) ? defaultConfigPath : nil)
        if let path { try settings.apply(file: path) }
        for spec in SettingSpec.all {
            if let value = environment[spec.environmentName] {
                try settings.set(spec, text: value, source: "environment variable \(spec.environmentName)")
            }
        }
        for (key, value) in overrides {
            guard let spec = SettingSpec.all.first(where: { $0.key == key }) else {
                throw SettingsError(message: "unknown setting \"\(key)\"")
            }
            try settings.set(spec, text: value, source: "command line")
        }
        if settings.tlsCertificate.isEmpty != settings.tlsKey.isEmpty {
            throw SettingsError(message: "\"tls.cert\" and \"tls.key\" go together: set both to serve HTTPS, or neither")
        }
        return settings
    }

    mutating func apply(file path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError(message: "cannot read config file \(path)")
        }
        let root: ConfigValue
        do {
            root = try JSONDecoder().decode(ConfigValue.self, from: data)
        } catch {
            throw SettingsError(message: "config file \(path) is not valid JSON: \(error)")
        }
        guard case .object(let object) = root else { throw SettingsError(message: "config file \(path) must hold a JSON object") }
        var flat: [(String, ConfigValue)] = []
        func flatten(_ object: [String: ConfigValue], prefix: String) {
            for (key, value) in object.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("$") {
                if case .object(let nested) = value {
                    flatten(nested, prefix: prefix + key + ".")
                } else {
                    flat.append((prefix + key, value))
                }
            }
        }
        flatten(object, prefix: "")
        for (key, value) in flat {
            guard let spec = SettingSpec.all.first(where: { $0.key == key }) else {
                throw SettingsError(
                    message:
                        "config file \(path): unknown setting \"\(key)\"; known "
                            + "settings: \(SettingSpec.all.map(\.key).joined(separator: ", "))"
                )
            }
            guard let text = value.scalarText else {
                throw SettingsError(message: "config file \(path): \"\(key)\" must be a string, number or boolean")
            }
            try set(spec, text: text, source: "config file \(path)")
        }
    }

    mutating func set(_ spec: SettingSpec, text: String, source: String) throws {
        func fail(_ allowed: String) -> SettingsError {
            SettingsError(message: "\(source): invalid value \"\(text)\" for \"\(spec.key)\"; allowed: \(allowed)")
        }
        switch spec.kind {
        case .text(let path):
            self[keyPath: path] = text
        case .choice(let path, let choices):
            guard choices.contains(text) else { throw fail(choices.joined(separator: ", ")) }
            self[keyPath: path] = text
        case .number(let path, let range):
            guard let number = Int(text), range.contains(number) else {
                throw fail("a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            self[keyPath: path] = number
        case .flag(let path):
            switch text.lowercased() {
            case "true", "1", "yes", "on": self[keyPath: path] = true
            case "false", "0", "no", "off": self[keyPath: path] = false
            default: throw fail("true or false")
            }
        }
    }

    /// "key = value" lines of the effective configuration, for `chronicle config`.
    var listing: [(key: String, value: String)] {
        SettingSpec.all.map { spec in
            let value: String
            switch spec.kind {
            case .text(let path), .choice(let path, _): value = self[keyPath: path]
            case .number(let path, _): value = String(self[keyPath: path])
            case .flag(let path): value = String(self[keyPath: path])
            }
            return (spec.key, value)
        }
    }
}

/// A JSON value as the config file holds it.
enum ConfigValue: Decodable {
    case bool(Bool), integer(Int), number(Double), string(String), object([String: ConfigValue]), other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([String: ConfigValue].self) { self = .object(value) }
        else { self = .other }
    }

    var scalarText: String? {
        switch self {
        case .bool(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let value): return value
        case .object, .other: return nil
        }
    }
}
