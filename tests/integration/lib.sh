# Shared by the shell integration tests: a scratch folder, pass/fail
# counters and two helpers. Source it after setting DYAD.
#   check NAME RESULT [DETAIL]   RESULT 0 counts a pass, anything else a failure
#   run ARGS...                  runs $DYAD ARGS; sets OUT, ERR and RC
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
