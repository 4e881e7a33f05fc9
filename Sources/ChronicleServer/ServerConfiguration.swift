import ChronicleHTTP
import HTTPTypes

/// Everything the server needs to listen, with defaults fit for production; tests shorten the timeouts.
public struct ServerConfiguration: Sendable, Equatable {
    public var host: String = "127.0.0.1"
    /// 0 picks a free port; `HTTPServer.port` reports it.
    public var port: UInt16 = 8080
    /// Event loops (threads); 0 means one per CPU the process may use (`ProcessorCount`).
    public var threads: Int = 0
    public var limits = RequestParser.Limits()
    /// Time allowed to receive a whole header section, from its first byte (408 then close).
    public var headerTimeout: Duration = .seconds(10)
    /// Time allowed to receive a request body once its head has arrived (408 then close).
    public var bodyTimeout: Duration = .seconds(30)
    /// How long a keep-alive connection may sit with nothing to do.
    public var idleTimeout: Duration = .seconds(60)
    /// How long queued output may wait for the peer to read any of it before the connection is dropped.
    public var writeTimeout: Duration = .seconds(30)
    /// Open connections across all loops; beyond it new ones get a 503 and are closed.
    public var maxConnections: Int = 10_000
    /// Responses queued on one connection before the loop stops reading more pipelined requests from it.
    public var maxPipelinedRequests: Int = 64
    /// Output queued for clients across the whole server (responses waiting to be written, streamed
    /// pieces produced ahead). Past it, connections holding output take no new requests, and those
    /// whose peers have stopped reading longest are dropped. Well under the container's memory limit.
    public var maxQueuedOutputBytes: Int = 128 << 20
    /// How long a graceful shutdown waits for requests in flight.
    public var drainTimeout: Duration = .seconds(8)
    /// One log line per request, written off the event loops (LogWriter.swift).
    public var accessLog: Bool = true
    /// The access log's line format and destination (a descriptor the server does not close).
    public var accessLogFormat: AccessLogFormat = .text
    public var accessLogDescriptor: Int32 = 1
    /// Access lines may wait this many bytes for the writer; beyond, lines are dropped and counted.
    public var accessLogQueueBytes: Int = 8 << 20
    /// The writer of every other log line (the executable's), whose counts /metrics reports with the access log's.
    public var applicationLog: LogWriter?
    /// An HTTPS listener beside the plain one, when set.
    public var tls: TLSSettings?
    /// Added to every response the server writes, its own errors included.
    public var defaultHeaders: HTTPFields = [HTTPField.Name("X-Content-Type-Options")!: "nosniff"]

    public init() {}

    /// Where the HTTPS listener listens and what it presents.
    public struct TLSSettings: Sendable, Equatable {
        /// 0 picks a free port; `HTTPServer.tlsPort` reports it.
        public var port: UInt16
        public var certificateChainPath: String
        public var privateKeyPath: String

        public init(port: UInt16, certificateChainPath: String, privateKeyPath: String) {
            self.port = port
            self.certificateChainPath = certificateChainPath
            self.privateKeyPath = privateKeyPath
        }
    }

    public var effectiveThreads: Int {
        if threads > 0 { return threads }
        return ProcessorCount.available().count
    }
}

#if canImport(Glibc)
import Glibc
#endif
