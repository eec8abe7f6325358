#!/usr/bin/env bash
# Issue 18, a researcher's first day: every command reads every story format
# through one reader; dates as feeds write them, and events dated by their
# sentence; --input-format everywhere; dyad's own events refused as stories;
# a progress line on a terminal; the report's period from the data;
# unknown-actors.
#   firstday_test.sh BUILD/dyad
set -u
DYAD="$1"
. "$(dirname "$0")/lib.sh"
unset DYAD_DATA

# --- one reader: PETRARCH XML in code, ingest, explain, tokenize, unknown-actors ---
cat > "$TMP/s.xml" <<'XML'
<Sentences>
<Sentence date="20250302" id="X-01" sentence="true">
<Text>Venezuelan troops shelled a Guyanese border post.</Text>
</Sentence>
<Sentence date="20250303" id="X-02" sentence="true">
<Text>The Desert Hawks Brigade attacked Guyana.</Text>
</Sentence>
</Sentences>
XML
run code "$TMP/s.xml"; code_xml="$OUT"
check "code reads XML" $([ $RC -eq 0 ] && echo "$OUT" | grep -q '"story_id":"X-01"' && echo 0 || echo 1) "$ERR"
run ingest --db "$TMP/x.db" "$TMP/s.xml"
check "ingest reads the XML code reads (issue 18 item 2)" $([ $RC -eq 0 ] && echo "$ERR" | grep -q "stored 2" && echo 0 || echo 1) "$ERR"
run export --db "$TMP/x.db" --format jsonl
check "ingest stored the events code gives" \
  $([ "$(echo "$OUT" | grep -o '"id":"[0-9a-f]*","story_id"' | sort)" = "$(echo "$code_xml" | grep -o '"id":"[0-9a-f]*","story_id"' | sort)" ] && [ -n "$code_xml" ] && echo 0 || echo 1)
out="$("$DYAD" code < "$TMP/s.xml" 2>/dev/null)"
check "standard input starting with '<' is XML" $([ "$out" = "$code_xml" ] && echo 0 || echo 1)
cp "$TMP/s.xml" "$TMP/s.data"
for cmd in code explain tokenize unknown-actors; do
  run $cmd --input-format xml "$TMP/s.data"
  check "$cmd --input-format xml" $([ $RC -eq 0 ] && echo "$OUT" | grep -q "X-0" && echo 0 || echo 1) "$ERR"
done
run ingest --db "$TMP/y.db" --input-format xml "$TMP/s.data"
check "ingest --input-format xml" $([ $RC -eq 0 ] && echo "$ERR" | grep -q "stored 2" && echo 0 || echo 1) "$ERR"
run ingest --db "$TMP/y.db" --format xml "$TMP/s.data"
check "ingest --format (input) is refused, naming --input-format" \
  $([ $RC -eq 2 ] && echo "$ERR" | grep -q -- "--input-format" && echo 0 || echo 1) "$ERR"

# --- dates as feeds write them; the rest reported by file:line -------------------
cat > "$TMP/d.jsonl" <<'J'
{"id":"iso","date":"2024-02-18T23:30:00-05:00","text":"Hezbollah fired rockets at Israeli army positions."}
{"id":"compact","date":"20240218","text":"Hezbollah fired rockets at Israeli army positions."}
{"id":"rss","date":"Sun, 18 Feb 2024 10:30:00 +0000","text":"Hezbollah fired rockets at Israeli army positions."}
{"id":"bad","date":"18/02/2024","text":"Hezbollah fired rockets at Israeli army positions."}
J
run code "$TMP/d.jsonl"
check "ISO date-times, YYYYMMDD and RFC 2822 are read as the day written" \
  $([ "$(echo "$OUT" | grep -c '"pub_date":"2024-02-18"')" = 3 ] && echo 0 || echo 1) "$OUT"
check "another date is reported by file:line and skipped (exit 1)" \
  $([ $RC -eq 1 ] && echo "$ERR" | grep -q "d.jsonl:4: story \"bad\": date \"18/02/2024\" is not YYYY-MM-DD" && echo 0 || echo 1) "$ERR"

# --- an event's own date from its sentence ----------------------------------------
cat > "$TMP/rel.jsonl" <<'J'
{"id":"r1","date":"2024-02-19","text":"Hezbollah fired rockets at Israeli army positions on Sunday."}
{"id":"r2","date":"2024-02-19","text":"Israeli jets struck Hezbollah positions in southern Lebanon yesterday."}
{"id":"r3","date":"2024-02-19","text":"Israeli jets struck Hezbollah positions in southern Lebanon."}
J
run code "$TMP/rel.jsonl"
check "'on Sunday' dates the event, the story date kept as pub_date" \
  $(echo "$OUT" | grep '"story_id":"r1"' | grep -q '"date":"2024-02-18","pub_date":"2024-02-19","date_rule":"weekday"' && echo 0 || echo 1) "$OUT"
check "'yesterday' dates the event" \
  $(echo "$OUT" | grep '"story_id":"r2"' | grep -q '"date":"2024-02-18","pub_date":"2024-02-19","date_rule":"yesterday"' && echo 0 || echo 1) "$OUT"
check "no expression: the story date, date_rule pub_date" \
  $(echo "$OUT" | grep '"story_id":"r3"' | grep -q '"date":"2024-02-19","pub_date":"2024-02-19","date_rule":"pub_date"' && echo 0 || echo 1) "$OUT"
run code --semantics petrarch "$TMP/rel.jsonl"
check "the reference semantics keep the story date" \
  $(echo "$OUT" | grep '"story_id":"r1"' | grep -q '"date":"2024-02-19"' && echo 0 || echo 1) "$OUT"
run ingest --db "$TMP/rel.db" "$TMP/rel.jsonl"
run export --db "$TMP/rel.db" --format jsonl
check "the store keeps date_rule" $(echo "$OUT" | grep -q '"date":"2024-02-18","pub_date":"2024-02-19","date_rule":"weekday"' && echo 0 || echo 1) "$OUT"
run timeline --db "$TMP/rel.db" LBN ISR --by day
check "the timeline counts the event on its own day" $(echo "$OUT" | grep -q "2024-02-18" && echo 0 || echo 1) "$OUT"

# --- GDELT's Mentions table ----------------------------------------------------------
run export --db "$TMP/rel.db" --format gdelt-mentions
ment="$OUT"
run export --db "$TMP/rel.db" --format gdelt --no-header
evids="$(echo "$OUT" | cut -f1 | sort -u)"
check "gdelt-mentions: 16 columns, a header and one row per mention" \
  $([ "$(echo "$ment" | head -1 | cut -f1,2,16)" = "$(printf 'GLOBALEVENTID\tEventTimeDate\tExtras')" ] \
    && [ "$(echo "$ment" | awk -F'\t' 'NF != 16' | wc -l)" = 0 ] \
    && [ "$(echo "$ment" | tail -n +2 | wc -l)" = "$("$DYAD" export --db "$TMP/rel.db" --format jsonl 2>/dev/null | wc -l)" ] && echo 0 || echo 1) "$ment"
check "gdelt-mentions rows join the event table by GLOBALEVENTID" \
  $([ -z "$(comm -23 <(echo "$ment" | tail -n +2 | cut -f1 | sort -u) <(echo "$evids"))" ] && [ -n "$evids" ] && echo 0 || echo 1)
check "EventTimeDate is the event's day, MentionTimeDate the story's" \
  $(echo "$ment" | grep -q $'\t20240218000000\t20240219000000\t1\t' && echo 0 || echo 1) "$ment"

# --- dyad's own output given as stories -------------------------------------------
"$DYAD" code "$TMP/rel.jsonl" > "$TMP/events.jsonl" 2>/dev/null
run ingest --db "$TMP/e.db" "$TMP/events.jsonl"
check "ingest refuses dyad's events given as stories, by file:line" \
  $([ $RC -eq 1 ] && echo "$ERR" | grep -q "events.jsonl:1: an event written by dyad" && echo "$ERR" | grep -q "stored 0" && echo 0 || echo 1) "$ERR"
run code "$TMP/events.jsonl"
check "so does code" $([ $RC -eq 1 ] && [ -z "$OUT" ] && echo 0 || echo 1) "$ERR"

# --- a progress line on a terminal, silenced by --quiet -----------------------------
for i in $(seq 1 400); do echo "{\"id\":\"p$i\",\"date\":\"2024-01-01\",\"text\":\"Russia attacked Ukraine. Ukraine condemned Russia. Russian troops shelled Kharkiv.\"}"; done > "$TMP/p.jsonl"
if command -v script >/dev/null; then
  # A pseudo-terminal for stderr; the coder slowed by one thread on a big enough input.
  for i in $(seq 1 40); do sed "s/\"id\":\"p/\"id\":\"b$i-/" "$TMP/p.jsonl"; done > "$TMP/big.jsonl"
  script -qec "$DYAD code --threads 1 $TMP/big.jsonl > /dev/null" /dev/null > "$TMP/tty.txt" 2>&1
  check "a progress line on a terminal (stories, sentences/s, events, %, ETA)" \
    $(grep -a -q "dyad code: [0-9,]* stories, [0-9,]* sentences ([0-9,]*/s), [0-9,]* events, [0-9]*%" "$TMP/tty.txt" && echo 0 || echo 1) "$(head -c 300 "$TMP/tty.txt")"
  script -qec "$DYAD code --quiet --threads 1 $TMP/big.jsonl > /dev/null" /dev/null > "$TMP/tty2.txt" 2>&1
  check "--quiet: no progress line, no statistics" $([ ! -s "$TMP/tty2.txt" ] && echo 0 || echo 1) "$(head -c 300 "$TMP/tty2.txt")"
  script -qec "$DYAD ingest --threads 1 --db $TMP/big.db $TMP/big.jsonl" /dev/null > "$TMP/tty3.txt" 2>&1
  check "ingest shows the progress line too" $(grep -a -q "dyad ingest: [0-9,]* stories" "$TMP/tty3.txt" && echo 0 || echo 1) "$(head -c 300 "$TMP/tty3.txt")"
else
  echo "skip progress checks: no script(1)"
fi
run code "$TMP/p.jsonl"
check "no progress line when stderr is no terminal" $(echo "$ERR" | grep -q $'\r' && echo 1 || echo 0)

# --- the report's period from the data ----------------------------------------------
cat > "$TMP/long.jsonl" <<'J'
{"id":"l1","date":"2010-03-01","text":"Russia attacked Ukraine."}
{"id":"l2","date":"2024-03-01","text":"Russia attacked Ukraine."}
J
"$DYAD" ingest --db "$TMP/long.db" "$TMP/long.jsonl" 2>/dev/null
run report --db "$TMP/long.db" --out "$TMP/long.html"
check "a 14-year range is reported by month" $([ $RC -eq 0 ] && grep -q "Monthly periods\|monthly periods" "$TMP/long.html" && echo 0 || echo 1) "$(grep -o '[A-Za-z]*ly periods' "$TMP/long.html" | head -1)"
run report --db "$TMP/rel.db" --out "$TMP/short.html"
check "a few days are reported by day" $(grep -q "aily periods" "$TMP/short.html" && echo 0 || echo 1) "$(grep -o '[A-Za-z]*ly periods' "$TMP/short.html" | head -1)"

# --- unknown-actors -------------------------------------------------------------------
run unknown-actors --format tsv "$TMP/s.xml"
check "unknown-actors lists the unknown group with its count and example (TSV)" \
  $([ $RC -eq 0 ] && echo "$OUT" | head -1 | grep -q "^count	subject	object	phrase" && echo "$OUT" | grep -q "^1	1	0	Desert Hawks Brigade	X-02	0	The Desert Hawks Brigade attacked Guyana." && echo 0 || echo 1) "$OUT"
run unknown-actors "$TMP/s.xml"
check "... and as a dictionary line to complete" $(echo "$OUT" | grep -q "^group ??? : Desert Hawks Brigade    # 1x (1 subject, 0 object)" && echo 0 || echo 1) "$OUT"
check "known actors are not listed" $([ "$(echo "$OUT" | grep -c '^group ')" = 1 ] && echo 0 || echo 1) "$OUT"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
