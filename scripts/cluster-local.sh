#!/usr/bin/env bash
# Three qchat nodes on this machine as one cluster: one PostgreSQL schema, one Redis, ports 9321,
# 9331 and 9341 (metrics on 9322, 9332, 9342). Starts Redis on 127.0.0.1:6379 if nothing answers
# there; PostgreSQL must be running (QCHAT_PG_URL, default: local server, user postgres, database
# test). Ctrl+C stops the nodes (and the Redis it started). A node that dies (try kill -9 on one)
# leaves the others serving; the script prints the command that starts it again.
#
#   scripts/cluster-local.sh                      # build if needed, start, wait for Ctrl+C
#   NODES=2 SCHEMA=demo scripts/cluster-local.sh  # fewer nodes, another schema
#
# Then: java -jar chat-client-swing/target/qchat-client.jar --server 127.0.0.1:9321,127.0.0.1:9331,127.0.0.1:9341
set -euo pipefail
cd "$(dirname "$0")/.."

NODES=${NODES:-3}
SCHEMA=${SCHEMA:-qchat_cluster}
PG_URL=${QCHAT_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
REDIS_URI=${REDIS_URI:-redis://127.0.0.1:6379}
RUN=target/cluster-local
JAR=chat-server/target/qchat-server.jar

mkdir -p "$RUN"
if [ ! -f "$JAR" ]; then
  echo "== building the server"
  ./mvnw -q -B -ntp -pl chat-server -am -DskipTests package
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "PostgreSQL does not answer on 127.0.0.1:5432; start it (or set QCHAT_PG_URL)" >&2
  exit 1
fi

pids=()
declare -A node_of_pid
redis_pid=""
stop_all() {
  echo
  echo "== stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; fi
}
trap stop_all EXIT INT TERM

redis_host_port=${REDIS_URI#*://}
redis_host_port=${redis_host_port##*@}
redis_host=${redis_host_port%%:*}
redis_port=${redis_host_port##*:}
redis_port=${redis_port%%/*}
if ! (exec 3<>"/dev/tcp/$redis_host/$redis_port") 2>/dev/null; then
  command -v redis-server >/dev/null || { echo "Redis is not running and redis-server is not installed (apt-get install redis-server)" >&2; exit 1; }
  echo "== starting Redis on $redis_host:$redis_port"
  redis-server --port "$redis_port" --bind "$redis_host" --save "" --appendonly no > "$RUN/redis.log" 2>&1 &
  redis_pid=$!
fi

node_command() {
  local i=$1 port=$((9311 + 10 * $1))
  echo "java -jar $JAR --port $port --metrics-port $((port + 1)) --data-dir $RUN/n$i" \
    "--db-url '$PG_URL' --db-schema $SCHEMA --cluster-redis $REDIS_URI --node-id n$i"
}

for i in $(seq 1 "$NODES"); do
  port=$((9311 + 10 * i))
  echo "== node n$i on port $port (metrics $((port + 1))), log $RUN/n$i.log"
  eval "$(node_command "$i")" >> "$RUN/n$i.log" 2>&1 &
  pids+=($!)
  node_of_pid[$!]=$i
  # One at a time: the first node creates the schema.
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "node n$i exited; see $RUN/n$i.log" >&2; tail -20 "$RUN/n$i.log" >&2; exit 1; }
    sleep 0.5
  done
done

servers=$(for i in $(seq 1 "$NODES"); do printf '127.0.0.1:%d,' $((9311 + 10 * i)); done)
echo
echo "cluster up: $NODES nodes, schema $SCHEMA, Redis $REDIS_URI"
echo "  health:  curl -s 127.0.0.1:9322/health"
echo "  client:  java -jar chat-client-swing/target/qchat-client.jar --server ${servers%,}"
echo "Ctrl+C stops the cluster."
# A dead node leaves the others serving: say so, and how to start it again (in another terminal).
while true; do
  wait -n "${pids[@]}" 2>/dev/null || true
  alive=()
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      alive+=("$pid")
    else
      i=${node_of_pid[$pid]}
      echo "node n$i exited (see $RUN/n$i.log); the others keep serving. To start it again:"
      echo "  $(node_command "$i")"
    fi
  done
  [ ${#alive[@]} -eq 0 ] && break
  pids=("${alive[@]}")
done
