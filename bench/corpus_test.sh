#!/usr/bin/env bash
# Checks scripts/make_corpus.py: the same seed gives byte-identical output, a
# different seed a different corpus, ids are unique, dates and texts valid,
# and the corpus holds no sentence of
# ../shared/gold/dev.jsonl when that file is present (shared texts stay out).
# With ../shared present, --shared pools over 1,500 distinct sentences, among
# them the TABARI and PETRARCH suites' (whose formats it parses).
#   corpus_test.sh REPO_ROOT
set -euo pipefail
root="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
make() { python3 "$root/scripts/make_corpus.py" "$@" 2>/dev/null; }
make --sentences 2000 -o "$tmp/a.jsonl"
make --sentences 2000 -o "$tmp/b.jsonl"
make --sentences 2000 --seed 7 -o "$tmp/c.jsonl"
cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl" || { echo "FAIL: same seed, different corpus"; exit 1; }
if cmp -s "$tmp/a.jsonl" "$tmp/c.jsonl"; then echo "FAIL: seed ignored"; exit 1; fi
python3 - "$tmp/a.jsonl" "$root/../shared/gold/dev.jsonl" <<'PY'
import json, os, re, sys
stories = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert stories, "empty corpus"
ids = [s["id"] for s in stories]
assert len(set(ids)) == len(ids), "duplicate ids"
for s in stories:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["date"]), s["date"]
    assert s["text"].strip(), s["id"]
text = "\n".join(s["text"] for s in stories)
if os.path.isfile(sys.argv[2]):
    for line in open(sys.argv[2], encoding="utf-8"):
        if line.strip():
            t = json.loads(line)["text"]
            assert t not in text, "shared gold sentence in the corpus: " + t
print("corpus OK: %d stories" % len(stories))
PY
shared="$root/../shared"
if [ -d "$shared/peer-data" ]; then
  python3 "$root/scripts/make_corpus.py" --shared "$shared" --list-pool > "$tmp/pool.txt"
  n=$(wc -l < "$tmp/pool.txt")
  [ "$n" -ge 1500 ] || { echo "FAIL: --shared pooled only $n distinct sentences"; exit 1; }
  grep -q '^Arnor is about to restore full diplomatic ties with Gondor almost five years after' "$tmp/pool.txt" \
    || { echo "FAIL: no TABARI validation sentence in the --shared pool"; exit 1; }
  grep -q '^The stopover came as the US leader prepared to attend the Beijing Olympics, an event' "$tmp/pool.txt" \
    || { echo "FAIL: no PETRARCH XML sentence in the --shared pool"; exit 1; }
  if grep -q '/\*\|<Text>\|</Text>' "$tmp/pool.txt"; then
    echo "FAIL: comment or markup left in the --shared pool"; exit 1
  fi
  echo "shared pool OK: $n distinct sentences"
fi
