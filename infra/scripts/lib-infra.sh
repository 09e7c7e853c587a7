# Shared helpers for infra-up.sh / infra-down.sh (sourced, not run).
# Layout (CASEPULSE_INFRA_DIR, default <repo>/.casepulse, git-ignored):
#   infra.lock                  flock held while infra-up/infra-down run (concurrent callers queue)
#   kafka/lib/                  Kafka jars fetched once with Maven (kafka/lib/.stamp = pom hash)
#   kafka/server.properties     effective broker config (infra/kafka/server.properties + overrides)
#   kafka/data/                 KRaft metadata + topic logs (formatted on first start)
#   kafka/logs/                 server.log (log4j2), kafka.out (JVM stdout/stderr)
#   kafka/kafka.pid, kafka/broker.addr   only when infra-up started the broker
#   redis/                      dir, appendonlydir/, redis.log, redis.pid + redis.addr (only when infra-up started it)

# shellcheck shell=bash disable=SC2034,SC2016  # variables are used by the sourcing scripts; bash -c bodies are single-quoted on purpose

CP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CP_INFRA_DIR="${CASEPULSE_INFRA_DIR:-$CP_ROOT/.casepulse}"
mkdir -p "$CP_INFRA_DIR"
CP_INFRA_DIR="$(cd "$CP_INFRA_DIR" && pwd)"

CP_KAFKA_SRC="$CP_ROOT/infra/kafka"
CP_KAFKA_DIR="$CP_INFRA_DIR/kafka"
CP_KAFKA_LIB="$CP_KAFKA_DIR/lib"
CP_KAFKA_PID="$CP_KAFKA_DIR/kafka.pid"
CP_KAFKA_ADDR="$CP_KAFKA_DIR/broker.addr"
CP_KAFKA_LOGS="$CP_KAFKA_DIR/logs"
CP_REDIS_DIR="$CP_INFRA_DIR/redis"
CP_REDIS_PID="$CP_REDIS_DIR/redis.pid"
CP_REDIS_ADDR="$CP_REDIS_DIR/redis.addr"

cp_say() { printf 'infra: %s\n' "$*"; }
cp_warn() { printf 'infra: WARNING: %s\n' "$*" >&2; }
cp_die() { printf 'infra: ERROR: %s\n' "$*" >&2; exit 1; }

# Millisecond clock for "took N s" messages.
cp_now_ms() { date +%s%3N; }
cp_since() { local t0=$1; local ms=$(( $(cp_now_ms) - t0 )); printf '%d.%01ds' $((ms / 1000)) $(((ms % 1000) / 100)); }

# Serialise infra-up / infra-down runs (two test processes starting at once must not both start a
# broker). The fd is closed for the daemons we launch so they never hold the lock.
cp_lock() {
  exec 9>"$CP_INFRA_DIR/infra.lock"
  if ! flock -w "${CASEPULSE_INFRA_LOCK_TIMEOUT:-300}" 9; then
    cp_die "another infra-up/infra-down still holds $CP_INFRA_DIR/infra.lock"
  fi
}

# 0 when something accepts a TCP connection on host:port.
cp_tcp_open() {
  local host=$1 port=$2
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
}

cp_is_loopback() {
  case "$1" in
    localhost | 127.* | ::1) return 0 ;;
    *) return 1 ;;
  esac
}

# The address a daemon we start binds to / advertises for a loopback host (Node resolves
# "localhost" to ::1 first on some machines, so we always use an IPv4 literal).
cp_bind_host() {
  case "$1" in
    127.*) printf '%s' "$1" ;;
    *) printf '127.0.0.1' ;;
  esac
}

# "host:port" (or "[v6]:port", or "host") -> sets CP_HOST, CP_PORT.
cp_split_hostport() {
  local hp=$1 default_port=$2
  if [[ $hp =~ ^\[([^]]+)\](:([0-9]+))?$ ]]; then
    CP_HOST=${BASH_REMATCH[1]}
    CP_PORT=${BASH_REMATCH[3]:-$default_port}
  elif [[ $hp =~ ^([^:]+):([0-9]+)$ ]]; then
    CP_HOST=${BASH_REMATCH[1]}
    CP_PORT=${BASH_REMATCH[2]}
  elif [[ $hp =~ ^[^:]+$ ]]; then
    CP_HOST=$hp
    CP_PORT=$default_port
  else
    return 1
  fi
}

# redis[s]://[user[:password]@]host[:port][/db] -> CP_HOST, CP_PORT.
cp_parse_redis_url() {
  local url=$1 rest
  case "$url" in
    redis://* | rediss://*) rest=${url#*://} ;;
    *) return 1 ;;
  esac
  rest=${rest%%/*}
  rest=${rest%%\?*}
  rest=${rest##*@}
  [[ -n $rest ]] || rest=127.0.0.1
  cp_split_hostport "$rest" 6379
}

# 0 when a Redis server answers PING with any RESP reply (+PONG, or -NOAUTH when a password is set).
cp_redis_answers() {
  local host=$1 port=$2
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "PING\r\n" >&3
    IFS= read -r -t 2 line <&3 || exit 1
    [[ $line == +* || $line == -* ]]
  ' "$host" "$port" 2>/dev/null
}

# cp_pid_is PIDFILE PATTERN: print the pid and return 0 when the file names a live process whose
# command line contains PATTERN (guards against a recycled pid).
cp_pid_is() {
  local file=$1 pattern=$2 pid
  [[ -s $file ]] || return 1
  pid=$(tr -dc '0-9' <"$file")
  [[ -n $pid ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern" || return 1
  printf '%s' "$pid"
}

# cp_wait_exit PID SECONDS: 0 once the process is gone, 1 if still alive at the deadline.
cp_wait_exit() {
  local pid=$1 secs=$2 i
  for ((i = 0; i < secs * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  ! kill -0 "$pid" 2>/dev/null
}

# cp_stop NAME PIDFILE PATTERN GRACE_SECONDS: SIGTERM, wait, SIGKILL after the grace period.
cp_stop() {
  local name=$1 file=$2 pattern=$3 grace=$4 pid t0
  if ! pid=$(cp_pid_is "$file" "$pattern"); then
    if [[ -e $file ]]; then
      cp_say "$name: pid file $file names no running $name; removing it"
      rm -f "$file"
    else
      cp_say "$name: nothing to stop (not started by infra-up)"
    fi
    return 0
  fi
  t0=$(cp_now_ms)
  cp_say "$name: stopping pid $pid (SIGTERM) ..."
  kill -TERM "$pid" 2>/dev/null || true
  if ! cp_wait_exit "$pid" "$grace"; then
    cp_warn "$name: pid $pid still running after ${grace}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    cp_wait_exit "$pid" 10 || cp_die "$name: pid $pid did not exit even after SIGKILL"
  fi
  rm -f "$file"
  cp_say "$name: stopped (pid $pid) in $(cp_since "$t0")"
}

cp_java() {
  local java=${JAVA_HOME:+$JAVA_HOME/bin/}java major
  command -v "$java" >/dev/null 2>&1 || cp_die "java not found (need Java 17+ on PATH or JAVA_HOME)"
  major=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[.\"].*/\1/p' | head -n1)
  [[ -n $major && $major -ge 17 ]] || cp_die "Kafka 4.x needs Java 17+, but $java is version ${major:-unknown}"
  printf '%s' "$java"
}

# Last lines of a log, for error messages.
cp_tail() {
  local f
  for f in "$@"; do
    [[ -s $f ]] || continue
    printf -- '----- last lines of %s -----\n' "$f" >&2
    tail -n "${CASEPULSE_INFRA_TAIL:-40}" "$f" >&2
  done
}
