#!/usr/bin/env bash
# The event store at scale (issue 18 item 9): `dyad code` against `dyad ingest`
# on the same corpus, the store's size against the input's, and the reading
# commands (report, alerts, timeline, export) on that store.
#
#   bench/store_scale.sh [--dyad PATH] [--sentences N] [--threads T] [--work DIR]
#
#   --dyad PATH      the binary (default: build/dyad)
#   --sentences N    corpus size (default 1000000), made by scripts/make_corpus.py
#   --threads T      coding threads for code and ingest (default: the binary's)
#   --work DIR       where the corpus and the store go (default: a temporary folder,
#                    removed at the end)
#
# Prints one row per step: wall seconds, peak RSS (MB, /usr/bin/time), and for
# ingest the store's size against the input's. Nothing is asserted.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
dyad="$root/build/dyad"
sentences=1000000
threads=""
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dyad) dyad="$2"; shift 2 ;;
    --sentences) sentences="$2"; shift 2 ;;
    --threads) threads="--threads $2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "store_scale.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
corpus="$work/corpus-$sentences.jsonl"
# Ten years of days (2020-2029): a story a day would pass dyad's last year (2200).
[ -s "$corpus" ] || /usr/bin/python3 "$root/scripts/make_corpus.py" --sentences "$sentences" --days 3650 -o "$corpus" 2>/dev/null
db="$work/store.db"
rm -f "$db" "$db-wal" "$db-shm"

measure() {  # NAME CMD... : wall s and peak RSS MB
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || {
    echo "$name failed: $(tail -2 "$work/err")" >&2; return 1; }
  read -r wall kb < "$work/time"
  printf '%-34s %9.2f s %9.1f MB\n' "$name" "$wall" "$(echo "$kb / 1024" | bc -l)"
  eval "${name//[^a-z]/_}_wall=$wall"
}

echo "corpus: $sentences sentences, $(du -m "$corpus" | cut -f1) MB ($corpus)"
echo "load: $(uptime | sed 's/.*load average: //')"
measure "code" "$dyad" code $threads "$corpus"
measure "ingest" "$dyad" ingest $threads --db "$db" "$corpus"
in_mb=$(du -m "$corpus" | cut -f1)
db_mb=$(du -cm "$db"* | tail -1 | cut -f1)
echo "store: $db_mb MB for $in_mb MB of input ($(echo "scale=2; $db_mb / $in_mb" | bc)x); ingest/code time: $(echo "scale=2; $ingest_wall / $code_wall" | bc)x"
measure "report" "$dyad" report --db "$db" --out "$work/report.html"
measure "alerts" "$dyad" alerts --db "$db"
measure "timeline '*' '*' --by week" "$dyad" timeline --db "$db" '*' '*' --by week
measure "export gdelt" "$dyad" export --db "$db" --format gdelt
measure "export gdelt-mentions" "$dyad" export --db "$db" --format gdelt-mentions
