#!/usr/bin/env bash
# A tour of the `heymilo` command-line tool: builds the project into build/ if needed,
# validates every example of the provider's docs, summarises `heymilo extract` of the docs'
# report, shows an invalid payload's error, generates and checks a 1 MB report, and runs
# heymilo-receiver: posts the examples with curl, a duplicate and a rejection, then stops it.
# Run from anywhere: bash tools/demo.sh (BUILD_DIR=... to use another build directory).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
heymilo="$build/tools/heymilo"

step() { printf '\n== %s\n' "$*"; }

step "install missing Debian packages, build into $build/"
bash scripts/install-deps.sh
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja
fi
cmake --build "$build" -j2

step "validate every example of the docs as its document (file name = document name)"
for example in tests/data/*.json; do
  "$heymilo" validate --event "$(basename "$example" .json)" "$example"
done

step "heymilo extract tests/data/report_available.json, summarised"
"$heymilo" extract tests/data/report_available.json | node -e '
let text = "";
process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
  const report = JSON.parse(text);
  const info = report.agentic_data?.web_interview_info;
  const posting = report.interview_data_model?.posting_info;
  console.log(`candidate:   ${report.metadata?.candidate_name} <${report.metadata?.candidate_email}>`);
  console.log(`posting:     ${posting?.title ?? "?"} (${report.posting_id})`);
  console.log(`match score: ${info?.summary?.match_score ?? "n/a"}/100`);
  for (const q of info?.scorecard?.questions ?? []) {
    const score = q.not_scored ? "not scored" : `${q.evaluation_score}/10`;
    console.log(`  ${String(score).padEnd(10)} ${q.question}`);
  }
});'

step "an invalid payload: the first violation, with its JSON Pointer (exit code 1)"
sed 's/"match_score": 78/"match_score": 107/' tests/data/report_available.json |
  "$heymilo" validate - || echo "(exit code $?)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

step "generate a 1 MB report and validate it with --stats"
"$heymilo" generate --event report_available --size 1M --seed 7 > "$tmp/report.json"
echo "generated $(wc -c < "$tmp/report.json") bytes"
"$heymilo" validate --stats "$tmp/report.json"

step "stream 2000 generated payloads as NDJSON"
"$heymilo" generate --event interview_completed --count 2000 --ndjson > "$tmp/events.ndjson"
"$heymilo" validate --ndjson --stats "$tmp/events.ndjson" 2>&1 | tail -n 3

step "a day of deliveries: 10,000 payloads, some with a new field, some broken; --summary"
# Every 7th gets a field HeyMilo might add (at the root and in each scorecard question),
# every 50th a match_score out of range, every 97th a string rank; --all-errors counts
# every error of a document, --drift the unknown fields.
"$heymilo" generate --event report_available --count 3000 --ndjson --seed 11 > "$tmp/reports.ndjson"
"$heymilo" generate --event interview_completed --count 7000 --ndjson --seed 12 > "$tmp/completed.ndjson"
cat "$tmp/reports.ndjson" "$tmp/completed.ndjson" | awk '
  NR % 7 == 0  { sub(/^\{/, "{\"delivery_attempt\":1,"); gsub(/"rank":/, "\"hint\":\"\",\"rank\":") }
  NR % 50 == 0 { sub(/"match_score":[0-9]+/, "\"match_score\":140") }
  NR % 97 == 0 { sub(/"rank":[0-9]+/, "\"rank\":\"first\"") }
  { print }' > "$tmp/day.ndjson"
"$heymilo" validate --summary --drift --all-errors --stats --ndjson "$tmp/day.ndjson" || true

step "heymilo-receiver: the docs' examples posted with curl, a duplicate, a rejection, a stop"
receiver="$build/receiver/heymilo-receiver"
port=${DEMO_RECEIVER_PORT:-18808}
url="http://127.0.0.1:$port/webhook/heymilo"
"$receiver" --listen "127.0.0.1:$port" --store "sqlite:$tmp/inbox.db" \
  --exec 'test -n "$HEYMILO_INTERVIEW_ID" && cat > /dev/null' \
  2> "$tmp/receiver.log" &
receiver_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
post() { curl -s -w '  (HTTP %{http_code})\n' -H 'Content-Type: application/json' --data-binary "$@" "$url"; }
for event in interview_started interview_completed report_available; do
  post "@tests/data/$event.json"
done
echo "the same interview_started again:"
post @tests/data/interview_started.json
echo "an invalid report (match_score 107):"
sed 's/"match_score": 78/"match_score": 107/' tests/data/report_available.json | post @-
sleep 1  # the handler runs asynchronously
kill -TERM "$receiver_pid"
wait "$receiver_pid" && echo "receiver stopped (exit 0); its log has $(wc -l < "$tmp/receiver.log") JSON lines"
sqlite3 "$tmp/inbox.db" "SELECT event, interview_id, state FROM inbox ORDER BY id;
                         SELECT 'rejected: ' || error_code || ' at ' || error_path FROM rejected;"
