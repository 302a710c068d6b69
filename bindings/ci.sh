#!/usr/bin/env bash
# CI for the bindings: installs both the way bindings/README.md says (npm ci; a venv and
# pip install --no-build-isolation), regenerates index.d.ts and fails when the committed one
# is stale, checks it with tsc, runs both test suites against the `heymilo` command, and
# runs each benchmark briefly (a smoke run: no timing is asserted).
#
#   bash bindings/ci.sh        HEYMILO_CLI: the command to agree with (default build/tools/heymilo,
#                              built here when missing); BUILD_DIR: where the venv and the
#                              CLI's build go (default build-bindings)
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$PWD
build=$(realpath -m "${BUILD_DIR:-build-bindings}")
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
mkdir -p "$build"

if [ -z "${HEYMILO_CLI:-}" ]; then
  HEYMILO_CLI=$repository/build/tools/heymilo
  if [ ! -x "$HEYMILO_CLI" ]; then
    echo "== the heymilo command (for the tests' expectations)"
    cmake -S . -B "$build/cli" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHEYMILO_BUILD_TESTS=OFF \
      -DHEYMILO_BUILD_BENCHMARKS=OFF
    cmake --build "$build/cli" --target heymilo_cli
    HEYMILO_CLI=$build/cli/tools/heymilo
  fi
fi
export HEYMILO_CLI

echo "== Node: npm ci (builds the addon with CMake, -DHEYMILO_BUILD_NODE=ON)"
(cd bindings/node && npm ci --no-audit --no-fund --prefer-offline)

echo "== Node: index.d.ts up to date, and tsc on the sample receiver"
cmake --build bindings/node/build/cmake --target heymilo_node_types
bindings/node/build/cmake/bindings/node/heymilo_node_types "$build/index.d.ts"
if ! diff -u bindings/node/index.d.ts "$build/index.d.ts"; then
  echo "bindings/node/index.d.ts is stale: cmake --build <build> --target heymilo_node_types_regenerate" >&2
  exit 1
fi
(cd bindings/node && npx tsc -p typecheck)

echo "== Node: tests"
(cd bindings/node && npm test)

echo "== Python: venv and pip install (builds the module with CMake, -DHEYMILO_BUILD_PYTHON=ON)"
/usr/bin/python3 -m venv --system-site-packages "$build/venv"
"$build/venv/bin/pip" install --no-build-isolation --no-index --quiet ./bindings/python

echo "== Python: tests"
(cd "$build" && "$build/venv/bin/python" -m pytest -q "$repository/bindings/python/tests")

echo "== benchmark smoke (no timing asserted)"
"$build/venv/bin/python" bindings/python/bench.py --rounds 1 --seconds 0.02
(cd bindings/node && node bench.js --rounds 1 --ms 20)
echo "bindings: all checks passed"
