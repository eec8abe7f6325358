#!/usr/bin/env bash
# Load test of `dyad serve` (issue 13): wrk (Debian's package) on loopback
# against POST /api/code with a real story, then prints requests/s, p50 and
# p99 latency, errors (non-2xx replies and socket errors) and the server's
# RSS before and after. Not a ctest: nothing here asserts a time.
#
#   bench/serve_load.sh --dyad build/dyad [--duration 30] [--threads 2]
#                       [--connections 32] [--server-threads N] [--story FILE --date D]
#
# The server is started on a free port and stopped at the end. Quote the
# figures with the machine's load (`uptime`), which the script prints.
set -euo pipefail
cd "$(dirname "$0")/.."
DYAD=build/dyad DURATION=30 THREADS=2 CONNS=32 SERVER_THREADS=0
STORY=examples/border-crisis.txt DATE=2025-03-14
while [ $# -gt 0 ]; do
  case "$1" in
    --dyad) DYAD="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --connections) CONNS="$2"; shift 2 ;;
    --server-threads) SERVER_THREADS="$2"; shift 2 ;;
    --story) STORY="$2"; shift 2 ;;
    --date) DATE="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "serve_load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "serve_load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
TMP="$(mktemp -d)"
LOG="$TMP/serve.log"
"$DYAD" serve --port 0 --threads "$SERVER_THREADS" 2>"$LOG" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$TMP"' EXIT
URL=""
for _ in $(seq 1 100); do
  URL="$(sed -n 's|.*listening on \(http://[0-9.:]*\)/.*|\1|p' "$LOG")"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { echo "serve_load.sh: dyad serve did not start: $(cat "$LOG")" >&2; exit 1; }
rss() { awk '/^VmRSS/ {print $2 " kB"}' "/proc/$PID/status"; }

BODY="$TMP/body.json"
python3 -c 'import json, sys; print(json.dumps({"id": "load", "date": sys.argv[2], "text": open(sys.argv[1], encoding="utf-8").read()}))' \
  "$STORY" "$DATE" > "$BODY"
EVENTS="$(curl -s -X POST -H 'Content-Type: application/json' --data-binary @"$BODY" "$URL/api/code" |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["events"]))')"
cat > "$TMP/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$BODY", "rb")
wrk.body = f:read("*a")
f:close()
LUA
echo "story: $STORY ($(wc -c < "$BODY") bytes of JSON, $EVENTS events a request)"
echo "server: $("$DYAD" --version), $(sed -n 's/.*(\(.*\)).*/\1/p' "$LOG"); RSS before: $(rss)"
echo "load: $(uptime)"
wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency -s "$TMP/post.lua" "$URL/api/code" | tee "$TMP/wrk.txt"
echo "load: $(uptime)"
echo "server RSS after: $(rss)"
python3 - "$TMP/wrk.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", t, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
print(f"summary: {rps} requests/s, p50 {lat.get('50')}, p99 {lat.get('99')}, errors {errors}")
sys.exit(1 if errors else 0)
PY
