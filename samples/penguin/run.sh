#!/usr/bin/env bash
# Runs the penguin pipeline end to end on the embedded defaults (DirectRunner, no cluster).
# Today the pipeline is ExampleGen; later components are added here as they land.
#
#   samples/penguin/run.sh [--profile=flink-local|spark-local|flink-cluster] [more job options]
#
# Output: $TRIBUTARY_HOME/pipelines/penguin/ (default ~/.tributary), laid out as TFX does:
# <pipeline root>/<Component>/<output>/<run id>/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pipeline_root="${TRIBUTARY_HOME:-$HOME/.tributary}/pipelines/penguin"
run_id="$(date -u +%Y%m%dT%H%M%SZ)"
examples="$pipeline_root/ExampleGen/examples/$run_id"

"$root/tributary" examplegen \
  --input="$here/data/penguins.csv" \
  --output="$examples" \
  "$@"

echo
echo "penguin pipeline done: examples in $examples"
