#!/usr/bin/env bash
# Benchmarks/run.sh [bench.py options]: builds the release binary, installs wrk and nginx if missing,
# and runs Benchmarks/bench.py (Chronicle against nginx, alternating, in one session) with both
# servers writing an access log, as deployed (Chronicle's default; nginx buffered, 64 KiB); the
# table's last column says which of issue 13's targets are met. BENCH_ACCESS_LOG=0 compares them
# with the logs off.
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
log_flag=(--access-log)
[ "${BENCH_ACCESS_LOG:-1}" = 0 ] && log_flag=()
exec python3 Benchmarks/bench.py "${log_flag[@]}" "$@"
