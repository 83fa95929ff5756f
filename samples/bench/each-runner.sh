# Sourced by the benchmark scripts that compare runners with a loop: runs the benchmark's main
# class once per runner of --runners (default direct,flink-local, as the benchmarks' own), each in
# a fresh JVM that times its own loop first, so every ratio is still to a loop of the same process.
#
# Why not every runner in one JVM: a runner timed after another ran slower there. Embedded Flink
# after the DirectRunner scored 1.33x-1.49x the loop; in a JVM of its own, or first, 1.61x-1.62x
# (2026-11-22, 1M rows). Which leftover of the first runner costs it (the JIT's profiles of the
# shared code, the heap) was not isolated.
#
# Needs $root (the repository) set; usage: bench_each_runner MAIN_CLASS "$@"
bench_each_runner() {
  local main=$1 runners=direct,flink-local runner arg
  shift
  local args=()
  for arg in "$@"; do
    case $arg in
      --runners=*) runners=${arg#--runners=} ;;
      *) args+=("$arg") ;;
    esac
  done
  local list
  IFS=, read -ra list <<<"$runners"
  for runner in "${list[@]}"; do
    echo "=== $runner, in a JVM of its own"
    TRIBUTARY_MAIN=$main TRIBUTARY_CLASSPATH="$root/samples/target/classes" \
      "$root/tributary" ${args[@]+"${args[@]}"} "--runners=$runner"
  done
}
