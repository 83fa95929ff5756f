# Functions shared by flink-cluster.sh and spark-cluster.sh; sourced, not run.
#
# The sourcing script sets: SCRIPT_NAME, HOST, CLUSTER_DIR, CONF_DIR, POM, RUN_DIR, LIB_DIR,
# LOG_DIR, START_TIMEOUT_S, STOP_TIMEOUT_S, and defines main_class COMPONENT (the JVM's main class).
# shellcheck shell=bash

info() { echo "${SCRIPT_NAME}: $*"; }
die() {
  echo "${SCRIPT_NAME}: error: $*" >&2
  exit 1
}

pid_file() { echo "${RUN_DIR}/$1.pid"; }

# True if the process exists and is this cluster's JVM for the component (guards against a PID
# that was reused by an unrelated process after a crash).
is_our_process() {
  local pid="$1" component="$2" cmdline
  kill -0 "${pid}" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null)" || return 1
  [[ "${cmdline}" == *"$(main_class "${component}")"* && "${cmdline}" == *"${CONF_DIR}"* ]]
}

# Prints the PID of the running component, or nothing.
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "${file}" ]] || return 0
  pid="$(cat "${file}" 2>/dev/null || true)"
  if [[ "${pid}" =~ ^[0-9]+$ ]] && is_our_process "${pid}" "$1"; then
    echo "${pid}"
  fi
}

# GET http://HOST:PORT<path>, body on stdout. Uses curl, or bash's /dev/tcp without it.
http_get() {
  local port="$1" path="$2"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 3 "http://${HOST}:${port}${path}" 2>/dev/null
  else
    local response
    { exec 3<>"/dev/tcp/${HOST}/${port}"; } 2>/dev/null || return 1
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "${path}" "${HOST}" >&3
    response="$(timeout 3 cat <&3)" || true
    exec 3<&-
    [[ "${response}" == "HTTP/1."?" 200"* ]] || return 1
    printf '%s\n' "${response#*$'\r\n\r\n'}"
  fi
}

port_in_use() { (: <>"/dev/tcp/${HOST}/$1") 2>/dev/null; }

# " (NAME pid PID)" for whoever listens on a port, if ss can tell; else nothing.
port_owner() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null \
    | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/ (\1 pid \2)/p' | head -n 1 || true
}

# Fails with one line if one of the ports is taken by a process that is not this cluster.
require_free_ports() {
  local port
  for port in "$@"; do
    if port_in_use "${port}"; then
      die "port ${port} on ${HOST} is already in use by another process$(port_owner "${port}"), not by this cluster: stop it first"
    fi
  done
}

# Serialises start and stop, e.g. two test JVMs starting the cluster at once.
take_lock() {
  mkdir -p "${RUN_DIR}"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"${RUN_DIR}/.lock"
  flock -w $((START_TIMEOUT_S + 300)) 9 || die "another ${SCRIPT_NAME} holds ${RUN_DIR}/.lock"
}

# Copies the dependencies of POM into LIB_DIR, once per content of POM. $1 names them in messages.
fetch_jars() {
  local what="$1" want stamp="${LIB_DIR}/.fetched-from-pom.sha256"
  want="$(sha256sum "${POM}" | cut -d' ' -f1)"
  if [[ -f "${stamp}" && "$(cat "${stamp}")" == "${want}" ]]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Maven to fetch the ${what} jars"
  info "fetching the ${what} jars listed in ${POM} into ${LIB_DIR} ..."
  local started=${SECONDS} tmp="${LIB_DIR}.tmp"
  rm -rf "${tmp}"
  local log="${LOG_DIR}/fetch-jars.log"
  # Copy into a temporary folder first, so that an interrupted fetch never looks complete.
  if ! mvn -B -q -Dstyle.color=never -f "${POM}" dependency:copy-dependencies \
    -DoutputDirectory="${tmp}" >"${log}" 2>&1 9>&-; then
    rm -rf "${tmp}"
    sed 's/\x1b\[[0-9;]*m//g' "${log}" | grep -m 3 '^\[ERROR\]' >&2 || tail -n 20 "${log}" >&2
    die "could not fetch the ${what} jars with Maven (full output in ${log}); check ${POM}"
  fi
  rm -rf "${LIB_DIR}"
  mv "${tmp}" "${LIB_DIR}"
  echo "${want}" >"${stamp}"
  info "fetched $(find "${LIB_DIR}" -name '*.jar' | wc -l) jars in $((SECONDS - started)) s"
}

# Prints the last lines of each non-empty file given, to stderr.
print_log_tails() {
  local f
  for f in "$@"; do
    [[ -s "${f}" ]] || continue
    echo "----- last lines of ${f} -----" >&2
    tail -n 25 "${f}" >&2
  done
}

# True while every component's launched process is alive (kill -0 rather than running_pid: a JVM
# just launched may not have exec'd java yet); else names the one that exited.
all_alive() {
  local component
  for component in "$@"; do
    if ! kill -0 "$(cat "$(pid_file "${component}")" 2>/dev/null || echo 0)" 2>/dev/null; then
      echo "${SCRIPT_NAME}: the ${component} exited during start-up" >&2
      return 1
    fi
  done
}

# SIGTERM, then SIGKILL after STOP_TIMEOUT_S seconds.
stop_component() {
  local component="$1" pid
  pid="$(running_pid "${component}")"
  if [[ -z "${pid}" ]]; then
    rm -f "$(pid_file "${component}")"
    return 0
  fi
  info "stopping the ${component} (pid ${pid}) ..."
  kill -TERM "${pid}" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT_S))
  while kill -0 "${pid}" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if kill -0 "${pid}" 2>/dev/null; then
    info "the ${component} ignored SIGTERM for ${STOP_TIMEOUT_S} s: sending SIGKILL"
    kill -KILL "${pid}" 2>/dev/null || true
    while kill -0 "${pid}" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$(pid_file "${component}")"
}

describe_pid() { if [[ -n "$1" ]]; then echo "running (pid $1)"; else echo "not running"; fi; }

# Stops the cluster's processes in STOP_ORDER (each script's array, the one that reconnects first).
stop_all() {
  local component
  for component in "${STOP_ORDER[@]}"; do
    stop_component "${component}"
  done
}

cmd_stop() {
  take_lock
  local component
  for component in "${STOP_ORDER[@]}"; do
    if [[ -n "$(running_pid "${component}")" ]]; then
      stop_all
      info "stopped"
      return 0
    fi
  done
  for component in "${STOP_ORDER[@]}"; do
    rm -f "$(pid_file "${component}")"
  done
  info "not running"
}

# The command line: one of start, stop, status or help (each script defines cmd_start, cmd_status
# and usage).
dispatch() {
  if [[ $# -ne 1 ]]; then
    usage >&2
    exit 2
  fi
  case "$1" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    -h | --help | help) usage ;;
    *)
      echo "${SCRIPT_NAME}: unknown command '$1'" >&2
      usage >&2
      exit 2
      ;;
  esac
}
