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

. bench/lib.sh
JOBS=${JOBS:-100000}
REFUSED=${REFUSED:-10000}
MODELS=${MODELS:-100}
require_jar memory.sh
PORT=${PORT:-$(free_port)}
URL="http://127.0.0.1:$PORT"

# a short drain: the held job runs for 10 minutes and would otherwise delay the stop
start_server "$OUT/memory-server.log" "$PORT" -Dbalancer.workers=1 -Dbalancer.queue.capacity="$JOBS" \
     -Dbalancer.simulated.load-time=0s -Dbalancer.simulated.process-time=0s \
     -Dbalancer.shutdown.drain-timeout=1s -Dquarkus.shutdown.timeout=3s
trap stop_server EXIT
wait_ready memory.sh "$URL" "$OUT/memory-server.log"

print_machine
echo "server: pid $SERVER on $URL, 1 worker, capacity $JOBS; JVM flags: $(jcmd "$SERVER" VM.flags | tail -1)"
timeout 600 java bench/MemoryHarness.java "$URL" "$SERVER" "$JOBS" "$REFUSED" "$MODELS"
