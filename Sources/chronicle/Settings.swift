// Chronicle's configuration: one value with built-in defaults, overridden in turn by the config
// file (Config/chronicle.json), CHRONICLE_* environment variables, and command-line flags.
// Every setting has one key; the table below gives its file key, its variable and its check.
import ChronicleHTTP
import ChronicleServer

struct Settings: Equatable, Sendable {
    var host = "127.0.0.1"
    var port = 8080
    var threads = 0
    /// Empty: the shipped data directory (see `DataDirectory`).
    var data = ""
    /// Store snapshots (see `DatasetLoader`): on, where, and from which load time one is written.
    var snapshots = true
    /// Empty: $XDG_CACHE_HOME/chronicle or ~/.cache/chronicle.
    var snapshotDirectory = ""
    var snapshotMinLoadMs = 1000
    /// An index file shipped with the data (`chronicle index --out`), tried before the snapshot directory's.
    var snapshotShipped = ""
    var requestLineBytes = 8192
    var headerBytes = 16384
    var headerCount = 100
    var bodyBytes = 1 << 20
    var maxConnections = 10_000
    var maxPipelined = 64
    var outputBudgetBytes = 128 << 20
    var headerTimeoutMs = 10_000
    var bodyTimeoutMs = 30_000
    var idleTimeoutMs = 60_000
    var writeTimeoutMs = 30_000
    /// Inside the 10 s that Docker and podman give by default before SIGKILL (`--stop-timeout`),
    /// and Kubernetes' 30 s grace period, with a margin for the exit itself.
    var drainTimeoutMs = 8_000
    var shutdownDelayMs = 0
    var logLevel = "info"
    var logFormat = "text"
    var accessLog = true
    /// "*" or a comma-separated list of origins.
    /// HTTPS: on when both paths are set.
    var tlsPort = 8443
    var tlsCertificate = ""
    var tlsKey = ""
    var corsOrigins = "*"
    var cacheControl = "public, max-age=60"
    var compressionThreshold = 1024
    /// Bytes of whole responses kept per dataset generation (0: none).
    var responseCacheBytes = 64 << 20
    /// Where `serve` records its pid and bound ports for `healthcheck` and `reload`; empty: nowhere.
    var runtimeFile = ""

    var allowedOrigins: [String] {
        corsOrigins.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
    }

    /// The server's part of the settings.
    var server: ServerConfiguration {
        var config = ServerConfiguration()
        config.host = host
        config.port = UInt16(port)
        config.threads = threads
        config.limits = RequestParser.Limits(
            maxRequestLineBytes: requestLineBytes, maxHeaderBytes: headerBytes, maxHeaderCount: headerCount, maxBodyBytes: bodyBytes)
        config.maxConnections = maxConnections
        config.maxPipelinedRequests = maxPipelined
        config.maxQueuedOutputBytes = outputBudgetBytes
        config.headerTimeout = .milliseconds(headerTimeoutMs)
        config.bodyTimeout = .milliseconds(bodyTimeoutMs)
        config.idleTimeout = .milliseconds(idleTimeoutMs)
        config.writeTimeout = .milliseconds(writeTimeoutMs)
        config.drainTimeout = .milliseconds(drainTimeoutMs)
        // Access lines are info lines: a higher log level silences them, as it always has.
        config.accessLog = accessLog && ["trace", "debug", "info"].contains(logLevel)
        config.accessLogFormat = logFormat == "json" ? .json : .text
        if !tlsCertificate.isEmpty && !tlsKey.isEmpty {
            config.tls = .init(port: UInt16(tlsPort), certificateChainPath: tlsCertificate, privateKeyPath: tlsKey)
        }
        return config
    }
}

/// One setting: its key in the config file, how to read and check a value, and where it goes.
struct SettingSpec {
    enum Kind {
        case text(WritableKeyPath<Settings, String>)
        case choice(WritableKeyPath<Settings, String>, [String])
        case number(WritableKeyPath<Settings, Int>, ClosedRange<Int>)
        case flag(WritableKeyPath<Settings, Bool>)
    }

    let key: String
    let kind: Kind
    let help: String

    /// CHRONICLE_ and the key in capitals with "." as "_": "limits.header_bytes" → CHRONICLE_LIMITS_HEADER_BYTES.
    var environmentName: String { "CHRONICLE_" + key.uppercased().replacingDots() }

    static var all: [SettingSpec] {
        [
            SettingSpec(key: "host", kind: .text(\.host), help: "Address to listen on (IPv4 or IPv6; \"::\" for all, dual-stack)"),
            SettingSpec(key: "port", kind: .number(\.port, 0...65535), help: "TCP port; 0 picks a free one"),
            SettingSpec(key: "threads", kind: .number(\.threads, 0...256), help: "Event loops; 0 means one per core"),
            SettingSpec(key: "data", kind: .text(\.data), help: "Data directory; empty means the shipped Data/"),
            SettingSpec(
                key: "snapshot.enabled", kind: .flag(\.snapshots),
                help: "Start from a snapshot of the checked, indexed data when one matches the files and this build"),
            SettingSpec(
                key: "snapshot.directory", kind: .text(\.snapshotDirectory),
                help: "Where snapshots are kept; empty means $XDG_CACHE_HOME/chronicle or ~/.cache/chronicle"),
            SettingSpec(
                key: "snapshot.shipped", kind: .text(\.snapshotShipped),
                help: "An index file made by `chronicle index --out` (a data image ships one), served when it matches the data"),
            SettingSpec(
                key: "snapshot.min_load_ms", kind: .number(\.snapshotMinLoadMs, 0...86_400_000),
                help: "A load from the data files that takes this long or longer is saved as a snapshot"),
            SettingSpec(
                key: "limits.request_line_bytes", kind: .number(\.requestLineBytes, 64...1 << 20), help: "Longest request line (414 beyond)"
            ),
            SettingSpec(
                key: "limits.header_bytes", kind: .number(\.headerBytes, 256...1 << 22), help: "Largest header section (431 beyond)"),
            SettingSpec(key: "limits.header_count", kind: .number(\.headerCount, 1...10_000), help: "Most header fields (431 beyond)"),
            SettingSpec(key: "limits.body_bytes", kind: .number(\.bodyBytes, 0...1 << 30), help: "Largest request body (413 beyond)"),
            SettingSpec(
                key: "limits.max_connections", kind: .number(\.maxConnections, 1...1_000_000), help: "Open connections; more get 503"),
            SettingSpec(
                key: "limits.max_pipelined", kind: .number(\.maxPipelined, 1...10_000),
                help: "Queued responses per connection before reading pauses"),
            SettingSpec(
                key: "limits.output_budget_bytes", kind: .number(\.outputBudgetBytes, 1 << 20...1 << 40),
                help: "Output queued for clients across the server before stalled connections are dropped"),
            SettingSpec(
                key: "timeouts.header_ms", kind: .number(\.headerTimeoutMs, 1...3_600_000), help: "Time to receive a header section (408)"),
            SettingSpec(key: "timeouts.body_ms", kind: .number(\.bodyTimeoutMs, 1...3_600_000), help: "Time to receive a body (408)"),
            SettingSpec(
                key: "timeouts.idle_ms", kind: .number(\.idleTimeoutMs, 1...86_400_000), help: "Idle keep-alive connection lifetime"),
            SettingSpec(key: "timeouts.write_ms", kind: .number(\.writeTimeoutMs, 1...3_600_000), help: "Time a stalled reader is given"),
            SettingSpec(
                key: "timeouts.drain_ms", kind: .number(\.drainTimeoutMs, 0...3_600_000),
                help: "Graceful shutdown deadline (keep it under the orchestrator's stop timeout)"),
            SettingSpec(
                key: "timeouts.shutdown_delay_ms", kind: .number(\.shutdownDelayMs, 0...600_000),
                help: "On SIGTERM, time /ready answers 503 before the listeners close"),
            SettingSpec(
                key: "log.level", kind: .choice(\.logLevel, ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
                help: "Lowest level logged"),
            SettingSpec(key: "log.format", kind: .choice(\.logFormat, ["text", "json"]), help: "Log line format on stdout"),
            SettingSpec(key: "log.access", kind: .flag(\.accessLog), help: "One log line per request"),
            SettingSpec(
                key: "tls.port", kind: .number(\.tlsPort, 0...65535),
                help: "HTTPS port (0 picks a free one); used when tls.cert and tls.key are set"),
            SettingSpec(key: "tls.cert", kind: .text(\.tlsCertificate), help: "PEM certificate chain for HTTPS"),
            SettingSpec(key: "tls.key", kind: .text(\.tlsKey), help: "PEM private key for HTTPS"),
            SettingSpec(key: "cors.origins", kind: .text(\.corsOrigins), help: "Allowed CORS origins: * or a comma-separated list"),
            SettingSpec(key: "cache.control", kind: .text(\.cacheControl), help: "Cache-Control on successful GETs"),
            SettingSpec(
                key: "cache.response_bytes", kind: .number(\.responseCacheBytes, 0...1 << 34),
                help: "Bytes of whole responses kept per dataset generation (0: none)"),
            SettingSpec(
                key: "compression.threshold_bytes", kind: .number(\.compressionThreshold, 0...1 << 30), help: "Smallest body worth gzip"),
            SettingSpec(
                key: "runtime_file", kind: .text(\.runtimeFile),
                help: "File where serve records its pid and bound ports for healthcheck and reload; empty for none"),
        ]
    }
}

/// A setting that cannot be used, named with where it came from.
struct SettingsError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension String {
    func replacingDots() -> String { String(map { $0 == "." ? "_" : $0 }) }
}
