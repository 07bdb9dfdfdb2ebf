#!/usr/bin/env bash
# Measures start-up to ready (GET /actuator/health/readiness answers UP) of the packaged app with
# the embedded PostgreSQL and the demo city: a first start on an empty data folder (initdb,
# migrations, union tree, 811 demo stations) and warm restarts on the same folder.
# Usage: bench/startup.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/yizhan-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B package -DskipTests
  jar=$(ls target/yizhan-*.jar | grep -v original | head -1)
fi
data=$(mktemp -d)
pid=""
port=$((20000 + RANDOM % 20000))
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

start_once() {
  local started ready
  started=$(date +%s%N)
  java -jar "$jar" --server.port="$port" --yizhan.embedded-db.dir="$data/pg" --yizhan.photos.dir="$data/photos" \
    --yizhan.demo.admin-password=bench >"$data/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q UP; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app died; see $data/app.log" >&2; cat "$data/app.log" >&2; exit 1; fi
    sleep 0.1
  done
  ready=$(date +%s%N)
  echo $(( (ready - started) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "first start (empty data folder): $(start_once) ms"
for i in $(seq 1 "$runs"); do
  echo "restart $i: $(start_once) ms"
done
