#!/usr/bin/env bash
# setup_node.sh SCHEMAS_DIR NODE_DIR: makes the differential test runnable. Installs Debian's
# nodejs and npm when the machine has no node or npm (as root; CI runs as root), then
# installs the pinned ajv from SCHEMAS_DIR/package-lock.json into NODE_DIR/node_modules.
set -euo pipefail
schemas_dir=$1
node_dir=$2

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "node or npm is missing; install them (apt-get install -y nodejs npm) or run as root" >&2
    exit 1
  fi
  echo "node or npm is missing: installing Debian's nodejs and npm"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
echo "node $(node --version), npm $(npm --version)"

mkdir -p "$node_dir"
cp "$schemas_dir/package.json" "$schemas_dir/package-lock.json" "$node_dir/"
cd "$node_dir"
npm ci --no-audit --no-fund --prefer-offline
