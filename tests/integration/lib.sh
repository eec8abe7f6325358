# Shared by the shell integration tests: a scratch folder, pass/fail
# counters and two helpers. Source it after setting DYAD.
#   check NAME RESULT [DETAIL]   RESULT 0 counts a pass, anything else a failure
#   run ARGS...                  runs $DYAD ARGS; sets OUT, ERR and RC
#   ok TEXT                      0 when TEXT is not empty (a check's RESULT)
#   sqlite_rows DB QUERY         the query's rows, columns joined by |
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
check() {
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "ok   $1"; else fail=$((fail + 1)); echo "FAIL $1 ${3:-}"; fi
}
run() {
  "$DYAD" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  RC=$?
  OUT="$(cat "$TMP/out")"
  ERR="$(cat "$TMP/err")"
}
ok() { [ "$1" ] && echo 0 || echo 1; }
# A store's rows through Python's sqlite3, with the sqlite3 shell's
# sqlar_uncompress that the store's views use (docs/STORE.md).
sqlite_rows() { python3 -c 'import sqlite3, sys, zlib
con = sqlite3.connect(sys.argv[1])
con.create_function("sqlar_uncompress", 2, lambda b, n: b if b is None or n <= 0 or len(b) == n else zlib.decompress(b))
for row in con.execute(sys.argv[2]): print("|".join(str(x) for x in row))' "$1" "$2"; }
