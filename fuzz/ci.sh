#!/usr/bin/env bash
# Issue #5 in CI (fuzz/README.md):
#  (a) build-asan: the whole test suite built with clang under AddressSanitizer and
#      UndefinedBehaviorSanitizer (every finding fatal, leak detection on), run by ctest;
#  (b) build-fuzz: every libFuzzer target replays its seeds and tests/regressions, then
#      fuzzes for FUZZ_SECONDS (default 45) with the dictionary.
# Any finding fails the script, after it prints the command that reproduces it.
# Environment: FUZZ_SECONDS, FUZZ_MAX_LEN (default 65536), JOBS (default 2), FUZZ_TARGETS
# (space-separated names such as "parse differential"; default: all).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${JOBS:-2}
fuzz_seconds=${FUZZ_SECONDS:-45}
max_len=${FUZZ_MAX_LEN:-65536}
sanitizers="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

echo "== (a) unit tests under ASan+UBSan (build-asan)"
# The consumer projects (tests/install) are not built again here: .ci/run runs them in build/.
cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-O1 $sanitizers" -DCMAKE_COMPILE_WARNING_AS_ERROR=ON \
  -DHEYMILO_TEST_CONSUMERS=OFF
cmake --build build-asan -j"$jobs"
ctest --test-dir build-asan -j"$jobs" --output-on-failure

echo "== (b) fuzz targets (build-fuzz), ${fuzz_seconds}s each"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS=-O1 -DHEYMILO_BUILD_FUZZERS=ON -DHEYMILO_BUILD_TESTS=OFF \
  -DHEYMILO_BUILD_BENCHMARKS=OFF -DHEYMILO_BUILD_RECEIVER=OFF -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
cmake --build build-fuzz -j"$jobs"

out=build-fuzz/fuzz
mkdir -p "$out/corpus" "$out/findings" "$out/logs"
targets=${FUZZ_TARGETS:-$(sed 's/^heymilo_fuzz_//' "$out/targets.txt")}
failed=()
for name in $targets; do
  binary=$out/heymilo_fuzz_$name
  corpus=$out/corpus/$name  # grows across local runs; seeds are rewritten by the build
  log=$out/logs/$name.log
  mkdir -p "$corpus"
  find "$out/findings" -name "$name-*" -delete
  common=(-dict="$out/heymilo.dict" -timeout=10 -rss_limit_mb=2048
          -artifact_prefix="$out/findings/$name-")
  # Every seed whole (the large documents exceed -max_len), then the fuzzing proper.
  if "$binary" "${common[@]}" -runs=0 "$corpus" "$out/seeds/$name" tests/regressions \
       >"$log" 2>&1 &&
     "$binary" "${common[@]}" -max_len="$max_len" -max_total_time="$fuzz_seconds" \
       -print_final_stats=1 "$corpus" "$out/seeds/$name" tests/regressions >>"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || true)
    echo "$name: ok, ${runs:-?} runs, corpus $(find "$corpus" -type f | wc -l) files"
    continue
  fi
  failed+=("$name")
  echo "$name: FAILED (log: $log)"
  tail -n 60 "$log"
  for artifact in "$out"/findings/"$name"-*; do
    [ -e "$artifact" ] && echo "reproduce: $binary $artifact"
  done
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  echo "add each input to tests/regressions/ (and kRegressions in tests/conformance/regressions_test.cpp)" >&2
  exit 1
fi
echo "== fuzzing found nothing"
