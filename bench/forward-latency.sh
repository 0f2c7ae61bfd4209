#!/usr/bin/env bash
# Latency that smartlb adds (issue 4): wrk on loopback against an upstream that answers at once,
# called directly and through /forward (http backend, one worker per concurrent connection: the
# upstream URL repeated CONNS times), same connections, same duration, in one run.
#
#   ./mvnw -B package -DskipTests && bench/forward-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONNS=${CONNS:-4}
DURATION=${DURATION:-15s}
UPSTREAM_PORT=${UPSTREAM_PORT:-9100}
LB_PORT=${LB_PORT:-9180}
command -v wrk >/dev/null || { echo "forward-latency.sh: wrk missing (apt-get install wrk)" >&2; exit 2; }

java -cp 'target/quarkus-app/lib/main/*' bench/EchoUpstream.java "$UPSTREAM_PORT" > bench/out/upstream.log 2>&1 &
UPSTREAM=$!
UPSTREAMS=$(for _ in $(seq "$CONNS"); do printf 'http://127.0.0.1:%s,' "$UPSTREAM_PORT"; done)
java -Dquarkus.http.port="$LB_PORT" -Dbalancer.backend=http -Dbalancer.http.upstreams="${UPSTREAMS%,}" \
     -Dbalancer.http.health-path=/ -Dquarkus.log.level=WARN \
     -jar target/quarkus-app/quarkus-run.jar > bench/out/lb.log 2>&1 &
LB=$!
trap 'kill $UPSTREAM $LB 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$LB_PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
done
cat > bench/out/post.lua <<'LUA'
wrk.method = "POST"
wrk.body = '{"text":"hello"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Model"] = "m1"
LUA
echo "warm-up"
wrk -t2 -c"$CONNS" -d5s -s bench/out/post.lua "http://127.0.0.1:$LB_PORT/forward/synthesize" >/dev/null
wrk -t2 -c"$CONNS" -d5s -s bench/out/post.lua "http://127.0.0.1:$UPSTREAM_PORT/synthesize" >/dev/null
echo "== direct to the upstream"
wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s bench/out/post.lua "http://127.0.0.1:$UPSTREAM_PORT/synthesize"
echo "== through smartlb /forward"
wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s bench/out/post.lua "http://127.0.0.1:$LB_PORT/forward/synthesize"
