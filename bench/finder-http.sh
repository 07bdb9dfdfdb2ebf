#!/usr/bin/env bash
# The finder over HTTP against the same server's trivial JSON endpoint (the amenity catalogue:
# a constant list, i.e. the framework's ceiling), measured side by side with wrk in alternating
# short runs (BENCH_ROUNDS, default 4); then the p99 latency of nearby at half its measured peak,
# with wrk throttled by bench/throttle.lua, and of the trivial endpoint at half its own as a reference.
# The app runs with the demo city and the per-client rate limit off. Installs wrk if missing.
# Usage: bench/finder-http.sh [seconds per run, default 20]
# Environment: BENCH_JVM (default "-Xmx1g"), e.g. with -XX:StartFlightRecording=... to profile the server.
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
java ${BENCH_JVM:--Xmx1g} -jar "$jar" --server.port="$port" --yizhan.embedded-db.dir="$data/pg" --yizhan.photos.dir="$data/photos" \
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
# Warm-up: until C2 has compiled both paths (on a loaded machine, 5 s each was not enough).
for url in "$trivial" "$nearby" "$trivial" "$nearby" "$trivial" "$nearby"; do wrk -t2 -c16 -d10s "$url" >/dev/null; done
# The server's CPU time so far (user + system, clock ticks): CPU per request does not depend on
# what else runs on the machine, unlike requests per second.
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
# prints "<requests per second> <p99> <server CPU ms per request>" of one closed-loop wrk run
run() {
  local before after
  before=$(ticks)
  wrk -t2 -c32 -d"$2s" --latency "$1" >"$data/wrk.out"
  after=$(ticks)
  awk -v cpu="$((after - before))" -v hz="$hz" '/Requests\/sec/{rps=$2} / 99%/{p99=$2} / requests in /{n=$1}
    END{printf "%s %s %.3f\n", rps, p99, 1000 * cpu / hz / n}' "$data/wrk.out"
}
# The two endpoints take turns in short runs, so that load from other processes on the shared
# machine falls on both alike; the ratio is the median of the rounds' ratios.
rounds=${BENCH_ROUNDS:-4}
slice=$(( seconds / rounds > 2 ? seconds / rounds : 2 ))
ratios=""; trs=""; nrs=""; tcpu=""; ncpu=""
for round in $(seq 1 "$rounds"); do
  read -r tr tp tc <<<"$(run "$trivial" "$slice")"
  read -r nr np nc <<<"$(run "$nearby" "$slice")"
  trs="$trs $tr"; nrs="$nrs $nr"; tcpu="$tcpu $tc"; ncpu="$ncpu $nc"
  ratios="$ratios $(awk -v a="$nr" -v b="$tr" 'BEGIN{printf "%.3f", a/b}')"
  echo "round $round: trivial $tr req/s, nearby $nr req/s (p99 at saturation $tp / $np; server CPU per request $tc / $nc ms), load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
tr=$(echo "$trs" | median); nr=$(echo "$nrs" | median); ratio=$(echo "$ratios" | median)
echo "trivial JSON (/api/v1/amenities): median $tr req/s over $rounds runs of ${slice} s"
echo "nearby (k=10, TOILET, open now, 5 km): median $nr req/s"
echo "nearby / trivial: $(awk -v r="$ratio" 'BEGIN{printf "%.0f%%", 100*r}') (median of the rounds' ratios:$ratios)"
tc=$(echo "$tcpu" | median); nc=$(echo "$ncpu" | median)
echo "server CPU per request (median): trivial $tc ms, nearby $nc ms; trivial / nearby: $(awk -v a="$tc" -v b="$nc" 'BEGIN{printf "%.0f%%", 100*a/b}')"
# Half the peak: connections that each pause 10 ms between requests, as many as make half the
# measured peak (wrk's delay has whole milliseconds, so the connection count is what is tuned).
# The trivial endpoint at its own half peak, the same way, is the reference: on a shared machine
# its p99 shows how much of the tail is the scheduler's.
half_run() {
  local peak=$1 url=$2 delay=10 connections
  connections=$(awk -v p="$peak" -v d="$delay" 'BEGIN{c = int(p / 2 * d / 1000 + 0.5); print (c < 2 ? 2 : c)}')
  WRK_DELAY_MS=$delay wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/throttle.lua "$url" |
    awk -v c="$connections" -v d="$delay" '/Requests\/sec/{rps=$2} / 50%/{p50=$2} / 99%/{p99=$2}
      END{print "offered " c * 1000 / d " req/s (" c " connections, " d " ms apart each): " rps " req/s, p50 " p50 ", p99 " p99}'
}
echo "nearby at half its peak: $(half_run "$nr" "$nearby"); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "trivial at half its peak (reference): $(half_run "$tr" "$trivial"); load $(cut -d' ' -f1-3 /proc/loadavg)"
