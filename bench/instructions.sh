#!/usr/bin/env bash
# Instructions per parse, the library against simdjson's DOM parse, counted by callgrind: a
# number that does not move with the load on a shared machine, for comparing two versions of
# the code where the timing noise is larger than the change. Needs valgrind (Debian).
#   bash bench/instructions.sh [BUILD_DIR] CASE...   e.g.  report_64KB webhook_create_request
# BUILD_DIR defaults to build-bench (bench/ci.sh builds it). The library's count includes a
# share of the one-time set-up (the walk plans), so longer runs read lower: the case runs
# under callgrind for MIN_TIME seconds of benchmark time (default 0.2).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-bench
if [[ $# -gt 0 && -d $1 ]]; then build=$1; shift; fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for case in "$@"; do
  valgrind --tool=callgrind --callgrind-out-file="$out" "$build/bench/heymilo_bench" \
    --benchmark_filter="^$case/(heymilo|dom)\$" --benchmark_min_time="${MIN_TIME:-0.2}" \
    >/dev/null 2>&1
  # Each block of the caller tree: the callers ("<", with call counts), then the function
  # ("*", with its inclusive cost).
  callgrind_annotate --tree=caller --inclusive=yes "$out" 2>/dev/null | python3 -c '
import re, sys
per_call, calls = {}, 0
for line in sys.stdin:
    caller = re.match(r"\s*[\d,]+ .*< .*\(([\d,]+)x\)", line)
    if caller:
        calls += int(caller.group(1).replace(",", ""))
        continue
    function = re.match(r"\s*([\d,]+) .*\*  .*?(heymilo::Parser::parse|dom_parser_implementation::parse)\(", line)
    if function and calls:
        per_call[function.group(2)] = int(function.group(1).replace(",", "")) / calls
    calls = 0
library, dom = per_call["heymilo::Parser::parse"], per_call["dom_parser_implementation::parse"]
print(f"{sys.argv[1]}: heymilo {library:,.0f}  dom {dom:,.0f}  ratio {library / dom:.3f}")
' "$case"
done
