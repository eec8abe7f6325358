#!/usr/bin/env bash
# `cmake --install` puts a dyad that works on its own: the binary, its data
# and its docs under a prefix; the installed binary reads the installed
# data (a dictionary line added there is used), from any folder.
#   install_test.sh BUILD_DIR
set -u
BUILD="$(cd "$1" && pwd)"
DYAD="$BUILD/dyad"
. "$(dirname "$0")/lib.sh"
unset DYAD_DATA
P="$TMP/prefix"
cmake --install "$BUILD" --prefix "$P" >"$TMP/install.log" 2>&1
check "cmake --install succeeds" $? "$(tail -3 "$TMP/install.log")"
check "binary, data and docs installed" \
  $([ -x "$P/bin/dyad" ] && [ -f "$P/share/dyad/data/dict/30-verbs.dict" ] && [ -f "$P/share/dyad/data/cameo/event_codes.tsv" ] \
    && [ -f "$P/share/doc/dyad/README.md" ] && [ -f "$P/share/doc/dyad/docs/OUTPUT_FORMAT.md" ] && echo 0 || echo 1)
mkdir -p "$TMP/elsewhere"
cd "$TMP/elsewhere"
out="$(echo 'Russia attacked Ukraine.' | "$P/bin/dyad" code --date 2024-01-01 2>"$TMP/err")"
check "the installed binary codes a sentence" \
  $(echo "$out" | grep -q '"source":{"code":"RUS".*"root":"19"' && echo 0 || echo 1) "$out $(cat "$TMP/err")"
# Its data is the installed copy: a person added there is known to it.
echo 'person ITAGOV : Aldo Brunettix' > "$P/share/dyad/data/dict/99-install-test.dict"
out="$(echo 'Aldo Brunettix condemned Venezuela.' | "$P/bin/dyad" code --date 2024-01-01 2>"$TMP/err")"
check "it reads the installed data" $(echo "$out" | grep -q '"code":"ITAGOV"' && echo 0 || echo 1) "$out $(cat "$TMP/err")"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
