#!/usr/bin/env bash
# Benchmarks `tributary serve` with the penguin model: trains it (ExampleGen, Transform, Trainer),
# evaluates it and pushes it as version 1 of "penguin" (Evaluator, Pusher), starts the server, and runs ServeLoad (samples/src/main/java/io/tributary/samples/bench/ServeLoad.java) in a
# second JVM for BENCH_SECONDS (default 30) with single instances, then with batches of 100.
#
#   samples/bench/serve.sh [WORK_DIR]      # WORK_DIR is reused: the model is trained only once
#
# Environment: BENCH_SECONDS (30), BENCH_CONNECTIONS (4), BENCH_PORT (8501), BENCH_BATCHES ("1 100"),
# BENCH_RATE (requests/s for an open loop; unset: closed loop), BENCH_SERVE_OPTS (more `serve`
# options, e.g. the request log's), BENCH_BUILT=1 (skip building). The server and the load
# generator share the machine; the figures are for both on it. Everything binds 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mkdir -p "${1:-/tmp/tributary-serve-bench}" && cd "${1:-/tmp/tributary-serve-bench}" && pwd)"
seconds="${BENCH_SECONDS:-30}"
connections="${BENCH_CONNECTIONS:-4}"
port="${BENCH_PORT:-8501}"
tributary="$root/tributary"
spec="$root/pipeline-jobs/src/test/resources/io/tributary/jobs/testing/penguin-transform.yaml"

batches="${BENCH_BATCHES:-1 100}"
rate_option=()
[ -n "${BENCH_RATE:-}" ] && rate_option=(--rate="$BENCH_RATE")
read -r -a serve_options <<<"${BENCH_SERVE_OPTS:-}"

if [ "${BENCH_BUILT:-0}" != 1 ]; then
  "$tributary" --version >/dev/null
  mvn -B -q -f "$root/pom.xml" -pl samples -am compile >/dev/null
fi

if [ ! -d "$work/serving/penguin/1" ]; then
  echo "serve.sh: training the penguin model in $work ..." >&2
  rm -rf "$work/examples" "$work/transform" "$work/model" "$work/evaluation" "$work/serving"
  "$tributary" examplegen --input="$root/samples/penguin/data/penguins.csv" --output="$work/examples" >/dev/null
  # The spec the serving tests use: every feature imputed, so every raw penguin can be scored.
  "$tributary" transform --examples="$work/examples" --spec="$spec" --output="$work/transform" >/dev/null
  "$tributary" train --examples="$work/examples" --transform="$work/transform/transform_fn" \
    --config="$root/samples/penguin/trainer.yaml" --output="$work/model" >/dev/null
  "$tributary" evaluate --examples="$work/examples" --model="$work/model" \
    --config="$root/samples/penguin/evaluation.yaml" --output="$work/evaluation" >/dev/null
  "$tributary" push --model="$work/model" --blessing="$work/evaluation" --modelName=penguin \
    --servingDir="$work/serving" >/dev/null
fi

TRIBUTARY_SKIP_BUILD=1 TRIBUTARY_JAVA_OPTS="-Xmx1g" "$tributary" serve --models="$work/serving" --port="$port" \
  "${serve_options[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$port/ready" >/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/ready" >/dev/null || { echo "serve.sh: the server did not get ready" >&2; exit 1; }

for batch in $batches; do
  TRIBUTARY_SKIP_BUILD=1 TRIBUTARY_JAVA_OPTS="-Xmx512m" TRIBUTARY_MAIN=io.tributary.samples.bench.ServeLoad \
    TRIBUTARY_CLASSPATH="$root/samples/target/classes" "$tributary" \
    --url="http://127.0.0.1:$port" --model=penguin --examples="$work/examples/Split-eval" \
    --batch="$batch" --seconds="$seconds" --connections="$connections" "${rate_option[@]}"
done
echo "server-side figures (GET /v1/metrics):"
curl -fs "http://127.0.0.1:$port/v1/metrics"; echo
