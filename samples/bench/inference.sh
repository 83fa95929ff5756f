#!/usr/bin/env bash
# Runs InferenceBenchmark (samples/src/main/java/io/tributary/samples/bench/InferenceBenchmark.java):
# BulkInferrer rows/s on the DirectRunner and embedded Flink next to a single-threaded Tribuo predict loop.
# Options: --data=DIR (a split folder of synthetic Avro examples, required), --runners=direct,flink-local
# (each runner in a JVM of its own, timing its own loop: see each-runner.sh),
# --train-rows=N (rows the transform and model are fitted on before timing; default 20000),
# --runs=N (timed runs per figure, the median reported; default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/tributary" --version >/dev/null
mvn -B -q -f "$root/pom.xml" -pl samples -am compile >/dev/null
. "$root/samples/bench/each-runner.sh"
bench_each_runner io.tributary.samples.bench.InferenceBenchmark "$@"
