#!/usr/bin/env bash
# Times two dyad binaries side by side, runs interleaved (A B A B …), so that
# both see the same machine load: `dyad code --threads T CORPUS > /dev/null`,
# dictionary load included.
#
#   bench/side_by_side.sh BASE_BIN NEW_BIN CORPUS [THREADS] [RUNS]
#
# THREADS defaults to 1, RUNS (per binary) to 5. Prints every run, then per
# binary the best and median wall time as sentences/s (the sentence count is
# dyad's own, from its summary line), CPU seconds and peak RSS, and the load
# average before and after.
set -euo pipefail
base="$1" new="$2" corpus="$3" threads="${4:-1}" runs="${5:-5}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "load before: $(uptime | sed 's/.*load/load/')"
for i in $(seq "$runs"); do
  for which in base new; do
    bin="$base"; [ "$which" = new ] && bin="$new"
    t0=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$bin" code --threads "$threads" "$corpus" \
        > /dev/null 2> "$tmp/err" || [ $? -eq 1 ]
    t1=$(date +%s%N)
    n=$(sed -n 's/.*sentences \([0-9]*\),.*/\1/p' "$tmp/err" | tail -1)
    read -r u s m < <(tail -1 "$tmp/time")
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
    echo "$which $wall $u $s $m $n" >> "$tmp/runs"
    echo "run $i $which: ${wall} s wall, $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}') s CPU, $((m / 1024)) MB, $n sentences"
  done
done
echo "load after: $(uptime | sed 's/.*load/load/')"
/usr/bin/python3 - "$tmp/runs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
for which in ("base", "new"):
    r = [x for x in rows if x[0] == which]
    wall = sorted(float(x[1]) for x in r)
    cpu = sorted(float(x[2]) + float(x[3]) for x in r)
    rss = max(int(x[4]) for x in r)
    n = int(r[0][5] or 0)
    best, med = wall[0], statistics.median(wall)
    print("%s: best %.3f s = %.0f sentences/s, median %.3f s = %.0f sentences/s; "
          "CPU best %.2f s (%.0f sentences per CPU second), median %.2f s; peak RSS %.1f MB"
          % (which, best, n / best, med, n / med, cpu[0], n / cpu[0], statistics.median(cpu), rss / 1024))
PY
