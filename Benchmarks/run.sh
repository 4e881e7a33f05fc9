#!/usr/bin/env bash
# Benchmarks/run.sh [bench.py options]: builds the release binary, installs wrk and nginx if missing,
# and runs Benchmarks/bench.py (Chronicle against nginx, alternating, in one session).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for pkg in wrk nginx-light openssl; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
# nginx from Debian starts a service on install; the benchmark runs its own instance.
service nginx stop >/dev/null 2>&1 || true
swift build -c release --product chronicle
ulimit -n 65536 2>/dev/null || true
exec python3 Benchmarks/bench.py "$@"
