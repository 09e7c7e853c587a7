#!/usr/bin/env bash
# Stop what `infra-up.sh` started (`pnpm infra:down`), found through its pid files in
# CASEPULSE_INFRA_DIR (default <repo>/.casepulse): the Kafka broker, then Redis. A Redis or Kafka
# that infra-up found already running is left alone. Waits until each process has exited
# (SIGTERM; SIGKILL only after CASEPULSE_INFRA_STOP_GRACE seconds, default 60). Data, logs and
# the cached jars stay; delete the folder for a clean slate.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib-infra.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib-infra.sh"

GRACE=${CASEPULSE_INFRA_STOP_GRACE:-60}
cp_lock
T0=$(cp_now_ms)
cp_stop kafka "$CP_KAFKA_PID" kafka.Kafka "$GRACE"
rm -f "$CP_KAFKA_ADDR"
cp_stop redis "$CP_REDIS_PID" redis-server "$GRACE"
rm -f "$CP_REDIS_ADDR"
cp_say "down in $(cp_since "$T0") (infra dir $CP_INFRA_DIR)"
