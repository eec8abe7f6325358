#!/usr/bin/env bash
# Builds a report of the repo's example stories (the README walk-through)
# and checks it in headless Chromium (report_test.js). The screenshot goes to
# ARTEFACTS/report.png; docs/img/report.png (the README's) is written when it
# is missing or when DYAD_UPDATE_SCREENSHOT=1.
#   run_report_test.sh BUILD/dyad SOURCE_DIR ARTEFACTS_DIR
# Exit status: 0 pass, 1 fail, 77 skipped (no Chromium).
set -u
DYAD="$1"
SRC="$2"
ART="$3"
mkdir -p "$ART"
DB="$ART/examples.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$DYAD" ingest --db "$DB" "$SRC/examples/stories.jsonl" || exit 1
"$DYAD" ingest --db "$DB" --date 2025-03-14 "$SRC/examples/border-crisis.txt" || exit 1
"$DYAD" report --db "$DB" --by day --title "dyad report: example stories" \
  --out "$ART/report.html" || exit 1
command -v node >/dev/null || { echo "FAIL: node is not installed"; exit 1; }
PNGS=("$ART/report.png")
if [ ! -f "$SRC/docs/img/report.png" ] || [ "${DYAD_UPDATE_SCREENSHOT:-0}" = 1 ]; then
  PNGS+=("$SRC/docs/img/report.png")
fi
# playwright-core is resolved from the source tree's node_modules.
cd "$SRC" && NODE_PATH="$SRC/node_modules" node "$SRC/tests/browser/report_test.js" \
  "$ART/report.html" "${PNGS[@]}"
