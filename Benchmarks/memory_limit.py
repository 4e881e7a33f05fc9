#!/usr/bin/env python3
"""A million events served under a memory limit of 768 MiB, as a container with that limit would be.

Puts `chronicle serve` in a memory cgroup of its own (cgroup v2, or v1's memory controller; run as a
user that may create one, e.g. root in a CI container) limited to --limit MiB, starts it from the index
file in --snapshots (`chronicle index --data DATA --set snapshot.directory=DIR` writes it; a stale or
missing one means a load from the files, which does not fit in 768 MiB), then runs the scale queries, a
whole-corpus CSV export and two concurrent exports, and reports the cgroup's peak usage, whether the
kernel killed anything (OOM), and that the server still answers.
Usage: Benchmarks/memory_limit.py [--data /var/tmp/chronicle-1000000] [--limit 768]
"""
import argparse, http.client, os, re, signal, socket, subprocess, sys, threading, time, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("--data", default="/var/tmp/chronicle-1000000")
parser.add_argument("--snapshots", default="/var/tmp/chronicle-snapshots")
parser.add_argument("--limit", type=int, default=768, help="MiB")
parser.add_argument("--binary", default=os.path.join(os.path.dirname(HERE), ".build/release/chronicle"))
args = parser.parse_args()


def own_cgroup():
    """A new memory cgroup under this process's, and how to read it."""
    lines = open("/proc/self/cgroup").read().splitlines()
    v1 = next((l.split(":", 2)[2] for l in lines if ":memory:" in l), None)
    if v1 is not None and os.path.exists("/sys/fs/cgroup/memory"):
        path = f"/sys/fs/cgroup/memory{v1}/chronicle-limit-{os.getpid()}"
        os.mkdir(path)
        open(f"{path}/memory.limit_in_bytes", "w").write(str(args.limit << 20))
        return path, "memory.max_usage_in_bytes", lambda: re.search(r"oom_kill (\d+)", open(f"{path}/memory.oom_control").read())
    v2 = next(l.split(":", 2)[2] for l in lines if l.startswith("0::"))
    path = f"/sys/fs/cgroup{v2}/chronicle-limit-{os.getpid()}"
    os.mkdir(path)
    open(f"{path}/memory.max", "w").write(str(args.limit << 20))
    return path, "memory.peak", lambda: re.search(r"oom_kill (\d+)", open(f"{path}/memory.events").read())


cgroup, peak_file, oom_kills = own_cgroup()
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
server = subprocess.Popen(
    ["sh", "-c", f"echo $$ > {cgroup}/cgroup.procs && exec \"$0\" \"$@\"", args.binary, "serve", "--port", str(port),
     "--data", args.data, "--set", "log.access=false", "--set", f"snapshot.directory={args.snapshots}"],
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
for line in server.stdout:
    lines.append(line)
    if "dataset loaded" in line:
        print(line.strip()[:200])
    if "listening on" in line:
        break
else:
    kills = oom_kills()
    os.rmdir(cgroup) if server.wait() is not None else None
    sys.exit(f"the server ended before listening (OOM kills: {kills.group(1) if kills else 'n/a'}):\n" + "".join(lines[-10:]))
threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
queries = ["/events?actor=a10000&from=2000&to=2010", "/events?type=11&from=2020", "/events?q=" + urllib.parse.quote_plus("باما"),
           "/quotes?q=" + urllib.parse.quote_plus("الوضع خطير"), "/events?offset=900000", "/events?from=2015-06&to=2015-07&sort=-date"]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
for path in queries * 20:
    conn.request("GET", path); r = conn.getresponse(); r.read(); assert r.status == 200, (path, r.status)


def export(results, index):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    c.request("GET", "/events?format=csv"); results[index] = len(c.getresponse().read())


results = [0, 0, 0]
export(results, 0)
threads = [threading.Thread(target=export, args=(results, i)) for i in (1, 2)]
for t in threads: t.start()
for t in threads: t.join()
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
conn.request("GET", "/ready"); ready = conn.getresponse().read().decode()
status = open(f"/proc/{server.pid}/status").read()
anon = int(re.search(r"RssAnon:\s+(\d+)", status).group(1)) // 1024
peak = int(open(f"{cgroup}/{peak_file}").read()) >> 20
kills = oom_kills()
print(f"limit {args.limit} MiB: exports {[f'{n:,}' for n in results]} bytes; cgroup peak {peak} MiB (page cache of the index "
      f"file included, reclaimable); RssAnon {anon} MiB; OOM kills {kills.group(1) if kills else 'n/a'}; /ready {ready.strip()}")
server.send_signal(signal.SIGTERM); server.wait(timeout=30)
os.rmdir(cgroup)
sys.exit(0 if (not kills or kills.group(1) == "0") and '"ready"' in ready else 1)
