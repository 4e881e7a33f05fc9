#!/usr/bin/env bash
# Builds and runs the real Dockerfile with podman on a machine without a registry or Docker engine.
#
# Local stand-ins for the two base images are assembled and tagged with their public names:
#   debian:bookworm-slim  a Debian bookworm rootfs from `debootstrap --variant=minbase`
#   swift:6.3-bookworm    the same plus this machine's Swift toolchain (/opt/swift) and git
# The build runs with --pull=never; Swift packages resolve through a read-only mount of the
# machine's package mirror (/opt/swift-packages) and a git insteadOf for https://github.com/.
# Then the image is run and checked as a platform engineer would: /health and /events, uid and gid
# 10001 with a named group, the HEALTHCHECK after a port change (--port and CHRONICLE_PORT), a
# read-only root, a mounted data directory, `chronicle reload`, JSON logs with typed values, the
# exact shared libraries, a stripped binary, the exposed ports, and a stop with a client stuck
# mid-request that must end within podman's default 10 s (exit 0, not SIGKILL's 137).
#   scripts/container-test.sh [PORT]     (as root; installs podman and debootstrap if missing;
#                                         without PORT a free one is picked; host networking)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
work=${CONTAINER_WORK:-/var/tmp/chronicle-container}
mkdir -p "$work"

need=()
for pkg in podman debootstrap runc uidmap; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Settings known to work in this sandbox: vfs storage, runc, cgroupfs, generous ulimits.
cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
cat > "$work/storage.conf" <<CONF
[storage]
driver = "vfs"
runroot = "$work/run"
graphroot = "$work/storage"
CONF
export CONTAINERS_CONF="$work/containers.conf" CONTAINERS_STORAGE_CONF="$work/storage.conf"

mirror=http://deb.debian.org/debian
if ! podman image exists docker.io/library/debian:bookworm-slim; then
  echo "== debootstrap bookworm (minbase)"
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >/dev/null
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb
  tar -C "$work/rootfs" -c . | podman import --change 'CMD ["bash"]' - docker.io/library/debian:bookworm-slim
fi
if ! podman image exists docker.io/library/swift:6.3-bookworm; then
  echo "== swift:6.3-bookworm stand-in (bookworm + /opt/swift)"
  mkdir -p "$work/swift-context"
  cat > "$work/swift-context/Containerfile" <<'SWIFT'
FROM docker.io/library/debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev libncurses-dev libpython3-dev \
      libsqlite3-0 libstdc++-12-dev libxml2-dev libz3-dev pkg-config tzdata zlib1g-dev ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY swift /usr
RUN git config --system url./opt/swift-packages/.insteadOf https://github.com/
SWIFT
  rm -rf "$work/swift-context/swift"
  cp -a /opt/swift/usr "$work/swift-context/swift"
  podman build --pull=never --network=host -t docker.io/library/swift:6.3-bookworm "$work/swift-context"
  rm -rf "$work/swift-context"
fi

echo "== podman build (the project's Dockerfile)"
# Docker format: the OCI image format has no HEALTHCHECK.
podman build --format docker --pull=never --network=host -v /opt/swift-packages:/opt/swift-packages:ro -t chronicle:test .

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=${1:-$(free_port)}
failures=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }
wait_health() { for _ in $(seq 1 100); do curl -sf "localhost:$1/health" >/dev/null && return 0; sleep 0.2; done; return 1; }
stop() { podman rm -f "$@" >/dev/null 2>&1 || true; }

echo "== image"
size=$(podman image inspect chronicle:test --format '{{.Size}}')
base=$(podman image inspect docker.io/library/debian:bookworm-slim --format '{{.Size}}')
echo "image size: $size bytes ($((size / 1000000)) MB; the base image $((base / 1000000)) MB, Chronicle's layers $(((size - base) / 1000000)) MB)"
podman history --format '{{.Size}}	{{.CreatedBy}}' chronicle:test | cut -c1-150
check "exposes 8080 and 8443" "podman image inspect chronicle:test --format '{{json .Config.ExposedPorts}}' | grep -q 8080 && podman image inspect chronicle:test --format '{{json .Config.ExposedPorts}}' | grep -q 8443"
check "the HEALTHCHECK is the binary" "podman image inspect chronicle:test | tr -d ' \n' | grep -q '\"chronicle\",\"healthcheck\"'"
# Exactly these shared objects, no others: the C library, the dynamic loader and the kernel's vDSO,
# libm, libstdc++/libgcc_s (Foundation's ICU data), libssl/libcrypto and zlib.
allowed='linux-vdso\.so\.1|(/lib64/)?ld-linux-x86-64\.so\.2|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|libssl\.so\.3|libcrypto\.so\.3|libz\.so\.1'
libraries=$(podman run --rm --entrypoint ldd chronicle:test /usr/local/bin/chronicle | awk '{print $1}')
unexpected=$(echo "$libraries" | grep -vE "^($allowed)$" || true)
echo "linked: $(echo $libraries)"
check "links only the allowed libraries (unexpected: ${unexpected:-none})" "[ -z '$unexpected' ]"
check "no library is missing" "! podman run --rm --entrypoint ldd chronicle:test /usr/local/bin/chronicle | grep -q 'not found'"
podman create --name chronicle-copy chronicle:test >/dev/null
podman cp chronicle-copy:/usr/local/bin/chronicle "$work/chronicle.bin"
stop chronicle-copy
echo "binary: $(stat -c %s "$work/chronicle.bin") bytes"
check "the binary is stripped (no .debug_info, no .symtab)" "! readelf -S '$work/chronicle.bin' | grep -qE '\.debug_info|\.symtab'"
check "it names its debug file (.gnu_debuglink)" "readelf -S '$work/chronicle.bin' | grep -q gnu_debuglink"
rm -f "$work/chronicle.bin"

echo "== run with --port $port, read-only root, JSON logs"
stop chronicle-test
# No systemd here to time health checks: they are run by hand below.
podman run -d --name chronicle-test --network=host --read-only --health-interval=disable \
  -e CHRONICLE_LOG_FORMAT=json chronicle:test serve --port "$port" >/dev/null
wait_health "$port" || true
check "/health answers 200" "curl -sf localhost:$port/health | grep -q ok"
check "/events serves the shipped data" "curl -sf localhost:$port/events | grep -q mali-withdraws-from-algiers-accords"
check "the image ships the data's index file, and it verifies" "podman exec chronicle-test chronicle index --verify /app/index/chronicle.index"
check "/dashboard is served" "curl -sf localhost:$port/dashboard | grep -q '<title>Chronicle</title>'"
check "runs as uid 10001, gid 10001 named chronicle" "[ \"\$(podman exec chronicle-test id)\" = 'uid=10001(chronicle) gid=10001(chronicle) groups=10001(chronicle)' ]"
check "HEALTHCHECK passes with serve --port $port (default CHRONICLE_PORT is 8080)" "podman healthcheck run chronicle-test"
check "chronicle reload signals the server, which reloads" "podman exec chronicle-test chronicle reload && for _ in \$(seq 1 50); do curl -sf localhost:$port/ready | grep -q '\"generation\":2' && break; sleep 0.2; done; curl -sf localhost:$port/ready | grep -q '\"generation\":2'"
podman logs chronicle-test > "$work/json.log" 2>&1
check "JSON log lines: millisecond timestamps, numbers as numbers" "python3 - '$work/json.log' <<'PY'
import json, re, sys
lines = [json.loads(line) for line in open(sys.argv[1]) if line.startswith('{')]
assert lines and all(re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z', l['ts']) for l in lines), lines[:2]
access = [l for l in lines if l['msg'] == 'request']
assert access and all(isinstance(l['status'], int) and isinstance(l['bytes'], int) and isinstance(l['duration_us'], int) for l in access)
loaded = next(l for l in lines if l['msg'] == 'dataset loaded')
assert isinstance(loaded['events'], int) and isinstance(loaded['load_ms'], int)
PY"
check "started from the shipped index file, without loading the files or writing a file" "python3 - '$work/json.log' <<'PY'
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1]) if line.startswith('{')]
loaded = next(l for l in lines if l['msg'] == 'dataset loaded')
assert loaded['source'] == 'snapshot', loaded
assert not any(l['msg'] in ('snapshot not used; loading the data files', 'snapshot saved') for l in lines), lines
PY"
stop chronicle-test

echo "== the port from CHRONICLE_PORT, data from a mounted directory"
cp -r Data "$work/data-copy"
podman run -d --name chronicle-test --network=host --read-only --health-interval=disable \
  -e CHRONICLE_PORT="$port" -e CHRONICLE_DATA=/data -v "$work/data-copy:/data:ro,Z" chronicle:test >/dev/null
wait_health "$port" || true
check "serves the mounted data directory" "curl -sf localhost:$port/ready | grep -q '\"events\":12'"
check "HEALTHCHECK passes with CHRONICLE_PORT=$port" "podman healthcheck run chronicle-test"

echo "== stop with a client stuck mid-request"
# A request head that never ends: the server must give up on it within its drain deadline.
python3 -c "
import socket, sys, time
s = socket.create_connection(('127.0.0.1', $port)); s.sendall(b'GET /events HTTP/1.1\r\nHost: stuck\r\n'); time.sleep(30)" &
stuck=$!
for _ in $(seq 1 50); do curl -sf "localhost:$port/metrics" | grep -qE '^chronicle_open_connections ([2-9]|[1-9][0-9])' && break; sleep 0.1; done
begin=$(date +%s%N)
podman stop chronicle-test >/dev/null   # podman's default: SIGTERM, then SIGKILL after 10 s
elapsed_ms=$(( ($(date +%s%N) - begin) / 1000000 ))
code=$(podman inspect chronicle-test --format '{{.State.ExitCode}}')
kill "$stuck" 2>/dev/null || true
echo "stop took $elapsed_ms ms, exit status $code"
check "stops before podman's 10 s SIGKILL, exit status 0 (got $code in $elapsed_ms ms)" "[ '$code' = 0 ] && [ $elapsed_ms -lt 10000 ]"
check "the log ends with \"stopped\"" "podman logs chronicle-test 2>&1 | tail -1 | grep -q stopped"
podman logs chronicle-test 2>&1 | tail -3
stop chronicle-test
rm -rf "$work/data-copy"
podman rmi -f chronicle:test >/dev/null 2>&1 || true
podman image prune -f >/dev/null 2>&1 || true  # vfs keeps a full copy per layer: give the disk back
echo "container test: $failures failed, $(( $(date +%s) - started )) s"
exit $failures
