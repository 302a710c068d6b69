#!/usr/bin/env bash
# Two heymilo-receiver binaries against each other on one payload, in turns (A B, B A, ...),
# so that both see the same machine: for a change whose effect is smaller than the drift
# between runs of run.sh. Each turn starts a fresh receiver on a fresh SQLite store, warms it
# up for 1 s on 2 connections, then runs wrk -t1 -c32 for SECONDS or REQUESTS, whichever
# ends first, and prints wrk's RESULT line (req/s, p50, p99) and the group commit's batching.
#   bash bench/receiver/ab.sh RECEIVER_A RECEIVER_B PAYLOAD.json [TURNS] [SECONDS] [REQUESTS]
# Defaults: 4 turns each, 10 s, 60,000 requests. Needs wrk and curl.
set -euo pipefail
if [[ $# -lt 3 ]]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
binaries=("$(realpath "$1")" "$(realpath "$2")")
payload=$(realpath "$3")
turns=${4:-4}
seconds=${5:-10}
requests=${6:-60000}
receiver=""  # the side's binary, for start_server
source "$here/servers.sh"

one() {  # one SIDE: a fresh receiver and store, a warm-up, the timed run
  local port result batching
  port=$(free_port)
  receiver=${binaries[$1]}
  mkdir -p "$work/store"
  start_server heymilo "$port"
  run_wrk "$port" "$payload" warm 2 1 >/dev/null
  result=$(run_wrk "$port" "$payload" run 32 "$seconds" "$requests")
  batching=$(curl -s "http://127.0.0.1:$port/metrics" | awk '
    /^heymilo_receiver_store_commits_total/ { commits = $2 }
    /^heymilo_receiver_store_committed_requests_total/ { rows = $2 }
    END { if (commits > 0) printf "rows_per_commit=%.1f", rows / commits }')
  stop_server
  rm -rf "$work/store"
  sync
  echo "$([ "$1" = 0 ] && echo A || echo B) $result $batching"
}

for ((turn = 0; turn < turns; ++turn)); do
  order=(0 1)
  ((turn % 2)) && order=(1 0)
  for side in "${order[@]}"; do one "$side"; done
done
