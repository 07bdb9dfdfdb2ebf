#!/usr/bin/env bash
# What closing silent-station cases from ratings costs the intake (docs/benchmarks.md, "Silent
# cases closed by a rating"): batches of 32 ratings stored and announced in one transaction each,
# with the in-memory set as built, then with one outbox row per rating as a module listener on
# every RatingSubmitted would write. Runs in the test database (target/test-postgres).
# Usage: bench/silent-outbox.sh [-Dyizhan.bench.silent.batches=300]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load: $(uptime)"
./mvnw -q -B test -Dtest=SilentOutboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dyizhan.bench.silent=true "$@" \
  | stdbuf -oL grep -E '^(machine|round)'
echo "load after: $(uptime)"
