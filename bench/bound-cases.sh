#!/usr/bin/env bash
# adaptive's max-wait bound on four small traces from the outside passes of 2026-11-30, each with
# one worker's stream of m1 jobs that never empties and one job of another model that only the
# bound brings in. Prints the simulator's adaptive row (max wait is the fifth number).
#
#   ./mvnw -B package -DskipTests && bench/bound-cases.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/bound
mkdir -p "$OUT"
HEADER=arrival_ms,model,load_ms,process_ms,priority

# a busy holder: worker A runs one 200 s job of m2, worker B streams m1; a second m2 job at 2 s
awk -v h=$HEADER 'BEGIN { print h; print "0,m2,5000,200000,0";
    for (t = 0; t <= 250000; t += 1000) { print t ",m1,5000,900,0"; if (t == 2000) print "2000,m2,5000,10,0" } }' > "$OUT/busy-holder.csv"
# a head start over twice max-wait: 300 m1 jobs at t=0, then one every 100 ms (99 ms each)
awk -v h=$HEADER 'BEGIN { print h; for (i = 0; i < 300; i++) print "0,m1,5000,99,0";
    for (t = 100; t <= 200000; t += 100) { print t ",m1,5000,99,0";
        if (t == 500) print "500,m3,5000,10,130"; else if (t == 1000) print "1000,m2,5000,10,0" } }' > "$OUT/head-start.csv"
# an overload that passes: 700 m1 jobs of 95 ms at t=0, then one every 100 ms (95 % load) to 2,000 s
awk -v h=$HEADER 'BEGIN { print h; for (i = 0; i < 700; i++) print "0,m1,5000,95,0";
    for (t = 100; t <= 2000000; t += 100) { print t ",m1,5000,95,0"; if (t == 1000) print "1000,m2,5000,10,0" } }' > "$OUT/passing-overload.csv"
# a short burst: 20 m1 jobs of 100 ms and one m2 job at t=0, then m1 every 150 ms (67 % load) to 6 s
awk -v h=$HEADER 'BEGIN { print h; for (i = 0; i < 20; i++) print "0,m1,200,100,0"; print "0,m2,200,10,0";
    for (t = 150; t < 6000; t += 150) print t ",m1,200,100,0" }' > "$OUT/short-burst.csv"

run() {  # trace workers max-wait
    printf '%-22s %s workers, max-wait %-4s ' "$1" "$2" "$3"
    java -jar target/quarkus-app/quarkus-run.jar simulate --trace "$OUT/$1.csv" --workers "$2" --strategy adaptive \
        --set balancer.strategies.adaptive.max-wait="$3" | tail -1
}
run busy-holder 2 60s
run head-start 1 60s
run passing-overload 1 60s
run short-burst 1 2s
