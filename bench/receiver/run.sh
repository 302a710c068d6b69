#!/usr/bin/env bash
# The load test, side by side: heymilo-receiver (storing every payload durably in SQLite) and
# the docs' receivers as a team would write them (Node/Express + ajv, Python/FastAPI +
# jsonschema, storing nothing), on the same payloads, with wrk from Debian on 127.0.0.1.
# Builds nothing: give it the receiver binary (and the heymilo command, which writes the
# generated reports; by default the one of the same build folder).
#
#   bash bench/receiver/run.sh BUILD/receiver/heymilo-receiver [--heymilo BUILD/tools/heymilo]
#        [--seconds S] [--smoke]
#
# --smoke: 2 s per case, checks that every request was answered 200 and that the receiver
# stored one row per 200 (sqlite3), and asserts nothing about speed (for CI). Needs `npm ci` in
# bench/receiver/ first (express and ajv, pinned in package-lock.json).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

receiver=""
heymilo=""
seconds=10
smoke=0
while [ $# -gt 0 ]; do
  case $1 in
    --heymilo) heymilo=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --smoke) smoke=1; seconds=2; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) receiver=$1; shift ;;
  esac
done
[ -x "$receiver" ] || { echo "usage: run.sh RECEIVER_BINARY [--heymilo CLI] [--seconds S] [--smoke]" >&2; exit 2; }
receiver=$(realpath "$receiver")
heymilo=$(realpath "${heymilo:-$(dirname "$receiver")/../tools/heymilo}")
[ -x "$heymilo" ] || { echo "no heymilo command at $heymilo (give --heymilo)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
[ -d "$here/node_modules/express" ] || { echo "run 'npm ci' in $here first" >&2; exit 2; }

connections=32
# Every case is bounded by requests too, so that the store stays under 1 GiB (the 1 MB
# report: 1,024 requests; the 15 KB one: 69,905).
store_budget=$([ "$smoke" = 1 ] && echo $((32 << 20)) || echo $((1 << 30)))

source "$here/servers.sh"

# The payloads: the docs' three examples and two generated reports.
cp "$repo/tests/data/interview_started.json" "$repo/tests/data/interview_completed.json" \
   "$repo/tests/data/report_available.json" "$work/"
"$heymilo" generate --event report_available --size 15K --seed 1 > "$work/report_15K.json"
"$heymilo" generate --event report_available --size 1M --seed 1 > "$work/report_1M.json"
payloads=(interview_started interview_completed report_available report_15K report_1M)

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

failures=0
results="$work/results.txt"
for receiver_name in heymilo express fastapi; do
  for payload in "${payloads[@]}"; do
    mkdir -p "$work/store"
    port=$(free_port)
    start_server "$receiver_name" "$port"
    # Warm-up (JIT, caches; stored too) on 2 connections, so that no backlog is left.
    warm=$(run_wrk "$port" "$work/$payload.json" warm 2 1)
    duration=$seconds
    # FastAPI answers the first of 32 MB-sized requests after seconds: at least 6 s.
    [ "$payload" = report_1M ] && [ "$duration" -lt 6 ] && duration=6
    result=$(run_wrk "$port" "$work/$payload.json" run "$connections" "$duration" \
      $((store_budget / $(stat -c %s "$work/$payload.json"))))
    stop_server
    echo "$receiver_name $payload $result" >> "$results"
    if [ "$smoke" = 1 ]; then
      requests=$(field requests "$result")
      problems=$(( $(field non2xx "$result") + $(field socket_errors "$result") ))
      if [ "$requests" -eq 0 ] || [ "$problems" -ne 0 ]; then
        echo "FAIL $receiver_name $payload: $result" >&2
        failures=$((failures + 1))
      fi
      if [ "$receiver_name" = heymilo ]; then
        # One row per 200, give or take the requests in flight when wrk stopped.
        answered=$((requests + $(field requests "$warm")))
        rows=$(sqlite3 "$work/store/inbox.db" "SELECT count(*) FROM inbox")
        if [ "$rows" -lt "$answered" ] || [ "$rows" -gt $((answered + 2 * connections)) ]; then
          echo "FAIL heymilo $payload: $rows rows stored for $answered answers" >&2
          failures=$((failures + 1))
        fi
      fi
    fi
    rm -rf "$work/store"
    # The next case starts on an idle disk: the last one's writes and the discards of its
    # deleted store (ext4 mounted with discard here) are done before it.
    sync
    sleep 1
  done
done

# The table, in Markdown: one row per payload and receiver, with ours over each one's req/s.
echo
echo "wrk -t1 -c$connections, $seconds s per case (1 MB report: at least 6 s), at most" \
     "$((store_budget >> 20)) MiB of requests per case, $(nproc) cores shared by wrk and the server"
echo
echo "| payload | receiver | req/s | p50 ms | p99 ms | heymilo-receiver req/s / this |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for payload in "${payloads[@]}"; do
  ours=$(field rps "$(awk -v p="$payload" '$1 == "heymilo" && $2 == p' "$results")")
  awk -v p="$payload" -v ours="$ours" '$2 == p {
    split("", f); for (i = 3; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    name = $1 == "heymilo" ? "heymilo-receiver + SQLite" : $1 == "express" ? "Express + ajv" : "FastAPI + jsonschema"
    printf "| %s | %s | %.0f | %.2f | %.2f | %s |\n", p, name, f["rps"], f["p50_ms"], f["p99_ms"],
      (f["rps"] > 0 ? sprintf("%.1fx", ours / f["rps"]) : "-")
  }' "$results"
done
[ "$failures" -eq 0 ] || { echo "$failures case(s) failed" >&2; exit 1; }
