#!/usr/bin/env bash
# Instructions per sentence of `dyad code --threads 1`, in total and per stage,
# counted by valgrind's callgrind (Debian package valgrind: apt-get install
# valgrind). Instruction counts do not depend on the machine's load, so two
# binaries can be compared on a busy host.
#
#   bench/callgrind.sh [--dyad PATH] [--corpus FILE] [--sentences N] [--keep DIR]
#                      [-- EXTRA dyad code ARGS]
#
#   --dyad PATH      the binary (default: build/dyad); a Release build with
#                    symbols (any build type works; -O3 inlines small functions
#                    into their callers' stages)
#   --corpus FILE    the corpus (default: the first N sentences' worth of
#                    stories, made by scripts/make_corpus.py --shared ../shared
#                    with run_corpus.sh's seed, else from the project's own
#                    sentences)
#   --sentences N    size of the default corpus (default 5000)
#   --keep DIR       keep callgrind.out there
#
# Prints the program's total, the dictionary load, and for each stage its
# inclusive instruction count per coded sentence:
#   read       JSON Lines record parsing (io::ParseRecord)
#   language   the English guess before coding (text::GuessEnglish)
#   text       normalise, tokenise, split sentences (AnalyzeText, as the coder calls it;
#              the load tokenises dictionary phrases too, counted in the load)
#   parse      tagging, dictionary phrases, verb groups (parse::Parse)
#   code       phrases, actors, events: SentenceCoder::Run less its parse
#   lexicon    Lexicon look-ups outside the load (part of parse and code)
#   write      JSON/TSV records (io writers)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
dyad="$root/build/dyad"
corpus=""
sentences=5000
keep=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dyad) dyad="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --sentences) sentences="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "callgrind.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v valgrind > /dev/null || { echo "callgrind.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[ -x "$dyad" ] || { echo "callgrind.sh: no dyad binary at $dyad" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "$corpus" ]; then
  shared="$(cd "$root/.." && pwd)/shared"
  corpus="$tmp/corpus.jsonl"
  if [ -d "$shared" ]; then
    python3 "$root/scripts/make_corpus.py" --sentences "$sentences" --shared "$shared" \
        --source "wire sentences from ../shared" -o "$corpus" 2> /dev/null
    echo "corpus:   $sentences+ sentences dealt from every distinct sentence of ../shared"
  else
    python3 "$root/scripts/make_corpus.py" --sentences "$sentences" -o "$corpus" 2> /dev/null
    echo "corpus:   $sentences+ sentences dealt from the project's own sentences (no ../shared)"
  fi
fi
out="${keep:-$tmp}/callgrind.out"
mkdir -p "$(dirname "$out")"
valgrind --tool=callgrind --callgrind-out-file="$out" "$dyad" code --threads 1 "${extra[@]}" \
    "$corpus" > /dev/null 2> "$tmp/stderr" || { tail -5 "$tmp/stderr" >&2; exit 1; }
stats="$(grep -E 'sentences [0-9]+' "$tmp/stderr" | tail -1)"
echo "binary:   $dyad"
echo "dyad:     $stats"
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2> /dev/null > "$tmp/inclusive"
callgrind_annotate --tree=calling --threshold=100 "$out" 2> /dev/null > "$tmp/calling"
/usr/bin/python3 - "$tmp/inclusive" "$tmp/calling" "$stats" <<'PY'
import re, sys
inclusive = open(sys.argv[1], encoding="utf-8", errors="replace").read()
calling = open(sys.argv[2], encoding="utf-8", errors="replace").read()
m = re.search(r"sentences (\d+)", sys.argv[3])
sentences = int(m.group(1)) if m else 0
m = re.search(r"^([\d,]+) +\(100\.0%\) +PROGRAM TOTALS", inclusive, re.M)
total = int(m.group(1).replace(",", "")) if m else 0
LINE = re.compile(r"^\s*([\d,]+) \([\d. %]+\)\s+([*>])?\s*(?:\S+?:)?(.+?)(?: \(\d+x\))?(?: \[[^\]]*\])?$")
incl = {}
for line in inclusive.splitlines():
    m = LINE.match(line)
    if m and not m.group(2):
        incl[m.group(3)] = max(incl.get(m.group(3), 0), int(m.group(1).replace(",", "")))
# calls[(caller, callee)] = inclusive cost of the calls, from the calling tree.
calls = {}
for block in calling.split("\n\n"):
    caller = None
    for line in block.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        if m.group(2) == "*":
            caller = m.group(3)
        elif m.group(2) == ">" and caller:
            key = (caller, m.group(3))
            calls[key] = calls.get(key, 0) + int(m.group(1).replace(",", ""))
def called(callee, caller=None, not_caller=None):
    """Inclusive cost of the calls to `callee` (a regex) from callers matching
    `caller` and not `not_caller`; calls from another matching callee are left
    out, so that nested calls are not counted twice."""
    s = 0
    for (a, b), c in calls.items():
        if not re.search(callee, b) or re.search(callee, a):
            continue
        if caller and not re.search(caller, a):
            continue
        if not_caller and re.search(not_caller, a):
            continue
        s += c
    return s
load = max([c for n, c in incl.items() if re.match(r"dyad::cli::LoadLexiconOrComplain\(", n)] or [0])
LOAD = r"LexiconBuilder|Lexicon::Load|Lexicon::Lexicon|LoadLexicon|Compat|compat::"
parse = called(r"^dyad::parse::Parse\(")
run = called(r"^dyad::code::SentenceCoder::Run\(")
stages = [
    ("read", called(r"^dyad::io::ParseRecord\(")),
    ("language", called(r"^dyad::text::GuessEnglish\(")),
    ("text", called(r"^dyad::AnalyzeText\(", caller=r"^dyad::Coder::")),
    ("parse", parse),
    ("code", max(run - parse, 0)),
    ("lexicon", called(r"^dyad::Lexicon::(Infos|Info|MatchPhraseAt|MatchPhrase|MatchPhraseFrom|Verb|Noun|VerbLemmas|WordNetVerb|EventCode|SplitActorCode|Entry|Lemma)\(",
                       not_caller=LOAD)),
    ("write", called(r"^dyad::io::.*Writer::Write\(")),
]
per = lambda c: c / sentences if sentences else 0
print("total:    %d instructions, %d sentences; dictionary load %d; per sentence (net of the load) %.0f"
      % (total, sentences, load, per(total - load)))
print("%-9s %14s %12s" % ("stage", "instructions", "per sentence"))
for name, c in stages:
    print("%-9s %14d %12.0f" % (name, c, per(c)))
print("(lexicon: look-ups made by the stages above, part of parse and code)")
PY
