#!/usr/bin/env bash
# Selection at the scale of seed 000 (docs/benchmarks.md, "Selection"): 40,000 applications in
# the districts of the demo city, then the review list and the scored list filtered and paged,
# scoring all 40,000 against coverage, "choose 200", and the solver's gap to the optimum of all
# sets on a small instance (choose 3 of 16). Loads into the test run's own embedded database.
# Usage: bench/selection.sh [-Dyizhan.bench.selection.applications=N]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load: $(uptime)"
./mvnw -q -B -o test -Dtest=SelectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true \
  -Dyizhan.bench.selection=true "$@" \
  | stdbuf -oL grep -E '^(machine|loaded|review list|score all|scored list|choose|small instance)'
echo "load after: $(uptime)"
