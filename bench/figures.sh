#!/usr/bin/env bash
# Satisfaction figures at national scale (docs/benchmarks.md, "Satisfaction figures"): 186,000
# stations, 2.9 million ratings over one month, figures of the nation down to a station from the
# roll-up and, side by side, straight from the rating table; ingestion with and without the
# roll-up's triggers. Runs in the test database (target/test-postgres), which the next test run
# wipes. Takes 5–15 minutes on 2 cores.
# Usage: bench/figures.sh [-Dyizhan.bench.figures.unions=false to time only a station and ingestion]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load: $(uptime)"
./mvnw -q -B test -Dtest=FiguresBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dyizhan.bench.figures=true "$@" \
  | stdbuf -oL grep -E '^(machine|[0-9,]+ |roll-up|query|national|province|city|district|one station|ingestion)'
echo "load after: $(uptime)"
