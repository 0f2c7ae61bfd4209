#!/usr/bin/env bash
# The JMH benchmarks of issue 6: decision cost (DecisionBenchmark, with -prof gc for bytes
# allocated per decision) and in-process throughput (ThroughputBenchmark). Prints JMH's own output,
# then one table per benchmark with the median of the measurement iterations of each case and, for
# decisions, the ratio M=100,000 / M=10 taken within this run.
#
#   ./mvnw -B -Pjmh package -DskipTests && bench/jmh.sh            # both
#   bench/jmh.sh decision        bench/jmh.sh throughput           # one of them
#   JMH_OPTS="-f 1 -wi 2 -i 5 -w 1 -r 1" bench/jmh.sh decision     # other run lengths
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/benchmarks.jar
OUT=bench/out
WHAT=${1:-all}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1 -r 1}
LIMIT=${LIMIT:-1200}   # seconds per benchmark, a bound in case something hangs
[ -f "$JAR" ] || { echo "jmh.sh: $JAR missing; build it with ./mvnw -B -Pjmh package -DskipTests" >&2; exit 2; }
command -v jq >/dev/null || { echo "jmh.sh: jq missing" >&2; exit 2; }
mkdir -p "$OUT"

echo "date: $(date -u)"
echo "nproc: $(nproc)"
java -version 2>&1 | sed 's/^/java: /'
echo "JMH_OPTS: $JMH_OPTS"

# per case: the params named in $2 (space-separated), the median of the measurement iterations
# (all forks), every iteration, and bytes allocated per op when -prof gc ran
medians() {
    jq -r --arg names "$2" '.[] | [(.params as $p | $names | split(" ") | map($p[.]) | join(" ")),
                  (.primaryMetric.rawData | flatten | sort | .[(length / 2 | floor)]),
                  (.primaryMetric.rawData | flatten | map(tostring) | join(" ")),
                  (.secondaryMetrics["gc.alloc.rate.norm"].score // "")] | @tsv' "$1"
}

if [ "$WHAT" = all ] || [ "$WHAT" = decision ]; then
    # shellcheck disable=SC2086
    timeout "$LIMIT" java -jar "$JAR" 'DecisionBenchmark' $JMH_OPTS -prof gc \
        -rf json -rff "$OUT/decision.json" | tee "$OUT/decision.txt"
    echo
    echo "== decision cost, ns/op: median of the iterations (B/op allocated)"
    medians "$OUT/decision.json" "models own strategy workers" | awk -F'\t' '
        { split($1, p, " "); key = p[3] " " p[2] " " p[4]; ns[key, p[1]] = $2; alloc[key, p[1]] = $4
          if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
        END {
            printf "%-20s %-8s %3s %16s %16s %16s %8s\n", "strategy", "own", "W", "M=10", "M=1000", "M=100000", "ratio"
            for (i = 1; i <= n; i++) {
                k = order[i]; split(k, q, " ")
                printf "%-20s %-8s %3s", q[1], q[2], q[3]
                for (j = 1; j <= 3; j++) {
                    m = (j == 1 ? 10 : j == 2 ? 1000 : 100000)
                    printf " %8.1f (%4.0f B)", ns[k, m], alloc[k, m]
                }
                printf " %8.2f\n", ns[k, 100000] / ns[k, 10]
            }
        }' | tee "$OUT/decision-summary.txt"
fi

if [ "$WHAT" = all ] || [ "$WHAT" = throughput ]; then
    # shellcheck disable=SC2086
    timeout "$LIMIT" java -jar "$JAR" 'ThroughputBenchmark' $JMH_OPTS \
        -rf json -rff "$OUT/throughput.json" | tee "$OUT/throughput.txt"
    echo
    echo "== in-process throughput, completed jobs/s: median of the iterations (all iterations)"
    medians "$OUT/throughput.json" "models strategy" | awk -F'\t' '
        BEGIN { printf "%-20s %7s %12s   %s\n", "strategy", "models", "median", "iterations" }
        { split($1, p, " "); printf "%-20s %7s %12.0f   %s\n", p[2], p[1], $2, $3 }' \
        | tee "$OUT/throughput-summary.txt"
fi
