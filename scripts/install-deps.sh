#!/usr/bin/env bash
# Installs what the build and the tests need, when it is missing: the Debian packages (as
# root; otherwise it names them and fails), then the npm packages of schemas/ and
# bench/receiver/ from their lock files (`npm ci` into their node_modules). Tests never
# install anything: without node or ajv the schema test reports itself skipped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(cmake ninja-build g++ clang libclang-rt-14-dev clang-format libsimdjson-dev
          libgtest-dev libgmock-dev libbenchmark-dev gnuplot-nox python3 pkg-config binutils
          # heymilo-receiver: HTTP (Boost.Beast/Asio), stores, TLS; its tests and load test
          libboost-dev libsqlite3-dev libpq-dev postgresql libssl-dev openssl strace wrk sqlite3
          curl python3-pytest python3-fastapi python3-uvicorn python3-jsonschema
          # the Python and Node bindings (Node's headers come with Debian's nodejs/libnode-dev)
          pybind11-dev python3-pybind11 python3-venv)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -f /usr/include/node/node_api.h ] || missing+=(libnode-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages (run as root to install them): ${missing[*]}" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# npm ci again only when the lock file changed since the last install: ajv for the schema
# differential test, express and ajv for the receiver load test's Express receiver.
for folder in "$root/schemas" "$root/bench/receiver"; do
  if [ ! -f "$folder/node_modules/.package-lock.json" ] ||
     [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
    (cd "$folder" && npm ci --no-audit --no-fund --prefer-offline)
  fi
done
