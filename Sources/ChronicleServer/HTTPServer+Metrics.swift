// The server's own counters in the Prometheus text exposition format (`PrometheusText`).
import ChronicleHTTP

extension HTTPServer {
    public func metricsExposition() -> String {
        let m = metrics
        let counters: [(String, String, Int)] = [
            ("chronicle_connections_accepted_total", "Connections accepted.", m.acceptedConnections.load(ordering: .relaxed)),
            (
                "chronicle_connections_refused_total", "Connections refused at the connection limit.",
                m.refusedConnections.load(ordering: .relaxed)
            ),
            (
                "chronicle_requests_rejected_total", "Requests refused by the HTTP codec (400, 408, 413, 414, 431, 501, 505).",
                m.rejectedRequests.load(ordering: .relaxed)
            ),
            (
                "chronicle_connections_dropped_output_budget_total",
                "Connections dropped past the output budget because their peers were not reading.", m.budgetDrops.load(ordering: .relaxed)
            ),
            ("chronicle_bytes_received_total", "Bytes read from clients (after TLS decryption).", m.bytesIn.load(ordering: .relaxed)),
            ("chronicle_bytes_sent_total", "Bytes written to clients (before TLS encryption).", m.bytesOut.load(ordering: .relaxed)),
            ("chronicle_tls_handshakes_total", "Completed TLS handshakes.", m.tlsHandshakes.load(ordering: .relaxed)),
            ("chronicle_tls_handshake_failures_total", "Failed TLS handshakes.", m.tlsHandshakeFailures.load(ordering: .relaxed)),
            (
                "chronicle_tls_resumed_sessions_total", "TLS handshakes that resumed a session.",
                m.tlsResumedSessions.load(ordering: .relaxed)
            ),
            (
                "chronicle_access_log_lines_total", "Access-log lines written.",
                context.accessLog?.writtenLines.load(ordering: .relaxed) ?? 0
            ),
            ("chronicle_access_log_dropped_lines_total", "Access-log lines dropped because the log's destination fell behind (queue full).",
             context.accessLog?.droppedLines.load(ordering: .relaxed) ?? 0),
            ("chronicle_log_lines_total", "Log lines (other than access lines) written.",
             configuration.applicationLog?.writtenLines.load(ordering: .relaxed) ?? 0),
            ("chronicle_log_lines_dropped_total", "Log lines (other than access lines) dropped because the log's destination fell behind.",
             configuration.applicationLog?.droppedLines.load(ordering: .relaxed) ?? 0),
        ]
        var out = PrometheusText()
        for (name, help, value) in counters { out.single(name, .counter, help: help, value) }
        out.family(
            "chronicle_requests_rejected_by_status_total", .counter, help: "Requests refused by the HTTP codec, by the status answered.")
        for (status, count) in m.rejectionsByStatus {
            out.sample("chronicle_requests_rejected_by_status_total", labels: [("status", "\(status)")], count)
        }
        out.single("chronicle_open_connections", .gauge, help: "Connections open now.", openConnections)
        out.single(
            "chronicle_output_queued_bytes", .gauge,
            help: "Bytes held for clients: output storage with output pending, shared bodies once.",
            context.queuedOutput.load(ordering: .relaxed))
        out.single(
            "chronicle_output_budget_bytes", .gauge, help: "The configured bound on queued output.", configuration.maxQueuedOutputBytes)
        out.single("chronicle_draining", .gauge, help: "Whether a graceful shutdown is under way.", isDraining ? 1 : 0)
        return out.text
    }
}
