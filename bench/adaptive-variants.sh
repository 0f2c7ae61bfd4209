#!/usr/bin/env bash
# Checks issue 5's targets for the adaptive strategy on the shared traces and on generated
# variants it was not developed on (other seeds, worker and model counts, costs, priority mixes,
# an overloaded and a saturated system), then 24 drawn at random. Prints one row per trace; see
# bench/CompareStrategies.java.
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

ARGS=("$TRACES/seed-example.csv:1:strict" "$TRACES/burst.csv:4:strict" "$TRACES/poisson-zipf.csv:4"
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
# 24 more, drawn at random (python random.Random(42): models in {20, 100, 500, 2000}, workers in
# {2, 4, 8}, Zipf in {0.5, 0.8, 1.0, 1.2}, load in {0.5, 1, 3} s, job in {5, 20, 100} ms, job
# utilization in {0.3, 0.5, 0.7}) after the strategy was written, and checked once
gen fresh-00-w2          2 --jobs 10000 --models 20 --seed 100 --rate 120.0 --zipf 1.0 --load-ms 500 --process-ms 5
gen fresh-01-w8          8 --jobs 10000 --models 20 --seed 101 --rate 120.0 --zipf 0.5 --load-ms 3000 --process-ms 20
gen fresh-02-w2          2 --jobs 10000 --models 20 --seed 102 --rate 14.0 --zipf 0.8 --load-ms 500 --process-ms 100
gen fresh-03-w8          8 --jobs 10000 --models 20 --seed 103 --rate 56.0 --zipf 0.8 --load-ms 3000 --process-ms 100
gen fresh-04-w2          2 --jobs 10000 --models 2000 --seed 104 --rate 30.0 --zipf 1.2 --load-ms 3000 --process-ms 20
gen fresh-05-w8          8 --jobs 10000 --models 100 --seed 105 --rate 120.0 --zipf 1.2 --load-ms 1000 --process-ms 20
gen fresh-06-w4          4 --jobs 10000 --models 100 --seed 106 --rate 60.0 --zipf 0.5 --load-ms 500 --process-ms 20
gen fresh-07-w4          4 --jobs 10000 --models 500 --seed 107 --rate 20.0 --zipf 1.0 --load-ms 500 --process-ms 100
gen fresh-08-w4          4 --jobs 10000 --models 20 --seed 108 --rate 140.0 --zipf 0.5 --load-ms 3000 --process-ms 20
gen fresh-09-w8          8 --jobs 10000 --models 500 --seed 109 --rate 480.0 --zipf 0.8 --load-ms 3000 --process-ms 5
gen fresh-10-w4          4 --jobs 10000 --models 100 --seed 110 --rate 400.0 --zipf 0.5 --load-ms 500 --process-ms 5
gen fresh-11-w4          4 --jobs 10000 --models 500 --seed 111 --rate 100.0 --zipf 1.0 --load-ms 500 --process-ms 20
gen fresh-12-w8          8 --jobs 10000 --models 100 --seed 112 --rate 56.0 --zipf 1.0 --load-ms 3000 --process-ms 100
gen fresh-13-w8          8 --jobs 10000 --models 20 --seed 113 --rate 24.0 --zipf 0.8 --load-ms 3000 --process-ms 100
gen fresh-14-w4          4 --jobs 10000 --models 100 --seed 114 --rate 28.0 --zipf 1.2 --load-ms 1000 --process-ms 100
gen fresh-15-w8          8 --jobs 10000 --models 100 --seed 115 --rate 480.0 --zipf 1.0 --load-ms 500 --process-ms 5
gen fresh-16-w4          4 --jobs 10000 --models 500 --seed 116 --rate 560.0 --zipf 1.0 --load-ms 500 --process-ms 5
gen fresh-17-w2          2 --jobs 10000 --models 500 --seed 117 --rate 10.0 --zipf 1.2 --load-ms 1000 --process-ms 100
gen fresh-18-w4          4 --jobs 10000 --models 100 --seed 118 --rate 28.0 --zipf 0.8 --load-ms 500 --process-ms 100
gen fresh-19-w8          8 --jobs 10000 --models 500 --seed 119 --rate 200.0 --zipf 1.2 --load-ms 3000 --process-ms 20
gen fresh-20-w2          2 --jobs 10000 --models 100 --seed 120 --rate 120.0 --zipf 1.2 --load-ms 500 --process-ms 5
gen fresh-21-w8          8 --jobs 10000 --models 100 --seed 121 --rate 280.0 --zipf 0.8 --load-ms 3000 --process-ms 20
gen fresh-22-w4          4 --jobs 10000 --models 20 --seed 122 --rate 140.0 --zipf 1.2 --load-ms 3000 --process-ms 20
gen fresh-23-w8          8 --jobs 10000 --models 500 --seed 123 --rate 24.0 --zipf 0.5 --load-ms 3000 --process-ms 100
java -cp "$CP" bench/CompareStrategies.java "${ARGS[@]}"
