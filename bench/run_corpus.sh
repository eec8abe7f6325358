#!/usr/bin/env bash
# End-to-end throughput of `dyad code` on the benchmark corpus.
#
#   bench/run_corpus.sh [--dyad PATH] [--corpus FILE] [--sentences N] [--repeat R] [THREADS]
#
#   --dyad PATH      the binary (default: build/dyad)
#   --corpus FILE    a JSON Lines corpus. Default: two corpora made by
#                    scripts/make_corpus.py (N sentences each, default 200000) and
#                    cached beside the binary: "wire", dealt from every distinct
#                    English sentence of ../shared (gold files, samples, the peer
#                    suites' sentences; make_corpus.py --shared) when ../shared is
#                    there, then "own", dealt from the project's own sentences.
#                    Both are reported; the wire corpus is the one that counts.
#   --repeat R       runs of each measurement; the fastest is reported (default 3)
#   THREADS          passed as `dyad code --threads THREADS`; without it no
#                    --threads flag is given (the binary's default)
#
# Reports: dictionary load time and peak RSS (`dyad check-dict`, and
# `dyad_bench --dyad_load_report` when it is built beside the binary), then for
# `dyad code` on the corpus (output to /dev/null): wall and CPU time, sentences/s and
# input MB/s (end to end, net of the load time, and per CPU second), and peak RSS
# (/usr/bin/time's maximum resident set size). Nothing is asserted.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
dyad="$root/build/dyad"
corpus=""
sentences=200000
repeat=3
threads=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dyad) dyad="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --sentences) sentences="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "run_corpus.sh: unknown option $1" >&2; exit 2 ;;
    *) threads="$1"; shift ;;
  esac
done
if [ ! -x "$dyad" ]; then
  echo "run_corpus.sh: no dyad binary at $dyad (build it, or use --dyad)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "run_corpus.sh: needs /usr/bin/time (Debian package 'time')" >&2
  exit 2
fi
# make_corpus NAME ARGS...: the cached corpus beside the binary (made once).
make_corpus() {
  local name="$1" file
  shift
  file="$(dirname "$dyad")/bench-$name-corpus-$sentences.jsonl"
  if [ ! -s "$file" ]; then
    python3 "$root/scripts/make_corpus.py" --sentences "$sentences" "$@" -o "$file.tmp" >&2
    mv "$file.tmp" "$file"
  fi
  echo "$file"
}
corpora=()
if [ -n "$corpus" ]; then
  corpora=("$corpus")
else
  shared="$(cd "$root/.." && pwd)/shared"
  if [ -d "$shared" ]; then
    corpora+=("$(make_corpus wire --shared "$shared" --source "wire sentences from ../shared")")
  else
    echo "note: no ../shared beside the repository: only the project's own sentences are measured"
  fi
  corpora+=("$(make_corpus own)")
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# best_of N ERRFILE CMD...: runs CMD N times under /usr/bin/time (stdout to
# /dev/null, stderr to ERRFILE) and prints "elapsed_s max_rss_kb user_s sys_s"
# of the fastest run. Exit status 1 (some input was bad) is accepted.
best_of() {
  local n="$1" err="$2" best="" line
  shift 2
  for _ in $(seq "$n"); do
    local t0 t1 status=0
    t0=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$tmp/time" "$@" > /dev/null 2> "$err" || status=$?
    t1=$(date +%s%N)
    if [ "$status" -gt 1 ]; then
      echo "run_corpus.sh: '$*' exited with status $status:" >&2
      tail -5 "$err" >&2
      exit 1
    fi
    line="$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}') $(tail -1 "$tmp/time")"
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
      best="$line"
    fi
  done
  echo "$best"
}

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load: $(uptime | sed 's/.*load/load/')"
echo "binary:  $dyad ($("$dyad" --version 2>/dev/null | head -1 || echo '?'))"
load="$(best_of "$repeat" "$tmp/check" "$dyad" check-dict)"
read -r load_s load_kb load_user load_sys <<< "$load"
echo "dictionary load (dyad check-dict): ${load_s} s wall, $(awk -v u="$load_user" -v s="$load_sys" 'BEGIN{printf "%.2f", u+s}') s CPU, peak RSS $(awk -v k="$load_kb" 'BEGIN{printf "%.1f", k/1024}') MB"
# The load alone, without process start-up and check-dict's report.
bench_bin="$(dirname "$dyad")/bench/dyad_bench"
if [ -x "$bench_bin" ]; then
  echo "dictionary load (dyad_bench): $("$bench_bin" --dyad_load_report)"
fi

args=(code)
[ -n "$threads" ] && args+=(--threads "$threads")
for corpus in "${corpora[@]}"; do
  bytes=$(wc -c < "$corpus")
  echo "corpus:  $corpus ($(wc -l < "$corpus") stories, $bytes bytes)"
  code="$(best_of "$repeat" "$tmp/stats" "$dyad" "${args[@]}" "$corpus")"
  stats="$(tail -1 "$tmp/stats")"
  echo "$stats"
  n_sent="$(sed -n 's/.*sentences \([0-9]*\),.*/\1/p' <<< "$stats")"
  read -r code_s code_kb code_user code_sys <<< "$code"
  awk -v s="$code_s" -v l="$load_s" -v n="${n_sent:-0}" -v b="$bytes" -v k="$code_kb" \
    -v u="$code_user" -v y="$code_sys" -v t="${threads:-default}" 'BEGIN {
  net = s - l; if (net <= 0) net = s;
  cpu = u + y; if (cpu <= 0) cpu = s;
  printf "dyad code (threads %s): %.3f s wall, %.2f s CPU (user %.2f, sys %.2f), peak RSS %.1f MB\n", t, s, cpu, u, y, k / 1024;
  printf "  end to end: %.0f sentences/s, %.2f MB/s; net of load: %.0f sentences/s, %.2f MB/s; per CPU second: %.0f sentences, %.2f MB\n", n / s, b / 1e6 / s, n / net, b / 1e6 / net, n / cpu, b / 1e6 / cpu }'
done
if awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v c="$(nproc)" 'BEGIN{exit !(l > c)}'; then
  echo "note: load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores: wall times are inflated, prefer the CPU figures"
fi
