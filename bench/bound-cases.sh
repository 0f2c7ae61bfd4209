#!/usr/bin/env bash
# adaptive's max-wait bound on small traces from the outside passes of 2026-11-30: the first four
# each have a stream of m1 jobs that never empties and one job of another model that only the bound
# brings in; the next three check that the bound wakes an idle worker, and that it costs no extra
# loads where a holder is about to serve the overdue job; the last two (from a pass of the live
# service and a review) that an idle worker is woken when an overload passes, and that priority
# jobs overdue by their head start do not hold an older job back; the last that, overloaded, cold
# models still get a turn behind streams whose queues never empty. Prints the simulator's adaptive row
# (loads, then mean, p50, p99 and max wait, and makespan, in seconds).
#
#   ./mvnw -B package -DskipTests && bench/bound-cases.sh     (JAR=other.jar to run another build)
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

# an idle worker: A runs one 200 s job of m2; B serves 1,000 jobs of c in 5 s, then a lone m2 job
# comes at 60 s and nothing else happens until A's job ends
awk -v h=$HEADER 'BEGIN { print h; print "0,m2,5000,200000,0"; for (i = 0; i < 1000; i++) print (i * 5) ",c,5000,10,0";
    print "60000,m2,5000,10,0" }' > "$OUT/idle-worker.csv"
# two models, 3 workers, 84 % busy, 1 s loads of 60 ms jobs (Poisson, 30/s and 12/s)
[ -s "$OUT/two-models.csv" ] || java bench/GenTrace.java --jobs 5000 --models 2 --seed 1 --rate 42 --zipf 1.32 \
    --load-ms 1000 --process-ms 60 > "$OUT/two-models.csv"
# a priority of twice max-wait on a job whose model's holder frees up within a second
awk -v h=$HEADER 'BEGIN { print h; for (t = 0; t < 120000; t += 250) { if (t % 1250 == 0) print t ",m0,10000,1000,0";
    if (t % 1000 == 500) print t ",m1,1000,100,0"; if (t == 20000) print "20100,m0,10000,1000,60" } }' > "$OUT/priority-at-holder.csv"
# an overload that passes while a holder is stuck: A holds m1 and runs one 30 s job of it from 1.2 s,
# a lone m1 job comes at 1.5 s, and B gets 8 cold models at 1.7 s (over max-wait 3 s for 2 workers)
awk -v h=$HEADER 'BEGIN { print h; print "0,m1,1000,100,0"; print "0,m2,1000,100,0"; print "1200,m1,1000,30000,0";
    print "1500,m1,1000,100,0"; for (c = 0; c < 8; c++) print "1700,c" c ",1000,100,0" }' > "$OUT/calm-stuck-holder.csv"
# priority jobs overdue by their head start: m1 with priority 2 (12 at t=0, then 90 ms every 100 ms),
# and a plain m2 job at 3 s
awk -v h=$HEADER 'BEGIN { print h; for (i = 0; i < 12; i++) print "0,m1,1000,90,2";
    for (t = 100; t <= 60000; t += 100) { print t ",m1,1000,90,2"; if (t == 3000) print "3000,m2,1000,90,0" } }' > "$OUT/priority-stream.csv"
# the same when the overload passes in a busy worker's decision: A runs a 30 s m1 job from 0, a lone
# m1 job comes at 0.5 s, B gets 96 m2 jobs at 3 s (the 52nd 30 s long), C is idle; 2.5 s loads
awk -v h=$HEADER 'BEGIN { print h; print "0,m1,2500,30000,0"; print "0,m2,2500,100,0"; print "500,m1,2500,100,0";
    for (i = 0; i < 96; i++) print "3000,m2,2500," (i == 51 ? 30000 : 100) ",0" }' > "$OUT/calm-busy-decision.csv"

# cold models behind streams that never empty (the live service's stress pass): h1 to h3 each get
# a 100 ms job every 100 ms to 90 s (3 workers kept busy, 1 s loads), 10 cold models come at 5 s
awk -v h=$HEADER 'BEGIN { print h; for (t = 0; t < 90000; t += 100) { for (m = 1; m <= 3; m++) print t ",h" m ",1000,100,0";
    if (t == 5000) for (c = 0; c < 10; c++) print "5000,c" c ",1000,100,0" } }' > "$OUT/cold-burst.csv"

run() {  # trace workers max-wait
    printf '%-22s %s workers, max-wait %-4s ' "$1" "$2" "$3"
    java -jar "${JAR:-target/quarkus-app/quarkus-run.jar}" simulate --trace "$OUT/$1.csv" --workers "$2" --strategy adaptive \
        --set balancer.strategies.adaptive.max-wait="$3" | tail -1
}
run busy-holder 2 60s
run head-start 1 60s
run passing-overload 1 60s
run short-burst 1 2s
run idle-worker 2 10s
run two-models 3 5s
run two-models 3 1000d
run priority-at-holder 2 30s
run calm-stuck-holder 2 3s
run calm-busy-decision 3 3s
run priority-stream 1 3s
run cold-burst 3 3s
