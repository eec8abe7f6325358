#!/usr/bin/env bash
# docs/WORKFLOW.md works as written: runs its ```sh blocks in order in a
# scratch folder (with build/dyad and examples/ linked in), each command
# must exit 0, and the statistics line the page quotes must be the one
# `dyad code` prints there. A block that imports pandas is skipped, and
# said so, where pandas is not installed.
#   workflow_doc_test.sh BUILD/dyad SOURCE_DIR
set -u
DYAD="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
SRC="$(cd "$2" && pwd)"
. "$(dirname "$0")/lib.sh"
unset DYAD_DATA
mkdir -p "$TMP/w/build"
ln -s "$DYAD" "$TMP/w/build/dyad"
ln -s "$SRC/examples" "$TMP/w/examples"
python3 - "$SRC/docs/WORKFLOW.md" "$TMP/blocks" <<'PY'
import os, sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
os.makedirs(sys.argv[2])
n, block, quoted = 0, None, []
for line in text:
    if block is None and line.strip() == "```sh":
        block = []
    elif block is None and line.strip() == "```":
        block = "quote"
        quoted.append([])
    elif block is not None and line.strip() == "```":
        if block != "quote":
            n += 1
            open(os.path.join(sys.argv[2], "%02d.sh" % n), "w").write("\n".join(block) + "\n")
        block = None
    elif block == "quote":
        quoted[-1].append(line)
    elif block is not None:
        block.append(line)
stats = [l for q in quoted for l in q if l.startswith("dyad code: stories")]
open(os.path.join(sys.argv[2], "stats"), "w").write(stats[0] + "\n" if stats else "")
PY
check "the page has command blocks" $([ "$(ls "$TMP/blocks"/*.sh | wc -l)" -ge 7 ] && echo 0 || echo 1)
for b in "$TMP/blocks"/*.sh; do
  if grep -q "import pandas" "$b" && ! python3 -c "import pandas" 2>/dev/null; then
    echo "skip $(basename "$b"): pandas is not installed here (its Python is only parsed)"
    code="$(sed -n 's/^python3 -c "\(.*\)"$/\1/p' "$b")"
    check "the pandas line is valid Python" $([ -n "$code" ] && python3 -c 'import ast, sys; ast.parse(sys.argv[1])' "$code" && echo 0 || echo 1) "$code"
    continue
  fi
  while IFS= read -r cmd; do
    [ -z "$cmd" ] && continue
    (cd "$TMP/w" && bash -c "$cmd") >"$TMP/out" 2>"$TMP/err"
    rc=$?
    check "runs: $cmd" $([ $rc -eq 0 ] && echo 0 || echo 1) "rc=$rc $(tail -3 "$TMP/err")"
    case "$cmd" in
      "build/dyad code --date 2025-03-14 stories/* > events.jsonl")
        check "the statistics line quoted is the one printed" \
          $([ "$(tail -1 "$TMP/err")" = "$(cat "$TMP/blocks/stats")" ] && echo 0 || echo 1) "$(tail -1 "$TMP/err")" ;;
      "build/dyad code --dict mydict stories/mine.jsonl")
        check "the own actor codes" $(grep -q '"code":"ITAGOV"' "$TMP/out" && echo 0 || echo 1) "$(cat "$TMP/out")" ;;
    esac
  done < "$b"
done
check "the store, report and GDELT export were made" \
  $([ -s "$TMP/w/events.db" ] && grep -q "<html" "$TMP/w/report.html" && [ "$(head -1 "$TMP/w/events.gdelt.tsv" | awk -F'\t' '{print NF}')" = 61 ] && echo 0 || echo 1)
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
