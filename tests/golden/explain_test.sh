#!/usr/bin/env bash
# Golden tests of `dyad explain --format json`: for each tests/golden/explain/NAME.txt
# (line 1 the date, the rest the text) the JSON must equal NAME.json.
#   explain_test.sh DYAD SRC [--update]   (--update rewrites the .json files)
set -u
dyad=$1 src=$2 update=${3:-}
dir="$src/tests/golden/explain"
fail=0
for input in "$dir"/*.txt; do
  name=$(basename "$input" .txt)
  date=$(head -1 "$input")
  text=$(tail -n +2 "$input")
  got=$("$dyad" explain --format json --indent 1 --date "$date" --text "$text")
  if [ "$update" = "--update" ]; then
    printf '%s\n' "$got" > "$dir/$name.json"
    echo "updated $name.json"
    continue
  fi
  if ! diff -u "$dir/$name.json" <(printf '%s\n' "$got") > /tmp/explain_diff.$$; then
    echo "FAIL: $name: dyad explain differs from $name.json:"
    head -60 /tmp/explain_diff.$$
    fail=1
  else
    echo "ok: $name"
  fi
done
rm -f /tmp/explain_diff.$$
exit $fail
