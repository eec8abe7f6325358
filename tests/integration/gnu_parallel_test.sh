#!/usr/bin/env bash
# The GNU parallel recipe of docs/SCALE.md, as written there: a JSON Lines
# corpus cut into blocks at line ends, each block coded by its own
# `dyad code` process, the outputs kept in input order (-k), gives the same
# bytes as one `dyad code` on the whole file. Skips (77) without parallel.
#   gnu_parallel_test.sh BUILD/dyad SOURCE_DIR
set -euo pipefail
DYAD="$1"
SRC="$2"
command -v parallel >/dev/null || { echo "skipped: GNU parallel not installed (apt-get install parallel)"; exit 77; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$SRC/scripts/make_corpus.py" --stories 2000 -o "$tmp/corpus.jsonl" 2>/dev/null
"$DYAD" code --threads 2 "$tmp/corpus.jsonl" > "$tmp/one.jsonl" 2>/dev/null
# From docs/SCALE.md:
parallel --will-cite --pipe-part -a "$tmp/corpus.jsonl" --block 100k -k -j 2 \
  "$DYAD" code --threads 1 > "$tmp/parallel.jsonl" 2> "$tmp/parallel.err"
blocks=$(grep -c '^dyad code: stories' "$tmp/parallel.err")
lines=$(wc -l < "$tmp/one.jsonl")
if cmp -s "$tmp/one.jsonl" "$tmp/parallel.jsonl" && [ "$blocks" -gt 1 ] && [ "$lines" -gt 1000 ]; then
  echo "parallel: $blocks blocks, $lines events, the same bytes as one dyad code"
  echo "1 passed, 0 failed"
else
  echo "FAIL: $blocks blocks; outputs differ or too few events ($lines)"
  exit 1
fi
