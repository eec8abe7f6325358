#!/usr/bin/env bash
# The store's schema versions and `ingest --no-text` on the real binary
# (docs/STORE.md): a version 3 store rewritten as version 2 and version 1
# stores (the layouts dyad wrote before) reads the same and, once `ingest`
# has migrated it, answers every read command byte for byte as before; a
# store ingested with --no-text holds no text and says so, and answers the
# commands that need no text as the full store does.
#   store_schema_test.sh BUILD/dyad SOURCE_DIR
set -u
DYAD="$1"
SRC="$2"
. "$(dirname "$0")/lib.sh"
ok() { [ "$1" ] && echo 0 || echo 1; }
sql() { python3 -c 'import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for row in con.execute(sys.argv[2]): print("|".join(str(x) for x in row))' "$1" "$2"; }

IN="$SRC/examples/stories.jsonl"
DB="$TMP/v3.db"
run ingest --db "$DB" "$IN"
check "ingest makes a version 3 store" $(ok "$([ $RC -eq 0 ] && [ "$(sql "$DB" "SELECT value FROM meta WHERE key='schema_version'")" = 3 ] && echo y)") "$ERR"
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
outputs "$DB" "$TMP/o3"
check "the outputs are not empty" $(ok "$([ -s "$TMP/o3/export.jsonl" ] && [ -s "$TMP/o3/report.html" ] && grep -q '<mark class="trg">' "$TMP/o3/report.html" && echo y)")

# A version 3 store rewritten in an older layout (as src/store/old_store_test_util.h).
downgrade() {  # DB VERSION
  python3 - "$1" "$2" <<'PY'
import sqlite3, sys
db, version = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
con.isolation_level = None
con.executescript("""
BEGIN;
CREATE TABLE ev_copy AS SELECT * FROM events;
CREATE TABLE se_copy AS SELECT * FROM sentences;
CREATE TABLE st_copy AS SELECT * FROM stories ORDER BY sid;
DROP VIEW events; DROP VIEW sentences; DROP VIEW denominators;
DROP TABLE mentions; DROP TABLE sentence_rows; DROP TABLE actors; DROP TABLE kinds;
DROP TABLE hows; DROP TABLE places; DROP TABLE stories;
CREATE TABLE stories (
  story_id TEXT PRIMARY KEY, date TEXT NOT NULL, publisher TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
  fingerprint TEXT NOT NULL, sentences INTEGER NOT NULL, sentences_coded INTEGER NOT NULL,
  sentences_discarded INTEGER NOT NULL, invalid_bytes INTEGER NOT NULL,
  events_count INTEGER NOT NULL, coder TEXT NOT NULL, dictionary TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE TABLE sentences (
  story_id TEXT NOT NULL, sentence INTEGER NOT NULL, paragraph INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL, tokens INTEGER NOT NULL,
  heading INTEGER NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (story_id, sentence))
  WITHOUT ROWID;
CREATE TABLE events (
  event_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, sentence INTEGER NOT NULL,
  date TEXT NOT NULL, pub_date TEXT NOT NULL, parent_id TEXT NOT NULL DEFAULT '',
  source_code TEXT NOT NULL, source_name TEXT NOT NULL, source_country TEXT NOT NULL,
  source_group TEXT NOT NULL, source_types TEXT NOT NULL, source_key TEXT NOT NULL,
  source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  target_code TEXT, target_name TEXT, target_country TEXT, target_group TEXT,
  target_types TEXT, target_key TEXT NOT NULL, target_begin INTEGER, target_end INTEGER,
  code TEXT NOT NULL, root TEXT NOT NULL, goldstein REAL, quad_class INTEGER NOT NULL,
  plover TEXT NOT NULL, plover_mode TEXT NOT NULL, text TEXT NOT NULL,
  sentence_begin INTEGER NOT NULL, trigger TEXT NOT NULL, trigger_begin INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL, pattern TEXT NOT NULL, pattern_origin TEXT NOT NULL,
  confidence REAL NOT NULL, notes TEXT NOT NULL, is_root INTEGER NOT NULL, location TEXT,
  date_rule TEXT NOT NULL DEFAULT 'pub_date');
CREATE INDEX events_story ON events(story_id);
CREATE INDEX events_dyad ON events(source_key, target_key, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX stories_date ON stories(date, publisher);
CREATE VIEW denominators AS
  SELECT date AS day, publisher, COUNT(*) AS stories, SUM(sentences) AS sentences,
         SUM(sentences_coded) AS sentences_coded, SUM(events_count) AS events
  FROM stories GROUP BY date, publisher;
INSERT INTO stories SELECT story_id, date, publisher, url, origin, COALESCE(text, ''),
  fingerprint, sentences, sentences_coded, sentences_discarded, invalid_bytes,
  events_count, coder, dictionary, ingested_at FROM st_copy ORDER BY sid;
INSERT INTO sentences SELECT * FROM se_copy;
INSERT INTO events SELECT * FROM ev_copy;
DROP TABLE ev_copy; DROP TABLE se_copy; DROP TABLE st_copy;
""")
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

for v in 2 1; do
  OLD="$TMP/v$v.db"
  cp "$DB" "$OLD"
  downgrade "$OLD" $v
  check "a version $v store made" $(ok "$([ "$(sql "$OLD" "SELECT value FROM meta WHERE key='schema_version'")" = $v ] && [ "$(sql "$OLD" "SELECT count(*) FROM events")" = "$(sql "$DB" 'SELECT count(*) FROM mentions')" ] && echo y)")
  chmod a-w "$OLD"
  outputs "$OLD" "$TMP/o$v"
  D=$(same "$TMP/o3" "$TMP/o$v" $ALL)
  check "version $v store read as it is (read-only file): every output as from version 3" $(ok "$([ -z "$D" ] && echo y)") "$D"
  check "reading leaves it version $v" $(ok "$([ "$(sql "$OLD" "SELECT value FROM meta WHERE key='schema_version'")" = $v ] && echo y)")
  chmod u+w "$OLD"
  run ingest --db "$OLD" "$IN"
  check "ingest migrates version $v to 3 (the stories unchanged)" $(ok "$([ $RC -eq 0 ] && [ "$(sql "$OLD" "SELECT value FROM meta WHERE key='schema_version'")" = 3 ] && echo "$ERR" | grep -q 'stored 0, replaced 0, unchanged 4' && echo y)") "$ERR"
  outputs "$OLD" "$TMP/m$v"
  D=$(same "$TMP/o3" "$TMP/m$v" $ALL)
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
D=$(same "$TMP/o3" "$TMP/on" alerts.json timeline.tsv ven.json export.gdelt-mentions)
check "--no-text: alerts, timelines and the Mentions export as with text" $(ok "$([ -z "$D" ] && echo y)") "$D"
check "--no-text: the report says the sentences are not stored" $(ok "$(grep -q 'the sentence is not stored: the store was ingested with --no-text' "$TMP/on/report.html" && ! grep -q '<mark class="trg">[^<]*</mark>[^<]*</blockquote>\|<blockquote><mark' "$TMP/on/report.html" && [ "$(grep -o '<mark class="trg">' "$TMP/on/report.html" | wc -l)" -lt "$(grep -o '<mark class="trg">' "$TMP/o3/report.html" | wc -l)" ] && echo y)")
check "--no-text: the jsonl export has every event, with no sentence" $(ok "$([ "$(grep -c . "$TMP/on/export.jsonl")" = "$(grep -c . "$TMP/o3/export.jsonl")" ] && python3 -c '
import json, sys
for line in open(sys.argv[1]): assert json.loads(line)["text"] == ""
' "$TMP/on/export.jsonl" && echo y)")
run ingest --db "$NT" --no-text "$IN"
check "--no-text again: every story unchanged" $(ok "$([ $RC -eq 0 ] && echo "$ERR" | grep -q 'unchanged 4' && echo y)") "$ERR"
run ingest --db "$NT" "$IN"
check "with text again: every story stored anew, with its text" $(ok "$([ $RC -eq 0 ] && echo "$ERR" | grep -q 'stored 4, replaced 4' && [ "$(sql "$NT" 'SELECT count(*) FROM stories WHERE text IS NULL')" = 0 ] && echo y)") "$ERR"
outputs "$NT" "$TMP/ot"
D=$(same "$TMP/o3" "$TMP/ot" report.html alerts.json timeline.tsv ven.json export.plover export.jsonl)
check "then every output as from a store ingested with text" $(ok "$([ -z "$D" ] && echo y)") "$D"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
