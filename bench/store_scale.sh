#!/usr/bin/env bash
# The event store at scale (issue 18 item 9): `dyad code` against `dyad ingest`
# on the same corpus, the store's size against the input's, and the reading
# commands (report, alerts, timeline, export) on that store.
#
#   bench/store_scale.sh [--dyad PATH] [--base PATH] [--sentences N] [--threads T] [--work DIR]
#
#   --dyad PATH      the binary (default: build/dyad)
#   --base PATH      a second binary (e.g. main's) measured beside it, step by step,
#                    on its own store; the outputs of report, alerts, timeline and
#                    exports are then compared byte for byte
#   --sentences N    corpus size (default 1000000), made by scripts/make_corpus.py
#   --threads T      coding threads for code and ingest (default: the binary's)
#   --work DIR       where the corpus and the store go (default: a temporary folder,
#                    removed at the end)
#
# Prints one row per step (per binary): wall seconds, peak RSS (MB, /usr/bin/time),
# CPU seconds (user + system: steadier than wall time on a shared machine),
# and for ingest the store's size against the input's (also of a store made
# with `ingest --no-text`, for a binary that has it). Nothing is asserted.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
dyad="$root/build/dyad"
sentences=1000000
threads=""
work=""
base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dyad) dyad="$2"; shift 2 ;;
    --base) base="$2"; shift 2 ;;
    --sentences) sentences="$2"; shift 2 ;;
    --threads) threads="--threads $2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "store_scale.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work="$(cd "$work" && pwd)"
corpus="$work/corpus-$sentences.jsonl"
# Ten years of days (2020-2029): a story a day would pass dyad's last year (2200).
[ -s "$corpus" ] || /usr/bin/python3 "$root/scripts/make_corpus.py" --sentences "$sentences" --days 3650 -o "$corpus" 2>/dev/null

measure() {  # LABEL NAME CMD... : wall s and peak RSS MB; output kept in $work/LABEL/NAME.out
  local label="$1" name="$2"; shift 2
  local out="$work/$label/${name//[^a-z]/_}.out"
  [ "$name" = code ] && out=/dev/null  # a gigabyte of JSON says nothing here
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" > "$out" 2> "$work/err" || {
    echo "$label $name failed: $(tail -2 "$work/err")" >&2; return 1; }
  read -r wall kb user sys < "$work/time"
  cpu=$(echo "$user + $sys" | bc -l)
  printf '%-5s %-30s %9.2f s %9.1f MB %9.2f s CPU\n' "$label" "$name" "$wall" "$(echo "$kb / 1024" | bc -l)" "$cpu"
  eval "${label}_${name//[^a-z]/_}_wall=$wall"
  eval "${label}_${name//[^a-z]/_}_cpu=$cpu"
}

labels="new"
[ -n "$base" ] && labels="base new"
bin_of() { if [ "$1" = base ]; then echo "$base"; else echo "$dyad"; fi; }
echo "corpus: $sentences sentences, $(du -m "$corpus" | cut -f1) MB ($corpus)"
echo "load: $(uptime | sed 's/.*load average: //')"
for l in $labels; do
  mkdir -p "$work/$l"
  rm -f "$work/$l/store.db" "$work/$l/store.db-wal" "$work/$l/store.db-shm"
done
for l in $labels; do measure "$l" "code" "$(bin_of "$l")" code $threads "$corpus"; done
in_mb=$(du -m "$corpus" | cut -f1)
for l in $labels; do
  db="$work/$l/store.db"
  measure "$l" "ingest" "$(bin_of "$l")" ingest $threads --db "$db" "$corpus"
  db_mb=$(du -cm "$db"* | tail -1 | cut -f1)
  code_wall=$(eval echo "\$${l}_code_wall"); ingest_wall=$(eval echo "\$${l}_ingest_wall")
  code_cpu=$(eval echo "\$${l}_code_cpu"); ingest_cpu=$(eval echo "\$${l}_ingest_cpu")
  echo "$l   store: $db_mb MB for $in_mb MB of input ($(echo "scale=2; $db_mb / $in_mb" | bc)x); ingest/code time: $(echo "scale=2; $ingest_wall / $code_wall" | bc)x wall, $(echo "scale=2; $ingest_cpu / $code_cpu" | bc)x CPU"
done
# A store without the stories' text (ingest --no-text), for a binary that has it.
for l in $labels; do
  "$(bin_of "$l")" ingest --help 2>/dev/null | grep -q -- --no-text || continue
  db="$work/$l/notext.db"
  rm -f "$db" "$db-wal" "$db-shm"
  measure "$l" "ingest no text" "$(bin_of "$l")" ingest $threads --no-text --db "$db" "$corpus"
  db_mb=$(du -cm "$db"* | tail -1 | cut -f1)
  nt_wall=$(eval echo "\$${l}_ingest_no_text_wall"); code_wall=$(eval echo "\$${l}_code_wall")
  nt_cpu=$(eval echo "\$${l}_ingest_no_text_cpu"); code_cpu=$(eval echo "\$${l}_code_cpu")
  echo "$l   store --no-text: $db_mb MB for $in_mb MB of input ($(echo "scale=2; $db_mb / $in_mb" | bc)x); ingest/code time: $(echo "scale=2; $nt_wall / $code_wall" | bc)x wall, $(echo "scale=2; $nt_cpu / $code_cpu" | bc)x CPU"
done
echo "load: $(uptime | sed 's/.*load average: //')"
step() {  # NAME ARGS... (with @DB@ for the store), for each binary
  local name="$1"; shift
  for l in $labels; do
    (cd "$work/$l" && measure "$l" "$name" "$(bin_of "$l")" "${@//@DB@/store.db}")
  done
}
step "report" report --db @DB@ --out /dev/stdout
step "alerts" alerts --db @DB@
step "alerts json" alerts --db @DB@ --format json
step "timeline '*' '*' --by week" timeline --db @DB@ '*' '*' --by week
step "export gdelt" export --db @DB@ --format gdelt
step "export gdelt-mentions" export --db @DB@ --format gdelt-mentions
echo "load: $(uptime | sed 's/.*load average: //')"
if [ -n "$base" ]; then
  for f in "$work/new/"*.out; do
    n=$(basename "$f")
    case "$n" in code.out|ingest.out|ingest_no_text.out) continue ;; esac
    if cmp -s "$f" "$work/base/$n"; then echo "same output: ${n%.out}"; else echo "DIFFERENT output: ${n%.out}"; fi
  done
fi
