#!/usr/bin/env bash
# Instructions per nearby query of our StationIndex, counted by valgrind's callgrind (docs/benchmarks.md,
# "Finder nearby search"): unlike time, an instruction count does not depend on what else the shared
# machine runs, so it decides A/B comparisons there. The benchmark's 186,000 stations and 10,000 queries
# (k = 10, TOILET, open at the benchmark's instant, 5 km), each query once after a warm-up.
# Usage: bench/finder-callgrind.sh [--warmup=100000] [--queries=10000]
# Environment: YIZHAN_SHARED_DATA (default ../shared/data; read once into target/bench/finder-dataset.bin),
#   BENCH_CLASSES (default target/classes: point it at another build's classes to count that version).
# Counts only the thread that runs the queries (the JIT compiler and GC threads are left out) between
# the two Thread.sleep calls of FinderInstructionHarness; takes about 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "SKIPPED: valgrind is not installed" >&2; exit 0; }
data=${YIZHAN_SHARED_DATA:-../shared/data}
cache=target/bench/finder-dataset.bin
warmup=100000
queries=10000
for arg in "$@"; do
  case $arg in
    --warmup=*) warmup=${arg#*=} ;;
    --queries=*) queries=${arg#*=} ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done
mkdir -p target/bench
./mvnw -q -B -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
classes=${BENCH_CLASSES:-target/classes}
cp="target/test-classes:$classes:$(cat target/bench/classpath.txt)"
harness=org.yizhan.finder.FinderInstructionHarness
if [ ! -f "$cache" ]; then
  if [ ! -d "$data/boundaries_datav" ]; then
    echo "SKIPPED: the real data folder $data is absent (set YIZHAN_SHARED_DATA)" >&2; exit 0
  fi
  java -Xmx3g -cp "$cp" $harness --data="$data" --cache="$cache" --warmup=0 --queries=0 >/dev/null
fi
out=$(mktemp -d /tmp/yizhan-callgrind.XXXXXX)
trap 'rm -rf "$out"' EXIT
echo "uptime before: $(uptime)"
valgrind --tool=callgrind --dump-before=JVM_Sleep --callgrind-out-file="$out/cg.%p" \
  java -Xms1g -Xmx1g -XX:+UseSerialGC -cp "$cp" $harness --cache="$cache" --warmup="$warmup" --queries="$queries" \
  2>"$out/valgrind.log" | tee "$out/harness.txt"
echo "uptime after: $(uptime)"
# Part 2 holds what ran between the two sleeps; JavaMain is the query thread's outermost frame.
part=$(ls "$out"/cg.*.2)
callgrind_annotate --inclusive=yes --threshold=100 "$part" >"$out/inclusive.txt"
main=$(awk '/JavaMain \[/ && !found { gsub(",", "", $1); print $1; found = 1 }' "$out/inclusive.txt")
all=$(awk '/^totals:/ { print $2 }' "$part")
# Calls into the arcsine of StrictMath (a JNI call into fdlibm in Java 17).
asin=$(awk '/^c?fn=/ { name = $0; sub(/^c?fn=\([0-9]+\) ?/, "", name); id = $1; sub(/^c?fn=/, "", id); sub(/\).*/, "", id);
              if (name != "") names[id] = name; current = /^cfn=/ ? names[id] : ""; next }
            /^calls=/ && current == "jasin" { split($1, c, "="); total += c[2] }
            { current = "" }
            END { print total + 0 }' "$part")
awk -v main="$main" -v all="$all" -v asin="$asin" -v q="$queries" 'BEGIN {
  printf "instructions per query: %.0f on the query thread (%.0f in all threads); Math.asin calls per query: %.2f\n",
    main / q, all / q, asin / q }'
