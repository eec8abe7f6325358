#!/usr/bin/env bash
# Starts `dyad serve` on a free loopback port with a store of the example
# stories and checks its page in headless Chromium (serve_test.js): a story
# pasted and coded, its events in the table with their evidence highlighted,
# the "why" panel, and the store dashboard's timeline. Screenshots go to
# ARTEFACTS/serve-*.png; docs/img/serve.png (the README's) is written when
# it is missing or when DYAD_UPDATE_SCREENSHOT=1.
#   run_serve_test.sh BUILD/dyad SOURCE_DIR ARTEFACTS_DIR
# Exit status: 0 pass, 1 fail, 77 skipped (no Chromium).
set -u
DYAD="$1"
SRC="$2"
ART="$3"
mkdir -p "$ART"
DB="$ART/serve-examples.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$DYAD" ingest --db "$DB" "$SRC/examples/stories.jsonl" || exit 1
"$DYAD" ingest --db "$DB" --date 2025-03-14 "$SRC/examples/border-crisis.txt" || exit 1
# Two stories of the first week with urls: an http(s) one is linked on the
# page, a javascript: one is not.
cat >"$ART/serve-urls.jsonl" <<'EOF'
{"id": "url-web", "date": "2025-03-14", "url": "https://example.org/news/1", "text": "Venezuelan troops shelled a Guyanese border post on Friday."}
{"id": "url-js", "date": "2025-03-14", "url": "javascript:alert(document.domain)", "text": "Venezuelan troops shelled a Guyanese border post near Eteringbang on Friday."}
EOF
"$DYAD" ingest --db "$DB" "$ART/serve-urls.jsonl" || exit 1
command -v node >/dev/null || { echo "FAIL: node is not installed"; exit 1; }
LOG="$ART/serve-browser.log"
"$DYAD" serve --db "$DB" --port 0 --threads 2 2>"$LOG" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
URL=""
for _ in $(seq 1 100); do
  URL="$(sed -n 's|.*listening on \(http://[0-9.:]*/\).*|\1|p' "$LOG")"
  [ -n "$URL" ] && break
  kill -0 $PID 2>/dev/null || { echo "FAIL: dyad serve exited: $(cat "$LOG")"; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { echo "FAIL: dyad serve did not start: $(cat "$LOG")"; exit 1; }
PNGS=("$ART/serve.png")
if [ ! -f "$SRC/docs/img/serve.png" ] || [ "${DYAD_UPDATE_SCREENSHOT:-0}" = 1 ]; then
  PNGS+=("$SRC/docs/img/serve.png")
fi
# playwright-core is resolved from the source tree's node_modules.
cd "$SRC" && NODE_PATH="$SRC/node_modules" node "$SRC/tests/browser/serve_test.js" \
  "$URL" "$SRC/examples/border-crisis.txt" "$ART/serve-dashboard.png" "${PNGS[@]}"
