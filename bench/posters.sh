#!/usr/bin/env bash
# Measures the bulk poster PDF (GET /api/v1/organizations/{code}/posters.pdf) of the packaged app
# with the embedded PostgreSQL and the demo city: for each union code and paper, `runs` downloads
# one after the other (the first also warms the JIT), each timed to the last byte by curl.
# Usage: bench/posters.sh [runs] [codes...]   (default: 3 runs of 330109 萧山区, the largest demo
# district, and 330100 杭州市, the whole demo city; builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
codes=("$@")
if [ ${#codes[@]} -eq 0 ]; then codes=(330109 330100); fi
jar=$(ls target/yizhan-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B package -DskipTests
  jar=$(ls target/yizhan-*.jar | grep -v original | head -1)
fi
data=$(mktemp -d)
pid=""
port=$((20000 + RANDOM % 20000))
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

java -jar "$jar" --server.port="$port" --yizhan.embedded-db.dir="$data/pg" --yizhan.photos.dir="$data/photos" \
  --yizhan.privacy.key-file="$data/keys/personal-data.properties" \
  --yizhan.rating.tokens.key-file="$data/keys/rating-tokens.properties" \
  --yizhan.public-base-url=https://yizhan.example.cn --yizhan.demo.admin-password=bench >"$data/app.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q UP; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the app died; see its log:" >&2; cat "$data/app.log" >&2; exit 1; fi
  sleep 0.2
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for code in "${codes[@]}"; do
  for paper in A5 A4; do
    for run in $(seq 1 "$runs"); do
      out="$data/posters-$code-$paper.pdf"
      measured=$(curl -fsS -u admin:bench -o "$out" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
        "http://127.0.0.1:$port/api/v1/organizations/$code/posters.pdf?paper=$paper")
      read -r status first total bytes <<<"$measured"
      pages=$(command -v pdfinfo >/dev/null && pdfinfo "$out" | awk '/^Pages:/{print $2}' || echo "?")
      printf '%s %s run %d: HTTP %s, %s pages, %d bytes (%.1f MB), first byte %.2f s, last byte %.2f s\n' \
        "$code" "$paper" "$run" "$status" "$pages" "$bytes" "$(awk "BEGIN{print $bytes / 1048576}")" "$first" "$total"
    done
  done
done
