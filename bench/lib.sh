# Shared by the bench scripts that start the packaged jar (source it; it starts nothing itself).
# Every server listens on 127.0.0.1 only and is stopped on exit.

JAR=target/quarkus-app/quarkus-run.jar
OUT=bench/out
SERVER=

# require_jar NAME: exits 2 with one line when the packaged app is missing
require_jar() {
    [ -f "$JAR" ] || { echo "$1: $JAR missing; build it with ./mvnw -B package -DskipTests" >&2; exit 2; }
    mkdir -p "$OUT"
}

# free_port: prints the first free TCP port in 18100..18999
free_port() {
    local p
    for p in $(seq 18100 18999); do
        if [ -z "$(ss -Htln "sport = :$p")" ]; then echo "$p"; return 0; fi
    done
    return 1
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# start_server LOG PORT [JVM and -D options...]: starts the jar in the background, sets SERVER
start_server() {
    local log=$1 port=$2
    shift 2
    java "$@" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -jar "$JAR" > "$log" 2>&1 &
    SERVER=$!
}

# wait_ready NAME URL LOG [POLL_S] [TRIES]: waits for readiness UP; exits 2 if the server dies or never gets ready
wait_ready() {
    local name=$1 url=$2 log=$3 poll=${4:-0.1} tries=${5:-300}
    for _ in $(seq "$tries"); do
        curl -sf -o /dev/null "$url/q/health/ready" && return 0
        kill -0 "$SERVER" 2>/dev/null || { echo "$name: the server died; see $log" >&2; exit 2; }
        sleep "$poll"
    done
    echo "$name: not ready after $tries polls" >&2
    exit 2
}

# stop_server: stops SERVER (TERM, then KILL after 10 s); safe to call twice
stop_server() {
    [ -n "$SERVER" ] || return 0
    kill "$SERVER" 2>/dev/null || { SERVER=; return 0; }
    for _ in $(seq 100); do kill -0 "$SERVER" 2>/dev/null || { SERVER=; return 0; }; sleep 0.1; done
    kill -9 "$SERVER" 2>/dev/null || true
    SERVER=
}

print_machine() {
    echo "date: $(date -u)"
    echo "nproc: $(nproc)"
    java -version 2>&1 | sed 's/^/java: /'
}
