#!/usr/bin/env python3
"""Scale benchmark: a generated dataset of N events (default 1,000,000).

Generates the dataset once (chronicle generate, deterministic), then reports
  - in-process: load time and p50/p99 of filtered queries (chronicle bench-queries);
  - over HTTP: time from exec to "listening" and RSS of the server, twice: from the data files (with
    no snapshot; the server then saves one) and from that snapshot (a restart); p50/p99 of the same
    queries as requests, then two SIGHUP reloads, of the same data (found unchanged by its fingerprint) and of
    changed data (a newline appended to events.json: every file read, decoded, checked and indexed
    again while the old store serves), with the time to "dataset reloaded" and RSS during and after
    each, and events per GiB of steady RSS.
Usage: Benchmarks/scale.py [--events 1000000] [--data /var/tmp/chronicle-1m] [--runs 200]
                          [--snapshots /var/tmp/chronicle-snapshots]
"""
import argparse, http.client, os, re, signal, socket, statistics, subprocess, sys, threading, time, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
parser = argparse.ArgumentParser()
parser.add_argument("--events", type=int, default=1_000_000)
parser.add_argument("--data", default="")
parser.add_argument("--runs", type=int, default=200)
parser.add_argument("--binary", default=os.path.join(REPO, ".build/release/chronicle"))
parser.add_argument("--http-only", action="store_true", help="skip the in-process part")
parser.add_argument("--snapshots", default="/var/tmp/chronicle-snapshots", help="the server's snapshot.directory (emptied first)")
args = parser.parse_args()
data = args.data or f"/var/tmp/chronicle-{args.events}"

if not os.path.exists(os.path.join(data, "events.json")):
    subprocess.run([args.binary, "generate", "--events", str(args.events), "--out", data], check=True)

if not args.http_only:
    print("== in-process")
    subprocess.run([args.binary, "bench-queries", "--data", data, "--runs", str(args.runs)], check=True)

print("== over HTTP")
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
if os.path.isdir(args.snapshots):
    for name in os.listdir(args.snapshots):
        os.remove(os.path.join(args.snapshots, name))


def start(label, wait_for_snapshot=False):
    """exec to "listening"; with wait_for_snapshot, also until the snapshot is saved, then a stop."""
    started = time.time()
    server = subprocess.Popen([args.binary, "serve", "--port", str(port), "--data", data, "--set", "log.access=false",
                               "--set", f"snapshot.directory={args.snapshots}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    load_line = ""
    for line in server.stdout:
        if "dataset loaded" in line:
            load_line = line.strip()
        if "listening on" in line:
            break
    ready = time.time() - started
    rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1))
    print(f"ready to serve ({label}) after {ready:.1f} s; RSS {rss / 1024:.0f} MiB; {load_line[:240]}")
    if wait_for_snapshot:
        for line in server.stdout:
            if "snapshot" in line:
                print(f"  {line.strip()[:240]}")
                break
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    return server


start("from the data files, no snapshot", wait_for_snapshot=True)
server = start("from the snapshot the first start saved")

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


def rss_kib():
    return int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1))


rss = rss_kib()
print(f"RSS after queries: {rss / 1024:.0f} MiB")

def reload(label):
    """SIGHUP, then the time to the reload's log line and the RSS peak meanwhile."""
    peak = [rss_kib()]
    done = threading.Event()

    def watch_peak():
        while not done.is_set():
            peak[0] = max(peak[0], rss_kib())
            time.sleep(0.05)
    watcher = threading.Thread(target=watch_peak)
    watcher.start()
    started = time.time()
    server.send_signal(signal.SIGHUP)
    for line in server.stdout:
        if "dataset reloaded" in line or "reload refused" in line:
            break
    seconds = time.time() - started
    done.set()
    watcher.join()
    # A fresh connection: a long reload outlasts the server's idle timeout for the one above.
    probe = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    probe.request("GET", "/ready")
    ready = probe.getresponse().read().decode().strip()
    probe.close()
    # The previous store goes once no request holds it, and its memory is given back after the
    # log line: wait until RSS has not moved by a MiB for two seconds (at most 30 s).
    settled, stable_since, waited = rss_kib(), time.time(), 0
    while time.time() - stable_since < 2 and waited < 120:
        time.sleep(0.25)
        waited += 1
        now = rss_kib()
        if abs(now - settled) >= 1024:
            stable_since = time.time()
        settled = now
    print(f"SIGHUP reload, {label}: {seconds:.1f} s; /ready {ready}")
    print(f"  {line.strip()[:200]}")
    print(f"  RSS peak during the reload: {peak[0] / 1024:.0f} MiB; after it: {settled / 1024:.0f} MiB")
    return settled


steady = reload("same data")
events_file = os.path.join(data, "events.json")
size = os.path.getsize(events_file)
try:
    with open(events_file, "ab") as f:
        f.write(b"\n")
    steady = reload("changed data (a newline appended to events.json)")
finally:
    os.truncate(events_file, size)
print(f"events per GiB of steady RSS: {args.events / (steady / 1024 / 1024):,.0f}")
server.send_signal(signal.SIGTERM)
server.wait(timeout=30)
