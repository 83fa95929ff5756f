#!/usr/bin/env bash
# Runs the penguin pipeline (samples/penguin/pipeline.yaml) end to end on the embedded defaults:
# the DirectRunner, and the SQLite metadata store in $TRIBUTARY_HOME (default ~/.tributary).
#
#   samples/penguin/run.sh [--profile=flink-local|spark-local|flink-cluster] [--noCache] [...]
#
# A second run reuses every cached result; see README.md for the options.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../../tributary" run "$here/pipeline.yaml" "$@"
