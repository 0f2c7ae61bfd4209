#!/usr/bin/env bash
# Memory (issue 6, item 4): the packaged jar with one worker and a queue capacity of JOBS; the
# worker is held busy by one long job, JOBS async jobs are queued over HTTP, then REFUSED more
# submissions must be answered 429 without the heap growing. bench/MemoryHarness.java drives it
# and measures live heap (jcmd GC.class_histogram, GC.heap_info) and RSS (/proc/PID/status).
# Loopback only; stops the server it starts.
#
#   ./mvnw -B package -DskipTests && bench/memory.sh
#   JOBS=100000 REFUSED=10000 MODELS=100 bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/quarkus-app/quarkus-run.jar
OUT=bench/out
JOBS=${JOBS:-100000}
REFUSED=${REFUSED:-10000}
MODELS=${MODELS:-100}
[ -f "$JAR" ] || { echo "memory.sh: $JAR missing; build it with ./mvnw -B package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"

free_port() {
    local p
    for p in $(seq 18100 18999); do
        if [ -z "$(ss -Htln "sport = :$p")" ]; then echo "$p"; return 0; fi
    done
    return 1
}
PORT=${PORT:-$(free_port)}
URL="http://127.0.0.1:$PORT"

# a short drain: the held job runs for 10 minutes and would otherwise delay the stop
java -Dbalancer.workers=1 -Dbalancer.queue.capacity="$JOBS" \
     -Dbalancer.simulated.load-time=0s -Dbalancer.simulated.process-time=0s \
     -Dbalancer.shutdown.drain-timeout=1s -Dquarkus.shutdown.timeout=3s \
     -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
     -jar "$JAR" > "$OUT/memory-server.log" 2>&1 &
SERVER=$!
stop_server() {
    kill "$SERVER" 2>/dev/null || return 0
    for _ in $(seq 100); do kill -0 "$SERVER" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$SERVER" 2>/dev/null || true
}
trap stop_server EXIT

for _ in $(seq 300); do
    curl -sf -o /dev/null "$URL/q/health/ready" && break
    kill -0 "$SERVER" 2>/dev/null || { echo "memory.sh: the server died; see $OUT/memory-server.log" >&2; exit 2; }
    sleep 0.1
done
curl -sf -o /dev/null "$URL/q/health/ready" || { echo "memory.sh: not ready after 30 s" >&2; exit 2; }

echo "date: $(date -u)"
echo "nproc: $(nproc)"
java -version 2>&1 | sed 's/^/java: /'
echo "server: pid $SERVER on $URL, 1 worker, capacity $JOBS; JVM flags: $(jcmd "$SERVER" VM.flags | tail -1)"
timeout 600 java bench/MemoryHarness.java "$URL" "$SERVER" "$JOBS" "$REFUSED" "$MODELS"
