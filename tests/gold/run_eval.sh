#!/usr/bin/env bash
# Accuracy gate: codes a gold file with the real binary and fails under the
# thresholds. Exits 77 (ctest: skipped) when the gold file is absent.
#   run_eval.sh DYAD GOLD MIN_F1 MAX_FORBIDDEN
set -u
DYAD="$1"; GOLD="$2"; MIN_F1="$3"; MAX_FORBIDDEN="$4"
if [ ! -f "$GOLD" ]; then
  echo "skipped: $GOLD is not here (it lives in ../shared/gold beside the repository)"
  exit 77
fi
exec "$DYAD" eval "$GOLD" --min-f1 "$MIN_F1" --max-forbidden "$MAX_FORBIDDEN"
