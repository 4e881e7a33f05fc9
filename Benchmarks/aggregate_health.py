#!/usr/bin/env python3
"""Benchmarks/aggregate_health.py BINARY [--events 100000] [--seconds 30]: issue 22's loop-holding
scenario. Generates EVENTS events, starts `chronicle serve` on them (2 loops), then for SECONDS four
clients ask for /aggregate/events?by=pair with a new `limit` each time (the response cache cannot
help) while a fifth probes /health every 50 ms on new connections. Reports the probes' p50, p99 and
maximum (target: p99 under 50 ms) and the aggregate answers' rate. Loopback only."""
import argparse, os, random, signal, subprocess, tempfile, threading, time, urllib.request
from chronicle_process import wait_until_answering

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("--events", type=int, default=100_000)
parser.add_argument("--seconds", type=float, default=30)
parser.add_argument("--port", type=int, default=19671)
parser.add_argument("--data", help="a data directory to reuse (generated there when it has no events.json)")
args = parser.parse_args()

data = args.data or tempfile.mkdtemp(prefix="chronicle-aggregates-")
if not os.path.exists(os.path.join(data, "events.json")):
    subprocess.run([args.binary, "generate", "--events", str(args.events), "--out", data], check=True, stdout=subprocess.DEVNULL)
server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--data", data, "--set", "threads=2",
                           "--set", "log.access=false", "--set", "snapshot.enabled=false"], stdout=subprocess.DEVNULL)
base = f"http://127.0.0.1:{args.port}"
try:
    wait_until_answering(base + "/ready", server, timeout=300)
    time.sleep(3)  # the generation's aggregates are counted off the loops after the load
    stop = threading.Event()
    answered = [0]
    def aggregates():
        while not stop.is_set():
            limit = random.randint(1, 9_999)
            urllib.request.urlopen(f"{base}/aggregate/events?by=pair&limit={limit}", timeout=60).read()
            answered[0] += 1
    workers = [threading.Thread(target=aggregates) for _ in range(4)]
    for worker in workers:
        worker.start()
    probes = []
    end = time.time() + args.seconds
    while time.time() < end:
        started = time.perf_counter()
        urllib.request.urlopen(base + "/health", timeout=30).read()
        probes.append((time.perf_counter() - started) * 1000)
        time.sleep(0.05)
    stop.set()
    for worker in workers:
        worker.join()
    probes.sort()
    p = lambda q: probes[min(len(probes) - 1, int(q * len(probes)))]
    print(f"{args.events} events; 4 clients on /aggregate/events?by=pair&limit=<new each time>: {answered[0] / args.seconds:.0f} answers/s")
    print(f"/health over {len(probes)} probes: p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {probes[-1]:.1f} ms "
          f"(target p99 < 50 ms: {'met' if p(0.99) < 50 else 'missed'})")
finally:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
