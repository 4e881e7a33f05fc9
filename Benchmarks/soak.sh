#!/usr/bin/env bash
# Benchmarks/soak.sh [minutes]: builds the release binary and runs Benchmarks/soak.py against it
# (30 minutes by default): mixed load, a reload every minute, a malformed request every second;
# RSS over time goes to Benchmarks/results/soak-rss.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product chronicle
exec python3 Benchmarks/soak.py "$(swift build -c release --show-bin-path)/chronicle" --minutes "${1:-30}"
