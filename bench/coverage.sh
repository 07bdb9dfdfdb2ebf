#!/usr/bin/env bash
# Coverage figures (docs/benchmarks.md, "Coverage figures"): a 1,000 km² city at 100 m cells with
# 1,000 stations, then 186,000 stations over the districts of the seven DataV cities at 200 m
# cells. The DataV boundaries have no licence and are read from outside the repository, never
# copied into it; without them the national case is skipped.
# Usage: bench/coverage.sh [data folder, default ../shared/data]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
./mvnw -q -B test-compile
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "load: $(uptime)"
java -Xmx2g -cp "target/classes:target/test-classes:$cp" org.yizhan.coverage.CoverageBenchmark "$data"
echo "load after: $(uptime)"
