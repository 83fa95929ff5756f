#!/usr/bin/env bash
# N full penguin runs (`tributary run samples/penguin/pipeline.yaml`) at once on one home, first on a
# fresh home, then again on the home they filled (every step re-run with --noCache), repeated: how
# many finish, how long each took, and how long each run's writes held the store's write lock
# (the "[run] metadata store:" line each run prints). A manual benchmark, not a test: 8 runs at
# once take several minutes on a 2-core machine. ConcurrentRunsIT is the test.
#
#   samples/bench/concurrent-runs.sh [--runs=4,8] [--repetitions=3] [--work=DIR]
#                                    [--pipeline=FILE] [--metadataUrl=jdbc:postgresql://...]
#
# --metadataUrl runs them on PostgreSQL (each round in a schema of its own, dropped after, when
# psql is on the PATH); the default is the SQLite store of each home. TRIBUTARY=path/to/tributary
# measures another build (default: this checkout's, built first if stale).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tributary="${TRIBUTARY:-$root/tributary}"
runs_list=4,8 repetitions=3 work="${TMPDIR:-/tmp}/tributary-concurrent-runs" pipeline="$root/samples/penguin/pipeline.yaml" url=""
for arg in "$@"; do
  case "$arg" in
    --runs=*) runs_list="${arg#*=}" ;;
    --repetitions=*) repetitions="${arg#*=}" ;;
    --work=*) work="${arg#*=}" ;;
    --pipeline=*) pipeline="$(cd "$(dirname "${arg#*=}")" && pwd)/$(basename "${arg#*=}")" ;;
    --metadataUrl=*) url="${arg#*=}" ;;
    *) echo "concurrent-runs.sh: unknown option $arg (see the comment at the top of the script)" >&2; exit 2 ;;
  esac
done
"$tributary" --version >/dev/null
export TRIBUTARY_SKIP_BUILD=1
# 8 JVMs at once: the default 4 GB heap each is more than the penguin data needs.
export TRIBUTARY_JAVA_OPTS="${TRIBUTARY_JAVA_OPTS:--Xmx1g}"
mkdir -p "$work"
summary="$work/summary.tsv"
printf 'runs\trepetition\thome\tfailures\twall_s\tslowest_run_s\tlock_ms_per_run\tlongest_lock_ms\n' >"$summary"

# One round: $1 runs at once on home $2 with the extra options in the rest; logs in $2/logs-$tag.
round() {
  local n=$1 home=$2 tag=$3; shift 3
  local logs="$home/logs-$tag" pids=() failures=0 started ended
  mkdir -p "$logs"
  # With --metadataUrl the artifacts still go under the home (TRIBUTARY_HOME).
  local store=(--home="$home")
  [ -n "$url" ] && store=(--metadataUrl="$url")
  export TRIBUTARY_HOME="$home"
  started=$(date +%s.%N)
  for i in $(seq 1 "$n"); do
    ( s=$(date +%s.%N); rc=0; "$tributary" run "${store[@]}" "$@" "$pipeline" >"$logs/run-$i.log" 2>&1 || rc=$?
      echo "$rc $(echo "$(date +%s.%N) - $s" | bc)" >"$logs/run-$i.rc" ) &
    pids+=($!)
  done
  wait "${pids[@]}"
  ended=$(date +%s.%N)
  local slowest=0 locks=() longest=0
  for i in $(seq 1 "$n"); do
    read -r rc secs <"$logs/run-$i.rc"
    if [ "$rc" != 0 ]; then
      failures=$((failures + 1))
      echo "  run $i exit $rc: $(grep -v '^\[' "$logs/run-$i.log" | tail -1)"
    fi
    slowest=$(echo "if ($secs > $slowest) $secs else $slowest" | bc)
    line=$(grep '^\[run\] metadata store:' "$logs/run-$i.log" || true)
    if [ -n "$line" ]; then
      locks+=("$(echo "$line" | sed -E 's/.*held the lock ([0-9.]+) ms.*/\1/')")
      l=$(echo "$line" | sed -E 's/.*longest ([0-9.]+) ms.*/\1/')
      longest=$(echo "if ($l > $longest) $l else $longest" | bc)
    fi
  done
  printf '%s\t%s\t%s\t%s\t%.0f\t%.0f\t%s\t%s\n' "$n" "$rep" "$tag" "$failures" \
    "$(echo "$ended - $started" | bc)" "$slowest" "$(IFS=,; echo "${locks[*]}")" "$longest" | tee -a "$summary"
}

IFS=, read -r -a counts <<<"$runs_list"
for n in "${counts[@]}"; do
  for rep in $(seq 1 "$repetitions"); do
    home="$work/home-$n-$rep"
    rm -rf "$home"
    if [ -n "$url" ]; then
      # A schema per round: fresh, then existing.
      schema="bench_${n}_${rep}_$$"
      url="${url%%&currentSchema=*}&currentSchema=$schema"
      psql "$(echo "${url#jdbc:}" | sed -E 's/[?&]currentSchema=[^&]*//')" -qc "create schema $schema" >/dev/null
    fi
    round "$n" "$home" fresh
    round "$n" "$home" existing --noCache=\*
    [ -n "$url" ] && PGOPTIONS=--client-min-messages=warning psql "$(echo "${url#jdbc:}" | sed -E 's/[?&]currentSchema=[^&]*//')" -qc "drop schema $schema cascade" >/dev/null
  done
done
echo "summary: $summary (uptime: $(uptime | sed 's/.*load/load/'))"
