#!/usr/bin/env bash
# Writes the seeded synthetic benchmark data set as examples. Options: --rows, --seed, --format
# (avro|parquet), --shards, --split, --output (required); --help lists them.
# Runs on the shaded jar (built by ./tributary when stale) plus the samples module's classes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/tributary" --version >/dev/null
mvn -B -q -f "$root/pom.xml" -pl samples -am compile >/dev/null
exec java -cp "$root/pipeline-jobs/target/tributary.jar:$root/samples/target/classes" \
  io.tributary.samples.synthetic.GenerateSyntheticData "$@"
