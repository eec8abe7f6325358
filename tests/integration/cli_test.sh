#!/usr/bin/env bash
# Integration tests of the dyad CLI: exit codes, bad input, stdin, statistics.
#   cli_test.sh BUILD/dyad SOURCE_DIR
# Prints one line per check and "N passed, M failed" at the end; exits 1 on failure.
set -u
DYAD="$1"
SRC="$2"
. "$(dirname "$0")/lib.sh"

# --help and usage errors
run --help; check "top-level --help exits 0" $([ $RC -eq 0 ] && echo 0 || echo 1)
for c in code tokenize check-dict eval; do
  run $c --help
  check "$c --help exits 0 and describes the command" $([ $RC -eq 0 ] && [ -n "$OUT" ] && echo 0 || echo 1)
done
run code --no-such-flag; check "unknown flag exits 2" $([ $RC -eq 2 ] && echo 0 || echo 1) "rc=$RC"
run; check "no command exits 2" $([ $RC -eq 2 ] && echo 0 || echo 1) "rc=$RC"
run code --format xls "$SRC/examples/stories.jsonl"; check "bad --format exits 2" $([ $RC -eq 2 ] && echo 0 || echo 1) "rc=$RC"
run code --date 2024-13-45 "$SRC/examples/border-crisis.txt"; check "bad --date exits 2" $([ $RC -eq 2 ] && echo 0 || echo 1) "rc=$RC"

# good input: exit 0, statistics line on stderr, JSON events on stdout
run code "$SRC/examples/stories.jsonl"
check "good JSONL exits 0" $([ $RC -eq 0 ] && echo 0 || echo 1) "rc=$RC err=$ERR"
check "statistics line counts 4 stories" $(echo "$ERR" | grep -q "stories 4 (coded 4, rejected 0), sentences 7" && echo 0 || echo 1) "$ERR"
check "every output line is a JSON event with a code" $(echo "$OUT" | python3 -c '
import sys, json
n = 0
for line in sys.stdin:
    e = json.loads(line); n += 1
    assert e["code"] and e["root"] == e["code"][:2] and e["source"]["code"]
sys.exit(0 if n > 0 else 1)' && echo 0 || echo 1)

# plain text: needs --date; with it, codes
run code "$SRC/examples/border-crisis.txt"
check "plain text without --date is reported (exit 1)" $([ $RC -eq 1 ] && echo "$ERR" | grep -q "border-crisis.txt:1: a plain-text story needs its date" && echo 0 || echo 1) "$ERR"
run code --date 2025-03-14 "$SRC/examples/border-crisis.txt"
check "plain text with --date exits 0 and codes events" $([ $RC -eq 0 ] && [ -n "$OUT" ] && echo 0 || echo 1) "rc=$RC"

# TSV: header row, 28 columns (21, then the location's 7), tabs/newlines escaped
run code --format tsv "$SRC/examples/stories.jsonl"
check "tsv has a header row" $(echo "$OUT" | head -1 | grep -q "^id	story_id	sentence" && echo 0 || echo 1)
check "tsv rows all have 28 columns" $(echo "$OUT" | awk -F'\t' 'NF != 28 {bad=1} END {exit bad}' && echo 0 || echo 1)
printf '{"id":"tab","date":"2024-05-01","text":"Russia attacked\\tUkraine on Monday.\\nRussia shelled Kharkiv."}\n' > "$TMP/tab.jsonl"
run code --format tsv "$TMP/tab.jsonl"
check "tsv escapes tabs and newlines inside fields" $(echo "$OUT" | awk -F'\t' 'NF != 28 {bad=1} END {exit bad}' && echo 0 || echo 1)

# bad input: every problem reported as file:line, the rest still processed
{
  echo '{"id":"a1","date":"2024-03-01","text":"Russia attacked Ukraine on Monday."}'
  echo '{"id":"a2","date":"2024-03-01","text": broken json'
  echo '{"id":"a3","text":"No date here."}'
  echo '{"id":"a4","date":"2024-02-30","text":"Bad date."}'
  printf '{"id":"a5","date":"2024-03-01","text":"Invalid \xff\xfe bytes. Russia attacked Ukraine."}\n'
  echo '["not", "an", "object"]'
  echo '{"id":"a7","date":"2024-03-01","text":"Russia attacked Ukraine on Tuesday."}'
} > "$TMP/mixed.jsonl"
run code "$TMP/mixed.jsonl"
check "malformed input exits 1" $([ $RC -eq 1 ] && echo 0 || echo 1) "rc=$RC"
check "malformed JSON reported with file:line" $(echo "$ERR" | grep -q "mixed.jsonl:2: malformed JSON" && echo 0 || echo 1) "$ERR"
check "story without date reported" $(echo "$ERR" | grep -q 'mixed.jsonl:3: story has no "date"' && echo 0 || echo 1)
check "impossible date reported" $(echo "$ERR" | grep -q 'mixed.jsonl:4: .*2024-02-30' && echo 0 || echo 1)
check "invalid UTF-8 reported and still coded" $(echo "$ERR" | grep -q 'mixed.jsonl:5: invalid UTF-8' && echo "$OUT" | grep -q '"story_id":"a5"' && echo 0 || echo 1)
check "non-object line reported" $(echo "$ERR" | grep -q 'mixed.jsonl:6: a story must be a JSON object' && echo 0 || echo 1)
check "stories after bad lines are still coded" $(echo "$OUT" | grep -q '"story_id":"a7"' && echo 0 || echo 1)
check "stories in = coded + rejected (7 = 3 + 4)" $(echo "$ERR" | grep -q "stories 7 (coded 3, rejected 4)" && echo 0 || echo 1) "$ERR"

# empty file and a 10 MB line
: > "$TMP/empty.jsonl"
run code "$TMP/empty.jsonl"
check "empty file reported, exit 1" $([ $RC -eq 1 ] && echo "$ERR" | grep -q "empty.jsonl: empty file" && echo 0 || echo 1) "$ERR"
python3 -c '
import json
print(json.dumps({"id":"big","date":"2024-01-01","text":"Russia attacked Ukraine. " * 420000}))
print(json.dumps({"id":"after","date":"2024-01-01","text":"Russia attacked Ukraine on Monday."}))' > "$TMP/big.jsonl"
run code "$TMP/big.jsonl"
check "10 MB line reported as too long, next story coded" $([ $RC -eq 1 ] && echo "$ERR" | grep -q "big.jsonl:1: line of .* bytes is over the limit" && echo "$OUT" | grep -q '"story_id":"after"' && echo 0 || echo 1) "$ERR"
head -c 200000 /dev/urandom > "$TMP/junk.bin"
run code --date 2024-01-01 "$TMP/junk.bin"
check "binary junk does not crash (exit 0 or 1)" $([ $RC -le 1 ] && echo 0 || echo 1) "rc=$RC"

# stdin: JSON Lines detected by '{', plain text otherwise
OUT="$(cat "$SRC/examples/stories.jsonl" | "$DYAD" code 2>"$TMP/err")"; RC=$?
check "stdin JSON Lines is detected" $([ $RC -eq 0 ] && grep -q "stories 4" "$TMP/err" && echo 0 || echo 1)
OUT="$(echo 'Russia attacked Ukraine on Monday.' | "$DYAD" code --date 2024-03-01 2>"$TMP/err")"; RC=$?
check "stdin plain text is one story" $([ $RC -eq 0 ] && grep -q "stories 1" "$TMP/err" && echo 0 || echo 1) "$(cat "$TMP/err")"

# determinism: the same input gives byte-identical output
a="$("$DYAD" code "$SRC/examples/stories.jsonl" 2>/dev/null | md5sum)"
b="$("$DYAD" code "$SRC/examples/stories.jsonl" 2>/dev/null | md5sum)"
check "output is byte-identical across runs" $([ "$a" = "$b" ] && echo 0 || echo 1)

# threads: identical output, in order, for 1, 2 and 4 threads (many batches)
python3 - "$SRC/examples/stories.jsonl" > "$TMP/many.jsonl" <<'PY'
import json, sys
base = [json.loads(l) for l in open(sys.argv[1])]
for i in range(600):
    s = dict(base[i % len(base)]); s["id"] = f"{s['id']}-{i}"
    print(json.dumps(s))
PY
t1="$("$DYAD" code --threads 1 "$TMP/many.jsonl" 2>/dev/null | md5sum)"
t2="$("$DYAD" code --threads 2 "$TMP/many.jsonl" 2>/dev/null | md5sum)"
t4="$("$DYAD" code --threads 4 "$TMP/many.jsonl" 2>/dev/null | md5sum)"
n1="$("$DYAD" code --threads 1 "$TMP/many.jsonl" 2>/dev/null | wc -l)"
check "output identical for 1, 2 and 4 threads ($n1 events)" $([ "$t1" = "$t2" ] && [ "$t1" = "$t4" ] && [ "$n1" -gt 0 ] && echo 0 || echo 1)

# tokenize
run tokenize "$SRC/examples/stories.jsonl"
check "tokenize prints sentences with token offsets" $([ $RC -eq 0 ] && echo "$OUT" | head -1 | python3 -c '
import sys, json
s = json.loads(sys.stdin.readline()); t = s["tokens"][0]
assert s["story_id"] == "ex-001" and t["t"] == "Venezuela" and t["b"] == 0 and t["e"] == 9' && echo 0 || echo 1)

# check-dict: clean on data/, reports file:line on a bad folder
run check-dict "$SRC/data"
check "check-dict is clean on data/" $([ $RC -eq 0 ] && echo "$OUT" | grep -q "^errors 0" && echo 0 || echo 1) "$ERR"
mkdir -p "$TMP/baddict/dict"
printf 'country XX : Nowhere\nverb 999 : frobnicate\nagent MIL : soldier\nwidget RUS : Moscow\n' > "$TMP/baddict/dict/bad.dict"
run check-dict "$TMP/baddict"
check "check-dict reports bad lines as file:line and exits 1" $([ $RC -eq 1 ] && echo "$ERR" | grep -q "bad.dict:1: bad actor code" && echo "$ERR" | grep -q "bad.dict:2: unknown CAMEO event code '999'" && echo "$ERR" | grep -q "bad.dict:4: unknown kind 'widget'" && echo 0 || echo 1) "$ERR"

# validate: a small TABARI project, coded with TABARI's algorithm; an OPTION:
# record changes the options for the records after it and is not scored.
mkdir -p "$TMP/tab"
printf 'ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n' > "$TMP/tab/t.actors"
printf 'ATTACK [223]\nCONDEMN [122]\n' > "$TMP/tab/t.verbs"
printf 'SET: MINIMUM WORDS = 3\n' > "$TMP/tab/t.options"
cat > "$TMP/tab/t.text" <<'TXT'
950101  T-01
Arnor attacked Gondor on Monday and Rohan condemned Arnor.
/*
{ ARN / GON / 223 }
{ ROH / ARN / 122 } */

950101  T-Option
Coding by sentence from here on.
/*
{ OPTION: SET: CODE BY SENTENCE } */

950101  T-02
Arnor attacked Gondor on Monday and Rohan condemned Arnor.
/* { ARN / GON / 223 } */

950101  T-03
Arnor attacked Gondor on Monday.
/* -{ ARN / ROH / 999 } not checked */

950101  T-04
Arnor attacked Gondor on Monday.
/* { ROH / GON / 223 } */
TXT
printf '<actorsfile> t.actors\n<verbsfile> t.verbs\n<optionsfile> t.options\n<textfile> t.text\n' > "$TMP/tab/t.project"
run validate "$TMP/tab/t.project"
check "validate codes a TABARI project with its options (3 passed, 1 failed)" $(echo "$OUT" | tail -1 | grep -q "^3 passed, 1 failed$" && echo "$OUT" | grep -q "^FAIL T-04: expected ROH>GON:223 got ARN>GON:223" && echo 0 || echo 1) "$OUT"
run validate "$TMP/tab/t.project" --min-pass 0.9
check "validate --min-pass below the rate exits 1" $([ $RC -eq 1 ] && echo 0 || echo 1) "rc=$RC"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
