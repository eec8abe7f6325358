#!/usr/bin/env bash
# dyad code streams: peak memory does not grow with the input. Codes a 4 MB
# and a 64 MB JSON Lines stream (generated from examples/stories.jsonl) on
# standard input and checks that the larger one needs at most 16 MB more.
#   memory_flat_test.sh BUILD/dyad SOURCE_DIR
set -u
DYAD="$1"
SRC="$2"
gen() {  # gen BYTES: JSON Lines with fresh ids until BYTES are written
  python3 - "$SRC/examples/stories.jsonl" "$1" <<'PY'
import json, sys
base = [json.loads(l) for l in open(sys.argv[1])]
target, n, i = int(sys.argv[2]), 0, 0
out = sys.stdout
while n < target:
    d = dict(base[i % len(base)]); d["id"] = f"{d['id']}-{i}"; i += 1
    s = json.dumps(d) + "\n"; out.write(s); n += len(s)
PY
}
peak() {  # peak BYTES: peak RSS (KB) of dyad code on a stream of that size
  gen "$1" | /usr/bin/time -f "%M" "$DYAD" code --threads 2 2>&1 >/dev/null | tail -1
}
small=$(peak 4000000)
large=$(peak 64000000)
echo "peak RSS: 4 MB input ${small} KB, 64 MB input ${large} KB"
if [ $((large - small)) -le 16384 ]; then
  echo "1 passed, 0 failed"
else
  echo "FAIL: memory grew by $((large - small)) KB with the input"
  echo "0 passed, 1 failed"
  exit 1
fi
