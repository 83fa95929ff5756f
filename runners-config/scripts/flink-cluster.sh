#!/usr/bin/env bash
# Starts, stops and inspects a real standalone Flink 1.19.0 session cluster on 127.0.0.1, built
# from Maven artifacts alone (no Flink distribution needed). Run with -h for usage.
#
# Layout (all relative to runners-config/flink-cluster/):
#   pom.xml           the cluster's jars (not a reactor module), fetched into run/lib
#   conf/             config.yaml (Flink 1.19 reads that name) and log4j.properties
#   run/              git-ignored: lib/, log/, tmp/, jobmanager.pid, taskmanager.pid
set -euo pipefail

readonly SCRIPT_NAME="flink-cluster.sh"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
CLUSTER_DIR="$(cd "${SCRIPT_DIR}/../flink-cluster" && pwd)"
readonly CLUSTER_DIR
readonly CONF_DIR="${CLUSTER_DIR}/conf"
readonly POM="${CLUSTER_DIR}/pom.xml"
readonly RUN_DIR="${CLUSTER_DIR}/run"
readonly LIB_DIR="${RUN_DIR}/lib"
readonly LOG_DIR="${RUN_DIR}/log"

# Keep these in line with conf/config.yaml.
readonly HOST="127.0.0.1"
readonly REST_PORT="8081"
readonly RPC_PORT="6123"

readonly START_TIMEOUT_S="${FLINK_CLUSTER_START_TIMEOUT:-120}"
# Stopped in this order: the TaskManager first, so that it does not spend its shutdown reconnecting
# to a gone JobManager.
readonly STOP_ORDER=(taskmanager jobmanager)
readonly STOP_TIMEOUT_S="${FLINK_CLUSTER_STOP_TIMEOUT:-30}"

readonly JM_CLASS="org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"
readonly TM_CLASS="org.apache.flink.runtime.taskexecutor.TaskManagerRunner"

# shellcheck source=cluster-common.sh
source "${SCRIPT_DIR}/cluster-common.sh"

# Flink 1.19's own Java 17 flags (env.java.opts.all of its default config.yaml). The cluster is
# started without Flink's bin/ scripts, so they are passed here.
readonly JAVA17_FLAGS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

usage() {
  cat <<EOF
Usage: ${SCRIPT_NAME} start|stop|status [-h]

Runs a standalone Flink 1.19.0 session cluster (one JobManager, one TaskManager with 2 slots)
on ${HOST} only, from Maven artifacts fetched into ${RUN_DIR}/lib.

  start    Fetch the jars if needed, start the JobManager and the TaskManager in the background
           and wait (at most ${START_TIMEOUT_S} s) until the TaskManager has registered. Does
           nothing if this cluster is already running. Fails if port ${REST_PORT} is taken.
  stop     Stop the TaskManager, then the JobManager (SIGTERM, SIGKILL after ${STOP_TIMEOUT_S} s).
           Does nothing if nothing is running.
  status   Print whether the cluster runs, and its /overview. Exit code: 0 running and healthy,
           3 not running, 1 partly running or unhealthy.

Submit Beam pipelines with --runner=FlinkRunner --flinkMaster=${HOST}:${REST_PORT}.
Web UI and REST API: http://${HOST}:${REST_PORT}   Logs: ${LOG_DIR}
Environment: FLINK_CLUSTER_START_TIMEOUT, FLINK_CLUSTER_STOP_TIMEOUT (seconds).
EOF
}

main_class() { if [[ "$1" == jobmanager ]]; then echo "${JM_CLASS}"; else echo "${TM_CLASS}"; fi; }

registered_taskmanagers() {
  local overview
  overview="$(http_get "${REST_PORT}" /overview)" || { echo 0; return 0; }
  local n
  n="$(grep -o '"taskmanagers":[0-9]*' <<<"${overview}" | cut -d: -f2)" || true
  echo "${n:-0}"
}

# Runs BashJavaUtils the way Flink's scripts do, to turn the memory sizes of config.yaml into JVM
# flags (line 1 of its result) and -D dynamic properties (line 2). Without them the TaskManager dies
# in its memory set-up. Sets the arrays <component>_jvm and <component>_props.
# shellcheck disable=SC2034 # out_jvm, out_props are namerefs to the caller's arrays
resource_params() {
  local component="$1" command output results
  [[ "${component}" == jobmanager ]] && command=GET_JM_RESOURCE_PARAMS || command=GET_TM_RESOURCE_PARAMS
  output="$(cd "${CLUSTER_DIR}" && java -Dlog.file="${LOG_DIR}/bash-java-utils.log" \
    -Dlog4j.configurationFile="file:${CONF_DIR}/log4j.properties" \
    -classpath "${LIB_DIR}/*" org.apache.flink.runtime.util.bash.BashJavaUtils \
    "${command}" --configDir "${CONF_DIR}" 2>&1 9>&-)" \
    || die "BashJavaUtils ${command} failed: ${output}"
  results="$(sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p' <<<"${output}")"
  [[ -n "${results}" && "$(wc -l <<<"${results}")" -eq 2 ]] \
    || die "unexpected BashJavaUtils ${command} output (see ${LOG_DIR}/bash-java-utils.log): ${output}"
  local -n out_jvm="${component}_jvm" out_props="${component}_props"
  read -r -a out_jvm <<<"$(sed -n 1p <<<"${results}")"
  read -r -a out_props <<<"$(sed -n 2p <<<"${results}")"
}

launch() {
  local component="$1"
  local -n jvm_flags="${component}_jvm" dynamic_props="${component}_props"
  local log="${LOG_DIR}/flink-${component}.log" out="${LOG_DIR}/flink-${component}.out"
  # The working directory is run/'s parent, so that the relative paths of config.yaml land in
  # run/. fd 9 (the lock) is closed so that the JVM does not hold the lock for its whole life.
  (
    cd "${CLUSTER_DIR}"
    # An empty plugins folder, or Flink warns that it has none.
    export FLINK_PLUGINS_DIR="${RUN_DIR}/plugins"
    exec nohup java "${jvm_flags[@]}" "${JAVA17_FLAGS[@]}" \
      -Dlog.file="${log}" -Dlog4j.configurationFile="file:${CONF_DIR}/log4j.properties" \
      -classpath "${LIB_DIR}/*" "$(main_class "${component}")" \
      --configDir "${CONF_DIR}" "${dynamic_props[@]}" >"${out}" 2>&1 </dev/null 9>&-
  ) &
  echo "$!" >"$(pid_file "${component}")"
}

flink_log_tails() {
  print_log_tails "${LOG_DIR}"/flink-jobmanager.log "${LOG_DIR}"/flink-jobmanager.out \
    "${LOG_DIR}"/flink-taskmanager.log "${LOG_DIR}"/flink-taskmanager.out
}

# Waits until the TaskManager has registered, at most $1 seconds. Fails early if a JVM died.
wait_until_ready() {
  local deadline=$((SECONDS + $1))
  while ((SECONDS < deadline)); do
    if (($(registered_taskmanagers) >= 1)); then
      return 0
    fi
    all_alive jobmanager taskmanager || return 1
    sleep 1
  done
  echo "${SCRIPT_NAME}: no TaskManager registered within $1 s" >&2
  return 1
}

cmd_start() {
  take_lock
  local jm tm
  jm="$(running_pid jobmanager)"
  tm="$(running_pid taskmanager)"
  if [[ -n "${jm}" && -n "${tm}" ]]; then
    if wait_until_ready "${START_TIMEOUT_S}"; then
      info "already running (jobmanager pid ${jm}, taskmanager pid ${tm}): http://${HOST}:${REST_PORT}"
      return 0
    fi
    flink_log_tails
    die "the cluster runs but is not healthy: run '$0 stop' and then '$0 start'"
  fi
  if [[ -n "${jm}" || -n "${tm}" ]]; then
    info "found half a cluster (jobmanager pid ${jm:-none}, taskmanager pid ${tm:-none}): stopping it first"
    stop_all
  fi
  rm -f "$(pid_file jobmanager)" "$(pid_file taskmanager)"

  require_free_ports "${REST_PORT}" "${RPC_PORT}"
  command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17"

  local started=${SECONDS}
  mkdir -p "${LOG_DIR}" "${RUN_DIR}/tmp/web" "${RUN_DIR}/plugins"
  fetch_jars Flink

  local ready_from=${SECONDS}
  info "starting the JobManager and the TaskManager on ${HOST} ..."
  # Filled and read through namerefs by resource_params and launch.
  # shellcheck disable=SC2034
  local jobmanager_jvm=() jobmanager_props=() taskmanager_jvm=() taskmanager_props=()
  resource_params jobmanager
  resource_params taskmanager
  # Interrupted while waiting: leave nothing half-started behind.
  trap 'stop_all; exit 130' INT TERM
  launch jobmanager
  launch taskmanager

  if ! wait_until_ready "${START_TIMEOUT_S}"; then
    flink_log_tails
    stop_all
    die "the Flink cluster did not start; logs are in ${LOG_DIR}"
  fi
  trap - INT TERM
  info "Flink cluster ready in $((SECONDS - ready_from)) s ($((SECONDS - started)) s in all):" \
    "web UI http://${HOST}:${REST_PORT}, --flinkMaster=${HOST}:${REST_PORT}, logs in ${LOG_DIR}"
}

cmd_status() {
  local jm tm overview
  jm="$(running_pid jobmanager)"
  tm="$(running_pid taskmanager)"
  echo "jobmanager:  $(describe_pid "${jm}")"
  echo "taskmanager: $(describe_pid "${tm}")"
  if [[ -z "${jm}" && -z "${tm}" ]]; then
    if port_in_use "${REST_PORT}"; then
      echo "note: port ${REST_PORT} is in use by another process$(port_owner "${REST_PORT}")"
    fi
    return 3
  fi
  if overview="$(http_get "${REST_PORT}" /overview)"; then
    echo "overview:    ${overview}"
    echo "web UI:      http://${HOST}:${REST_PORT}"
  else
    echo "overview:    http://${HOST}:${REST_PORT}/overview does not answer"
  fi
  [[ -n "${jm}" && -n "${tm}" ]] && (($(registered_taskmanagers) >= 1)) || return 1
}

dispatch "$@"
