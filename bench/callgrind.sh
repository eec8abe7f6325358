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
#   text       normalise, tokenise, split sentences (AnalyzeText)
#   parse      tagging, dictionary phrases, verb groups (parse::Parse)
#   code       phrases, actors, events: SentenceCoder::Run less its parse
#   lexicon    Lexicon look-ups, wherever called (part of parse and code)
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
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2> /dev/null > "$tmp/annotate"
/usr/bin/python3 - "$tmp/annotate" "$stats" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
m = re.search(r"sentences (\d+)", sys.argv[2])
sentences = int(m.group(1)) if m else 0
total = 0
m = re.search(r"^([\d,]+) +\(100\.0%\) +PROGRAM TOTALS", text, re.M)
if m:
    total = int(m.group(1).replace(",", ""))
# Inclusive cost by function name (without the file and object parts).
incl = {}
for line in text.splitlines():
    m = re.match(r"^\s*([\d,]+) \([\d. %]+\)\s+(?:\S+?:)?(.+?)(?: \[[^\]]*\])?$", line)
    if not m:
        continue
    name = m.group(2)
    incl[name] = max(incl.get(name, 0), int(m.group(1).replace(",", "")))
def cost(*patterns, exclude=()):
    # Sum of the inclusive costs of the functions matching a pattern; the
    # patterns name entry points that do not call one another.
    s = 0
    for name, c in incl.items():
        if any(re.search(p, name) for p in patterns) and not any(re.search(x, name) for x in exclude):
            s += c
    return s
load = cost(r"^dyad::Lexicon::Load\(std::vector<")
if load == 0:
    load = cost(r"^dyad::Lexicon::Load\(")
parse = cost(r"^dyad::parse::Parse\(")
run = cost(r"^dyad::code::SentenceCoder::Run\(")
stages = [
    ("read", cost(r"^dyad::io::ParseRecord\(")),
    ("language", cost(r"^dyad::text::GuessEnglish\(")),
    ("text", cost(r"^dyad::AnalyzeText\(")),
    ("parse", parse),
    ("code", max(run - parse, 0)),
    ("lexicon", cost(r"^dyad::Lexicon::(Infos|Info|MatchPhraseAt|MatchPhrase|Verb|Noun|VerbLemmas|Lemma|LookUp|Find)\b")),
    ("write", cost(r"^dyad::io::.*Writer::Write\(")),
]
per = lambda c: c / sentences if sentences else 0
print("total:    %d instructions; dictionary load %d; per sentence (net of the load) %.0f"
      % (total, load, per(total - load)))
print("%-9s %14s %12s" % ("stage", "instructions", "per sentence"))
for name, c in stages:
    print("%-9s %14d %12.0f" % (name, c, per(c)))
PY
