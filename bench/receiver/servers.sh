# Sourced by run.sh and ab.sh: a work folder, removed on exit together with the server under
# test (server_pid, its output in $work/server.log), and finding a port and waiting for it.

work=$(mktemp -d "${TMPDIR:-/tmp}/heymilo-recvbench.XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

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
