#!/usr/bin/env bash
# Satisfaction figures at national scale (docs/benchmarks.md, "Satisfaction figures"): 186,000
# stations, 2.9 million ratings over one month, figures of the nation down to a station from the
# roll-up, each of a union's queries alone and, side by side, straight from the rating table;
# what the roll-up's triggers cost the intake per batch and per single-row insert. Runs in the
# test database (target/test-postgres), which the next test run wipes. Takes 10–20 minutes on
# 2 cores.
# Usage: bench/figures.sh [--keep] [-Dyizhan.bench.figures.unions=false to time only a station and ingestion]
#   --keep: keep the data in target/bench-figures-postgres, which no test wipes, and load it only
#           if it is not there yet; a later run migrates it (new migrations run over 2.9 million
#           ratings) and times the same data again.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
for arg in "$@"; do
  if [[ "$arg" == "--keep" ]]; then
    args+=(-Dyizhan.bench.figures.keep=true -Dyizhan.embedded-db.dir=target/bench-figures-postgres
           -Dyizhan.embedded-db.clean-on-start=false)
  else
    args+=("$arg")
  fi
done
echo "load: $(uptime)"
./mvnw -q -B test -Dtest=FiguresBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dyizhan.bench.figures=true "${args[@]}" \
  | stdbuf -oL grep -E '^(machine|[0-9,]+ |roll-up|query|national|province|city|district|one station|batch|ingestion)'
echo "load after: $(uptime)"
