#!/usr/bin/env bash
# Startup (issue 6, item 5): time from `java -jar` to readiness UP (curl polls /q/health/ready every
# 50 ms, so the figure is up to ~50 ms late), and RSS after IDLE seconds idle. Default
# configuration (simulated backend, 2 workers, affinity), loopback only. Median of RUNS runs; each
# run starts and stops its own JVM.
#
#   ./mvnw -B package -DskipTests && bench/startup.sh        # RUNS=5 IDLE=10 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
RUNS=${RUNS:-3}
IDLE=${IDLE:-5}
require_jar startup.sh

trap stop_server EXIT

print_machine

ready_ms=()
rss_kib=()
for run in $(seq "$RUNS"); do
    port=$(free_port)
    log="$OUT/startup-server-$run.log"
    start=$(date +%s%N)
    start_server "$log" "$port"
    wait_ready startup.sh "http://127.0.0.1:$port" "$log" 0.05 1200   # polls every 50 ms, 60 s at most
    ready=$(date +%s%N)
    ms=$(( (ready - start) / 1000000 ))
    sleep "$IDLE"
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER/status")
    quarkus=$(grep -o 'started in [0-9.]*s' "$log" | head -1 || true)
    echo "run $run: ready after ${ms} ms (Quarkus log: ${quarkus:-?}), RSS after ${IDLE} s idle ${rss} KiB"
    ready_ms+=("$ms")
    rss_kib+=("$rss")
    stop_server
done
echo "== summary: java -jar to ready UP, median of $RUNS: $(printf '%s\n' "${ready_ms[@]}" | median) ms" \
     "(runs: ${ready_ms[*]}); idle RSS median $(printf '%s\n' "${rss_kib[@]}" | median) KiB (runs: ${rss_kib[*]})"
