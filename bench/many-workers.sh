#!/usr/bin/env bash
# Wall time of `simulate` (packaged jar, JVM start included) with 100,000 workers, the most it
# takes, on jobs all queued at t=0 over 10,000 models (load 200 ms, job 5 ms, Zipf 0.8): the first
# 100,000 jobs of the 1,000,000-job burst trace of bench/scale.sh, then all of it; every built-in
# strategy, -Xmx256m, one run each. A run over LIMIT seconds (default 300) is stopped and shown
# as such.
#
#   ./mvnw -B package -DskipTests && bench/many-workers.sh [JAR]
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${1:-target/quarkus-app/quarkus-run.jar}
LIMIT=${LIMIT:-300}
OUT=bench/out
FULL="$OUT/scale-burst-1000000-jobs-10000-models.csv"
PART="$OUT/many-workers-100000-jobs.csv"
[ -f "$JAR" ] || { echo "many-workers.sh: $JAR missing; build it with ./mvnw -B package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"
[ -s "$FULL" ] || java bench/GenTrace.java --jobs 1000000 --models 10000 --seed 1 --rate 0 \
    --load-ms 200 --process-ms 5 --zipf 0.8 > "$FULL"
[ -s "$PART" ] || head -100001 "$FULL" > "$PART"

printf '%-9s %-20s %10s\n' jobs strategy "wall ms"
for trace in "$PART" "$FULL"; do
    jobs=$(( $(wc -l < "$trace") - 1 ))
    for strategy in fifo affinity exclusive-affinity adaptive; do
        start=$(date +%s%N)
        rc=0
        timeout "$LIMIT" java -Xmx256m -jar "$JAR" simulate --trace "$trace" --workers 100000 \
            --strategy "$strategy" --format json > /dev/null || rc=$?
        case $rc in
            0) printf '%-9s %-20s %10d\n' "$jobs" "$strategy" $(( ($(date +%s%N) - start) / 1000000 )) ;;
            124) printf '%-9s %-20s %10s\n' "$jobs" "$strategy" "over ${LIMIT}s" ;;
            *) printf '%-9s %-20s %10s\n' "$jobs" "$strategy" "failed ($rc)" ;;
        esac
    done
done
