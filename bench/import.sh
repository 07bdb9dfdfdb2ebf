#!/usr/bin/env bash
# The station import at the issue's scale (docs/benchmarks.md, "Station import"): a 200,000-row
# xlsx ledger over the districts of Hangzhou is checked, imported in one transaction and checked
# again. Loads into the test run's own embedded database.
# Usage: bench/import.sh [-Dyizhan.bench.import.rows=N]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load: $(uptime)"
./mvnw -q -B -o test -Dtest=StationImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true \
  -Dyizhan.fuzz.skip=true -Dyizhan.bench.import=true "$@" \
  | stdbuf -oL grep -E '^(machine|ledger|check|import|re-check|export)'
echo "load after: $(uptime)"
