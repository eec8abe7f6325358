#!/usr/bin/env bash
# The store's schema versions and `ingest --no-text` on the real binary
# (docs/STORE.md): a version 4 store rewritten as version 3, 2 and 1
# stores (the layouts dyad wrote before) reads the same and, once `ingest`
# has migrated it, answers every read command byte for byte as before; a
# store ingested with --no-text holds no text and says so, and answers the
# commands that need no text as the full store does.
#   store_schema_test.sh BUILD/dyad SOURCE_DIR
set -u
DYAD="$1"
SRC="$2"
. "$(dirname "$0")/lib.sh"
sql() { sqlite_rows "$1" "$2"; }

IN="$SRC/examples/stories.jsonl"
DB="$TMP/v4.db"
run ingest --db "$DB" "$IN"
check "ingest makes a version 4 store" $(ok "$([ $RC -eq 0 ] && [ "$(sql "$DB" "SELECT value FROM meta WHERE key='schema_version'")" = 4 ] && echo y)") "$ERR"
check "the stories' text is kept compressed and reads back whole" $(ok "$([ "$(sql "$DB" 'SELECT sum(length(text)) < sum(text_size) FROM stories')" = 1 ] && [ "$(sql "$DB" "SELECT text FROM story_texts WHERE story_id = 'ex-001'")" = "$(python3 -c 'import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r["id"] == "ex-001": print(r["text"])' "$IN")" ] && echo y)")
check "the sqlite3 shell reads the events view" $(ok "$(! command -v sqlite3 >/dev/null || [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE text <> ''")" = "$(sql "$DB" 'SELECT count(*) FROM mentions')" ] && echo y)")
check "the events view shows every mention with its sentence" $(ok "$([ "$(sql "$DB" "SELECT count(*) FROM events WHERE text <> ''")" = "$(sql "$DB" 'SELECT count(*) FROM mentions')" ] && [ "$(sql "$DB" 'SELECT count(*) FROM mentions')" -gt 5 ] && echo y)")

# Every read command's output, into DIR.
outputs() {  # DB DIR
  local db="$1" dir="$2"; mkdir -p "$dir"
  # The page names its store and the minute it was made: not compared.
  "$DYAD" report --db "$db" --out "$dir/report.raw" 2>/dev/null
  sed -e 's|store <b>[^<]*</b>|store <b>STORE</b>|' -e 's| on [0-9-]* [0-9:]* UTC| on TIME UTC|' \
    "$dir/report.raw" > "$dir/report.html"
  "$DYAD" alerts --db "$db" --by day --format json > "$dir/alerts.json" 2>/dev/null
  "$DYAD" timeline --db "$db" '*' '*' --by day > "$dir/timeline.tsv" 2>/dev/null
  "$DYAD" timeline --db "$db" VEN GUY --both --by day --format json > "$dir/ven.json" 2>/dev/null
  for f in gdelt gdelt-mentions plover jsonl; do
    "$DYAD" export --db "$db" --format $f > "$dir/export.$f" 2>/dev/null
  done
}
same() {  # DIR1 DIR2 [FILES...]: all named files identical
  local a="$1" b="$2"; shift 2
  for f in "$@"; do cmp -s "$a/$f" "$b/$f" || { echo "differs: $f"; return 1; }; done
}
ALL="report.html alerts.json timeline.tsv ven.json export.gdelt export.gdelt-mentions export.plover export.jsonl"
outputs "$DB" "$TMP/o4"
check "the outputs are not empty" $(ok "$([ -s "$TMP/o4/export.jsonl" ] && [ -s "$TMP/o4/report.html" ] && grep -q '<mark class="trg">' "$TMP/o4/report.html" && echo y)")

# A version 4 store rewritten in an older layout (tests/fixtures/downgrade_store_v3.sql, then
# downgrade_store.sql for versions 1 and 2, as src/store/old_store_test_util.h does).
downgrade() {  # DB VERSION
  python3 - "$1" "$2" "$SRC/tests/fixtures" <<'PY'
import sqlite3, sys, zlib
db, version = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
con.create_function("sqlar_uncompress", 2, lambda b, n: b if b is None or n <= 0 or len(b) == n else zlib.decompress(b))
con.isolation_level = None
script = "BEGIN;" + open(sys.argv[3] + "/downgrade_store_v3.sql").read()
if version < 3:
    script += open(sys.argv[3] + "/downgrade_store.sql").read()
con.executescript(script)
if version == 2:
    con.execute("""UPDATE events SET text = '' WHERE text <> '' AND CAST(text AS BLOB) = (SELECT
      substr(CAST(s.text AS BLOB), n.begin + 1, n.end - n.begin) FROM stories s JOIN
      sentences n ON n.story_id = s.story_id WHERE s.story_id = events.story_id AND
      n.sentence = events.sentence)""")
con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
con.execute("COMMIT")
con.execute("VACUUM")
PY
}

for v in 3 2 1; do
  OLD="$TMP/v$v.db"
  cp "$DB" "$OLD"
  downgrade "$OLD" $v
  check "a version $v store made" $(ok "$([ "$(sql "$OLD" "SELECT value FROM meta WHERE key='schema_version'")" = $v ] && [ "$(sql "$OLD" "SELECT count(*) FROM events")" = "$(sql "$DB" 'SELECT count(*) FROM mentions')" ] && [ "$(sql "$OLD" "SELECT count(*) FROM sqlite_master WHERE name IN ('batches', 'story_texts')")" = 0 ] && echo y)")
  chmod a-w "$OLD"
  outputs "$OLD" "$TMP/o$v"
  D=$(same "$TMP/o4" "$TMP/o$v" $ALL)
  check "version $v store read as it is (read-only file): every output as from version 4" $(ok "$([ -z "$D" ] && echo y)") "$D"
  check "reading leaves it version $v" $(ok "$([ "$(sql "$OLD" "SELECT value FROM meta WHERE key='schema_version'")" = $v ] && echo y)")
  chmod u+w "$OLD"
  run ingest --db "$OLD" "$IN"
  check "ingest migrates version $v to 4 (the stories unchanged)" $(ok "$([ $RC -eq 0 ] && [ "$(sql "$OLD" "SELECT value FROM meta WHERE key='schema_version'")" = 4 ] && echo "$ERR" | grep -q 'stored 0, replaced 0, unchanged 4' && echo y)") "$ERR"
  outputs "$OLD" "$TMP/m$v"
  D=$(same "$TMP/o4" "$TMP/m$v" $ALL)
  check "migrated from version $v: every output byte for byte as before" $(ok "$([ -z "$D" ] && echo y)") "$D"
  check "migrated from version $v: the same mentions, sentences and stories" $(ok "$([ "$(sql "$OLD" 'SELECT count(*), sum(text = "") FROM mentions')" = "$(sql "$DB" 'SELECT count(*), sum(text = "") FROM mentions')" ] && [ "$(sql "$OLD" 'SELECT * FROM sentences ORDER BY 1, 2')" = "$(sql "$DB" 'SELECT * FROM sentences ORDER BY 1, 2')" ] && [ "$(sql "$OLD" 'SELECT * FROM events ORDER BY event_id')" = "$(sql "$DB" 'SELECT * FROM events ORDER BY event_id')" ] && echo y)")
done

# --- ingest --no-text ----------------------------------------------------------
NT="$TMP/notext.db"
run ingest --db "$NT" --no-text "$IN"
check "ingest --no-text exits 0" $(ok "$([ $RC -eq 0 ] && echo y)") "$ERR"
check "--no-text stores no story text and no sentence" $(ok "$([ "$(sql "$NT" 'SELECT count(*) FROM stories WHERE text IS NOT NULL')" = 0 ] && [ "$(sql "$NT" "SELECT count(*) FROM mentions WHERE text <> ''")" = 0 ] && [ "$(sql "$NT" 'SELECT count(*) FROM mentions')" = "$(sql "$DB" 'SELECT count(*) FROM mentions')" ] && echo y)")
check "--no-text keeps the sentence statistics" $(ok "$([ "$(sql "$NT" 'SELECT sum(sentences), count(*) FROM stories')" = "$(sql "$DB" 'SELECT sum(sentences), count(*) FROM stories')" ] && [ "$(sql "$NT" 'SELECT * FROM sentences ORDER BY 1, 2')" = "$(sql "$DB" 'SELECT * FROM sentences ORDER BY 1, 2')" ] && echo y)")
outputs "$NT" "$TMP/on"
D=$(same "$TMP/o4" "$TMP/on" alerts.json timeline.tsv ven.json export.gdelt-mentions)
check "--no-text: alerts, timelines and the Mentions export as with text" $(ok "$([ -z "$D" ] && echo y)") "$D"
check "--no-text: the report says the sentences are not stored" $(ok "$(grep -q 'the sentence is not stored: the store was ingested with --no-text' "$TMP/on/report.html" && ! grep -q '<mark class="trg">[^<]*</mark>[^<]*</blockquote>\|<blockquote><mark' "$TMP/on/report.html" && [ "$(grep -o '<mark class="trg">' "$TMP/on/report.html" | wc -l)" -lt "$(grep -o '<mark class="trg">' "$TMP/o4/report.html" | wc -l)" ] && echo y)")
check "--no-text: the jsonl export has every event, with no sentence" $(ok "$([ "$(grep -c . "$TMP/on/export.jsonl")" = "$(grep -c . "$TMP/o4/export.jsonl")" ] && python3 -c '
import json, sys
for line in open(sys.argv[1]): assert json.loads(line)["text"] == ""
' "$TMP/on/export.jsonl" && echo y)")
run ingest --db "$NT" --no-text "$IN"
check "--no-text again: every story unchanged" $(ok "$([ $RC -eq 0 ] && echo "$ERR" | grep -q 'unchanged 4' && echo y)") "$ERR"
run ingest --db "$NT" "$IN"
check "with text again: every story stored anew, with its text" $(ok "$([ $RC -eq 0 ] && echo "$ERR" | grep -q 'stored 4, replaced 4' && [ "$(sql "$NT" 'SELECT count(*) FROM stories WHERE text IS NULL')" = 0 ] && echo y)") "$ERR"
outputs "$NT" "$TMP/ot"
D=$(same "$TMP/o4" "$TMP/ot" report.html alerts.json timeline.tsv ven.json export.plover export.jsonl)
check "then every output as from a store ingested with text" $(ok "$([ -z "$D" ] && echo y)") "$D"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
