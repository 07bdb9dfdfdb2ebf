#!/usr/bin/env bash
# Site selection (maximal covering location) against the proven optima of the São José dos
# Campos instances: gap and wall time per setting (S, p), then mean and worst gap and the
# slowest setting; greedy alone and the upper bound's gap are printed for comparison. Then the
# coverage lists and a selection at the request limit (200,000 demand points, 20,000 candidates).
# The instances are CC BY-NC-SA and are read from outside the repository, never copied into it.
# Usage: bench/site-selection.sh [mclp folder, default ../shared/data/mclp]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/mclp}
if [ ! -f "$data/sjc_mclp_optima_highs.csv" ]; then
  echo "no SJC instances in $data (see ../shared/data/README.md)" >&2
  exit 2
fi
./mvnw -q -B test-compile
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "load: $(uptime)"
java -cp target/classes:target/test-classes org.yizhan.coverage.SiteSelectionBenchmark "$data"
java -Xmx2g -cp target/classes:target/test-classes org.yizhan.coverage.CoverageBuildBenchmark
echo "load after: $(uptime)"
