#!/usr/bin/env bash
# Checks that two dyad binaries give byte-identical output: `dyad code` on a
# corpus (JSON Lines under every semantics, TSV, --allow-no-target, and with
# two threads), `dyad eval --verbose` and `dyad code` on every gold file and
# `dyad validate` on the peer compatibility suites (the last two from
# ../shared, when it is there).
#
#   bench/identical.sh BASE_BIN NEW_BIN [CORPUS]
#
# CORPUS defaults to the wire corpus run_corpus.sh caches beside NEW_BIN
# (bench-wire-corpus-200000.jsonl), made from ../shared when missing.
# Prints one line per check; exits 1 on the first difference (its diff shown).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="$(cd "$root/.." && pwd)/shared"
base="$1" new="$2"
corpus="${3:-$(dirname "$new")/bench-wire-corpus-200000.jsonl}"
if [ ! -s "$corpus" ]; then
  if [ ! -d "$shared" ]; then
    echo "identical.sh: no corpus $corpus and no ../shared to make one" >&2
    exit 2
  fi
  python3 "$root/scripts/make_corpus.py" --sentences 200000 --shared "$shared" \
      --source "wire sentences from ../shared" -o "$corpus.tmp"
  mv "$corpus.tmp" "$corpus"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0
# same NAME ARGS...: runs both binaries with ARGS; stdout and exit status must match.
same() {
  local name="$1" rb=0 rn=0
  shift
  "$base" "$@" > "$tmp/base.out" 2> "$tmp/base.err" || rb=$?
  "$new" "$@" > "$tmp/new.out" 2> "$tmp/new.err" || rn=$?
  if [ "$rb" != "$rn" ] || ! cmp -s "$tmp/base.out" "$tmp/new.out"; then
    echo "DIFFERENT: $name (exit $rb vs $rn)"
    diff "$tmp/base.out" "$tmp/new.out" | head -20
    fail=1
    return
  fi
  echo "identical: $name ($(wc -c < "$tmp/new.out") bytes)"
}
same "code, dyad semantics" code --threads 1 "$corpus"
same "code, petrarch semantics" code --threads 1 --semantics petrarch "$corpus"
same "code, tabari semantics" code --threads 1 --semantics tabari "$corpus"
same "code, tsv" code --threads 1 --format tsv "$corpus"
same "code, --allow-no-target" code --threads 1 --allow-no-target "$corpus"
same "code, 2 threads" code --threads 2 "$corpus"
if [ -d "$shared" ]; then
  for g in "$shared"/gold/*.jsonl; do
    same "eval $(basename "$g")" eval --verbose --breakdown "$g"
    same "eval $(basename "$g"), petrarch semantics" eval --verbose --semantics petrarch "$g"
    same "code $(basename "$g")" code --threads 1 "$g"
  done
  peer="$shared/peer-data"
  same "validate PETR unit tests" validate "$peer/petrarch2/PETR.UnitTest.records.xml" --failures
  same "validate PETR-2 GSR" validate "$peer/UniversalPetrarch/PETR2_GSR_validation.xml" \
      --dict-dir "$peer/petrarch2" --failures
  same "validate TABARI" validate "$peer/TABARI-Code/Validate.project" --failures
else
  echo "note: no ../shared: gold files and compatibility suites not checked"
fi
exit $fail
