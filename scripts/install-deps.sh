#!/usr/bin/env bash
# Installs the Debian packages the build, the tests, the fuzzers and the benchmarks need,
# when they are missing (as root; otherwise it names them and fails).
set -euo pipefail

packages=(cmake ninja-build g++ clang libclang-rt-14-dev clang-format libsimdjson-dev
          libgtest-dev libgmock-dev libbenchmark-dev gnuplot-nox python3
          # heymilo-receiver: HTTP (Boost.Beast/Asio), stores, TLS; its tests and load test
          libboost-dev libsqlite3-dev libpq-dev postgresql libssl-dev strace wrk sqlite3 curl
          python3-pytest python3-fastapi python3-uvicorn python3-jsonschema)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages (run as root to install them): ${missing[*]}" >&2
  exit 2
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
