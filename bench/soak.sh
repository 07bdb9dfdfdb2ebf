#!/usr/bin/env bash
# Mixed-load soak (issue 22's standing suite): the packaged app with the embedded PostgreSQL and
# the demo city serves, at the same time and at fixed rates, the workers' finder (nearby, map
# clusters, place search: bench/soak-finder.lua), ratings from the QR page
# (bench/soak-ratings.lua) and the union's console pages in a signed-in session
# (bench/soak-console.lua), for MINUTES minutes. Every minute it forces a full GC and samples the
# live heap (old generation after the GC), the JVM's threads and its connections to PostgreSQL. At the end: each stream's rate, p50/p99 and errors, the samples, and a
# verdict: no errors, and no growth of the live heap (last third against the first third, after
# the warm-up minute) beyond 20 %; the most connections and threads are printed beside it.
# Usage: bench/soak.sh [minutes, default 30]
# Environment: SOAK_FINDER_RATE, SOAK_RATING_RATE, SOAK_CONSOLE_RATE (requests/s; default
# 400, 40, 4: about the ratio of a city's phones to its QR scans to its clerks),
# BENCH_JVM (default "-Xmx1g").
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
finder_rate=${SOAK_FINDER_RATE:-400}
rating_rate=${SOAK_RATING_RATE:-40}
console_rate=${SOAK_CONSOLE_RATE:-4}
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
streams=()
cleanup() {
  for stream in "${streams[@]}"; do kill "$stream" 2>/dev/null || true; done
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
key=$(head -c 32 /dev/urandom | base64)
password=soak-Pass-2046
# shellcheck disable=SC2086
java ${BENCH_JVM:--Xmx1g} -jar "$jar" --server.port="$port" --yizhan.embedded-db.dir="$data/pg" \
  --yizhan.photos.dir="$data/photos" --yizhan.privacy.key-file="$data/keys/personal-data.properties" \
  --yizhan.rating.intake.device-key-file="$data/keys/rating-devices.properties" \
  --yizhan.rating.tokens.keys.1="$key" --yizhan.rating.tokens.active-key=1 --yizhan.demo.admin-password="$password" \
  --yizhan.rating.limits.device-burst=1000000 --yizhan.rating.limits.address-burst=1000000000 \
  --yizhan.rating.limits.address-per-second=1000000000 --yizhan.rate-limit.public.enabled=false \
  --logging.level.root=warn --logging.level.org.yizhan.platform.database=info >"$data/app.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q UP; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
  sleep 0.2
done
base="http://127.0.0.1:$port"
pgport=$(grep -o 'ready on port [0-9]*' "$data/app.log" | awk '{print $4}' || true)
PGPASSWORD=$(sed -n 's/^postgres=//p' "$data/pg/yizhan-passwords.properties")
export PGPASSWORD
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d yizhan -AtX -c "$1"; }
sql "select id from station where status = 'LISTED' order by id" >"$data/ids"
java -cp target/classes bench/RatingTokens.java "$key" <"$data/ids" >"$data/tokens"

# A console session, signed in through the login form as a browser would (the form's CSRF token
# is in a cookie and in the page).
jar_file="$data/cookies"
csrf=$(curl -fs -c "$jar_file" -b "$jar_file" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar_file" -b "$jar_file" --data-urlencode "username=admin" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login"
session=$(awk '$6 == "SESSION" {print $7}' "$jar_file")
[ -n "$session" ] || { echo "could not sign in to the console" >&2; exit 1; }
cookie="Cookie: SESSION=$session"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$base/console/stations")
[ "$status" = 200 ] || { echo "the console session is refused ($status)" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "soak: $minutes min; offered finder $finder_rate/s, ratings $rating_rate/s, console $console_rate/s; $(wc -l <"$data/tokens") listed stations"
seconds=$((minutes * 60))
# connections and per-connection delays that give the offered rates
finder_c=16; rating_c=4; console_c=2
WRK_DELAY_MS=$((1000 * finder_c / finder_rate)) wrk -t1 -c$finder_c -d"${seconds}s" --timeout 10s --latency \
  -s bench/soak-finder.lua "$base" >"$data/finder.out" &
streams=($!)
BENCH_RUN=s BENCH_TOKENS="$data/tokens" WRK_DELAY_MS=$((1000 * rating_c / rating_rate)) wrk -t1 -c$rating_c \
  -d"${seconds}s" --timeout 10s --latency -s bench/soak-ratings.lua "$base/api/v1/ratings" >"$data/ratings.out" &
streams+=($!)
WRK_DELAY_MS=$((1000 * console_c / console_rate)) wrk -t1 -c$console_c -d"${seconds}s" --timeout 10s --latency \
  -H "$cookie" -s bench/soak-console.lua "$base" >"$data/console.out" &
streams+=($!)

echo "minute  live heap MiB  threads  connections (active)  RSS MiB  load"
: >"$data/samples"
for minute in $(seq 1 "$minutes"); do
  sleep 60
  jcmd "$pid" GC.run >/dev/null
  heap=$(jstat -gc "$pid" | awk 'NR==2{printf "%.0f", $8 / 1024}')
  threads=$(ls "/proc/$pid/task" | wc -l)
  # the application's connections to PostgreSQL (its pool; psql's own is left out)
  read -r backends active <<<"$(sql "select count(*), count(*) filter (where state = 'active') from pg_stat_activity
    where datname = 'yizhan' and pid <> pg_backend_pid() and backend_type = 'client backend'" | tr '|' ' ')"
  rss=$(awk '/VmRSS/{printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  echo "$minute $heap $threads $backends $active $rss" >>"$data/samples"
  printf "%6s  %13s  %7s  %11s (%s)  %7s  %s\n" "$minute" "$heap" "$threads" "$backends" "$active" "$rss" \
    "$(cut -d' ' -f1 /proc/loadavg)"
done
wait "${streams[@]}"

errors=0
for stream in finder ratings console; do
  out="$data/$stream.out"
  awk -v name="$stream" '/Requests\/sec/{rps=$2} / 50%/{p50=$2} / 99%/{p99=$2} / requests in /{n=$1}
    /Non-2xx/{bad=$NF} /Socket errors/{sock=$0}
    END{printf "%-8s %s requests, %s/s, p50 %s, p99 %s, non-2xx %d%s\n", name, n, rps, p50, p99, bad + 0, (sock ? "; " sock : "")}' "$out"
  grep -E '^not 2xx' "$out" | sed 's/^/         /' || true
  bad=$(awk '/Non-2xx/{print $NF}' "$out"); sock=$(grep -c "Socket errors" "$out" || true)
  errors=$((errors + ${bad:-0} + sock))
done
grep -E '^(sent|acknowledged|refused) ' "$data/ratings.out" | tr '\n' ' '; echo
echo "server errors in the log: $(grep -c ' ERROR ' "$data/app.log" || true)"
verdict=$(awk -v m="$minutes" 'NR > 1 { n++; heap[n] = $2; back = ($4 > back ? $4 : back); thr = ($3 > thr ? $3 : thr) }
  END { if (n == 0) { print "live heap: too few samples (the first minute is the warm-up)"; exit 0 }
        third = int(n / 3); if (third < 1) third = 1
        for (i = 1; i <= third; i++) first += heap[i]; for (i = n - third + 1; i <= n; i++) last += heap[i]
        first /= third; last /= third
        printf "live heap: first third %.0f MiB, last third %.0f MiB (%+.0f%%); most connections %d; most threads %d\n",
          first, last, 100 * (last - first) / first, back, thr
        exit (last > first * 1.2) }' "$data/samples") && grown=0 || grown=1
echo "$verdict"
if [ "$errors" -eq 0 ] && [ "$grown" -eq 0 ]; then
  echo "SOAK OK: no errors, no growth of the live heap beyond 20 %"
else
  echo "SOAK FAILED: $errors errors; heap grown: $grown"
  exit 1
fi
