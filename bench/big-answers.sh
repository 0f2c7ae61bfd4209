#!/usr/bin/env bash
# Large upstream answers against the heap (balancer.http.max-response-size): 4 upstream slots
# (one echo upstream answering a 15 MiB JSON string, its URL given 4 times), 16 sync jobs at
# once, for each heap and setting below. Prints per run the answers' status codes and whether a
# worker loop died (liveness).
#
#   ./mvnw -B package -DskipTests && bench/big-answers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
require_jar big-answers.sh
BYTES=${BYTES:-15728640}
UPSTREAM_PORT=$(free_port)
java -cp 'target/quarkus-app/lib/main/*' bench/EchoUpstream.java "$UPSTREAM_PORT" "$BYTES" > "$OUT/big-upstream.log" 2>&1 &
UPSTREAM=$!
trap 'stop_server; kill $UPSTREAM 2>/dev/null || true' EXIT
for _ in $(seq 100); do  # listening before the next free port is chosen
    curl -s -o /dev/null "http://127.0.0.1:$UPSTREAM_PORT/health" && break
    sleep 0.2
done
UPSTREAMS=$(for _ in 1 2 3 4; do printf 'http://127.0.0.1:%s,' "$UPSTREAM_PORT"; done)
print_machine
echo "answer: $BYTES bytes, 4 upstream slots, 16 sync jobs at once"

run() {  # label, then JVM and -D options
    local label=$1 port
    shift
    port=$(free_port)
    start_server "$OUT/big-answers.log" "$port" "$@" -Dbalancer.backend=http -Dbalancer.http.upstreams="${UPSTREAMS%,}" \
        -Dbalancer.http.timeout=60s -Dquarkus.log.level=WARN
    wait_ready big-answers.sh "http://127.0.0.1:$port" "$OUT/big-answers.log" 0.2
    for _ in $(seq 16); do
        curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -d '{"model":"m1"}' \
            "http://127.0.0.1:$port/jobs" &
    done > "$OUT/big-answers.codes"
    wait $(jobs -p | grep -v "^$UPSTREAM\$" | grep -v "^$SERVER\$") 2>/dev/null || true
    echo "== $label: $(sort "$OUT/big-answers.codes" | uniq -c | awk '{printf "%s x %s, ", $1, $2}')liveness $(curl -s \
        "http://127.0.0.1:$port/q/health/live" | grep -o '"deadWorkerLoops": [0-9]*'), startup warning: $(grep -c \
        'max-response-size=' "$OUT/big-answers.log" || true)"
    stop_server
}

run "-Xmx256m, max-response-size=16M" -Xmx256m -Dbalancer.http.max-response-size=16M
run "-Xmx256m, max-response-size unset" -Xmx256m
run "-Xmx512m, max-response-size=16M" -Xmx512m -Dbalancer.http.max-response-size=16M
