#!/usr/bin/env bash
# Rating ingestion over HTTP into PostgreSQL (target: >= 5,000 ratings/s sustained on 2 cores).
# The packaged app runs with the embedded PostgreSQL and the demo city, the rate limits raised out
# of the way and the abuse rules on (as configured); wrk posts valid ratings, each from a device of
# its own, to every listed station (bench/rating-ingest.lua). After a warm-up, one measured run;
# then the ratings per second, p50/p99, the CPU per rating of the server and of PostgreSQL, and the
# count of new rows against the acknowledged count (equal, but for ratings still in flight when
# wrk stopped: those may be stored without wrk having read their answer).
# Usage: bench/rating-ingest.sh [seconds, default 60] [connections, default 128]
# Environment: BENCH_WARMUP (seconds, 30), BENCH_JVM (server JVM options, "-Xmx1g"), BENCH_WRK_THREADS (2),
# BENCH_ARGS (more --key=value for the server, e.g. --yizhan.rating.intake.max-batch=500).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
connections=${2:-128}
warmup=${BENCH_WARMUP:-30}
threads=${BENCH_WRK_THREADS:-2}
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
  --yizhan.rating.tokens.keys.1="$key" --yizhan.rating.tokens.active-key=1 --yizhan.demo.admin-password=bench-Pass-2046 \
  --yizhan.rating.limits.device-burst=1000000 --yizhan.rating.limits.address-burst=1000000000 \
  --yizhan.rating.limits.address-per-second=1000000000 --logging.level.root=warn \
  --logging.level.org.yizhan.platform.database=info ${BENCH_ARGS:-} >"$data/app.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q UP; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
  sleep 0.2
done
pgport=$(grep -o 'ready on port [0-9]*' "$data/app.log" | awk '{print $4}')
# The embedded server asks for passwords; the owner's is kept in its data folder.
PGPASSWORD=$(sed -n 's/^postgres=//p' "$data/pg/yizhan-passwords.properties")
export PGPASSWORD
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d yizhan -AtX -c "$1"; }
sql "select id from station where status = 'LISTED' order by id" >"$data/ids"
java -cp target/classes bench/RatingTokens.java "$key" <"$data/ids" >"$data/tokens"
url="http://127.0.0.1:$port/api/v1/ratings"

# CPU time (user + system, clock ticks) of the server JVM, and of PostgreSQL: the postmaster with
# its finished children, and its live backends.
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
echo "stations rated: $(wc -l <"$data/tokens") (listed demo stations); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_RUN=w BENCH_TOKENS="$data/tokens" wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s \
  -s bench/rating-ingest.lua "$url" >"$data/warmup.out"
echo "warm-up: $(awk '/Requests\/sec/{print $2}' "$data/warmup.out") req/s over ${warmup} s"
sleep 1
rows_before=$(sql "select count(*) from rating")
started=$(sql "select now()")
jvm_before=$(ticks "$pid"); pg_before=$(pg_ticks)
commits_before=$(sql "select xact_commit from pg_stat_database where datname = 'yizhan'")
BENCH_RUN=m BENCH_TOKENS="$data/tokens" /usr/bin/time -f "%U %S" -o "$data/wrk.cpu" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency \
  -s bench/rating-ingest.lua "$url" >"$data/run.out"
jvm_after=$(ticks "$pid"); pg_after=$(pg_ticks)
load=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 2
rows_after=$(sql "select count(*) from rating")
commits=$(( $(sql "select xact_commit from pg_stat_database where datname = 'yizhan'") - commits_before ))
stored=$((rows_after - rows_before))
sent=$(awk '/^sent /{print $2}' "$data/run.out")
acked=$(awk '/^acknowledged /{print $2}' "$data/run.out")
refused=$(awk '/^refused /{print $2}' "$data/run.out")
inflight=$((sent - acked - refused))
awk -v s="$seconds" '/Requests\/sec/{rps=$2} / 50%/{p50=$2} / 99%/{p99=$2} /Non-2xx/{bad=$NF}
  END{printf "sustained: %s ratings/s over %s s (wrk), p50 %s, p99 %s\n", rps, s, p50, p99}' "$data/run.out"
awk -v a="$acked" -v s="$seconds" 'BEGIN{printf "acknowledged (201/200): %d = %.0f ratings/s\n", a, a / s}'
wrk_cpu=$(awk '{print $1 + $2}' "$data/wrk.cpu")
awk -v j=$((jvm_after - jvm_before)) -v p=$((pg_after - pg_before)) -v w="$wrk_cpu" -v hz="$hz" -v n="$acked" \
  'BEGIN{jm = 1000 * j / hz / n; pm = 1000 * p / hz / n; wm = 1000 * w / n
    printf "CPU per rating: server JVM %.3f ms, PostgreSQL %.3f ms, wrk %.3f ms, together %.3f ms (%.0f ratings/s on 2 busy cores)\n", jm, pm, wm, jm + pm + wm, 2000 / (jm + pm + wm)}'
echo "refused: $refused; unanswered when wrk stopped: $inflight; load during the run: $load"
echo "stored in the database during the run: $stored"
echo "by status: $(sql "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from rating where created_at >= '$started' group by status order by status) s")"
echo "hold reasons: $(sql "select string_agg(r || ' ' || n, ', ') from (select unnest(hold_reasons) r, count(*) n from rating where created_at >= '$started' group by 1 order by 1) s")"
echo "transactions committed during the run: $commits, i.e. $(awk -v r="$stored" -v c="$commits" 'BEGIN{printf "%.1f", r / c}') ratings per commit"
if [ "$stored" -ge "$acked" ] && [ $((stored - acked)) -le "$inflight" ]; then
  echo "CHECK OK: every acknowledged rating is stored ($stored stored = $acked acknowledged + $((stored - acked)) of the $inflight in flight when wrk stopped)"
else
  echo "CHECK FAILED: $stored stored, $acked acknowledged, $inflight in flight"
  exit 1
fi
