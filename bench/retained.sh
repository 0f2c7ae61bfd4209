#!/usr/bin/env bash
# Heap held per finished job in the job registry (balancer.jobs.max-retained, default 100,000):
# live heap (jcmd GC.class_histogram) of the packaged jar idle, then after SECONDS of sync
# POST /jobs with wrk (bench/post-job.lua, 64 connections, 100 models, zero-cost simulated backend).
# Explains the REST p99 of bench/rest.sh (see RESULTS.md, issue 6). Loopback; stops its server.
#
#   ./mvnw -B package -DskipTests && bench/retained.sh        # SECONDS_OF_LOAD=3 TOP=15
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
LOAD=${SECONDS_OF_LOAD:-3}
TOP=${TOP:-15}
require_jar retained.sh
PORT=${PORT:-$(free_port)}
URL="http://127.0.0.1:$PORT"
start_server "$OUT/retained-server.log" "$PORT" -Dbalancer.simulated.load-time=0s \
     -Dbalancer.simulated.process-time=0s -Dbalancer.workers=2 -Dbalancer.queue.capacity=100000
trap stop_server EXIT
wait_ready retained.sh "$URL" "$OUT/retained-server.log"
echo "date: $(date -u); nproc: $(nproc); $(java -version 2>&1 | head -1)"
histo() { jcmd "$SERVER" GC.class_histogram | awk '$1 ~ /^[0-9]+:$/ { print $4, $2, $3 } /^Total/ { print "TOTAL", $2, $3 }'; }
curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"model":"model-1"}' "$URL/jobs"
histo > "$OUT/retained-idle.txt"
wrk -t2 -c64 -d"${LOAD}s" -s bench/post-job.lua "$URL" -- post 100 | grep RESULT
sleep 1
retained=$(curl -s "$URL/q/metrics" | awk '/^balancer_jobs_finished_total/ { n += $2 } END { printf "%d", n }')
histo > "$OUT/retained-loaded.txt"
echo "finished jobs so far: $retained (the registry keeps at most 100,000 of them for 10 min)"
awk -v n="$retained" -v top="$TOP" '
    NR == FNR { b[$1] = $3; i[$1] = $2; next }
    { d = $3 - b[$1]; di = $2 - i[$1]; if ($1 == "TOTAL") { total = d; next } if (d > 0) print d, di, $1 }
    END { printf "live heap growth: %d B = %.0f B per finished job\n", total, total / (n > 100000 ? 100000 : n) > "/dev/stderr" }' \
    "$OUT/retained-idle.txt" "$OUT/retained-loaded.txt" 2> "$OUT/retained-total.txt" | sort -rn | head -"$TOP" \
    | awk -v n="$retained" 'BEGIN { m = n > 100000 ? 100000 : n; printf "%12s %8s %8s  %s\n", "bytes", "B/job", "inst/job", "class" }
                            { printf "%12d %8.1f %8.2f  %s\n", $1, $1 / m, $2 / m, $3 }'
cat "$OUT/retained-total.txt"
