#!/usr/bin/env bash
# Times two builds of heymilo_bench against each other, for a change whose effect is smaller
# than the drift between separate runs on a shared machine. Each build reports its paired
# ratio to the DOM parse (CASE/paired); the builds run in turns (A B, then B A, ...) so both
# see the same load, and the script prints per case the median ratio of each build over the
# runs and B ÷ A. instructions.sh gives the exact instruction counts to go with it.
# Each case runs in a process of its own, and each turn starts the heap at another offset
# (heap_shift.c, preloaded): one case's allocations, or one layout's luck, would otherwise
# decide where the next case's buffers land and move a small payload's time by 10%.
#   bash bench/ab.sh BUILD_A BUILD_B [CASES] [RUNS]
# CASES: a regex of case names (default: the reports from 12 KB to 1 MB and two small
# payloads); RUNS: turns per build (default 5, each 5 repetitions of at least 0.1 s).
set -euo pipefail
if [[ $# -lt 2 ]]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
builds=("$1" "$2")
cases=${3:-'report_(12KB|64KB|1MB)|interview_started|webhook_create_request'}
runs=${4:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -O2 -shared -fPIC "$(dirname "$0")/heap_shift.c" -o "$out/heap_shift.so"
mapfile -t names < <("${builds[0]}/bench/heymilo_bench" --benchmark_list_tests \
  --benchmark_filter="^($cases)/paired\$")
((${#names[@]})) || { echo "no case of ${builds[0]} matches '$cases'" >&2; exit 2; }
for ((run = 0; run < runs; ++run)); do
  order=(0 1)
  ((run % 2)) && order=(1 0)
  for name in "${names[@]}"; do
    for side in "${order[@]}"; do
      HEAP_SHIFT=$((run * 272 % 4096)) LD_PRELOAD="$out/heap_shift.so" \
        "${builds[side]}/bench/heymilo_bench" --benchmark_filter="^$name\$" \
        --benchmark_min_time=0.1 --benchmark_repetitions=5 --benchmark_report_aggregates_only \
        --benchmark_out="$out/$side.$run.${name%/*}.json" --benchmark_out_format=json \
        >"$out/log" 2>&1 || { cat "$out/log" >&2; exit 1; }
    done
  done
done
python3 - "$out" <<'PY'
import collections, glob, json, statistics, sys

ratios = collections.defaultdict(lambda: ([], []))  # case: (build A's, build B's)
for path in glob.glob(f"{sys.argv[1]}/*.json"):
    side = int(path.rsplit("/", 1)[1].split(".")[0])
    for row in json.load(open(path))["benchmarks"]:
        if row.get("aggregate_name") == "median":
            ratios[row["run_name"].split("/")[0]][side].append(row["heymilo_per_dom"])
print(f"{'case':<24} {'A ÷ DOM':>8} {'B ÷ DOM':>8} {'B ÷ A':>7}")
for case, (a, b) in sorted(ratios.items()):
    a, b = statistics.median(a), statistics.median(b)
    print(f"{case:<24} {a:>8.3f} {b:>8.3f} {b / a:>7.3f}")
PY
