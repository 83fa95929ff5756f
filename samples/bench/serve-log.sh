#!/usr/bin/env bash
# The request log's cost: p99 latency of `tributary serve` at a fixed 1,000 requests/s (open loop,
# single instances, 4 connections) with every request logged, against logging off, back to back.
# Runs serve.sh (which trains and publishes the penguin model once) ROUNDS times in each mode,
# alternating, so that a shared machine's load falls on both alike, and prints each run's line
# with the load average, then the log's own counters and its size per row.
#
#   samples/bench/serve-log.sh [WORK_DIR]
#
# Environment: BENCH_ROUNDS (3), BENCH_SECONDS (30), BENCH_RATE (1000), and serve.sh's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mkdir -p "${1:-/tmp/tributary-serve-bench}" && cd "${1:-/tmp/tributary-serve-bench}" && pwd)"
rounds="${BENCH_ROUNDS:-3}"
export BENCH_RATE="${BENCH_RATE:-1000}" BENCH_BATCHES=1 BENCH_SECONDS="${BENCH_SECONDS:-30}"

"$root/tributary" --version >/dev/null
mvn -B -q -f "$root/pom.xml" -pl samples -am compile >/dev/null
export BENCH_BUILT=1

results="$work/serve-log-results.txt"
: >"$results"
for round in $(seq 1 "$rounds"); do
  for mode in off on; do
    options=""
    if [ "$mode" = on ]; then
      rm -rf "$work/request-log"
      options="--logDir=$work/request-log --logSampleRate=1 --logRollSeconds=10"
    fi
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    out="$(BENCH_SERVE_OPTS="$options" "$root/samples/bench/serve.sh" "$work")"
    line="$(grep '^batch=' <<<"$out")"
    echo "round $round logging=$mode load=[$load] $line" | tee -a "$results"
    if [ "$mode" = on ]; then
      grep -o '"request_log":{[^}]*}' <<<"$out" | tee -a "$results"
      rows="$(grep -o '"written_rows":[0-9]*' <<<"$out" | cut -d: -f2)"
      bytes="$(find "$work/request-log" -name '*.avro' -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
      echo "request log: $rows rows in $bytes bytes ($((bytes / (rows > 0 ? rows : 1))) bytes per row)" | tee -a "$results"
    fi
  done
done
echo "p99 (ms) by mode:"
for mode in off on; do
  echo "  $mode: $(grep "logging=$mode" "$results" | grep -o 'p99=[0-9.]*' | cut -d= -f2 | tr '\n' ' ')"
done
