#!/usr/bin/env bash
# Integration tests of the event store commands (ingest, timeline, alerts,
# export, report) on the real binary and the default dictionaries.
#   store_cli_test.sh BUILD/dyad SOURCE_DIR
# Besides exit codes and formats, the series and alerts that dyad prints are
# recomputed independently in Python from `dyad export --format jsonl` (a
# slow, obviously-correct reference) and must agree.
# Prints one line per check and "N passed, M failed"; exits 1 on failure.
set -u
DYAD="$1"
SRC="$2"
. "$(dirname "$0")/lib.sh"
sql() { sqlite_rows "$DB" "$1"; }

DB="$TMP/ex.db"

# --- help and usage errors --------------------------------------------------
for c in ingest timeline alerts export report; do
  run $c --help
  check "$c --help exits 0" $(ok "$([ $RC -eq 0 ] && [ -n "$OUT" ] && echo y)")
done
run ingest "$SRC/examples/stories.jsonl"
check "ingest without --db is a usage error (2)" $(ok "$([ $RC -eq 2 ] && echo y)") "rc=$RC"
run timeline --db "$TMP/missing.db" RUS UKR
check "timeline on a missing store exits 2 and says so" $(ok "$([ $RC -eq 2 ] && echo "$ERR" | grep -q 'no such database' && echo y)") "rc=$RC $ERR"
[ -e "$TMP/missing.db" ]; check "a read command does not create the store" $(ok "$([ $? -ne 0 ] && echo y)")

# --- ingest -----------------------------------------------------------------
run ingest --db "$DB" "$SRC/examples/stories.jsonl"
check "ingest of the example JSONL exits 0" $(ok "$([ $RC -eq 0 ] && echo y)") "rc=$RC $ERR"
check "ingest prints its statistics" $(ok "$(echo "$ERR" | grep -q 'stories 4 (stored 4, replaced 0, unchanged 0, rejected 0)' && echo y)") "$ERR"
run ingest --db "$DB" --date 2025-03-14 "$SRC/examples/border-crisis.txt"
check "ingest of the example text story exits 0" $(ok "$([ $RC -eq 0 ] && echo y)") "rc=$RC $ERR"
check "five stories stored" $(ok "$([ "$(sql 'SELECT count(*) FROM stories')" = 5 ] && echo y)")
EV=$(sql 'SELECT count(*) FROM events')
check "the examples give events" $(ok "$([ "$EV" -gt 0 ] && echo y)") "events=$EV"
check "events_count of every story equals its event rows" $(ok "$([ "$(sql 'SELECT count(*) FROM stories s WHERE events_count != (SELECT count(*) FROM events e WHERE e.story_id = s.story_id)')" = 0 ] && echo y)")
check "every sentence has its statistics row" $(ok "$([ "$(sql 'SELECT sum(sentences) FROM stories')" = "$(sql 'SELECT count(*) FROM sentences')" ] && echo y)")
check "denominators view counts stories per day and publisher" $(ok "$([ "$(sql "SELECT stories FROM denominators WHERE day='2025-03-14' AND publisher='dyad examples'")" = 1 ] && [ "$(sql 'SELECT sum(stories) FROM denominators')" = 5 ] && echo y)")
check "store is in WAL mode" $(ok "$([ "$(sql 'PRAGMA journal_mode')" = wal ] && echo y)")
CODED=$("$DYAD" code "$SRC/examples/stories.jsonl" 2>/dev/null | wc -l)
check "stored events of the JSONL stories = dyad code's events" $(ok "$([ "$(sql "SELECT count(*) FROM events WHERE story_id LIKE 'ex-%'")" = "$CODED" ] && echo y)") "code=$CODED"

SNAP="$(sql 'SELECT event_id, story_id, code FROM events ORDER BY event_id')"
run ingest --db "$DB" "$SRC/examples/stories.jsonl"
check "re-ingest skips unchanged stories" $(ok "$([ $RC -eq 0 ] && echo "$ERR" | grep -q 'stored 0, replaced 0, unchanged 4' && echo y)") "$ERR"
run ingest --db "$DB" --force "$SRC/examples/stories.jsonl"
check "--force re-codes and replaces" $(ok "$(echo "$ERR" | grep -q 'stored 4, replaced 4, unchanged 0' && echo y)") "$ERR"
check "re-ingest is idempotent (same event rows)" $(ok "$([ "$SNAP" = "$(sql 'SELECT event_id, story_id, code FROM events ORDER BY event_id')" ] && echo y)")

# A changed story replaces its old events; a bad line is reported, the rest stored.
python3 - "$SRC/examples/stories.jsonl" "$TMP/changed.jsonl" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as f:
    s = dict(rows[0]); s["text"] = "Guyana held talks with Venezuela."; f.write(json.dumps(s) + "\n")
    f.write('{"id": "broken", "date": \n')
    s = dict(rows[1]); s["id"] = "new-1"; f.write(json.dumps(s) + "\n")
EOF
run ingest --db "$DB" "$TMP/changed.jsonl"
check "bad input line: exit 1, reported with file:line" $(ok "$([ $RC -eq 1 ] && echo "$ERR" | grep -q 'changed.jsonl:2:' && echo y)") "rc=$RC $ERR"
check "changed story replaced, new story stored" $(ok "$(echo "$ERR" | grep -q 'stored 2, replaced 1' && echo y)") "$ERR"
NEWC=$(printf '%s\n' "$(head -1 "$TMP/changed.jsonl")" | "$DYAD" code 2>/dev/null | wc -l)
check "the replaced story has exactly its new events" $(ok "$([ "$(sql "SELECT count(*) FROM events WHERE story_id='ex-001'")" = "$NEWC" ] && [ "$(sql "SELECT events_count FROM stories WHERE story_id='ex-001'")" = "$NEWC" ] && echo y)")
check "the changed text is stored" $(ok "$([ "$(sql "SELECT text FROM story_texts WHERE story_id='ex-001'")" = "Guyana held talks with Venezuela." ] && echo y)")

# --- a multi-week corpus for series and alerts -------------------------------
# Weekly background stories for 10 weeks, then an escalation week: built
# from the example stories with new ids, dates and publishers.
DB2="$TMP/weeks.db"
python3 - "$SRC/examples/stories.jsonl" "$TMP/weeks.jsonl" <<'EOF'
import datetime, json, sys
ex = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[1])}
start = datetime.date(2025, 1, 6)  # a Monday
out = open(sys.argv[2], "w")
n = 0
def put(base, day, pub):
    global n
    n += 1
    s = dict(ex[base]); s["id"] = "w%04d" % n; s["date"] = day.isoformat(); s["source"] = pub
    out.write(json.dumps(s) + "\n")
for w in range(10):
    monday = start + datetime.timedelta(weeks=w)
    put("ex-004", monday, "wire-a")                       # talks, agreement
    put("ex-002", monday + datetime.timedelta(days=2), "wire-b")  # threat, mediation
esc = start + datetime.timedelta(weeks=10)
for k in range(4):                                        # the same shelling, four reports
    put("ex-003", esc + datetime.timedelta(days=1), "wire-" + "abcd"[k])
put("ex-001", esc + datetime.timedelta(days=2), "wire-a")
put("ex-003", esc + datetime.timedelta(days=3), "wire-b")
EOF
run ingest --db "$DB2" "$TMP/weeks.jsonl"
check "multi-week corpus ingested" $(ok "$([ $RC -eq 0 ] && echo y)") "$ERR"
"$DYAD" export --db "$DB2" --format jsonl > "$TMP/weeks.export.jsonl" 2>/dev/null
for spec in "VEN GUY week" "GUY VEN day" "USA VEN month" "VEN GUY week --basis mentions" "VEN GUY week --one-a-day"; do
  set -- $spec
  extra="${*:4}"
  run timeline --db "$DB2" "$1" "$2" --by "$3" $extra
  echo "$OUT" > "$TMP/tl.tsv"
  python3 - "$TMP/weeks.export.jsonl" "$TMP/tl.tsv" "$1" "$2" "$3" "$extra" "$DB2" <<'EOF' > "$TMP/tl.check" 2>&1
# Recompute the timeline from the exported mentions and compare.
import collections, datetime, json, sqlite3, sys
exp, tsv, src, tgt, by, extra, db = sys.argv[1:8]
ms = [json.loads(l) for l in open(exp)]
key = lambda a: {"NAT": "NATO", "EEC": "EU", "UNO": "UN", "AFU": "AU"}.get(a["group"]) or a["country"] or a["group"] or a["code"]
ms = [m for m in ms if m["target"] and key(m["source"]) == src and key(m["target"]) == tgt]
if "--one-a-day" in extra:
    seen, kept = set(), []
    for m in sorted(ms, key=lambda m: (m["date"], m["story_id"], m["sentence"], m["id"])):
        k = (m["date"], m["source"]["code"], m["target"]["code"], m["code"])
        if k not in seen: seen.add(k); kept.append(m)
    ms = kept
def start(d):
    d = datetime.date.fromisoformat(d)
    if by == "week": d -= datetime.timedelta(days=d.weekday())
    if by == "month": d = d.replace(day=1)
    return d.isoformat()
# Dedup: same dyad and code, same day (window 1).
events = {}
for m in sorted(ms, key=lambda m: (m["date"], m["story_id"], m["sentence"], m["id"])):
    events.setdefault((m["code"], m["date"]), m)
basis = list(events.values()) if "--basis mentions" not in extra else ms
exp_rows = collections.defaultdict(lambda: [0, 0, 0.0, 0, 0, 0, 0, 0])
for m in ms: exp_rows[start(m["date"])][0] += 1
for m in events.values(): exp_rows[start(m["date"])][1] += 1
for m in basis:
    r = exp_rows[start(m["date"])]
    r[2] += m["goldstein"]; r[3] += 1; r[3 + m["quad_class"]] += 1
den = collections.Counter()
for d, n in sqlite3.connect(db).execute("SELECT date, count(*) FROM stories GROUP BY date"):
    den[start(d)] += n
lines = open(tsv).read().strip().split("\n")
head = lines[0].split("\t")
assert len(head) == 16, head
got = [dict(zip(head, l.split("\t"))) for l in lines[1:]]
assert got, "no rows"
assert len(set(r["period_start"] for r in got)) == len(got), "periods repeat"
for r in got:
    e = exp_rows.get(r["period_start"], [0, 0, 0.0, 0, 0, 0, 0, 0])
    assert int(r["mentions"]) == e[0], (r, e)
    assert int(r["events"]) == e[1], (r, e)
    assert abs(float(r["goldstein_sum"]) - e[2]) < 1e-6, (r, e)
    if e[3]: assert abs(float(r["goldstein_mean"]) - e[2] / e[3]) < 1e-3, (r, e)
    else: assert r["goldstein_mean"] == "", r
    q = [int(r[c]) for c in ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")]
    assert q == e[4:8], (r, e)
    assert int(r["stories"]) == den[r["period_start"]], (r, den[r["period_start"]])
assert sum(int(r["mentions"]) for r in got) == len(ms), "mentions outside the rows"
print("rows", len(got), "mentions", len(ms))
EOF
  check "timeline $spec matches a Python recomputation" $(ok "$([ $RC -eq 0 ] && grep -q '^rows' "$TMP/tl.check" && echo y)") "$(tail -2 "$TMP/tl.check")"
done
run timeline --db "$DB2" ven guy --both --format json --plot "$TMP/tl.svg"
check "timeline --both --format json is JSON with both directions" $(ok "$(echo "$OUT" | python3 -c 'import json,sys; j=json.load(sys.stdin); assert [(s["source"],s["target"]) for s in j["series"]]==[("VEN","GUY"),("GUY","VEN")]' && echo y)")
check "timeline --plot writes well-formed SVG with bars" $(ok "$(python3 -c 'import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$TMP/tl.svg" && grep -q 'class="bar q' "$TMP/tl.svg" && echo y)")

# Alerts, recomputed: level = sum of max(0, -Goldstein) over deduplicated
# events per week; baseline = the previous 8 observed weeks.
run alerts --db "$DB2" --format json
echo "$OUT" > "$TMP/alerts.json"
python3 - "$TMP/weeks.export.jsonl" "$TMP/alerts.json" "$DB2" <<'EOF' > "$TMP/al.check" 2>&1
import collections, datetime, json, math, sqlite3, sys
ms = [json.loads(l) for l in open(sys.argv[1])]
got = json.load(open(sys.argv[2]))["alerts"]
key = lambda a: {"NAT": "NATO", "EEC": "EU", "UNO": "UN", "AFU": "AU"}.get(a["group"]) or a["country"] or a["group"] or a["code"]
wk = lambda d: (datetime.date.fromisoformat(d) - datetime.timedelta(days=datetime.date.fromisoformat(d).weekday())).isoformat()
observed = sorted({wk(d) for (d,) in sqlite3.connect(sys.argv[3]).execute("SELECT DISTINCT date FROM stories")})
events = {}
for m in ms:
    if not m["target"]: continue
    k = (key(m["source"]), key(m["target"]), m["code"], m["date"])
    events.setdefault(k, m)
level = collections.defaultdict(float)
for (s, t, c, d), m in events.items():
    level[(s, t, wk(d))] += max(0.0, -(m["goldstein"] or 0))
expected = []
for (s, t, w), L in level.items():
    if L <= 0: continue
    before = [p for p in observed if p < w][-8:]
    if len(before) < 4: continue
    base = [level.get((s, t, p), 0.0) for p in before]
    mean = sum(base) / len(base)
    sd = math.sqrt(sum((b - mean) ** 2 for b in base) / len(base))
    z = (L - mean) / max(sd, 2.0)
    if z >= 3 and L >= 10: expected.append((w, s, t, round(z, 6)))
have = [(a["period_start"], a["source"], a["target"], round(a["z"], 6)) for a in got]
assert sorted(have) == sorted(expected), (have, expected)
for a in got:
    assert a["drivers"], a
    assert all(d["goldstein"] < 0 for d in a["drivers"]), a
print("alerts", len(have), have)
EOF
check "alerts match a Python recomputation" $(ok "$([ $RC -eq 0 ] && grep -q '^alerts' "$TMP/al.check" && echo y)") "$(tail -2 "$TMP/al.check")"
check "the escalation week alerts (VEN -> GUY, 2025-W12)" $(ok "$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["alerts"]; assert any(x["source"]=="VEN" and x["target"]=="GUY" and x["period"]=="2025-W12" for x in a)' "$TMP/alerts.json" && echo y)") "$(cat "$TMP/al.check")"
run alerts --db "$DB2"
check "alerts text lists the driving evidence" $(ok "$([ $RC -eq 0 ] && echo "$OUT" | grep -q 'VEN -> GUY' && echo "$OUT" | grep -q 'shelled' && echo y)") "$OUT"
run alerts --db "$DB2" --since 2025-04-01 --format tsv
check "alerts --since drops earlier periods (header only)" $(ok "$([ $RC -eq 0 ] && [ "$(echo "$OUT" | wc -l)" -eq 1 ] && echo y)") "$OUT"
run alerts --db "$DB2" --since 2025-13-01
check "alerts with a bad --since exits 2" $(ok "$([ $RC -eq 2 ] && echo y)")

# --- exports ----------------------------------------------------------------
MENTIONS=$(sql 'SELECT count(*) FROM events')
DB="$DB2"; MENTIONS=$(sql 'SELECT count(*) FROM events')
run export --db "$DB2" --format gdelt
check "gdelt export: header + rows, all 61 tab-separated columns" $(ok "$([ $RC -eq 0 ] && echo "$OUT" | awk -F'\t' 'NF != 61 {bad=1} END {exit bad}' && echo "$OUT" | head -1 | grep -q '^GLOBALEVENTID	SQLDATE	MonthYear' && echo "$OUT" | head -1 | grep -q 'DATEADDED	SOURCEURL$' && echo y)")
echo "$OUT" > "$TMP/gdelt.tsv"
python3 - "$TMP/gdelt.tsv" "$TMP/weeks.export.jsonl" <<'EOF' > "$TMP/gd.check" 2>&1
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t", quoting=csv.QUOTE_NONE))
ms = [json.loads(l) for l in open(sys.argv[2])]
clusters = {m["event_cluster"]["id"] for m in ms}
assert len(rows) == len(clusters), (len(rows), len(clusters))
assert sum(int(r["NumMentions"]) for r in rows) == len(ms)
assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows), "GLOBALEVENTID not unique"
for r in rows:
    assert r["AvgTone"] == "" and r["ActionGeo_ADM2Code"] == ""
    assert r["ActionGeo_Type"] in ("", "1", "4", "5") and r["Actor1Geo_Type"] in ("", "1")
    assert (r["ActionGeo_Type"] == "") == (r["ActionGeo_FullName"] == "")
    assert r["EventRootCode"] == r["EventCode"][:2] and r["IsRootEvent"] in ("0", "1")
    assert int(r["NumSources"]) <= int(r["NumMentions"]) and int(r["NumArticles"]) <= int(r["NumMentions"])
    assert len(r["SQLDATE"]) == 8 and r["MonthYear"] == r["SQLDATE"][:6] and len(r["DATEADDED"]) == 14
# The geo columns are filled: where events happened, and the actors' countries.
assert any(r["ActionGeo_Lat"] for r in rows) and any(r["Actor1Geo_FullName"] for r in rows)
print("ok", len(rows))
EOF
check "gdelt rows are the deduplicated events with GDELT counts" $(ok "$(grep -q '^ok' "$TMP/gd.check" && echo y)") "$(cat "$TMP/gd.check")"
run export --db "$DB2" --format gdelt --raw --no-header
check "gdelt --raw --no-header: one row per mention" $(ok "$([ "$(echo "$OUT" | wc -l)" = "$MENTIONS" ] && ! echo "$OUT" | grep -q GLOBALEVENTID && echo y)")
run export --db "$DB2" --format plover
PL=$(echo "$OUT" | grep -c . || true)
SKIP=$(echo "$ERR" | sed -n 's/.*; \([0-9]*\) skipped.*/\1/p')
check "plover export: records + skipped = mentions" $(ok "$([ $RC -eq 0 ] && [ $((PL + SKIP)) -eq "$MENTIONS" ] && echo y)") "$PL + $SKIP vs $MENTIONS: $ERR"
check "plover records carry the PLOVER fields" $(ok "$(echo "$OUT" | python3 -c '
import json, sys
types = {"AGREE","CONSULT","SUPPORT","CONCEDE","COOPERATE","AID","RETREAT","REQUEST","ACCUSE","REJECT","THREATEN","PROTEST","SANCTION","MOBILIZE","COERCE","ASSAULT"}
for line in sys.stdin:
    j = json.loads(line)
    for k in ("id", "date", "actor", "event", "quad_code", "text", "cite_info", "coder", "coded_date"): assert k in j, k
    assert j["event"][0] in types and j["actor"][0]["code"]
' && echo y)")
run export --db "$DB2" --format jsonl --source VEN --target GUY
check "jsonl export filtered by dyad" $(ok "$([ $RC -eq 0 ] && [ -n "$OUT" ] && echo "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    j = json.loads(line); assert j["source"]["country"] == "VEN" and j["target"]["country"] == "GUY"
    assert j["event_cluster"]["num_mentions"] >= 1
' && echo y)")

# --- report -----------------------------------------------------------------
run report --db "$DB2" --out "$TMP/report.html" --network "$TMP/net.svg"
check "report writes one self-contained page" $(ok "$([ $RC -eq 0 ] && grep -q '<svg' "$TMP/report.html" && ! grep -qi '<script\|<link\|src="http\|@import' "$TMP/report.html" && echo y)") "$ERR"
check "report has timelines, network, alerts and highlighted evidence" $(ok "$(grep -q 'dyad-timeline' "$TMP/report.html" && grep -q 'dyad-network' "$TMP/report.html" && grep -q 'class="alert"' "$TMP/report.html" && grep -q '<mark class="trg">' "$TMP/report.html" && echo y)")
check "report --network writes well-formed SVG" $(ok "$(python3 -c 'import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$TMP/net.svg" && grep -q 'class="edge"' "$TMP/net.svg" && echo y)")

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
