#!/usr/bin/env bash
# docs/DICTIONARIES.md works as written: its ```sh blocks run in order in a
# scratch folder (with build/dyad linked in), one command a line; each must
# exit 0, and every line of an ```output block must appear in the output
# (stdout, then stderr) of the last command of the block before it.
#   dictionaries_doc_test.sh BUILD/dyad SOURCE_DIR
set -u
DYAD="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
SRC="$(cd "$2" && pwd)"
. "$(dirname "$0")/lib.sh"
unset DYAD_DATA
mkdir -p "$TMP/w/build"
ln -s "$DYAD" "$TMP/w/build/dyad"
python3 - "$SRC/docs/DICTIONARIES.md" "$TMP/blocks" <<'PY'
import os, sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
os.makedirs(sys.argv[2])
n, kind, block = 0, None, []
for line in text:
    s = line.strip()
    if kind is None and s in ("```sh", "```output"):
        kind, block = s[3:], []
    elif kind is not None and s == "```":
        if kind == "sh":
            n += 1
            open(os.path.join(sys.argv[2], "%02d.sh" % n), "w").write("\n".join(block) + "\n")
        else:
            open(os.path.join(sys.argv[2], "%02d.expect" % n), "w").write("\n".join(block) + "\n")
        kind = None
    elif kind is not None:
        block.append(line)
PY
check "the page has command blocks" $([ "$(ls "$TMP/blocks"/*.sh | wc -l)" -ge 6 ] && echo 0 || echo 1)
check "the page has output blocks" $([ "$(ls "$TMP/blocks"/*.expect | wc -l)" -ge 4 ] && echo 0 || echo 1)
for b in "$TMP/blocks"/*.sh; do
  while IFS= read -r cmd; do
    [ -z "$cmd" ] && continue
    case "$cmd" in \#*) continue ;; esac
    (cd "$TMP/w" && bash -c "$cmd") >"$TMP/out" 2>"$TMP/err"
    rc=$?
    check "runs: $cmd" $([ $rc -eq 0 ] && echo 0 || echo 1) "rc=$rc $(tail -3 "$TMP/err")"
  done < "$b"
  expect="${b%.sh}.expect"
  [ -f "$expect" ] || continue
  cat "$TMP/out" "$TMP/err" > "$TMP/all"
  while IFS= read -r want; do
    [ -z "$want" ] && continue
    check "output has: $want" $(grep -qF -- "$want" "$TMP/all" && echo 0 || echo 1) "$(head -c 600 "$TMP/all")"
  done < "$expect"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
