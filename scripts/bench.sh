#!/usr/bin/env bash
# The published benchmark: qchat and Mosquitto side by side, each server pinned to one CPU and the
# load generator to the other (with W8, files moving while W1 chats, against a plain socket copy),
# then JMH, then docs/benchmarks.md regenerated from the results.
#
#   scripts/bench.sh                 # full run (about an hour on a 2-core box)
#   PROFILE=smoke scripts/bench.sh   # every workload at a tiny load, to try the setup (1 minute)
#
# Needs: a JDK 17+, taskset (util-linux), mosquitto (apt-get install mosquitto), and PostgreSQL for
# W4, W6 and W7 at QCHAT_PG_URL (default: the local server, user postgres, database test; they are
# skipped if it cannot be reached); W6 and W7 (a two-node cluster, then one node killed) also need
# redis-server (apt-get install redis-server), of which they start their own instance on a free
# port. Run as root to let W4, W6 and W7 pin PostgreSQL to the server CPU as well. W8 writes a few GB
# of uploaded files under target/bench-run.
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE=${PROFILE:-full}
SERVER_CPUS=${SERVER_CPUS:-0}
GENERATOR_CPUS=${GENERATOR_CPUS:-1}
PG_URL=${QCHAT_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
RUN=target/bench-run
# Only the full run is published; a smoke run writes its report next to its results.
if [ "$PROFILE" = full ]; then OUT=${OUT:-docs/benchmarks.md}; else OUT=${OUT:-$RUN/benchmarks.md}; fi

command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] \
  || { echo "mosquitto is not installed (apt-get install mosquitto)" >&2; exit 1; }
command -v taskset >/dev/null || { echo "taskset is not installed (util-linux)" >&2; exit 1; }

# 19,000 idle connections need as many file descriptors in the server and in the generator.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

pg_args=()
if pg_isready -q -d "${PG_URL%%\?*}" 2>/dev/null || pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  pg_args=(--postgres-url "$PG_URL")
else
  echo "PostgreSQL is not reachable: W4, W6 and W7 are skipped" >&2
fi

echo "== building"
./mvnw -q -B -ntp -DskipTests package

mkdir -p "$RUN"
echo "== workloads (profile $PROFILE; servers on CPU $SERVER_CPUS, generator on CPU $GENERATOR_CPUS)"
# The generator runs with ZGC: a serial collector's pause of tens of milliseconds in the generator
# would delay sends and receive stamps alike, and invalidate the step.
taskset -c "$GENERATOR_CPUS" java -XX:+UseZGC -Xmx4g -Dqchat.bench.command="PROFILE=$PROFILE scripts/bench.sh" \
  -jar chat-bench/target/qchat-bench.jar suite --profile "$PROFILE" \
  --server-cpus "$SERVER_CPUS" --generator-cpus "$GENERATOR_CPUS" "${pg_args[@]}" \
  --run-dir "$RUN" --results "$RUN/results.json" 2>&1 | tee "$RUN/suite.log"

echo "== JMH (pinned to CPU $SERVER_CPUS, now idle)"
if [ "$PROFILE" = smoke ]; then jmh_opts=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms); else jmh_opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s); fi
taskset -c "$SERVER_CPUS" java -cp chat-bench/target/qchat-bench.jar org.openjdk.jmh.Main "${jmh_opts[@]}" \
  -rf json -rff "$RUN/jmh.json" -e StoreBenchmark,FilePieceBenchmark 'org.qchat.bench.jmh' > "$RUN/jmh.log" 2>&1
java -cp chat-bench/target/qchat-bench.jar org.qchat.bench.jmh.JmhTable "$RUN/jmh.json" > "$RUN/jmh.md"

# A file piece decoded as a data frame and as base64 JSON: its own section of the report, with the ratio.
echo "== JMH: a file piece as a data frame and as base64 JSON (pinned to CPU $SERVER_CPUS)"
taskset -c "$SERVER_CPUS" java -cp chat-bench/target/qchat-bench.jar org.openjdk.jmh.Main "${jmh_opts[@]}" \
  -rf json -rff "$RUN/file-pieces.json" FilePieceBenchmark > "$RUN/file-pieces.log" 2>&1

# The message store engines side by side, each preloaded with a million messages (PostgreSQL too
# when it is reachable); skipped in a smoke run, whose point is a quick try of the setup.
store_args=()
if [ "$PROFILE" != smoke ]; then
  echo "== JMH: message store engines (pinned to CPU $SERVER_CPUS)"
  if [ ${#pg_args[@]} -gt 0 ]; then export QCHAT_PG_URL="$PG_URL"; fi
  taskset -c "$SERVER_CPUS" java -cp chat-bench/target/qchat-bench.jar org.qchat.bench.jmh.StoreBenchmark \
    -wi 2 -w 3s -i 3 -r 3s -rf json -rff "$RUN/store.json" > "$RUN/store.log" 2>&1
  java -cp chat-bench/target/qchat-bench.jar org.qchat.bench.jmh.JmhTable "$RUN/store.json" > "$RUN/store.md"
  store_args=(--store-table "$RUN/store.md")
fi

echo "== profile: W1 on qchat again, recorded with JFR"
taskset -c "$GENERATOR_CPUS" java -XX:+UseZGC -Xmx4g -jar chat-bench/target/qchat-bench.jar suite --profile "$PROFILE" --only W1 --no-mosquitto \
  --server-cpus "$SERVER_CPUS" --server-jfr "$RUN/profile/qchat-w1.jfr" \
  --run-dir "$RUN/profile" --results "$RUN/profile/results.json" > "$RUN/profile.log" 2>&1

echo "== report"
java -jar chat-bench/target/qchat-bench.jar report --results "$RUN/results.json" --jmh-table "$RUN/jmh.md" \
  --file-pieces "$RUN/file-pieces.json" --jfr "$RUN/profile/qchat-w1.jfr" "${store_args[@]}" --out "$OUT"
