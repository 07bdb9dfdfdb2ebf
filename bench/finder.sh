#!/usr/bin/env bash
# The nearby-search benchmark (docs/benchmarks.md, "Finder nearby search"): 186k stations derived from
# the real data in ../shared/data, our StationIndex against Lucene, PostgreSQL + PostGIS KNN and a
# brute-force scan, side by side in one JVM on one thread.
# Usage: bench/finder.sh [--rounds=5] [--warmup-seconds=5] [--slice-ms=300] [--stations=186000] [--origins=10000]
# Environment: YIZHAN_SHARED_DATA (default ../shared/data), BENCH_NO_POSTGIS=1 to skip PostGIS,
#   BENCH_JVM (default "-Xms3g -Xmx3g").
# PostGIS: installs Debian postgresql-15-postgis-3 with apt-get when missing (as root only), starts
# a throwaway cluster in /tmp on a free 127.0.0.1 port, and removes it on exit; if any of that fails
# the benchmark runs without PostGIS and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${YIZHAN_SHARED_DATA:-../shared/data}
if [ ! -d "$data/boundaries_datav" ]; then
  echo "SKIPPED: the real data folder $data is absent (it is not part of the repository; set YIZHAN_SHARED_DATA)." >&2
  exit 0
fi
data=$(cd "$data" && pwd)

pgbin=/usr/lib/postgresql/15/bin
pgdir=""
pgport=""
pgurl=""

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  if [ -n "$pgdir" ]; then
    as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap cleanup EXIT

setup_postgis() {
  if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
      echo "PostGIS is not installed and this is not root with apt-get" >&2; return 1
    fi
    echo "installing postgresql-15-postgis-3 with apt-get ..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3 >&2 || return 1
  fi
  [ -x "$pgbin/initdb" ] || { echo "no $pgbin/initdb" >&2; return 1; }
  for port in $(seq 25432 25531); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then pgport=$port; break; fi
  done
  [ -n "$pgport" ] || { echo "no free port" >&2; return 1; }
  pgdir=$(mktemp -d /tmp/yizhan-bench-pg.XXXXXX)
  chmod 755 "$pgdir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; fi
  as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-sync >"$pgdir/initdb.log" 2>&1 || { cat "$pgdir/initdb.log" >&2; return 1; }
  as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
    -o "-p $pgport -c listen_addresses=127.0.0.1 -k $pgdir -c fsync=off" start >/dev/null || { cat "$pgdir/server.log" >&2; return 1; }
  "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qAt -c "CREATE DATABASE bench" >/dev/null || return 1
  "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d bench -qAt -c "CREATE EXTENSION postgis" >/dev/null || return 1
  pgurl="jdbc:postgresql://127.0.0.1:$pgport/bench?user=postgres"
}

if [ "${BENCH_NO_POSTGIS:-0}" = 1 ]; then
  echo "PostGIS skipped: BENCH_NO_POSTGIS=1" >&2
elif ! setup_postgis; then
  echo "PostGIS SKIPPED: could not install or start PostgreSQL 15 + PostGIS (see above); measuring the others" >&2
  pgurl=""
fi

echo "uptime before: $(uptime)"
./mvnw -q -B -Pbench test-compile exec:exec \
  -Dbench.jvm="${BENCH_JVM:--Xms3g -Xmx3g}" \
  -Dbench.args="--data=$data ${pgurl:+--pg-url=$pgurl} $*"
echo "uptime after: $(uptime)"
