#!/usr/bin/env bash
# Builds the parser fuzzer with libFuzzer and AddressSanitizer and runs it.
#   Fuzz/run.sh [SECONDS]     (default 600)
# HTTPTypes and ChronicleHTTP are compiled as their own modules with the sanitizers on, then linked
# with the fuzz entry point. Findings land in Fuzz/out/; the corpus grows in Fuzz/corpus-run/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
swift package resolve >/dev/null
types=.build/checkouts/swift-http-types/Sources/HTTPTypes
out=Fuzz/out
mkdir -p "$out" Fuzz/corpus-run
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -wmo -I "$out" -I Sources/CZlib)
for version in 1.0 1.1 1.2 1.3 1.6 1.7; do
  flags+=(-enable-experimental-feature "AvailabilityMacro=HTTPTypes $version: macOS 10.0")
done
swiftc "${flags[@]}" -module-name HTTPTypes -emit-module -emit-module-path "$out/HTTPTypes.swiftmodule" \
  -c "$types"/*.swift -o "$out/HTTPTypes.o"
swiftc "${flags[@]}" -module-name ChronicleHTTP -emit-module -emit-module-path "$out/ChronicleHTTP.swiftmodule" \
  -c Sources/ChronicleHTTP/*.swift -o "$out/ChronicleHTTP.o"
swiftc "${flags[@]}" -module-name ParserFuzzer Fuzz/ParserFuzzer.swift "$out/HTTPTypes.o" "$out/ChronicleHTTP.o" \
  -lz -o "$out/parser-fuzzer"
cp -n Fuzz/corpus/* Fuzz/corpus-run/ 2>/dev/null || true
# Inputs that once crashed the target run first, as regression vectors (a crash found in CI is
# saved in Fuzz/out/crash-*; add it to Fuzz/regressions/ with the fix).
if compgen -G "Fuzz/regressions/*" >/dev/null; then "$out/parser-fuzzer" Fuzz/regressions/*; fi
"$out/parser-fuzzer" -max_total_time="$seconds" -max_len=4096 -dict=Fuzz/http.dict \
  -artifact_prefix="$out/" -print_final_stats=1 Fuzz/corpus-run
