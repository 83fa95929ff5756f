#!/usr/bin/env bash
# Runs TransformBenchmark (samples/src/main/java/io/tributary/samples/bench/TransformBenchmark.java):
# analyze and transform rows/s on the DirectRunner and embedded Flink next to a hand-written loop.
# Options: --data=DIR (a split folder of synthetic Avro examples, required), --runners=direct,flink-local
# (each runner in a JVM of its own, timing its own loop: see each-runner.sh), --runs=N (timed runs per
# figure, the median reported; default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/tributary" --version >/dev/null
mvn -B -q -f "$root/pom.xml" -pl samples -am compile >/dev/null
. "$root/samples/bench/each-runner.sh"
bench_each_runner io.tributary.samples.bench.TransformBenchmark "$@"
