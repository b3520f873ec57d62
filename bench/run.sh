#!/usr/bin/env bash
# Starts the packaged hub on a fresh data directory, measures start-up time, then runs the intake benchmark.
#   bash bench/run.sh [count] [concurrency] [hub arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-300}
concurrency=${2:-8}
shift $(( $# < 2 ? $# : 2 ))
port=18080
data=$(mktemp -d)
[ -f target/sin-hub-0.1.0-SNAPSHOT.jar ] || mvn -B -q package -DskipTests
start=$(date +%s.%N)
java -jar target/sin-hub-0.1.0-SNAPSHOT.jar --server.port=$port --hub.data-dir="$data" \
  --hub.security.rate-limit.requests=1000000 "$@" > "$data/hub.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  if curl -sf "http://localhost:$port/actuator/health" > /dev/null; then break; fi
  sleep 0.25
done
ready=$(date +%s.%N)
echo "start-up until healthy: $(echo "$ready - $start" | bc) s ($(grep -o 'Started HubApplication in [0-9.]* seconds' "$data/hub.log"))"
python3 bench/intake_load.py --base "http://localhost:$port" --count "$count" --concurrency "$concurrency" --pid $pid
