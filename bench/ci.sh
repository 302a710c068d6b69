#!/usr/bin/env bash
# CI guard for the benchmarks (issue #6): builds heymilo_bench (Release) in build-bench, runs
# every case briefly, prints the table, and fails when the 1 MB report takes more than 1.5x
# the simdjson DOM parse of the same buffer in the same run (the paired ratio, batches of
# each timed microseconds apart), or when the library allocates after warm-up. A guard
# against large regressions on a noisy machine, not a timing test.
# Needs cmake, ninja, g++, libsimdjson-dev, libbenchmark-dev and python3 (all Debian).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
results=$build/bench-results.json

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target heymilo_bench -j2
# Repetitions run in random order so that a burst of load on a shared machine spreads over
# all implementations instead of landing on one; results.py takes the medians.
"$build/bench/heymilo_bench" \
  --benchmark_min_time=0.05 \
  --benchmark_repetitions=5 \
  --benchmark_enable_random_interleaving=true \
  --benchmark_out="$results" --benchmark_out_format=json >/dev/null
python3 "$root/bench/results.py" table "$results"
python3 "$root/bench/results.py" check "$results"
