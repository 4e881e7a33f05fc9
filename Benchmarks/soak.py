#!/usr/bin/env python3
"""Benchmarks/soak.py BINARY [--minutes 30]: issue 22's soak. `chronicle serve` (2 loops, access log
on, to a file) on a copy of the shipped data, under mixed load for MINUTES: keep-alive clients,
a connection per request, pipelining, slow readers, a malformed request every second, and a
SIGHUP reload of changed data every minute. It samples RSS every 5 s, counts every request that
did not get the answer it should, and writes the RSS over time as an SVG next to this file
(results/soak-rss.svg) with the figures as CSV. RSS must be flat after the first minute: the
slope of a least-squares line through the samples after it is reported. Loopback only."""
import argparse, json, os, random, shutil, signal, socket, subprocess, tempfile, threading, time, urllib.request
from chronicle_process import rss_mib, wait_until_answering

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("--minutes", type=float, default=30)
parser.add_argument("--port", type=int, default=19661)
parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "Data"))
parser.add_argument("--reload-every", type=float, default=60, help="seconds between reloads of changed data (0: none)")
parser.add_argument("--results", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "results"))
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="chronicle-soak-")
data = os.path.join(work, "data")
shutil.copytree(args.data, data)
log = open(os.path.join(work, "server.log"), "wb")
server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--data", data, "--set", "threads=2",
                           "--set", "log.access=true", "--set", "snapshot.enabled=false"], stdout=log, stderr=subprocess.STDOUT)
stop = threading.Event()
lock = threading.Lock()
counts = {"ok": 0, "errors": 0, "reloads": 0, "malformed": 0}
errors = []

def count(ok, what=""):
    with lock:
        counts["ok" if ok else "errors"] += 1
        if not ok and len(errors) < 20:
            errors.append(what)

def read_response(sock):
    """One HTTP/1.1 response (Content-Length or chunked); returns (status, body)."""
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the head")
        buffer += chunk
    head, rest = buffer.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    fields = {l.split(":", 1)[0].lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
    if "content-length" in fields:
        length = int(fields["content-length"])
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed in the body")
            rest += chunk
        return status, rest[:length], rest[length:]
    body = b""
    while True:
        while b"\r\n" not in rest:
            rest += sock.recv(65536)
        size_line, rest = rest.split(b"\r\n", 1)
        size = int(size_line.split(b";")[0], 16)
        while len(rest) < size + 2:
            rest += sock.recv(65536)
        body += rest[:size]
        rest = rest[size + 2:]
        if size == 0:
            return status, body, rest

def keep_alive(targets):
    while not stop.is_set():
        try:
            sock = socket.create_connection(("127.0.0.1", args.port), timeout=10)
            for _ in range(200):
                if stop.is_set():
                    break
                target = random.choice(targets)
                sock.sendall(f"GET {target} HTTP/1.1\r\nHost: soak\r\n\r\n".encode())
                status, _, _ = read_response(sock)
                count(status == 200, f"{target} {status}")
            sock.close()
        except OSError as error:
            count(False, f"keep-alive: {error}")

def per_request():
    while not stop.is_set():
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/health", timeout=10) as answer:
                count(answer.status == 200, f"health {answer.status}")
        except OSError as error:
            count(False, f"close: {error}")
        time.sleep(0.01)

def pipelined():
    while not stop.is_set():
        try:
            sock = socket.create_connection(("127.0.0.1", args.port), timeout=10)
            sock.sendall(b"GET /quotes?limit=3 HTTP/1.1\r\nHost: soak\r\n\r\n" * 10)
            rest = b""
            for _ in range(10):
                status, _, rest = read_response_buffered(sock, rest)
                count(status == 200, f"pipelined {status}")
            sock.close()
        except OSError as error:
            count(False, f"pipelined: {error}")
        time.sleep(0.05)

def read_response_buffered(sock, pending):
    class Prefixed:
        def __init__(self, sock, pending):
            self.sock, self.pending = sock, pending
        def recv(self, n):
            if self.pending:
                data, self.pending = self.pending, b""
                return data
            return self.sock.recv(n)
    return read_response(Prefixed(sock, pending))

def slow_readers():
    while not stop.is_set():
        socks = []
        for _ in range(20):
            try:
                s = socket.create_connection(("127.0.0.1", args.port), timeout=10)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                s.sendall(b"GET /events?pretty&limit=100 HTTP/1.1\r\nHost: soak\r\n\r\n" * 5)
                socks.append(s)
            except OSError as error:
                count(False, f"slow: {error}")
        for _ in range(10):
            for s in socks:
                try:
                    s.recv(1024)
                except OSError:
                    pass
            if stop.wait(1):
                break
        for s in socks:
            s.close()

def malformed():
    while not stop.wait(1):
        try:
            s = socket.create_connection(("127.0.0.1", args.port), timeout=10)
            s.sendall(b"GARBAGE\r\n\r\n")
            answer = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                answer += chunk
            s.close()
            with lock:
                counts["malformed"] += 1
            count(answer.startswith(b"HTTP/1.1 400"), f"malformed got {answer[:20]!r}")
        except OSError as error:
            count(False, f"malformed: {error}")

def reloads():
    quotes = os.path.join(data, "quotes.json")
    n = 0
    if args.reload_every <= 0:
        return
    while not stop.wait(args.reload_every):
        n += 1
        records = json.load(open(quotes))
        records[0].setdefault("translation", {})["en"] = f"Soak reload {n}."
        json.dump(records, open(quotes, "w"), ensure_ascii=False)
        server.send_signal(signal.SIGHUP)
        with lock:
            counts["reloads"] += 1

wait_until_answering(f"http://127.0.0.1:{args.port}/health", server)
targets = ["/events?limit=50", "/events/attaf-rejects-terrorist-label", "/quotes?q=%D8%A7%D9%84%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1",
           "/aggregate/events?by=month", "/actors", "/events?format=csv"]
threads = [threading.Thread(target=keep_alive, args=(targets,)) for _ in range(4)]
threads += [threading.Thread(target=f) for f in (per_request, pipelined, slow_readers, malformed, reloads)]
for thread in threads:
    thread.start()
samples = []
started = time.time()
end = started + args.minutes * 60
try:
    while time.time() < end and server.poll() is None:
        samples.append((time.time() - started, rss_mib(server.pid)))
        time.sleep(5)
finally:
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    alive = server.poll() is None
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)

after = [(t, r) for t, r in samples if t >= 60]
slope = 0.0
if len(after) > 2:
    mean_t = sum(t for t, _ in after) / len(after)
    mean_r = sum(r for _, r in after) / len(after)
    slope = sum((t - mean_t) * (r - mean_r) for t, r in after) / sum((t - mean_t) ** 2 for t, _ in after) * 60
results = args.results
os.makedirs(results, exist_ok=True)
with open(os.path.join(results, "soak-rss.csv"), "w") as out:
    out.write("seconds,rss_mib\n")
    for t, r in samples:
        out.write(f"{t:.0f},{r:.1f}\n")
width, height, pad = 720, 300, 50
top = max(r for _, r in samples) * 1.1 if samples else 1
span = max(t for t, _ in samples) if samples else 1
points = " ".join(f"{pad + t / span * (width - 2 * pad):.1f},{height - pad - r / top * (height - 2 * pad):.1f}" for t, r in samples)
svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="{pad}" y="20">chronicle serve RSS under the soak ({args.minutes:g} min, {counts['ok']} answers, {counts['errors']} errors, {counts['reloads']} reloads)</text>
<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="black"/>
<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="black"/>
<text x="{pad - 5}" y="{pad + 4}" text-anchor="end">{top:.0f}</text><text x="{pad - 5}" y="{height - pad}" text-anchor="end">0</text>
<text x="{width - pad}" y="{height - pad + 16}" text-anchor="end">{span / 60:.0f} min</text>
<text x="12" y="{height / 2}" transform="rotate(-90 12 {height / 2})">RSS, MiB</text>
<polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="{points}"/>
</svg>
"""
open(os.path.join(results, "soak-rss.svg"), "w").write(svg)
print(f"soak: {args.minutes:g} min; answers {counts['ok']}, errors {counts['errors']}, malformed sent {counts['malformed']}, "
      f"reloads {counts['reloads']}; server {'alive' if alive else 'DIED'} at the end")
if samples:
    print(f"RSS: first {samples[0][1]:.0f} MiB, at 1 min {after[0][1] if after else 0:.0f} MiB, last {samples[-1][1]:.0f} MiB, "
          f"max {max(r for _, r in samples):.0f} MiB; slope after the first minute {slope:+.2f} MiB/min")
for line in errors:
    print("error:", line)
shutil.rmtree(work, ignore_errors=True)
