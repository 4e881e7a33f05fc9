#!/usr/bin/env python3
"""Benchmarks/slow_readers.py BINARY [--clients 600] [--budget-mib 128]: issue 22's memory scenario.

Starts `chronicle serve` on the shipped data with 2 event loops, records its RSS, then opens CLIENTS
connections that each pipeline `GET /events?pretty` requests and never read. It samples RSS and
`chronicle_output_queued_bytes` while they hang, closes them all, and reports the RSS 5 s later.
The bound it checks: RSS growth at most the output budget + 25 %, and back within 32 MiB of the
baseline 5 s after the clients have gone. Loopback only; bounded in count and time."""
import argparse, signal, socket, subprocess, time, urllib.request
from chronicle_process import rss_mib, wait_until_answering

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("--clients", type=int, default=600)
parser.add_argument("--requests", type=int, default=40, help="pipelined requests per client")
parser.add_argument("--budget-mib", type=int, default=128)
parser.add_argument("--port", type=int, default=19651)
parser.add_argument("--hold", type=float, default=15, help="seconds the clients hang")
args = parser.parse_args()

def queued(port):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    for line in text.splitlines():
        if line.startswith("chronicle_output_queued_bytes "):
            return int(line.split()[1])
    return -1

server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--set", "threads=2", "--set", "log.access=false",
                           "--set", "snapshot.enabled=false", "--set", f"limits.output_budget_bytes={args.budget_mib << 20}",
                           "--set", "timeouts.write_ms=120000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_until_answering(f"http://127.0.0.1:{args.port}/health", server)
    for _ in range(3):  # warm: the page is rendered and cached once
        urllib.request.urlopen(f"http://127.0.0.1:{args.port}/events?pretty", timeout=5).read()
    time.sleep(1)
    baseline = rss_mib(server.pid)
    request = b"GET /events?pretty HTTP/1.1\r\nHost: bench\r\n\r\n" * args.requests
    clients = []
    for _ in range(args.clients):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.connect(("127.0.0.1", args.port))
        s.setblocking(False)
        try:
            s.send(request)
        except BlockingIOError:
            pass
        clients.append(s)
    peak, peak_queued = baseline, 0
    end = time.time() + args.hold
    while time.time() < end:
        peak = max(peak, rss_mib(server.pid))
        peak_queued = max(peak_queued, queued(args.port))
        time.sleep(0.5)
    for s in clients:
        s.close()
    closed = time.time()
    time.sleep(5)
    after = rss_mib(server.pid)
    budget = args.budget_mib
    print(f"clients {args.clients} x {args.requests} pipelined GET /events?pretty, budget {budget} MiB")
    print(f"RSS baseline {baseline:.0f} MiB, peak {peak:.0f} MiB (growth {peak - baseline:.0f} MiB), "
          f"held by the budget's count at most {peak_queued / 2**20:.0f} MiB")
    print(f"RSS 5 s after the clients closed: {after:.0f} MiB ({after - baseline:+.0f} MiB from the baseline)")
    growth_ok = peak - baseline <= budget * 1.25
    back_ok = after - baseline <= 32
    print(f"growth <= budget + 25 %: {'met' if growth_ok else 'missed'}; back within 32 MiB: {'met' if back_ok else 'missed'}")
finally:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
