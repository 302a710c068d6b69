# Sourced by run.sh and ab.sh, which set `here` (this folder), `repo` and `receiver` (the
# heymilo-receiver binary): a work folder, removed on exit together with the server under
# test; starting and stopping a server, and timing it with wrk.

work=$(mktemp -d "${TMPDIR:-/tmp}/heymilo-recvbench.XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

max_bytes=$((4 << 20))  # every receiver's bound on a request body

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_port() {  # up to 30 s: node and uvicorn take a few seconds on a busy machine
  for _ in $(seq 300); do
    /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.1)" \
      2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "nothing listens on port $1 after 30 s" >&2
  exit 1
}

start_server() {  # NAME PORT; heymilo stores in $work/store; its output goes to a file
  # exec: the background job is the server itself, so that stop_server's kill reaches it.
  case $1 in
    heymilo) exec "$receiver" --listen "127.0.0.1:$2" --store "sqlite:$work/store/inbox.db" \
               --max-bytes "$max_bytes" ;;
    express) exec node "$here/express_receiver.mjs" --schemas "$repo/schemas" --port "$2" ;;
    fastapi) exec /usr/bin/python3 "$here/fastapi_receiver.py" --schemas "$repo/schemas" \
               --port "$2" ;;
  esac > "$work/server.log" 2>&1 &
  server_pid=$!
  wait_for_port "$2"
}

stop_server() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

run_wrk() {  # PORT PAYLOAD_FILE TAG CONNECTIONS SECONDS [MAX_REQUESTS]: wrk's RESULT line
  wrk -t1 -c"$4" -d"$5s" --timeout 10s -s "$here/post_payload.lua" \
    "http://127.0.0.1:$1/webhook/heymilo" -- "$2" "$3" "${6:-0}" | grep '^RESULT'
}
