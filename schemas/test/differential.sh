#!/usr/bin/env bash
# differential.sh SCHEMAS_DIR CORPUS NODE_MODULES: runs differential.mjs, or reports the test
# skipped (exit 77, ctest's SKIP_RETURN_CODE) when node or ajv is not installed; tests never
# install them (scripts/install-deps.sh does).
set -euo pipefail
schemas=$1 corpus=$2 modules=$3
if ! command -v node >/dev/null; then
  echo "SKIPPED: node is not installed (bash scripts/install-deps.sh installs it)"
  exit 77
fi
if [ ! -f "$modules/ajv/package.json" ]; then
  echo "SKIPPED: ajv is not in $modules (bash scripts/install-deps.sh runs npm ci there)"
  exit 77
fi
exec node "$schemas/test/differential.mjs" --modules "$modules" --schemas "$schemas" \
  --corpus "$corpus"
