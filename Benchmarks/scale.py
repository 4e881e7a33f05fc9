#!/usr/bin/env python3
"""Scale benchmark: a generated dataset of N events (default 1,000,000).

Generates the dataset once (chronicle generate, deterministic), then reports
  - in-process: load time and p50/p99 of filtered queries (chronicle bench-queries);
  - over HTTP: load time and RSS of the server, and p50/p99 of the same queries as requests.
Usage: Benchmarks/scale.py [--events 1000000] [--data /var/tmp/chronicle-1m] [--runs 200]
"""
import argparse, http.client, os, re, signal, socket, statistics, subprocess, sys, time, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
parser = argparse.ArgumentParser()
parser.add_argument("--events", type=int, default=1_000_000)
parser.add_argument("--data", default="")
parser.add_argument("--runs", type=int, default=200)
parser.add_argument("--binary", default=os.path.join(REPO, ".build/release/chronicle"))
args = parser.parse_args()
data = args.data or f"/var/tmp/chronicle-{args.events}"

if not os.path.exists(os.path.join(data, "events.json")):
    subprocess.run([args.binary, "generate", "--events", str(args.events), "--out", data], check=True)

print("== in-process")
subprocess.run([args.binary, "bench-queries", "--data", data, "--runs", str(args.runs)], check=True)

print("== over HTTP")
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
started = time.time()
server = subprocess.Popen([args.binary, "serve", "--port", str(port), "--data", data, "--set", "log.access=false"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
load_line = ""
for line in server.stdout:
    if "dataset loaded" in line:
        load_line = line.strip()
    if "listening on" in line:
        break
ready = time.time() - started
rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1))
print(f"ready to serve after {ready:.1f} s; RSS {rss / 1024:.0f} MiB; {load_line}")

conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
queries = [
    ("events actor + date range", "/events?actor=a10000&from=2000&to=2010"),
    ("events type + from", "/events?type=11&from=2020"),
    ("events q (Arabic)", "/events?q=" + urllib.parse.quote_plus("باما")),
    ("quotes q (two Arabic words)", "/quotes?q=" + urllib.parse.quote_plus("الوضع خطير")),
    ("events deep page (offset 900000)", f"/events?offset={args.events * 9 // 10}"),
    ("events date range, newest first", "/events?from=2015-06&to=2015-07&sort=-date"),
]
for name, path in queries:
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse(); r.read()
        times.append((time.perf_counter() - t) * 1000)
        assert r.status == 200, (path, r.status)
    times.sort()
    print(f"{name}: p50 {times[len(times) // 2]:.2f} ms p99 {times[len(times) * 99 // 100]:.2f} ms")
rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1))
print(f"RSS after queries: {rss / 1024:.0f} MiB")
server.send_signal(signal.SIGTERM)
server.wait(timeout=30)
