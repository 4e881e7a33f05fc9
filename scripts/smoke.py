#!/usr/bin/env python3
"""End-to-end check of the real binary, run by .ci/run before the test suite.

Starts `chronicle serve` on free ports (HTTP and HTTPS with a throw-away certificate) over a copy
of Data/, then checks: /health and /ready; /openapi.json with openapi-spec-validator; /metrics with
prometheus_client's parser; HTTPS with certificate verification; SIGHUP reloading a changed dataset
and refusing a broken one while a keep-alive connection stays open; SIGTERM draining to exit 0.
Usage: scripts/smoke.py PATH/TO/chronicle
"""
import http.client, json, os, re, shutil, signal, ssl, subprocess, sys, tempfile, time

from openapi_spec_validator import validate as validate_openapi
from prometheus_client.parser import text_string_to_metric_families

binary = os.path.abspath(sys.argv[1])
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="chronicle-smoke-")
data = os.path.join(work, "Data")
shutil.copytree(os.path.join(repo, "Data"), data)
cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], check=True, capture_output=True)

log = open(os.path.join(work, "server.log"), "w+")
server = subprocess.Popen([binary, "serve", "--port", "0", "--tls-port", "0", "--tls-cert", cert, "--tls-key", key,
                           "--data", data, "--log-format", "json"], stdout=log, stderr=subprocess.STDOUT, cwd=work)
checks = 0


def check(condition, what):
    global checks
    if not condition:
        log.seek(0)
        print(log.read()[-4000:])
        server.kill()
        sys.exit(f"smoke: FAILED: {what}")
    checks += 1


def ports():
    deadline = time.time() + 30
    while time.time() < deadline:
        log.seek(0)
        text = log.read()
        http_port = re.search(r"listening on http://[^:]+:(\d+)", text)
        https_port = re.search(r"listening on https://[^:]+:(\d+)", text)
        if http_port and https_port:
            return int(http_port.group(1)), int(https_port.group(1))
        if server.poll() is not None:
            break
        time.sleep(0.1)
    check(False, "the server did not log its listening lines")


http_port, https_port = ports()
conn = http.client.HTTPConnection("127.0.0.1", http_port, timeout=5)


def get(path, connection=None):
    c = connection or conn
    c.request("GET", path)
    r = c.getresponse()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), r.read()


status, _, body = get("/health")
check(status == 200 and json.loads(body)["status"] == "ok", "/health")
status, _, _ = get("/ready")
check(status == 200, "/ready before draining")

status, _, body = get("/openapi.json")
validate_openapi(json.loads(body))
check(True, "openapi")

get("/events")
get("/events/nope")
status, headers, body = get("/metrics")
families = {f.name: f for f in text_string_to_metric_families(body.decode())}
for name in ["chronicle_http_requests", "chronicle_http_request_duration_seconds", "chronicle_open_connections",
             "chronicle_bytes_sent", "chronicle_tls_handshakes", "chronicle_dataset_records", "chronicle_dataset_load_seconds"]:
    check(name in families, f"/metrics has {name}")
check(families["chronicle_http_request_duration_seconds"].type == "histogram", "latency is a histogram")

context = ssl.create_default_context(cafile=cert)
tls = http.client.HTTPSConnection("localhost", https_port, context=context, timeout=5)
status, headers, body = get("/events?limit=1", tls)
check(status == 200 and headers.get("x-content-type-options") == "nosniff", "HTTPS with a verified certificate")

quotes = os.path.join(data, "quotes.json")
records = json.load(open(quotes))
first = records[0]["id"]
def english(quote_id):
    return json.loads(get("/quotes/" + quote_id)[2])["data"]["translation"]["en"]
check(english(first) == records[0]["translation"]["en"], "a quote before reload")
records[0]["translation"]["en"] = "Changed by the smoke test."
json.dump(records, open(quotes, "w"), ensure_ascii=False)

def wait_for_log(text, count, timeout=60):
    """Waits until the server's log holds `text` at least `count` times (a condition, not a sleep)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        log.seek(0)
        if log.read().count(text) >= count:
            return True
        time.sleep(0.05)
    return False

server.send_signal(signal.SIGHUP)
check(wait_for_log("dataset reloaded", 1), "SIGHUP's reload is logged")
check(english(first) == "Changed by the smoke test.", "SIGHUP served the changed dataset on the same connection")
broken = [dict(record) for record in records]
broken[0]["text"] = "not the span"
json.dump(broken, open(quotes, "w"), ensure_ascii=False)
server.send_signal(signal.SIGHUP)
check(wait_for_log("reload refused", 1), "the refused reload is logged")
check(english(first) == "Changed by the smoke test.", "a broken dataset is refused and the old one serves")

server.send_signal(signal.SIGTERM)
try:
    code = server.wait(timeout=15)
except subprocess.TimeoutExpired:
    code = None
check(code == 0, f"SIGTERM drains and exits 0 (exit status {code})")
print(f"smoke: {checks} checks passed")
shutil.rmtree(work, ignore_errors=True)
