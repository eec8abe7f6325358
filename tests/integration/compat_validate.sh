#!/usr/bin/env bash
# Runs `dyad validate` on a peer validation suite from ../shared/peer-data and
# asserts the pass-rate threshold (fraction of records passed).
#   compat_validate.sh DYAD SOURCE_DIR SUITE_RELATIVE_PATH MIN_PASS [--dict-dir DIR ...]
# Exit 77 (skipped) when ../shared/peer-data is absent.
set -u
dyad=$1 src=$2 suite=$3 min=$4
shift 4
peer="$src/../shared/peer-data"
if [ ! -f "$peer/$suite" ]; then
  echo "SKIP: $peer/$suite not found (../shared is absent)"
  exit 77
fi
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --dict-dir) extra+=(--dict-dir "$peer/$2"); shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
out=$("$dyad" validate "$peer/$suite" "${extra[@]}" --failures --min-pass "$min")
rc=$?
echo "$out" | tail -40
last=$(echo "$out" | tail -1)
if ! echo "$last" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
  echo "FAIL: last line is not 'N passed, M failed': $last"
  exit 1
fi
[ $rc -eq 0 ] || echo "FAIL: pass rate below $min"
exit $rc
