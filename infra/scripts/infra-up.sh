#!/usr/bin/env bash
# Start the local Redis and Kafka the services and tests use (`pnpm infra:up`), unless something
# already answers where the env points:
#   REDIS_URL      default redis://127.0.0.1:6379   -> Debian's redis-server, AOF on, noeviction
#   KAFKA_BROKERS  default 127.0.0.1:9092           -> Apache Kafka 4.x (KRaft, broker+controller)
#                                                     from Maven Central, on this machine's Java 17+
# Idempotent: a second run finds what the first started. Waits until each service really answers
# (Kafka: an admin call that lists topics) or fails with the log tail. Logs, data and pid files go
# to CASEPULSE_INFRA_DIR (default <repo>/.casepulse); `pnpm infra:down` stops only what this started.
# Other knobs: CASEPULSE_KAFKA_VERSION (default: the one in infra/kafka/pom.xml),
# CASEPULSE_KAFKA_HEAP (default "-Xms256m -Xmx512m"), CASEPULSE_INFRA_TIMEOUT (seconds, default 120),
# CASEPULSE_KAFKA_CONTROLLER_PORT (default broker port + 1).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib-infra.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib-infra.sh"

TIMEOUT=${CASEPULSE_INFRA_TIMEOUT:-120}

# ---------------------------------------------------------------- Redis
redis_up() {
  local url=${REDIS_URL:-redis://127.0.0.1:6379} host port bind pid t0 i
  cp_parse_redis_url "$url" || cp_die "REDIS_URL '$url' is not a redis:// URL"
  host=$CP_HOST port=$CP_PORT

  local ours="" wanted=""
  cp_is_loopback "$host" && wanted="$(cp_bind_host "$host"):$port"
  if pid=$(cp_pid_is "$CP_REDIS_PID" redis-server); then
    ours=$(cat "$CP_REDIS_ADDR" 2>/dev/null || echo '?')
    if [[ $ours == "$wanted" ]] && cp_redis_answers "$host" "$port"; then
      cp_say "redis: already running at $host:$port (pid $pid, started by infra-up)"
      return
    fi
  fi
  if cp_redis_answers "$host" "$port"; then
    cp_say "redis: found a server answering at $host:$port (not started by infra-up; left alone)"
    return
  fi
  if [[ -n $ours ]]; then
    cp_die "redis: nothing answers at $host:$port (REDIS_URL), and the redis-server infra-up started (pid $pid at $ours) uses $CP_REDIS_DIR; run infra-down first"
  fi
  cp_is_loopback "$host" || cp_die "redis: nothing answers at $host:$port (REDIS_URL) and it is not a local address, so infra-up cannot start one there"
  command -v redis-server >/dev/null 2>&1 || cp_die "redis: nothing answers at $host:$port and redis-server is not installed (apt-get install redis-server)"
  if cp_tcp_open "$host" "$port"; then
    cp_die "redis: $host:$port accepts connections but does not answer PING like Redis; pick another port in REDIS_URL"
  fi

  bind=$(cp_bind_host "$host")
  mkdir -p "$CP_REDIS_DIR"
  rm -f "$CP_REDIS_PID" "$CP_REDIS_ADDR"
  t0=$(cp_now_ms)
  cp_say "redis: starting redis-server on $bind:$port (dir $CP_REDIS_DIR) ..."
  (cd "$CP_REDIS_DIR" && redis-server \
    --port "$port" --bind "$bind" \
    --appendonly yes --appendfsync everysec --maxmemory-policy noeviction \
    --daemonize yes \
    --dir "$CP_REDIS_DIR" --logfile "$CP_REDIS_DIR/redis.log" --pidfile "$CP_REDIS_PID" 9>&-) ||
    { cp_tail "$CP_REDIS_DIR/redis.log"; cp_die "redis: redis-server failed to start"; }
  for ((i = 0; i < 30 * 10; i++)); do
    if cp_redis_answers "$bind" "$port"; then
      pid=$(cp_pid_is "$CP_REDIS_PID" redis-server) || pid='?'
      printf '%s:%s\n' "$bind" "$port" >"$CP_REDIS_ADDR"
      cp_say "redis: started at $bind:$port (pid $pid, $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p'), AOF everysec, noeviction) in $(cp_since "$t0"); log $CP_REDIS_DIR/redis.log"
      return
    fi
    sleep 0.1
  done
  cp_tail "$CP_REDIS_DIR/redis.log"
  cp_die "redis: started but no PING answer at $bind:$port within 30s"
}

# ---------------------------------------------------------------- Kafka
KAFKA_VERSION=${CASEPULSE_KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$CP_KAFKA_SRC/pom.xml")}

# Fetch the broker's jars once (Maven resolves them through ~/.m2) into kafka/lib.
kafka_lib() {
  local stamp tmp t0
  stamp="kafka=$KAFKA_VERSION pom=$(sha256sum "$CP_KAFKA_SRC/pom.xml" | cut -c1-16)"
  if [[ -f $CP_KAFKA_LIB/.stamp && $(cat "$CP_KAFKA_LIB/.stamp") == "$stamp" ]] &&
    compgen -G "$CP_KAFKA_LIB/kafka_2.13-*.jar" >/dev/null; then
    return
  fi
  command -v mvn >/dev/null 2>&1 || cp_die "kafka: mvn is needed once to fetch Kafka's jars from Maven Central"
  t0=$(cp_now_ms)
  cp_say "kafka: fetching Apache Kafka $KAFKA_VERSION and its runtime dependencies with Maven (first run only) ..."
  mkdir -p "$CP_KAFKA_DIR"
  tmp="$CP_KAFKA_DIR/lib.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -B -q -f "$CP_KAFKA_SRC/pom.xml" \
    "-Dkafka.version=$KAFKA_VERSION" -DincludeScope=runtime "-DoutputDirectory=$tmp" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    >"$CP_KAFKA_DIR/mvn.log" 2>&1; then
    rm -rf "$tmp"
    cp_tail "$CP_KAFKA_DIR/mvn.log"
    cp_die "kafka: Maven could not fetch org.apache.kafka:kafka_2.13:$KAFKA_VERSION (full log: $CP_KAFKA_DIR/mvn.log)"
  fi
  printf '%s\n' "$stamp" >"$tmp/.stamp"
  rm -rf "$CP_KAFKA_LIB"
  mv "$tmp" "$CP_KAFKA_LIB"
  cp_say "kafka: $(find "$CP_KAFKA_LIB" -name '*.jar' | wc -l) jars ($(du -sh "$CP_KAFKA_LIB" | cut -f1)) in $CP_KAFKA_LIB, took $(cp_since "$t0")"
}

# Run a Kafka command-line class (storage tool, topic tool) quietly with the cached jars.
kafka_tool() {
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto \
    "-Dlog4j2.configurationFile=$CP_KAFKA_SRC/log4j2-tools.xml" \
    -cp "$CP_KAFKA_LIB/*" "$@"
}

# 0 when the broker at $1 answers a real admin request (lists topics) within a few seconds.
kafka_answers() {
  local bootstrap=$1
  printf 'request.timeout.ms=5000\ndefault.api.timeout.ms=8000\nretries=1\n' >"$CP_KAFKA_DIR/admin.properties"
  timeout 30 "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 \
    "-Dlog4j2.configurationFile=$CP_KAFKA_SRC/log4j2-tools.xml" -cp "$CP_KAFKA_LIB/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" \
    --command-config "$CP_KAFKA_DIR/admin.properties" --list --exclude-internal \
    >"$CP_KAFKA_DIR/check.out" 2>&1
}

kafka_up() {
  local brokers=${KAFKA_BROKERS:-127.0.0.1:9092} b host port bind cport pid conf t0 addr
  local -a list
  IFS=',' read -r -a list <<<"${brokers// /}"
  ((${#list[@]} > 0)) || cp_die "KAFKA_BROKERS is empty"

  # 1. our own broker (started by an earlier infra-up)
  if pid=$(cp_pid_is "$CP_KAFKA_PID" kafka.Kafka); then
    addr=$(cat "$CP_KAFKA_ADDR" 2>/dev/null || true)
    [[ -n $addr ]] || addr=127.0.0.1:9092
    local wanted=""
    if ((${#list[@]} == 1)) && cp_split_hostport "${list[0]}" 9092 && cp_is_loopback "$CP_HOST"; then
      wanted="$(cp_bind_host "$CP_HOST"):$CP_PORT"
    fi
    if [[ $addr == "$wanted" ]]; then
      JAVA=$(cp_java)
      kafka_wait "$pid" "$addr" "$(cp_now_ms)" "already running"
      return
    fi
    # else: KAFKA_BROKERS names another broker; ours stays as it is (step 3 refuses a second one)
  else
    rm -f "$CP_KAFKA_PID" "$CP_KAFKA_ADDR"
  fi

  # 2. someone else's broker where KAFKA_BROKERS points
  for b in "${list[@]}"; do
    cp_split_hostport "$b" 9092 || cp_die "KAFKA_BROKERS entry '$b' is not host:port"
    if cp_tcp_open "$CP_HOST" "$CP_PORT"; then
      if [[ -f $CP_KAFKA_LIB/.stamp ]] && JAVA=$(cp_java); then
        kafka_answers "$b" || { cat "$CP_KAFKA_DIR/check.out" >&2; cp_die "kafka: $b accepts connections but does not answer as a Kafka broker"; }
      fi
      if [[ -n ${addr:-} ]] && cp_is_loopback "$CP_HOST" && [[ "$(cp_bind_host "$CP_HOST"):$CP_PORT" == "$addr" ]]; then
        cp_say "kafka: found the broker infra-up started (pid $pid) answering at $b"
      else
        cp_say "kafka: found a broker answering at $b (not started by infra-up; left alone)"
      fi
      return
    fi
  done

  # 3. start ours
  if pid=$(cp_pid_is "$CP_KAFKA_PID" kafka.Kafka); then
    cp_die "kafka: nothing answers at KAFKA_BROKERS=$brokers, and the broker infra-up started (pid $pid at $(cat "$CP_KAFKA_ADDR" 2>/dev/null)) uses $CP_KAFKA_DIR; run infra-down first"
  fi
  ((${#list[@]} == 1)) || cp_die "kafka: no broker answers at KAFKA_BROKERS=$brokers; infra-up starts one only for a single local host:port"
  cp_split_hostport "${list[0]}" 9092
  host=$CP_HOST port=$CP_PORT
  cp_is_loopback "$host" || cp_die "kafka: no broker answers at $host:$port (KAFKA_BROKERS) and it is not a local address, so infra-up cannot start one there"
  bind=$(cp_bind_host "$host")
  cport=${CASEPULSE_KAFKA_CONTROLLER_PORT:-$((port + 1))}
  if cp_tcp_open "$bind" "$cport"; then
    cp_die "kafka: controller port $bind:$cport is taken by another process; set CASEPULSE_KAFKA_CONTROLLER_PORT"
  fi
  JAVA=$(cp_java)
  kafka_lib
  mkdir -p "$CP_KAFKA_DIR/data" "$CP_KAFKA_LOGS"

  conf="$CP_KAFKA_DIR/server.properties"
  {
    cat "$CP_KAFKA_SRC/server.properties"
    printf '\n############################# written by infra/scripts/infra-up.sh #############################\n'
    printf 'log.dirs=%s\n' "$CP_KAFKA_DIR/data"
    printf 'listeners=PLAINTEXT://%s:%s,CONTROLLER://%s:%s\n' "$bind" "$port" "$bind" "$cport"
    printf 'advertised.listeners=PLAINTEXT://%s:%s\n' "$bind" "$port"
    printf 'controller.quorum.voters=1@%s:%s\n' "$bind" "$cport"
  } >"$conf"

  if [[ ! -f $CP_KAFKA_DIR/data/meta.properties ]]; then
    local cid
    cid=$(kafka_tool kafka.tools.StorageTool random-uuid 2>"$CP_KAFKA_DIR/format.out") ||
      { cat "$CP_KAFKA_DIR/format.out" >&2; cp_die "kafka: could not make a cluster id"; }
    kafka_tool kafka.tools.StorageTool format --cluster-id "$cid" --config "$conf" \
      >>"$CP_KAFKA_DIR/format.out" 2>&1 ||
      { cat "$CP_KAFKA_DIR/format.out" >&2; cp_die "kafka: formatting $CP_KAFKA_DIR/data failed"; }
    cp_say "kafka: formatted $CP_KAFKA_DIR/data (KRaft, cluster id $cid)"
  fi

  t0=$(cp_now_ms)
  cp_say "kafka: starting Apache Kafka $KAFKA_VERSION on $bind:$port (controller $bind:$cport) ..."
  printf '\n===== %s infra-up starts kafka.Kafka %s =====\n' "$(date -Is)" "$KAFKA_VERSION" >>"$CP_KAFKA_LOGS/kafka.out"
  # shellcheck disable=SC2086 # heap options are a word list
  (cd "$CP_KAFKA_DIR" && exec setsid nohup "$JAVA" ${CASEPULSE_KAFKA_HEAP:--Xms256m -Xmx512m} \
    -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$CP_KAFKA_SRC/log4j2.xml" "-Dkafka.logs.dir=$CP_KAFKA_LOGS" \
    -cp "$CP_KAFKA_LIB/*" kafka.Kafka "$conf" \
    </dev/null >>"$CP_KAFKA_LOGS/kafka.out" 2>&1 9>&-) &
  pid=$!
  printf '%s\n' "$pid" >"$CP_KAFKA_PID"
  printf '%s:%s\n' "$bind" "$port" >"$CP_KAFKA_ADDR"
  kafka_wait "$pid" "$bind:$port" "$t0" "started"
}

# kafka_wait PID ADDR T0 VERB: wait for the port, then for a real admin answer; fail with the log tail.
kafka_wait() {
  local pid=$1 addr=$2 t0=$3 verb=$4 deadline host port
  cp_split_hostport "$addr" 9092
  host=$CP_HOST port=$CP_PORT
  deadline=$(($(date +%s) + TIMEOUT))
  until cp_tcp_open "$host" "$port"; do
    kafka_check_alive "$pid"
    (($(date +%s) < deadline)) || kafka_fail "$pid" "port $addr did not open within ${TIMEOUT}s"
    sleep 0.2
  done
  until kafka_answers "$addr"; do
    kafka_check_alive "$pid"
    (($(date +%s) < deadline)) || { cat "$CP_KAFKA_DIR/check.out" >&2; kafka_fail "$pid" "no admin answer from $addr within ${TIMEOUT}s"; }
    sleep 0.5
  done
  local topics
  topics=$(grep -cv '^\s*$' "$CP_KAFKA_DIR/check.out" || true)
  cp_say "kafka: $verb at $addr (Apache Kafka $KAFKA_VERSION, KRaft broker+controller, pid $pid, $topics non-internal topics) in $(cp_since "$t0"); logs $CP_KAFKA_LOGS"
}

kafka_check_alive() {
  kill -0 "$1" 2>/dev/null && return
  rm -f "$CP_KAFKA_PID" "$CP_KAFKA_ADDR"
  cp_tail "$CP_KAFKA_LOGS/kafka.out" "$CP_KAFKA_LOGS/server.log"
  cp_die "kafka: the broker (pid $1) exited during start-up; see the log lines above"
}

kafka_fail() {
  cp_tail "$CP_KAFKA_LOGS/kafka.out" "$CP_KAFKA_LOGS/server.log"
  cp_die "kafka: $2 (broker pid $1 left running; infra-down stops it)"
}

cp_lock
T0=$(cp_now_ms)
redis_up
kafka_up
cp_say "up in $(cp_since "$T0") (infra dir $CP_INFRA_DIR)"
