#!/usr/bin/env bash
# Runs InferenceBenchmark (samples/src/main/java/io/tributary/samples/bench/InferenceBenchmark.java):
# BulkInferrer rows/s on the DirectRunner and embedded Flink next to a single-threaded Tribuo predict loop.
# Options: --data=DIR (a split folder of synthetic Avro examples, required), --runners=direct,flink-local,
# --train-rows=N (rows the transform and model are fitted on before timing; default 20000),
# --runs=N (timed runs per figure, the median reported; default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/tributary" --version >/dev/null
mvn -B -q -f "$root/pom.xml" -pl samples -am compile >/dev/null
TRIBUTARY_MAIN=io.tributary.samples.bench.InferenceBenchmark TRIBUTARY_CLASSPATH="$root/samples/target/classes" \
  exec "$root/tributary" "$@"
