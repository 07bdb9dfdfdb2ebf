#!/usr/bin/env bash
# The finder over HTTP against the same server's trivial JSON endpoint (the amenity catalogue:
# a constant list, i.e. the framework's ceiling), measured side by side with wrk; then the p99
# latency of nearby at half the measured peak, with wrk throttled by bench/throttle.lua.
# The app runs with the demo city and the per-client rate limit off. Installs wrk if missing.
# Usage: bench/finder-http.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
jar=$(ls target/yizhan-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B package -DskipTests
  jar=$(ls target/yizhan-*.jar | grep -v original | head -1)
fi
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=""
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
java -Xmx1g -jar "$jar" --server.port="$port" --yizhan.embedded-db.dir="$data/pg" --yizhan.photos.dir="$data/photos" \
  --yizhan.demo.admin-password=bench --yizhan.rate-limit.public.enabled=false --logging.level.root=warn \
  >"$data/app.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q UP; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
  sleep 0.2
done
base="http://127.0.0.1:$port"
trivial="$base/api/v1/amenities"
nearby="$base/api/v1/stations/nearby?lat=30.2741&lon=120.1551&radius=5000&limit=10&openNow=true&amenities=TOILET&at=2026-11-23T10:00"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "stations listed: $(curl -fs "$base/api/v1/stations/in-box?south=-90&west=-180&north=90&east=180&zoom=1" | grep -o '"total":[0-9]*')"
for url in "$trivial" "$nearby"; do wrk -t2 -c16 -d5s "$url" >/dev/null; done   # warm-up (JIT)
# prints "<requests per second> <p99>" of one closed-loop wrk run
run() { wrk -t2 -c32 -d"${seconds}s" --latency "$1" | awk '/Requests\/sec/{rps=$2} / 99%/{p99=$2} END{print rps, p99}'; }
t=$(run "$trivial"); n=$(run "$nearby")
tr=${t%% *}; nr=${n%% *}
echo "trivial JSON (/api/v1/amenities): $tr req/s (p99 ${t##* } at saturation)"
echo "nearby (k=10, TOILET, open now, 5 km): $nr req/s (p99 ${n##* } at saturation)"
echo "nearby / trivial: $(awk -v a="$nr" -v b="$tr" 'BEGIN{printf "%.0f%%", 100*a/b}')"
# Half the peak: 16 connections, each pausing so that together they offer peak / 2.
connections=16
delay=$(awk -v a="$nr" -v c="$connections" 'BEGIN{printf "%d", c * 1000 / (a / 2)}')
half=$(WRK_DELAY_MS=$delay wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/throttle.lua "$nearby" |
  awk '/Requests\/sec/{rps=$2} / 50%/{p50=$2} / 99%/{p99=$2} END{print rps " req/s, p50 " p50 ", p99 " p99}')
echo "nearby at half the peak (${connections} connections, ${delay} ms apart each): $half"
