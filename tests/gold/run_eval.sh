#!/usr/bin/env bash
# Accuracy gate: codes gold files with the real binary and fails under the
# thresholds. Several gold files (GOLD1,GOLD2,…) are scored as one.
# Exits 77 (ctest: skipped) when a gold file is absent.
#   run_eval.sh DYAD GOLD[,GOLD…] MIN_F1 MAX_FORBIDDEN [MIN_RECALL MIN_PRECISION]
set -u
DYAD="$1"; GOLDS="$2"; MIN_F1="$3"; MAX_FORBIDDEN="$4"
MIN_RECALL="${5:-0}"; MIN_PRECISION="${6:-0}"
IFS=',' read -r -a files <<< "$GOLDS"
for f in "${files[@]}"; do
  if [ ! -f "$f" ]; then
    echo "skipped: $f is not here (it lives in ../shared/gold beside the repository)"
    exit 77
  fi
done
gold="${files[0]}"
if [ "${#files[@]}" -gt 1 ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  gold="$tmp/gold.jsonl"
  cat "${files[@]}" > "$gold"
fi
"$DYAD" eval -b "$gold" --min-f1 "$MIN_F1" --max-forbidden "$MAX_FORBIDDEN" \
  --min-recall "$MIN_RECALL" --min-precision "$MIN_PRECISION"
