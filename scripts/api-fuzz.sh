#!/usr/bin/env bash
# Property-based tests of the live API against its own OpenAPI document, with schemathesis and
# every check. Usage: scripts/api-fuzz.sh PATH-TO-CHRONICLE [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"
seconds="${2:-60}"
log=$(mktemp)
"$binary" serve --port 0 --set threads=2 --set log.access=false >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
port=""
for _ in $(seq 1 600); do
  port=$(grep -o 'listening on http://[^ ]*' "$log" | head -n 1 | sed 's/.*://') || true
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start:"; cat "$log"; exit 1; }
schemathesis --config-file scripts/schemathesis.toml run "http://127.0.0.1:$port/openapi.json" \
  --checks all --max-time "$seconds" --workers 2
