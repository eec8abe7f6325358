#!/usr/bin/env bash
# Bad and hostile input against the CLI (issue 17): every run ends in bounded
# time, and every problem is reported as file:line while the rest is read.
#   robustness_test.sh BUILD/dyad SOURCE_DIR
# Prints one line per check and "N passed, M failed" at the end; exits 1 on failure.
set -u
DYAD="$1"
SRC="$2"
. "$(dirname "$0")/lib.sh"

# run with a time limit: a reader that loops fails the check (RC 124).
trun() {
  timeout 20 "$DYAD" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  RC=$?
  OUT="$(cat "$TMP/out")"
  ERR="$(cat "$TMP/err")"
}

# PETRARCH XML: an end tag with no '>' used to restart the reader at byte 0
# forever (the 52-byte file of the issue), in `code` and in `validate`.
printf '<Sentence date="20150102" id="X"><EventCoding></EventCoding' > "$TMP/cut.xml"
trun code "$TMP/cut.xml"
check "xml: unterminated end tag ends (code), reported by file:line" $([ $RC -eq 1 ] && echo "$ERR" | grep -q 'cut.xml:1: tag </EventCoding is not closed; record "X"' && echo 0 || echo 1) "rc=$RC $ERR"
trun validate "$TMP/cut.xml"
check "xml: unterminated end tag ends (validate)" $([ $RC -ne 124 ] && echo "$ERR" | grep -q 'cut.xml:1: tag </EventCoding is not closed' && echo 0 || echo 1) "rc=$RC $ERR"
{
  printf '<Sentences>\n<Sentence date="20150102" id="A"><Text>Russia attacked Ukraine.</Text></Sentence>\n'
  printf '<!-- unfinished note\n<Sentence date="20150102" id="B"><Text>Russia attacked Ukraine.</Text></Sentence>\n'
} > "$TMP/comment.xml"
trun code "$TMP/comment.xml"
check "xml: unterminated comment reported, earlier record coded" $([ $RC -eq 1 ] && echo "$ERR" | grep -q 'comment.xml:3: comment <!-- is not closed; the rest of the file skipped' && echo "$OUT" | grep -q '"story_id":"A"' && echo 0 || echo 1) "rc=$RC $ERR"
printf '<Sentences><Sentence date="20150102" id="U"><Text>Bad \xff byte. Russia attacked Ukraine.</Text></Sentence></Sentences>\n' > "$TMP/utf8.xml"
trun code "$TMP/utf8.xml"
check "xml: invalid UTF-8 reported, story still coded" $(echo "$ERR" | grep -q 'utf8.xml:1: invalid UTF-8 in record "U"' && echo "$OUT" | grep -q '"story_id":"U"' && echo 0 || echo 1) "rc=$RC $ERR"

# Dates: years outside 1800-2200 (0000, 9999, a negative year that read out
# of bounds) are rejected by file:line in every reader; the rest is coded.
{
  echo '{"id":"y0","date":"0000-01-01","text":"Russia attacked Ukraine."}'
  echo '{"id":"y9","date":"9999-12-31","text":"Russia attacked Ukraine."}'
  echo '{"id":"yn","date":"-001-01-01","text":"Russia attacked Ukraine."}'
  echo '{"id":"ok","date":"2024-03-01","text":"Russia attacked Ukraine."}'
} > "$TMP/years.jsonl"
trun code "$TMP/years.jsonl"
check "dates: years 0000, 9999 and -001 rejected by file:line (jsonl)" $(echo "$ERR" | grep -q 'years.jsonl:1: .*0000-01-01' && echo "$ERR" | grep -q 'years.jsonl:2: .*9999-12-31' && echo "$ERR" | grep -q 'years.jsonl:3: .*-001-01-01' && echo "$ERR" | grep -q 'stories 4 (coded 1, rejected 3)' && echo 0 || echo 1) "$ERR"
printf '<Sentences>\n<Sentence date="99990101" id="far"><Text>Russia attacked Ukraine.</Text></Sentence>\n</Sentences>\n' > "$TMP/years.xml"
trun code "$TMP/years.xml"
check "dates: year 9999 rejected by file:line (xml)" $(echo "$ERR" | grep -q 'years.xml:2: record "far": date "99990101"' && echo 0 || echo 1) "$ERR"
trun code --date 0000-01-01 "$SRC/examples/border-crisis.txt"
check "dates: --date with year 0000 is a usage error" $([ $RC -eq 2 ] && echo 0 || echo 1) "rc=$RC $ERR"

# The HTML report links only http(s) story URLs (a javascript: URL ran on
# click) and carries a Content-Security-Policy.
{
  echo '{"id":"evil","date":"2024-03-01","url":"javascript:alert(document.cookie)","text":"Russia attacked Ukraine."}'
  echo '{"id":"good","date":"2024-03-01","url":"https://example.org/a","text":"Russia attacked Ukraine."}'
} > "$TMP/urls.jsonl"
trun ingest --db "$TMP/urls.db" "$TMP/urls.jsonl"
trun report --db "$TMP/urls.db" --by day --out "$TMP/urls.html"
check "report: no javascript: link, the https one kept" $([ $RC -eq 0 ] && ! grep -q 'javascript:' "$TMP/urls.html" && grep -q '<a href="https://example.org/a">source</a>' "$TMP/urls.html" && echo 0 || echo 1) "rc=$RC $ERR"
check "report: page has a Content-Security-Policy" $(grep -q '<meta http-equiv="Content-Security-Policy" content="default-src' "$TMP/urls.html" && echo 0 || echo 1)

# A bad number in a data table is an error naming file:line, not an uncaught
# std::stoi (std::terminate when WordNet loads on its own thread).
mkdir -p "$TMP/tables/dict"
cp -r "$SRC/data/cameo" "$SRC/data/lexicon" "$TMP/tables/"
echo 'verb 190 : fight' > "$TMP/tables/dict/t.dict"
sed -i '10s/.*/attack\t12\tmany/' "$TMP/tables/lexicon/wordnet-verbs.tsv"
echo '{"id":"a","date":"2024-03-01","text":"Russia attacked Ukraine."}' > "$TMP/one.jsonl"
trun code --threads 2 --no-default-dict --dict "$TMP/tables" "$TMP/one.jsonl"
check "tables: bad WordNet count is file:line, no abort (2 threads)" $([ $RC -ne 134 ] && [ $RC -ne 0 ] && echo "$ERR" | grep -q "wordnet-verbs.tsv:10: noun count 'many' is not a number" && echo 0 || echo 1) "rc=$RC $ERR"

# Two ingests creating the same new store at once both succeed (one in five
# used to fail at once with "database is locked").
bad=0
for round in $(seq 1 10); do
  rm -f "$TMP/two.db" "$TMP/two.db-wal" "$TMP/two.db-shm"
  "$DYAD" ingest --db "$TMP/two.db" "$SRC/examples/stories.jsonl" >/dev/null 2>"$TMP/ia" &
  pa=$!
  "$DYAD" ingest --db "$TMP/two.db" "$SRC/examples/stories.jsonl" >/dev/null 2>"$TMP/ib" &
  pb=$!
  wait $pa; ra=$?
  wait $pb; rb=$?
  if [ $ra -ne 0 ] || [ $rb -ne 0 ]; then bad=$((bad + 1)); echo "round $round: $(cat "$TMP/ia" "$TMP/ib")"; fi
done
check "store: two ingests at once into a fresh store both succeed (10 rounds)" $bad "$bad rounds failed"

# Reading commands open the store read-only: a store in a folder the user
# cannot write can be read (root ignores modes: run them as nobody then).
mkdir -p "$TMP/ro"
"$DYAD" ingest --db "$TMP/ro/s.db" "$SRC/examples/stories.jsonl" 2>/dev/null
chmod 444 "$TMP/ro/s.db"
chmod 555 "$TMP/ro"
chmod 755 "$TMP"
AS=()
if [ "$(id -u)" -eq 0 ]; then AS=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
ro() {  # ro NAME ARGS...: runs dyad ARGS on the read-only store
  local name="$1"
  shift
  "${AS[@]}" timeout 20 "$DYAD" "$@" --db "$TMP/ro/s.db" >/dev/null 2>"$TMP/ro.err"
  local rc=$?
  check "store: '$name' reads a store in a read-only folder" $([ $rc -eq 0 ] && echo 0 || echo 1) "rc=$rc $(cat "$TMP/ro.err")"
}
ro timeline timeline '*' '*'
ro alerts alerts
ro export export
mkdir -p "$TMP/pub" && chmod 777 "$TMP/pub"
ro report report --out "$TMP/pub/report.html"
"${AS[@]}" "$DYAD" ingest --db "$TMP/ro/s.db" "$SRC/examples/stories.jsonl" >/dev/null 2>&1
check "store: (the folder is read-only: ingest fails)" $([ $? -ne 0 ] && echo 0 || echo 1)
chmod 755 "$TMP/ro"

# A directory or a device as input is named for what it is, not "empty file".
mkdir -p "$TMP/adir"
trun code --date 2024-01-01 "$TMP/adir"
check "input: a directory is reported as one" $([ $RC -eq 1 ] && echo "$ERR" | grep -q "adir: is a directory, not a file of stories" && echo 0 || echo 1) "rc=$RC $ERR"
trun code /dev/null
check "input: /dev/null is reported as a device" $([ $RC -eq 1 ] && echo "$ERR" | grep -q "^/dev/null: is a device, not a file of stories" && echo 0 || echo 1) "rc=$RC $ERR"
trun code --input-format xml /dev/null
check "input: /dev/null as XML is reported as a device" $([ $RC -eq 1 ] && echo "$ERR" | grep -q "^/dev/null: is a device" && echo 0 || echo 1) "rc=$RC $ERR"

# --threads has an upper bound (256): past it, a usage error before any work.
trun code --threads 100000 "$SRC/examples/stories.jsonl"
check "threads: code --threads 100000 is a usage error" $([ $RC -eq 2 ] && echo "$ERR" | grep -q "threads: Value 100000 not in range 0 to 256" && [ -z "$OUT" ] && echo 0 || echo 1) "rc=$RC $ERR"
trun ingest --db "$TMP/threads.db" --threads 257 "$SRC/examples/stories.jsonl"
check "threads: ingest --threads 257 is a usage error, no store made" $([ $RC -eq 2 ] && [ ! -e "$TMP/threads.db" ] && echo 0 || echo 1) "rc=$RC $ERR"
trun code --threads 256 "$SRC/examples/stories.jsonl"
check "threads: code --threads 256 runs" $([ $RC -eq 0 ] && echo 0 || echo 1) "rc=$RC $ERR"

# Control characters of ids and dates are escaped in messages.
echo '{"id":"esc\u001b[2J","date":"2024-01-0\u0007","text":"Russia attacked Ukraine."}' > "$TMP/esc.jsonl"
trun code "$TMP/esc.jsonl"
check "messages: control characters in id and date escaped" $(echo "$ERR" | grep -qF 'esc.jsonl:1: story "esc\x1B[2J": date "2024-01-0\x07"' && ! grep -q "$(printf '\033')" "$TMP/err" && echo 0 || echo 1) "$ERR"

# validate: a record with no <Text> fails (it passed as "no events").
mkdir -p "$TMP/val"
printf 'ARNOR [ARN]\nGONDOR [GON]\n' > "$TMP/val/a.actors.txt"
printf -- '--- RESTORE [064] ---\nRESTORE\n- * TIES WITH + [064]\n' > "$TMP/val/v.verbs.txt"
cat > "$TMP/val/s.xml" <<'XML'
<Validation><Environment><Verbfile>v.verbs.txt</Verbfile><Actorfile>a.actors.txt</Actorfile></Environment>
<Sentences>
<Sentence date="19950101" id="T-01" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>
<Text>Arnor restored ties with Gondor.</Text>
</Sentence>
<Sentence date="19950101" id="T-02" category="DEMO">
<EventCoding noevents="True"/>
</Sentence>
<Sentence date="19950101" id="T-03" category="DEMO">
<Text>Arnor met the weather.</Text>
</Sentence>
</Sentences></Validation>
XML
trun validate "$TMP/val/s.xml"
check "validate: a record with no <Text> fails (1 passed, 1 failed)" $(echo "$OUT" | grep -q "^FAIL T-02: no <Text>$" && echo "$OUT" | tail -1 | grep -q "^1 passed, 1 failed$" && echo "$ERR" | grep -q 's.xml:7: record "T-02" has no <Text>' && echo 0 || echo 1) "$OUT $ERR"
# ... and one with no expectation is neither passed nor failed (it passed as "no events").
check "validate: a record with no expectation is reported and not counted" $(echo "$ERR" | grep -q 's.xml:10: record "T-03" has no expectation; not checked' && echo "$OUT" | grep -q "^records with no expectation (not checked, not counted): 1$" && ! echo "$OUT" | grep -q "T-03" && echo 0 || echo 1) "$OUT $ERR"

# JSON Lines: the line limit is checked while reading. A 100 MB line is
# reported with its length and skipped without being held (peak memory
# within 32 MB of a run on one small story), and the next line is coded.
longline() {  # longline BYTES: one record of BYTES (a long text), then a good record
  python3 -c '
import sys
n = int(sys.argv[1]); chunk = "x" * (1 << 20)
head = "{\"id\":\"big\",\"date\":\"2024-01-01\",\"text\":\""
sys.stdout.write(head); n -= len(head) + 2
while n > 0:
    k = min(n, len(chunk)); sys.stdout.write(chunk[:k]); n -= k
sys.stdout.write("\"}\n{\"id\":\"after\",\"date\":\"2024-01-01\",\"text\":\"Russia attacked Ukraine.\"}\n")' "$1"
}
small=$(longline 10 | /usr/bin/time -f "%M" "$DYAD" code --threads 1 2>&1 >/dev/null | tail -1)
longline 100000000 | /usr/bin/time -f "%M" "$DYAD" code --threads 1 >"$TMP/long.out" 2>"$TMP/long.err"
large=$(tail -1 "$TMP/long.err")
check "jsonl: a 100 MB line is reported with its length, the next line coded" $(grep -q "<stdin>:1: line of 100000000 bytes is over the limit of 4194304 bytes; story skipped" "$TMP/long.err" && grep -q '"story_id":"after"' "$TMP/long.out" && echo 0 || echo 1) "$(head -c 300 "$TMP/long.err")"
check "jsonl: a 100 MB line is not held (peak ${small} KB vs ${large} KB)" $([ $((large - small)) -le 32768 ] && echo 0 || echo 1)

# Plain text: a story over the limit is not held either (100 MB on stdin).
python3 -c 'import sys; sys.stdout.write(("Russia attacked Ukraine. " * 40000 + "\n") * 100)' > "$TMP/long.txt"
big=$(stat -c %s "$TMP/long.txt")
/usr/bin/time -f "%M" "$DYAD" code --threads 1 --date 2024-01-01 < "$TMP/long.txt" >/dev/null 2>"$TMP/longtxt.err"
large=$(tail -1 "$TMP/longtxt.err")
check "text: a 100 MB story is reported with its size and not held (peak ${small} KB vs ${large} KB)" $(grep -q "<stdin>:1: story of $big bytes is over the limit of 4194304 bytes; skipped" "$TMP/longtxt.err" && [ $((large - small)) -le 32768 ] && echo 0 || echo 1) "$(head -c 300 "$TMP/longtxt.err")"

# PETRARCH XML is read record by record: 100 MB of XML (1,000 records with
# 100 KB <Parse> trees) is not held (it cost 517 MB read whole), and a
# <Text> over the 4 MiB limit is reported by file:line and skipped.
python3 -c '
import sys
parse = "(ROOT " + "(NP (NN x)) " * 8000 + ")"
w = sys.stdout.write
w("<Sentences>\n")
for i in range(1000):
    w("<Sentence date=\"20150102\" id=\"r%d\">\n<Text>Russia attacked Ukraine.</Text>\n<Parse>%s</Parse>\n</Sentence>\n" % (i, parse))
w("<Sentence date=\"20150102\" id=\"huge\">\n<Text>" + "Russia attacked Ukraine. " * 200000 + "</Text>\n</Sentence>\n")
w("<Sentence date=\"20150102\" id=\"last\"><Text>Russia attacked Ukraine.</Text></Sentence>\n</Sentences>\n")
' > "$TMP/big.xml"
/usr/bin/time -f "%M" "$DYAD" code --threads 1 "$TMP/big.xml" >"$TMP/bigxml.out" 2>"$TMP/bigxml.err"
large=$(tail -1 "$TMP/bigxml.err")
check "xml: $(($(stat -c %s "$TMP/big.xml") / 1000000)) MB of XML read record by record (peak ${small} KB vs ${large} KB)" $([ $((large - small)) -le 32768 ] && [ "$(grep -c '"story_id":"r' "$TMP/bigxml.out")" -eq 1000 ] && grep -q '"story_id":"last"' "$TMP/bigxml.out" && echo 0 || echo 1) "$(head -c 300 "$TMP/bigxml.err")"
check "xml: a <Text> over the limit is reported by file:line, its record skipped" $(grep -q 'big.xml:4003: element <Text> is over the limit of 4194304 bytes; record "huge" skipped' "$TMP/bigxml.err" && ! grep -q '"story_id":"huge"' "$TMP/bigxml.out" && echo 0 || echo 1) "$(head -c 300 "$TMP/bigxml.err")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
