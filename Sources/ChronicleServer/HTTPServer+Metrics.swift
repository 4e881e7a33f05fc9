// The server's own counters in the Prometheus text exposition format.

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
        var out = ""
        for (name, help, value) in counters {
            out += "# HELP \(name) \(help)\n# TYPE \(name) counter\n\(name) \(value)\n"
        }
        out += "# HELP chronicle_requests_rejected_by_status_total Requests refused by the HTTP codec, by the status answered.\n"
        out += "# TYPE chronicle_requests_rejected_by_status_total counter\n"
        for (status, count) in m.rejectionsByStatus {
            out += "chronicle_requests_rejected_by_status_total{status=\"\(status)\"} \(count)\n"
        }
        out += "# HELP chronicle_open_connections Connections open now.\n# TYPE chronicle_open_connections gauge\n"
        out += "chronicle_open_connections \(openConnections)\n"
        out +=
            "# HELP chronicle_output_queued_bytes Bytes held for clients: output storage with output pending, shared bodies once.\n# TYPE "
                + "chronicle_output_queued_bytes gauge\n"
        out += "chronicle_output_queued_bytes \(context.queuedOutput.load(ordering: .relaxed))\n"
        out += "# HELP chronicle_output_budget_bytes The configured bound on queued output.\n# TYPE chronicle_output_budget_bytes gauge\n"
        out += "chronicle_output_budget_bytes \(configuration.maxQueuedOutputBytes)\n"
        out += "# HELP chronicle_draining Whether a graceful shutdown is under way.\n# TYPE chronicle_draining gauge\n"
        out += "chronicle_draining \(isDraining ? 1 : 0)\n"
        return out
    }
}
