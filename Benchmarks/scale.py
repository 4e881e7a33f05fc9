#!/usr/bin/env python3
"""Scale benchmark: a generated dataset of N events (default 1,000,000).

Generates the dataset once (chronicle generate, deterministic), then reports
  - in-process: load time and p50/p99 of filtered queries (chronicle bench-queries);
  - over HTTP: time from exec to "listening" and RSS of the server, twice: from the data files (with
    no snapshot; the server then saves one) and from that snapshot (a restart); p50/p99 of the same
    queries as requests, then two SIGHUP reloads, of the same data (found unchanged by its fingerprint) and of
    changed data (a newline appended to events.json: every file read, decoded, checked and indexed
    again while the old store serves), with the time to "dataset reloaded" and RSS during and after
    each, and events per GiB of steady RSS. Memory is RSS with its anonymous part (the heap) and its
    file-backed part (the mapped index file, code) beside it.
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
    load_line, lines = "", []
    for line in server.stdout:
        lines.append(line)
        if "dataset loaded" in line:
            load_line = line.strip()
        if "listening on" in line:
            break
    else:
        sys.exit(f"the server ended before listening (status {server.wait()}):\n" + "".join(lines[-20:]))
    ready = time.time() - started
    print(f"ready to serve ({label}) after {ready:.1f} s; {memory(server.pid)}; {load_line[:240]}")
    if wait_for_snapshot:
        for line in server.stdout:
            if "snapshot" in line or "index file" in line:
                print(f"  {line.strip()[:240]}")
            if "memory is released" in line or "cannot save" in line or "cannot open" in line:
                break
        print(f"  serving from the file it wrote, the loaded store released: {memory(server.pid)}")
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    return server


def status_kib(pid, field):
    return int(re.search(field + r":\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1))


def memory(pid):
    """RSS, and its anonymous and file-backed parts (the mapped index file is file-backed)."""
    return (f"RSS {status_kib(pid, 'VmRSS') / 1024:.0f} MiB (anonymous {status_kib(pid, 'RssAnon') / 1024:.0f} MiB, "
            f"file-backed {status_kib(pid, 'RssFile') / 1024:.0f} MiB)")


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
    return status_kib(server.pid, "RssAnon")


print(f"after the queries: {memory(server.pid)}")
export_started = time.time()
conn.request("GET", "/events?format=csv")
exported = len(conn.getresponse().read())
print(f"/events as CSV: {exported:,} bytes in {time.time() - export_started:.1f} s; after it: {memory(server.pid)}")

def reload(label, until_indexed=False):
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
    reloaded_line = line
    if until_indexed:
        # Changed data: its index file is written, then served in place of the store loaded from the files.
        adopted = False
        for line in server.stdout:
            adopted = adopted or "serving from the index file" in line
            if (adopted and "memory is released" in line) or "cannot save" in line or "cannot open" in line:
                break
        print(f"  index file written and served {time.time() - started:.1f} s after the SIGHUP")
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
    print(f"  {reloaded_line.strip()[:200]}")
    print(f"  anonymous RSS peak during the reload: {peak[0] / 1024:.0f} MiB; after it: {settled / 1024:.0f} MiB; {memory(server.pid)}")
    return settled


steady = reload("same data")
events_file = os.path.join(data, "events.json")
size = os.path.getsize(events_file)
try:
    with open(events_file, "ab") as f:
        f.write(b"\n")
    steady = reload("changed data (a newline appended to events.json)", until_indexed=True)
finally:
    os.truncate(events_file, size)
print(f"events per GiB of steady anonymous RSS: {args.events / (steady / 1024 / 1024):,.0f}")
server.send_signal(signal.SIGTERM)
server.wait(timeout=30)
