#!/usr/bin/env bash
# Starts, stops and inspects a real Spark 3.5.0 standalone cluster on 127.0.0.1, built from Maven
# artifacts alone (no Spark distribution needed). Run with -h for usage.
#
# Layout (all relative to runners-config/spark-cluster/):
#   pom.xml           the cluster's jars (not a reactor module), fetched into run/lib
#   conf/             spark-defaults.conf (Master and Worker settings) and log4j2.properties
#   run/              git-ignored: lib/, log/, work/ (executors), home/, master.pid, worker.pid
set -euo pipefail

readonly SCRIPT_NAME="spark-cluster.sh"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
CLUSTER_DIR="$(cd "${SCRIPT_DIR}/../spark-cluster" && pwd)"
readonly CLUSTER_DIR
readonly CONF_DIR="${CLUSTER_DIR}/conf"
readonly POM="${CLUSTER_DIR}/pom.xml"
readonly RUN_DIR="${CLUSTER_DIR}/run"
readonly LIB_DIR="${RUN_DIR}/lib"
readonly LOG_DIR="${RUN_DIR}/log"
# What the Worker takes for SPARK_HOME: jars/ (a link to lib/) is the executors' classpath.
readonly HOME_DIR="${RUN_DIR}/home"

readonly HOST="127.0.0.1"
readonly MASTER_PORT="7077"
readonly MASTER_UI_PORT="8080"
# Spark's default for the Worker's UI, 8081, is the Flink cluster's REST port.
readonly WORKER_UI_PORT="8082"
readonly WORKER_CORES="${SPARK_CLUSTER_WORKER_CORES:-2}"
# Room for one executor of Spark's default 1g heap, plus some.
readonly WORKER_MEMORY="${SPARK_CLUSTER_WORKER_MEMORY:-1536m}"
readonly DAEMON_HEAP="512m"

readonly START_TIMEOUT_S="${SPARK_CLUSTER_START_TIMEOUT:-120}"
# Stopped in this order: the Worker first, which stops its executors and does not spend its
# shutdown reconnecting.
readonly STOP_ORDER=(worker master)
readonly STOP_TIMEOUT_S="${SPARK_CLUSTER_STOP_TIMEOUT:-30}"

readonly MASTER_CLASS="org.apache.spark.deploy.master.Master"
readonly WORKER_CLASS="org.apache.spark.deploy.worker.Worker"

# shellcheck source=cluster-common.sh
source "${SCRIPT_DIR}/cluster-common.sh"

# The flags Spark needs on Java 17, as the tributary launcher passes them. Executors get theirs
# from the driver, which adds Spark's own list.
readonly JAVA17_FLAGS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
)

usage() {
  cat <<EOF2
Usage: ${SCRIPT_NAME} start|stop|status [-h]

Runs a Spark 3.5.0 standalone cluster (one Master, one Worker with ${WORKER_CORES} cores and
${WORKER_MEMORY} for executors) on ${HOST} only, from Maven artifacts fetched into ${LIB_DIR}.

  start    Fetch the jars if needed, start the Master and the Worker in the background and wait
           (at most ${START_TIMEOUT_S} s) until the Worker has registered. Does nothing if this
           cluster is already running. Fails if port ${MASTER_PORT} or ${MASTER_UI_PORT} is taken.
  stop     Stop the Worker (and its executors), then the Master (SIGTERM, SIGKILL after
           ${STOP_TIMEOUT_S} s). Does nothing if nothing is running.
  status   Print whether the cluster runs and how many workers it has. Exit code: 0 running and
           healthy, 3 not running, 1 partly running or unhealthy.

Submit Beam pipelines with --runner=SparkRunner --sparkMaster=spark://${HOST}:${MASTER_PORT}
(Tributary: --profile=spark-cluster). Web UI: http://${HOST}:${MASTER_UI_PORT}   Logs: ${LOG_DIR}
Environment: SPARK_CLUSTER_START_TIMEOUT, SPARK_CLUSTER_STOP_TIMEOUT (seconds),
SPARK_CLUSTER_WORKER_CORES, SPARK_CLUSTER_WORKER_MEMORY.
EOF2
}

main_class() { if [[ "$1" == master ]]; then echo "${MASTER_CLASS}"; else echo "${WORKER_CLASS}"; fi; }

# The Master's state as JSON: workers, "aliveworkers", "activeapps", ...
master_json() { http_get "${MASTER_UI_PORT}" /json/; }

alive_workers() {
  local n
  n="$(master_json | grep -o '"aliveworkers" *: *[0-9]*' | grep -o '[0-9]*$')" || true
  echo "${n:-0}"
}

launch() {
  local component="$1"
  shift
  local out="${LOG_DIR}/spark-${component}.out"
  # fd 9 (the lock) is closed so that the JVM does not hold the lock for its whole life.
  (
    cd "${RUN_DIR}"
    export SPARK_HOME="${HOME_DIR}" SPARK_CONF_DIR="${CONF_DIR}" SPARK_SCALA_VERSION=2.12
    export SPARK_LOCAL_IP="${HOST}" SPARK_LOG_DIR="${LOG_DIR}"
    exec nohup java -Xmx"${DAEMON_HEAP}" "${JAVA17_FLAGS[@]}" \
      -Dlog4j.configurationFile="file:${CONF_DIR}/log4j2.properties" \
      -classpath "${LIB_DIR}/*" "$(main_class "${component}")" \
      --properties-file "${CONF_DIR}/spark-defaults.conf" "$@" >"${out}" 2>&1 </dev/null 9>&-
  ) &
  echo "$!" >"$(pid_file "${component}")"
}

spark_log_tails() { print_log_tails "${LOG_DIR}"/spark-master.out "${LOG_DIR}"/spark-worker.out; }

# Waits until the Worker has registered, at most $1 seconds. Fails early if a JVM died.
wait_until_ready() {
  local deadline=$((SECONDS + $1))
  while ((SECONDS < deadline)); do
    if (($(alive_workers) >= 1)); then
      return 0
    fi
    all_alive master worker || return 1
    sleep 1
  done
  echo "${SCRIPT_NAME}: no Worker registered within $1 s" >&2
  return 1
}

cmd_start() {
  take_lock
  local master worker
  master="$(running_pid master)"
  worker="$(running_pid worker)"
  if [[ -n "${master}" && -n "${worker}" ]]; then
    if wait_until_ready "${START_TIMEOUT_S}"; then
      info "already running (master pid ${master}, worker pid ${worker}): spark://${HOST}:${MASTER_PORT}"
      return 0
    fi
    spark_log_tails
    die "the cluster runs but is not healthy: run '$0 stop' and then '$0 start'"
  fi
  if [[ -n "${master}" || -n "${worker}" ]]; then
    info "found half a cluster (master pid ${master:-none}, worker pid ${worker:-none}): stopping it first"
    stop_all
  fi
  rm -f "$(pid_file master)" "$(pid_file worker)"
  require_free_ports "${MASTER_PORT}" "${MASTER_UI_PORT}"
  command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17"

  local started=${SECONDS}
  mkdir -p "${LOG_DIR}" "${RUN_DIR}/work" "${HOME_DIR}"
  fetch_jars Spark
  ln -sfn ../lib "${HOME_DIR}/jars"

  local ready_from=${SECONDS}
  info "starting the Master and the Worker on ${HOST} ..."
  # Interrupted while waiting: leave nothing half-started behind.
  trap 'stop_all; exit 130' INT TERM
  launch master --host "${HOST}" --port "${MASTER_PORT}" --webui-port "${MASTER_UI_PORT}"
  launch worker --host "${HOST}" --cores "${WORKER_CORES}" --memory "${WORKER_MEMORY}" \
    --work-dir "${RUN_DIR}/work" --webui-port "${WORKER_UI_PORT}" "spark://${HOST}:${MASTER_PORT}"

  if ! wait_until_ready "${START_TIMEOUT_S}"; then
    spark_log_tails
    stop_all
    die "the Spark cluster did not start; logs are in ${LOG_DIR}"
  fi
  trap - INT TERM
  info "Spark cluster ready in $((SECONDS - ready_from)) s ($((SECONDS - started)) s in all):" \
    "web UI http://${HOST}:${MASTER_UI_PORT}, --sparkMaster=spark://${HOST}:${MASTER_PORT}, logs in ${LOG_DIR}"
}

cmd_status() {
  local master worker
  master="$(running_pid master)"
  worker="$(running_pid worker)"
  echo "master: $(describe_pid "${master}")"
  echo "worker: $(describe_pid "${worker}")"
  if [[ -z "${master}" && -z "${worker}" ]]; then
    if port_in_use "${MASTER_PORT}"; then
      echo "note: port ${MASTER_PORT} is in use by another process$(port_owner "${MASTER_PORT}")"
    fi
    return 3
  fi
  if master_json >/dev/null; then
    echo "workers: $(alive_workers) alive"
    echo "web UI:  http://${HOST}:${MASTER_UI_PORT} (applications, executors)"
  else
    echo "master:  http://${HOST}:${MASTER_UI_PORT}/json/ does not answer"
  fi
  [[ -n "${master}" && -n "${worker}" ]] && (($(alive_workers) >= 1)) || return 1
}

dispatch "$@"
