#!/usr/bin/env bash
# Draws bench/throughput.png (throughput against document size, the library and the
# baselines) from heymilo_bench's JSON output. Needs python3 and gnuplot (gnuplot-nox).
# Usage: bench/plot.sh RESULTS.json [OUT.png]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
results=${1:?usage: plot.sh RESULTS.json [OUT.png]}
out=${2:-$here/throughput.png}
data=$(mktemp)
trap 'rm -f "$data"' EXIT

python3 "$here/results.py" plot-data "$results" "$data"
gnuplot -e "data='$data'; out='$out'" "$here/throughput.gp"
echo "wrote $out"
