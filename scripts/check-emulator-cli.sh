#!/usr/bin/env bash
# Checks the verne-emulator executable as a user runs it: it prints its URL, answers the
# API, answers malformed HTTP with 400, serves two requests on one kept-alive connection,
# and exits 0 promptly on SIGINT and on SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product verne-emulator >/dev/null
binary="$(swift build --product verne-emulator --show-bin-path)/verne-emulator"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for sig in INT TERM; do
  out="$(mktemp)"
  "$binary" --port 0 >"$out" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 100); do
    line="$(head -n 1 "$out" || true)"
    if [[ "$line" == *"listening on http://127.0.0.1:"* ]]; then url="${line##* }"; break; fi
    sleep 0.05
  done
  [ -n "$url" ] || { fail "no URL printed"; kill "$pid" 2>/dev/null || true; continue; }
  port="${url##*:}"

  status="$(python3 - "$port" <<'PY'
import http.client, socket, sys
port = int(sys.argv[1])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
statuses = []
for _ in range(2):
    conn.request("GET", "/v1/relay/messages", headers={"Authorization": "Bearer vrn_cli"})
    response = conn.getresponse(); response.read(); statuses.append(response.status)
raw = socket.create_connection(("127.0.0.1", port), timeout=5)
raw.sendall(b"NOT HTTP AT ALL\r\n\r\n")
statuses.append(int(raw.recv(64).split(b" ")[1]))
print(" ".join(map(str, statuses)))
PY
)"
  [ "$status" = "200 200 400" ] || fail "SIG$sig run: statuses were '$status', expected '200 200 400'"

  kill -s "$sig" "$pid"
  code=0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$pid" 2>/dev/null; then fail "still running 2.5 s after SIG$sig"; kill -9 "$pid"; fi
  wait "$pid" || code=$?
  [ "$code" -eq 0 ] || fail "exit code $code after SIG$sig"
  rm -f "$out"
done

if [ "$failures" -eq 0 ]; then
  echo "verne-emulator: URL printed, API answered on a kept-alive connection, malformed HTTP 400, clean exit on SIGINT and SIGTERM"
fi
exit "$failures"
