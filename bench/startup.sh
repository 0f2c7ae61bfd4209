#!/usr/bin/env bash
# Startup (issue 6, item 5): time from `java -jar` to readiness UP (curl polls /q/health/ready every
# 50 ms, so the figure is up to ~50 ms late), and RSS after IDLE seconds idle. Default
# configuration (simulated backend, 2 workers, affinity), loopback only. Median of RUNS runs; each
# run starts and stops its own JVM.
#
#   ./mvnw -B package -DskipTests && bench/startup.sh        # RUNS=5 IDLE=10 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/quarkus-app/quarkus-run.jar
OUT=bench/out
RUNS=${RUNS:-3}
IDLE=${IDLE:-5}
[ -f "$JAR" ] || { echo "startup.sh: $JAR missing; build it with ./mvnw -B package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"

free_port() {
    local p
    for p in $(seq 18100 18999); do
        if [ -z "$(ss -Htln "sport = :$p")" ]; then echo "$p"; return 0; fi
    done
    return 1
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

SERVER=
stop_server() {
    [ -n "$SERVER" ] || return 0
    kill "$SERVER" 2>/dev/null || { SERVER=; return 0; }
    for _ in $(seq 100); do kill -0 "$SERVER" 2>/dev/null || { SERVER=; return 0; }; sleep 0.1; done
    kill -9 "$SERVER" 2>/dev/null || true
    SERVER=
}
trap stop_server EXIT

echo "date: $(date -u)"
echo "nproc: $(nproc)"
java -version 2>&1 | sed 's/^/java: /'

ready_ms=()
rss_kib=()
for run in $(seq "$RUNS"); do
    port=$(free_port)
    log="$OUT/startup-server-$run.log"
    start=$(date +%s%N)
    java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -jar "$JAR" > "$log" 2>&1 &
    SERVER=$!
    ready=
    for _ in $(seq 1200); do   # 60 s at most
        if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then ready=$(date +%s%N); break; fi
        kill -0 "$SERVER" 2>/dev/null || { echo "startup.sh: the server died; see $log" >&2; exit 2; }
        sleep 0.05
    done
    [ -n "$ready" ] || { echo "startup.sh: not ready after 60 s" >&2; exit 2; }
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
