#!/usr/bin/env bash
# Checks issue 5's targets for the adaptive strategy on the shared traces and on generated
# variants it was not developed on (other seeds, worker and model counts, costs, priority mixes,
# an overloaded and a saturated system). Prints one row per trace; see bench/CompareStrategies.java.
#
#   ./mvnw -B package -DskipTests && bench/adaptive-variants.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/variants
mkdir -p "$OUT"
CP='target/quarkus-app/app/*:target/quarkus-app/lib/main/*'
TRACES=${TRACES:-../shared/traces}

gen() {  # name workers GenTrace-args...
    local name=$1 workers=$2; shift 2
    [ -s "$OUT/$name.csv" ] || java bench/GenTrace.java "$@" > "$OUT/$name.csv"
    ARGS+=("$OUT/$name.csv:$workers")
}

ARGS=("$TRACES/seed-example.csv:1" "$TRACES/burst.csv:4" "$TRACES/poisson-zipf.csv:4"
      "$TRACES/mixed-costs.csv:4" "$TRACES/bursty.csv:4" "$TRACES/many-models.csv:8")
gen zipf-seed2-w4      4 --jobs 20000 --models 40 --seed 2 --rate 20 --zipf 1.1 --load-ms 3000 --process-ms 100
gen zipf-seed3-w6      6 --jobs 20000 --models 60 --seed 3 --rate 30 --zipf 1.0 --load-ms 3000 --process-ms 100
gen zipf-overload-w2   2 --jobs 10000 --models 40 --seed 4 --rate 20 --zipf 1.1 --load-ms 3000 --process-ms 100
gen uniform-sat-w2     2 --jobs 5000 --models 10 --seed 5 --rate 3.5 --zipf 0 --load-ms 5000 --process-ms 500
gen many-seed6-w8      8 --jobs 50000 --models 2000 --seed 6 --rate 400 --zipf 0.8 --load-ms 200 --process-ms 5
gen many-seed7-w12    12 --jobs 50000 --models 5000 --seed 7 --rate 500 --zipf 0.9 --load-ms 300 --process-ms 5
gen mid-100-w4         4 --jobs 20000 --models 100 --seed 8 --rate 50 --zipf 1.0 --load-ms 1000 --process-ms 20
gen prio-zipf-w4       4 --jobs 20000 --models 40 --seed 9 --rate 20 --zipf 1.1 --load-ms 3000 --process-ms 100 --priority-share 0.1 --priority-s 30
gen burst-50-w3        3 --jobs 2000 --models 50 --seed 10 --rate 0 --zipf 0.5 --load-ms 2000 --process-ms 20
gen slowload-w4        4 --jobs 10000 --models 20 --seed 11 --rate 4 --zipf 1.2 --load-ms 20000 --process-ms 150
java -cp "$CP" bench/CompareStrategies.java "${ARGS[@]}"
