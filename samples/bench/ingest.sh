#!/usr/bin/env bash
# The ingest benchmark of issue 16: the seeded synthetic CSV (an id, a label and 20 features) through
# `tributary examplegen` and then `tributary statistics` on each runner profile, next to IngestHandLoop
# (samples/src/main/java/io/tributary/samples/bench/IngestHandLoop.java: one thread, ExampleGen's
# parser, the same Avro output and statistics accumulators) and, with --deequ, Deequ's column
# profiler (Spark local[2], KLL percentiles; samples/src/deequ/java/.../DeequProfile.java).
# Every job runs in a JVM of its own through ./tributary (so with its flags and default -Xmx4g),
# timed wall clock with its JVM start-up, its peak RSS from /usr/bin/time -v.
#
# Options: --sizes=1000000,10000000 (rows; each CSV is generated once, seed 42, and kept),
# --data=DIR (the CSVs, outputs and logs; default $TMPDIR/tributary-ingest-bench),
# --runners=direct,flink-local, --runs=N (runs of each side per size, the median reported; default 1),
# --deequ (also Deequ's profiler; builds samples with -Pdeequ-bench), --deequ-sizes=N,... (default:
# the first size), --baseline=TREE (also the runners of another checkout's ./tributary, e.g.
# /work/main, without rebuilding it: TRIBUTARY_SKIP_BUILD=1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes=1000000,10000000
data="${TMPDIR:-/tmp}/tributary-ingest-bench"
runners=direct,flink-local
runs=1
deequ=0
deequ_sizes=
baseline=
for arg in "$@"; do
  case $arg in
    --sizes=*) sizes=${arg#--sizes=} ;;
    --data=*) data=${arg#--data=} ;;
    --runners=*) runners=${arg#--runners=} ;;
    --runs=*) runs=${arg#--runs=} ;;
    --deequ) deequ=1 ;;
    --deequ-sizes=*) deequ=1; deequ_sizes=${arg#--deequ-sizes=} ;;
    --baseline=*) baseline=$(cd "${arg#--baseline=}" && pwd) ;;
    *) echo "ingest.sh: unknown option $arg; see the comment at the top of $0" >&2; exit 2 ;;
  esac
done
IFS=, read -ra size_list <<<"$sizes"
IFS=, read -ra runner_list <<<"$runners"
deequ_sizes=${deequ_sizes:-${size_list[0]}}
mkdir -p "$data/logs"
data="$(cd "$data" && pwd)"
results="$data/logs/results-$(date +%Y%m%d-%H%M%S).tsv"

"$root/tributary" --version >/dev/null
if [ "$deequ" = 1 ]; then
  mvn -B -q -Dstyle.color=never -f "$root/pom.xml" -pl samples -am process-classes -Pdeequ-bench >/dev/null
else
  mvn -B -q -Dstyle.color=never -f "$root/pom.xml" -pl samples -am compile >/dev/null
fi

# run LOG COMMAND...: runs it under /usr/bin/time -v; sets $seconds (wall), $cpu (user + system
# seconds), $rss_mb (peak RSS), $status.
run() {
  local log=$1 started
  shift
  started=$(date +%s%N)
  status=0
  /usr/bin/time -v -o "$log.time" "$@" >"$log" 2>&1 </dev/null || status=$?
  seconds=$(awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { t += $2 } END { printf "%.2f", t }' "$log.time")
}

# record SIZE SIDE SECONDS RSS_MB OK EXAMPLEGEN_RSS STATISTICS_RSS CPU_SECONDS: a line of the results file.
record() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"
}

# tributary_side SIZE CSV SIDE TRIBUTARY PROFILE RUN: examplegen then statistics in two JVMs.
tributary_side() {
  local size=$1 csv=$2 side=$3 tributary=$4 profile=$5 i=$6
  local out="$data/rows-$size/out-$side" log="$data/logs/$side-$size-$i" rows total total_cpu rss_examples
  rm -rf "$out"
  export TRIBUTARY_HOME="$data/home" TRIBUTARY_SKIP_BUILD=1
  run "$log-examplegen.log" "$tributary" examplegen --input="$csv" --output="$out/examples" --profile="$profile"
  total=$seconds total_cpu=$cpu rss_examples=$rss_mb
  rows=$(sed -n 's/.*done in [0-9.]* s: \([0-9]*\) rows (.*), 0 dead letters.*/\1/p' "$log-examplegen.log")
  if [ "$status" != 0 ] || [ "$rows" != "$size" ]; then
    printf '  %-24s examplegen FAILED after %s s (exit %s, peak RSS %s MB): %s\n' "$side" "$seconds" "$status" \
      "$rss_mb" "$(grep -m1 -iE 'error|failed' "$log-examplegen.log" | cut -c1-160)"
    record "$size" "$side" "$seconds" "$rss_mb" failed "$rss_mb" - "$cpu"
    rm -rf "$out"
    return
  fi
  run "$log-statistics.log" "$tributary" statistics --examples="$out/examples" --output="$out/statistics" --profile="$profile"
  total=$(awk -v a="$total" -v b="$seconds" 'BEGIN { printf "%.2f", a + b }')
  total_cpu=$(awk -v a="$total_cpu" -v b="$cpu" 'BEGIN { printf "%.2f", a + b }')
  if [ "$status" != 0 ]; then
    printf '  %-24s statistics FAILED after %s s (exit %s, peak RSS %s MB): %s\n' "$side" "$seconds" "$status" \
      "$rss_mb" "$(grep -m1 -iE 'error|failed' "$log-statistics.log" | cut -c1-160)"
    record "$size" "$side" "$total" "$(( rss_examples > rss_mb ? rss_examples : rss_mb ))" failed "$rss_examples" "$rss_mb" "$total_cpu"
  else
    printf '  %-24s run %s: %8.1f s (CPU %7.1f s)  %9.0f rows/s  peak RSS examplegen %5s MB, statistics %5s MB\n' \
      "$side" "$i" "$total" "$total_cpu" "$(awk -v r="$size" -v s="$total" 'BEGIN { print r / s }')" "$rss_examples" "$rss_mb"
    record "$size" "$side" "$total" "$(( rss_examples > rss_mb ? rss_examples : rss_mb ))" ok "$rss_examples" "$rss_mb" "$total_cpu"
  fi
  rm -rf "$out"
}

# single_side SIZE SIDE RUN PREFIX COMMAND...: a side that is one JVM printing "PREFIX rows=N ...".
single_side() {
  local size=$1 side=$2 i=$3 prefix=$4 log="$data/logs/$2-$1-$3.log" rows
  shift 4
  run "$log" "$@"
  rows=$(sed -n "s/^$prefix rows=\([0-9]*\).*/\1/p" "$log")
  if [ "$status" != 0 ] || [ "$rows" != "$size" ]; then
    printf '  %-24s FAILED after %s s (exit %s, peak RSS %s MB); see %s\n' "$side" "$seconds" "$status" "$rss_mb" "$log"
    record "$size" "$side" "$seconds" "$rss_mb" failed - - "$cpu"
  else
    printf '  %-24s run %s: %8.1f s (CPU %7.1f s)  %9.0f rows/s  peak RSS %5s MB\n' "$side" "$i" "$seconds" "$cpu" \
      "$(awk -v r="$size" -v s="$seconds" 'BEGIN { print r / s }')" "$rss_mb"
    record "$size" "$side" "$seconds" "$rss_mb" ok - - "$cpu"
  fi
}

echo "ingest.sh: $(uptime | sed 's/.*load/load/'); results in $results"
for size in "${size_list[@]}"; do
  csv="$data/rows-$size/data.csv"
  if [ ! -f "$csv" ]; then
    # Two shards written in parallel, then joined into one file (the second one's header dropped).
    rm -rf "$data/rows-$size"
    "$root/samples/synthetic/generate.sh" --rows="$size" --format=csv --shards=2 --output="$data/rows-$size/shards"
    { cat "$data/rows-$size/shards/Split-train/data-00000-of-00002.csv"
      tail -n +2 "$data/rows-$size/shards/Split-train/data-00001-of-00002.csv"; } >"$csv.partial"
    mv "$csv.partial" "$csv"
    rm -rf "$data/rows-$size/shards"
  fi
  echo "== $size rows, $(du -m "$csv" | cut -f1) MB of CSV"
  for i in $(seq 1 "$runs"); do
    rm -rf "$data/rows-$size/out-hand"
    single_side "$size" hand-loop "$i" ingest-hand-loop: env TRIBUTARY_SKIP_BUILD=1 \
      TRIBUTARY_MAIN=io.tributary.samples.bench.IngestHandLoop TRIBUTARY_CLASSPATH="$root/samples/target/classes" \
      "$root/tributary" "$csv" "$data/rows-$size/out-hand"
    rm -rf "$data/rows-$size/out-hand"
    for runner in "${runner_list[@]}"; do
      tributary_side "$size" "$csv" "$runner" "$root/tributary" "$runner" "$i"
      if [ -n "$baseline" ]; then
        tributary_side "$size" "$csv" "$runner@baseline" "$baseline/tributary" "$runner" "$i"
      fi
    done
    if [ "$deequ" = 1 ] && [[ ",$deequ_sizes," == *",$size,"* ]]; then
      single_side "$size" deequ "$i" deequ-profile: env TRIBUTARY_SKIP_BUILD=1 \
        TRIBUTARY_MAIN=io.tributary.samples.bench.DeequProfile \
        TRIBUTARY_CLASSPATH="$root/samples/target/classes:$(cat "$root/samples/target/deequ.classpath")" \
        "$root/tributary" "$csv"
    fi
  done
done
echo "ingest.sh: $(uptime | sed 's/.*load/load/')"

# The summary: per size and side the median seconds of the runs that succeeded, the highest peak RSS.
echo
awk -F'\t' -v runs="$runs" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((n + 1) / 2)]
  }
  {
    key = $1 SUBSEP $2
    if (!(key in seen)) { seen[key] = 1; order[++count] = key }
    if ($5 == "ok") { times[key] = times[key] " " $3; cpus[key] = cpus[key] " " $8 } else failed[key]++
    if ($4 + 0 > rss[key] + 0) rss[key] = $4
    if ($6 != "-" && $6 + 0 > rssE[key] + 0) rssE[key] = $6
    if ($7 != "-" && $7 + 0 > rssS[key] + 0) rssS[key] = $7
    sizes[$1] = 1
  }
  END {
    target["flink-local"] = 1.3; target["direct"] = 0.6
    printf "%-10s %-22s %9s %8s %9s %11s %8s  %-13s %s\n", "rows", "side", "rows/s", "vs hand", "vs Deequ", "rows/cpu-s", "vs hand", "peak RSS MB", "targets (wall clock vs hand: flink-local >= 1.3x, direct >= 0.6x; direct >= 5x Deequ)"
    for (k = 1; k <= count; k++) {
      split(order[k], part, SUBSEP); size = part[1]; side = part[2]; runner = side; sub(/@.*/, "", runner)
      rate[order[k]] = times[order[k]] == "" ? 0 : size / median(times[order[k]])
      cpuRate[order[k]] = times[order[k]] == "" ? 0 : size / median(cpus[order[k]])
    }
    for (k = 1; k <= count; k++) {
      split(order[k], part, SUBSEP); size = part[1]; side = part[2]; runner = side; sub(/@.*/, "", runner)
      r = rate[order[k]]; hand = rate[size SUBSEP "hand-loop"]; deequ = rate[size SUBSEP "deequ"]
      mem = rssE[order[k]] != "" ? rssE[order[k]] " + " rssS[order[k]] : rss[order[k]]
      if (r == 0) { printf "%-10s %-22s %9s %8s %9s %11s %8s  %-13s failed %d of %d runs\n", size, side, "-", "-", "-", "-", "-", mem, failed[order[k]], runs; continue }
      vsHand = hand > 0 ? sprintf("%.2fx", r / hand) : "-"
      vsDeequ = deequ > 0 ? sprintf("%.2fx", r / deequ) : "-"
      handCpu = cpuRate[size SUBSEP "hand-loop"]
      vsHandCpu = handCpu > 0 ? sprintf("%.2fx", cpuRate[order[k]] / handCpu) : "-"
      note = ""
      if (runner in target && hand > 0) note = sprintf("%.1fx hand: %s", target[runner], r / hand >= target[runner] ? "met" : "MISSED")
      if (runner == "direct" && deequ > 0) note = note sprintf("; 5x Deequ: %s", r / deequ >= 5 ? "met" : "MISSED")
      if (failed[order[k]] > 0) note = note sprintf(" (%d failed runs)", failed[order[k]])
      printf "%-10s %-22s %9.0f %8s %9s %11.0f %8s  %-13s %s\n", size, side, r, vsHand, vsDeequ, cpuRate[order[k]], vsHandCpu, mem, note
    }
    n = 0; for (s in sizes) list[++n] = s + 0
    if (n < 2) exit
    small = list[1]; large = list[1]
    for (i = 2; i <= n; i++) { if (list[i] < small) small = list[i]; if (list[i] > large) large = list[i] }
    printf "\nPeak RSS at %d rows / at %d rows (target <= 1.3):\n", large, small
    for (k = 1; k <= count; k++) {
      split(order[k], part, SUBSEP); side = part[2]
      if (part[1] != small || !((large SUBSEP side) in rss)) continue
      a = rss[small SUBSEP side]; b = rss[large SUBSEP side]; f = failed[large SUBSEP side] > 0
      printf "  %-24s %6d -> %6d MB  %.2fx  %s\n", side, a, b, b / a, f ? "(failed at the large size)" : (b / a <= 1.3 ? "met" : "MISSED")
    }
  }' "$results"
