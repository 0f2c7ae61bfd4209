#!/usr/bin/env bash
# Where the time goes in a JFR recording (JDK 17 has no `jfr view`): from the jdk.ExecutionSample
# events, the top frames by self samples (method and line), the top methods by inclusive samples
# (present anywhere in the stack, counted once per sample), and samples per thread.
#
#   bench/jfr-top.sh recording.jfr [TOP] [THREAD_SUBSTRING]
#   e.g. after java -jar target/benchmarks.jar DecisionBenchmark ... -prof jfr:dir=bench/out/jfr
set -euo pipefail
FILE=$1
TOP=${2:-25}
THREAD=${3:-}
command -v jq >/dev/null || { echo "jfr-top.sh: jq missing" >&2; exit 2; }
JSON=$(mktemp)
trap 'rm -f "$JSON"' EXIT
jfr print --json --events jdk.ExecutionSample "$FILE" > "$JSON"

samples() {
    jq -c --arg t "$THREAD" '.recording.events[]
        | select(($t == "") or ((.values.sampledThread.javaName // .values.sampledThread.osName // "") | contains($t)))
        | .values' "$JSON"
}
total=$(samples | wc -l)
echo "samples: $total${THREAD:+ (threads matching '$THREAD')}"
echo
echo "== self (top frame, with line)"
samples | jq -r '.stackTrace.frames[0] | "\(.method.type.name).\(.method.name):\(.lineNumber)"' \
    | sort | uniq -c | sort -rn | head -"$TOP" | awk -v n="$total" '{ printf "%6.1f%% %6d  %s\n", 100 * $1 / n, $1, $2 }'
echo
echo "== inclusive (method anywhere in the stack)"
samples | jq -r '[.stackTrace.frames[] | "\(.method.type.name).\(.method.name)"] | unique | .[]' \
    | sort | uniq -c | sort -rn | head -"$TOP" | awk -v n="$total" '{ printf "%6.1f%% %6d  %s\n", 100 * $1 / n, $1, $2 }'
echo
echo "== per thread"
samples | jq -r '.sampledThread.javaName // .sampledThread.osName // "?"' | sort | uniq -c | sort -rn | head -10
