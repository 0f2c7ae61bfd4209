#!/usr/bin/env bash
# REST hot path (issue 6, item 3): the packaged jar on loopback, simulated backend at zero cost,
# 2 workers, sync POST /jobs over 100 models at 64 connections, against GET /queue on the same
# server in the same run (the framework's baseline). Warms both up, runs both, prints both and the
# ratio, and exits 1 when a target is missed (POST >= half the baseline's req/s, p99 <= 20 ms,
# no errors). Stops the server it starts.
#
#   ./mvnw -B package -DskipTests && bench/rest.sh
#   DURATION=30s CONNS=64 MODELS=100 JAVA_OPTS=-Xmx512m bench/rest.sh
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
MODELS=${MODELS:-100}
require_jar rest.sh
command -v wrk >/dev/null || { echo "rest.sh: wrk missing (apt-get install wrk)" >&2; exit 2; }
PORT=${PORT:-$(free_port)}
URL="http://127.0.0.1:$PORT"

# GC pauses go to a log (cheap), to tell GC pauses from queueing in the latency tail
# shellcheck disable=SC2086
start_server "$OUT/rest-server.log" "$PORT" ${JAVA_OPTS:-} -Xlog:gc:file="$OUT/rest-gc.log" \
     -Dbalancer.simulated.load-time=0s -Dbalancer.simulated.process-time=0s -Dbalancer.workers=2 \
     -Dbalancer.queue.capacity=100000
trap stop_server EXIT
wait_ready rest.sh "$URL" "$OUT/rest-server.log"

print_machine
echo "server: pid $SERVER on $URL, 2 workers, load 0 s, process 0 s, capacity 100000"
echo "wrk: -t$THREADS -c$CONNS -d$DURATION --latency, warm-up $WARMUP each"

echo "== warm-up"
wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s bench/post-job.lua "$URL" -- post "$MODELS" | grep RESULT
wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s bench/post-job.lua "$URL" -- get | grep RESULT

uptime_s() { jcmd "$SERVER" VM.uptime | awk 'NR == 2 { print $1 + 0 }'; }
post_from=$(uptime_s)
echo "== POST /jobs (sync, $MODELS models)"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/post-job.lua "$URL" -- post "$MODELS" \
    | tee "$OUT/rest-post.txt"
post_to=$(uptime_s)
echo "== GET /queue (baseline)"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/post-job.lua "$URL" -- get \
    | tee "$OUT/rest-get.txt"

field() { grep RESULT "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
post_rps=$(field "$OUT/rest-post.txt" rps)
get_rps=$(field "$OUT/rest-get.txt" rps)
post_p99=$(field "$OUT/rest-post.txt" p99_ms)
post_bad=$(( $(field "$OUT/rest-post.txt" non2xx) + $(field "$OUT/rest-post.txt" socket_errors) ))
# pause lines end with the pause in ms and start with the JVM uptime: [12.345s][info][gc] ... 9.593ms
pauses() {
    grep 'Pause' "$OUT/rest-gc.log" | awk -v from="$1" -v to="$2" '{
        up = substr($1, 2) + 0; ms = $NF; sub(/ms$/, "", ms); ms += 0
        if (up >= from && up <= to) { n++; t += ms; if (ms > m) m = ms; if (ms > 20) over++ } }
        END { printf "%d pauses, total %.1f ms, longest %.1f ms, %d over 20 ms\n", n, t, m, over }' || true
}
echo "== GC pauses, from $OUT/rest-gc.log"
echo "whole run (warm-ups included): $(pauses 0 1e9)"
echo "POST /jobs window ($post_from s to $post_to s of JVM uptime): $(pauses "$post_from" "$post_to")"
# heap allocated between collections: each pause's heap before, minus the previous pause's heap after
grep 'Pause Young' "$OUT/rest-gc.log" | awk -v from="$post_from" -v to="$post_to" -v n="$(field "$OUT/rest-post.txt" requests)" '{
        up = substr($1, 2) + 0; split($(NF - 1), h, "->"); before = h[1] + 0; split(h[2], a, "("); after = a[1] + 0
        if (up >= from && up <= to && seen) mb += before - last
        last = after; seen = 1 }
    END { printf "POST /jobs window: %d MB allocated between its collections, about %.1f kB per request\n", mb, mb * 1024 / n }' || true
echo "== summary"
awk -v p="$post_rps" -v g="$get_rps" -v l="$post_p99" -v b="$post_bad" 'BEGIN {
    r = p / g
    printf "POST /jobs %.0f req/s, GET /queue %.0f req/s, ratio %.2f (target >= 0.50): %s\n", p, g, r, (r >= 0.5 ? "met" : "MISSED")
    printf "POST /jobs p99 %.2f ms (target <= 20 ms): %s\n", l, (l <= 20 ? "met" : "MISSED")
    printf "POST /jobs errors %d (target 0): %s\n", b, (b == 0 ? "met" : "MISSED")
    exit !(r >= 0.5 && l <= 20 && b == 0)
}'
