#!/usr/bin/env bash
# Check-ins over HTTP into PostgreSQL (issue 17: >= 2,000 check-ins/s sustained on 2 cores), measured
# side by side with a peer in the same run: the rating intake (POST /api/v1/ratings, group-committed,
# target >= 5,000/s), posted by the same wrk on the same server right after. The packaged app runs
# with the embedded PostgreSQL (fsync on) and the demo city, the per-address limits raised out of
# the way; wrk posts valid check-ins, each from a device of its own, to every listed station
# (bench/check-ins.lua). Then the check-ins per second, p50/p99, the CPU per check-in of the server
# and of PostgreSQL, the ratings per second of the peer and the ratio, and the check that every
# acknowledged (counted) check-in is in visit_day.
# Usage: bench/check-ins.sh [seconds, default 30] [connections, default 64]
# Environment: BENCH_WARMUP (seconds, 10), BENCH_JVM (server JVM options, "-Xmx1g"), BENCH_WRK_THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-64}
warmup=${BENCH_WARMUP:-10}
threads=${BENCH_WRK_THREADS:-2}
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
jar=$(ls target/yizhan-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B package -DskipTests -Dspring-javaformat.skip=true
  jar=$(ls target/yizhan-*.jar | grep -v original | head -1)
fi
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
key=$(head -c 32 /dev/urandom | base64)
# shellcheck disable=SC2086
java ${BENCH_JVM:--Xmx1g} -jar "$jar" --server.port="$port" --yizhan.embedded-db.dir="$data/pg" \
  --yizhan.photos.dir="$data/photos" --yizhan.privacy.key-file="$data/keys/personal-data.properties" \
  --yizhan.rating.intake.device-key-file="$data/keys/rating-devices.properties" \
  --yizhan.operations.visits.device-key-file="$data/keys/visit-devices.properties" \
  --yizhan.operations.visits.per-address-per-minute=1000000000 \
  --yizhan.rating.tokens.keys.1="$key" --yizhan.rating.tokens.active-key=1 --yizhan.demo.admin-password=bench-Pass-2046 \
  --yizhan.rating.limits.device-burst=1000000 --yizhan.rating.limits.address-burst=1000000000 \
  --yizhan.rating.limits.address-per-second=1000000000 --logging.level.root=warn \
  --logging.level.org.yizhan.platform.database=info >"$data/app.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q UP; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
  sleep 0.2
done
pgport=$(grep -o 'ready on port [0-9]*' "$data/app.log" | awk '{print $4}')
PGPASSWORD=$(sed -n 's/^postgres=//p' "$data/pg/yizhan-passwords.properties")
export PGPASSWORD
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d yizhan -AtX -c "$1"; }
sql "select id from station where status = 'LISTED' order by id" >"$data/ids"
java -cp target/classes bench/RatingTokens.java "$key" <"$data/ids" >"$data/tokens"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
postmaster=$(head -1 "$data/pg/postmaster.pid")
pg_ticks() {
  local total child
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for child in $(pgrep -P "$postmaster"); do
    total=$((total + $(ticks "$child" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), PostgreSQL $(sql 'show server_version'), wrk on the same cores"
echo "stations: $(wc -l <"$data/tokens") listed demo stations; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

checkins="http://127.0.0.1:$port/api/v1/check-ins"
BENCH_RUN=w BENCH_TOKENS="$data/tokens" wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s \
  -s bench/check-ins.lua "$checkins" >"$data/warmup.out"
echo "check-ins warm-up: $(awk '/Requests\/sec/{print $2}' "$data/warmup.out") req/s over ${warmup} s"
sleep 1
visits_before=$(sql "select coalesce(sum(check_ins), 0) from visit_day")
jvm_before=$(ticks "$pid"); pg_before=$(pg_ticks)
BENCH_RUN=m BENCH_TOKENS="$data/tokens" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency \
  -s bench/check-ins.lua "$checkins" >"$data/run.out"
jvm_after=$(ticks "$pid"); pg_after=$(pg_ticks)
load=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 2
stored=$(( $(sql "select coalesce(sum(check_ins), 0) from visit_day") - visits_before ))
sent=$(awk '/^sent /{print $2}' "$data/run.out")
counted=$(awk '/^counted /{print $2}' "$data/run.out")
already=$(awk '/^already /{print $2}' "$data/run.out")
refused=$(awk '/^refused /{print $2}' "$data/run.out")
inflight=$((sent - counted - already - refused))
checkin_rate=$(awk -v c="$counted" -v s="$seconds" 'BEGIN{printf "%.0f", c / s}')
awk -v s="$seconds" '/ 50%/{p50=$2} / 99%/{p99=$2} END{printf "check-ins: p50 %s, p99 %s over %s s\n", p50, p99, s}' "$data/run.out"
echo "check-ins counted (201): $counted = $checkin_rate/s; answered as already counted: $already; refused: $refused; unanswered when wrk stopped: $inflight; load: $load"
awk -v j=$((jvm_after - jvm_before)) -v p=$((pg_after - pg_before)) -v hz="$hz" -v n="$counted" \
  'BEGIN{printf "CPU per check-in: server JVM %.3f ms, PostgreSQL %.3f ms\n", 1000 * j / hz / n, 1000 * p / hz / n}'

ratings="http://127.0.0.1:$port/api/v1/ratings"
BENCH_RUN=x BENCH_TOKENS="$data/tokens" wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s \
  -s bench/rating-ingest.lua "$ratings" >/dev/null
BENCH_RUN=p BENCH_TOKENS="$data/tokens" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency \
  -s bench/rating-ingest.lua "$ratings" >"$data/peer.out"
rating_acked=$(awk '/^acknowledged /{print $2}' "$data/peer.out")
rating_rate=$(awk -v a="$rating_acked" -v s="$seconds" 'BEGIN{printf "%.0f", a / s}')
awk '/ 50%/{p50=$2} / 99%/{p99=$2} END{printf "peer, ratings: p50 %s, p99 %s\n", p50, p99}' "$data/peer.out"
echo "peer, ratings acknowledged: $rating_acked = $rating_rate/s; check-ins / ratings = $(awk -v c="$checkin_rate" -v r="$rating_rate" 'BEGIN{printf "%.2f", c / r}')"
if [ "$stored" -ge "$counted" ] && [ $((stored - counted)) -le "$inflight" ]; then
  echo "CHECK OK: every counted check-in is stored ($stored stored = $counted acknowledged + $((stored - counted)) of the $inflight in flight when wrk stopped)"
else
  echo "CHECK FAILED: $stored stored, $counted acknowledged, $inflight in flight"
  exit 1
fi
