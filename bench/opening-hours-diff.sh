#!/usr/bin/env bash
# The differential test of our opening-hours evaluator against opening_hours.js (npm
# opening_hours 3.15.0, the evaluator OpenStreetMap's tools use): both evaluate every value of
# the corpus at the same 810 Asia/Shanghai times (OpeningHoursDifferential's dates and times),
# and the command fails (exit 1) on any open-versus-closed contradiction whose kind is not in
# bench/opening-hours/differences.tsv. Report and documented differences: docs/calendar.md.
# Corpus: the distinct opening_hours values of the Hangzhou OSM data (read fresh from
# ../shared/data when present, else the committed bench/opening-hours/values-hangzhou-osm.txt,
# ODbL) and bench/opening-hours/values-typical.txt.
# Usage: bench/opening-hours-diff.sh
# Environment: YIZHAN_SHARED_DATA (default ../shared/data). Needs node and npm (registry access
# the first time: opening_hours is installed into target/opening-hours-js).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/opening-hours-diff
js=target/opening-hours-js
mkdir -p "$out" "$js"

if [ "$(node -p "try { require('./$js/node_modules/opening_hours/package.json').version } catch (e) { '' }")" != 3.15.0 ]; then
  echo "installing opening_hours@3.15.0 with npm into $js ..." >&2
  npm install --prefix "$js" --no-save --no-audit --no-fund --loglevel=error opening_hours@3.15.0 >&2
fi

osm=bench/opening-hours/values-hangzhou-osm.txt
csv=${YIZHAN_SHARED_DATA:-../shared/data}/poi_hangzhou_osm/hangzhou_osm_amenity_all_poi.csv
if [ -f "$csv" ]; then
  { grep '^#' "$osm"; node bench/opening-hours/extract-osm.js "$csv"; } >"$out/values-hangzhou-osm.txt"
  if ! cmp -s "$osm" "$out/values-hangzhou-osm.txt"; then
    echo "note: the OSM values in $csv differ from the committed $osm; evaluating the data's" >&2
  fi
  osm=$out/values-hangzhou-osm.txt
else
  echo "note: $csv is absent; evaluating the committed $osm" >&2
fi

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="target/classes:target/test-classes:$(cat "$out/classpath.txt")"
main=org.yizhan.calendar.OpeningHoursDifferential

echo "machine: $(nproc) cores, node $(node --version), opening_hours $(node -p "require('./$js/node_modules/opening_hours/package.json').version"), $(java -version 2>&1 | head -1)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' (with local changes)'), run $(date -u '+%Y-%m-%d %H:%M UTC')"
java -cp "$cp" $main times >"$out/times.txt"
TZ=Asia/Shanghai node bench/opening-hours/evaluate.js "$js/node_modules/opening_hours" "$out/times.txt" \
  "$osm" bench/opening-hours/values-typical.txt >"$out/reference.tsv"
java -cp "$cp" $main compare "$out/reference.tsv" bench/opening-hours/differences.tsv
