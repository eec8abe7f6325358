#!/usr/bin/env python3
"""Builds a reproducible benchmark corpus from the project's own example texts.

    scripts/make_corpus.py [-o FILE] [--sentences N | --stories N] [--seed S]

Sentences come only from files written for this project: examples/*.jsonl,
examples/*.txt and tests/gold/dyad-gold.jsonl (never ../shared, whose texts must
not end up in the corpus). They are split with a simple rule (., ! or ? then
space and a capital or a quote), datelines and headings are dropped, and
duplicates removed. The pool is then dealt like a deck of cards: each pass is a
seeded shuffle (splitmix64 + Fisher-Yates, so the output does not depend on the
Python version), and the dealt sentences form stories of 3 to 12 sentences in
paragraphs of 1 to 3, with ids bench-0000001, ... and dates stepping one day at a
time from 2020-01-01 (cycling through --days N days when given). The same seed and options always give byte-identical
output; the SHA-256 is printed on stderr.

Default: at least 100,000 sentences (the last story is completed). Output is
JSON Lines, one story a line ({"id", "date", "source", "text"}), on stdout or -o.

--pool FILE (repeatable) deals sentences from FILEs instead: JSON Lines or a JSON
array of records with a "text" field, PETRARCH validation XML (<Text> elements),
a TABARI .text file (records after a "YYMMDD ID" line, /* comments */ dropped), or
plain text. It is for measuring on other text, such as real wire copy read from
../shared at run time; such a corpus is written to the build tree and never
committed.

--shared DIR adds every English sentence file of a ../shared folder to the pool:
gold/*.jsonl, samples/*.txt, the PLOVER gold standard records, the TABARI
validation and demo texts and the PETRARCH, PETRARCH-2 and UniversalPetrarch
English validation, unit-test and GigaWord XML (the Spanish and Arabic sets are
left out: dyad codes English). --list-pool prints the distinct pool, one
sentence a line, and exits.
"""

import argparse
import datetime
import glob
import hashlib
import html
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASK = (1 << 64) - 1

# A sentence ends at . ! ? (plus closing quotes/brackets) before white space and
# a capital letter, a digit or an opening quote. Abbreviations that end in a
# period and take a capital after them are protected.
SPLIT = re.compile(r"[.!?][\"'\u201d\u2019)]?(\s+)(?=[A-Z0-9\"'\u201c\u2018(])")
ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sen|Rep|Gov|Pres|St|No|Jan|Feb|Mar|Apr|"
                    r"Aug|Sept|Sep|Oct|Nov|Dec|Prof|Sgt|Capt|Maj|Adm|Jr|Sr)|\b[A-Z])\.$")
# "GEORGETOWN, Guyana — " / "MOSCOW (Reuters) - ": a dateline at a story's start.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:, [A-Z][\w .]+)?(?: \([^)]*\))?\s*[\u2014\u2013:-]+\s+")


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        """Uniform in [0, n) (rejection sampling, no modulo bias)."""
        limit = MASK - (MASK % n)
        while True:
            r = self.next()
            if r < limit:
                return r % n

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def split_sentences(text):
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        pieces, begin = [], 0
        for m in SPLIT.finditer(para):
            pieces.append(para[begin:m.start(1)])
            begin = m.end(1)
        pieces.append(para[begin:])
        merged = []
        for p in pieces:
            if merged and ABBREV.search(merged[-1]):
                merged[-1] += " " + p
            else:
                merged.append(p)
        for s in merged:
            # A heading (no final punctuation) or a fragment is not a sentence.
            if re.search(r"[.!?][\"'\u201d\u2019)]?$", s) and len(s.split()) >= 4:
                out.append(s)
    return out


def source_texts(root):
    """(file, text) of every source story, in a fixed order."""
    texts = []
    files = sorted(glob.glob(os.path.join(root, "examples", "*.jsonl")))
    files += sorted(glob.glob(os.path.join(root, "examples", "*.txt")))
    files.append(os.path.join(root, "tests", "gold", "dyad-gold.jsonl"))
    for path in files:
        rel = os.path.relpath(path, root)
        if os.path.sep + "shared" + os.path.sep in os.path.realpath(path):
            raise SystemExit("make_corpus: refusing %s (../shared texts stay out)" % path)
        with open(path, encoding="utf-8") as f:
            if path.endswith(".jsonl"):
                for n, line in enumerate(f, 1):
                    if line.strip():
                        texts.append(("%s:%d" % (rel, n), json.loads(line)["text"]))
            else:
                texts.append((rel, f.read()))
    return texts


# A TABARI record starts with "YYMMDD ID" (the id may follow a '*').
TABARI_HEADER = re.compile(r"^\d{6}\s*\*?\s*\S+\s*$")


def tabari_texts(path, data):
    """(file:line, text) of each record of a TABARI .text file; comments dropped."""
    texts, current, start, in_comment = [], [], 0, False
    data = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), data, flags=re.S)
    for n, line in enumerate(data.splitlines(), 1):
        if line.startswith("#"):
            continue
        if TABARI_HEADER.match(line):
            if current:
                texts.append(("%s:%d" % (path, start), " ".join(current)))
            current, start = [], n + 1
        elif line.strip() and start:
            current.append(line.strip())
        elif current:
            texts.append(("%s:%d" % (path, start), " ".join(current)))
            current, start = [], 0
    if current:
        texts.append(("%s:%d" % (path, start), " ".join(current)))
    return texts


def shared_files(shared):
    """The English sentence files of a ../shared folder, in a fixed order."""
    peer = os.path.join(shared, "peer-data")
    files = sorted(glob.glob(os.path.join(shared, "gold", "*.jsonl")))
    files += sorted(glob.glob(os.path.join(shared, "samples", "*.txt")))
    files.append(os.path.join(peer, "PLOVER", "PLOVER_GSR_CAMEO.txt"))
    files += sorted(glob.glob(os.path.join(peer, "TABARI-Code", "*.text")))
    for sub in ("petrarch", "petrarch2", "UniversalPetrarch", os.path.join("UniversalPetrarch", "Test Suite")):
        files += sorted(f for f in glob.glob(os.path.join(peer, sub, "*.xml"))
                        if not os.path.basename(f).lower().startswith("spanish"))
    return [f for f in files if os.path.isfile(f)]


def pool_texts(paths):
    """(file, text) of every record of the --pool files."""
    texts = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            data = f.read()
        stripped = data.lstrip()
        if path.endswith(".text"):
            texts.extend(tabari_texts(path, data))
        elif stripped.startswith("<"):
            for m in re.finditer(r"<Text>(.*?)</Text>", data, flags=re.S):
                line = data.count("\n", 0, m.start()) + 1
                texts.append(("%s:%d" % (path, line), html.unescape(m.group(1))))
        elif stripped.startswith("["):
            for n, record in enumerate(json.loads(data), 1):
                if isinstance(record, dict) and record.get("text"):
                    texts.append(("%s:%d" % (path, n), record["text"]))
        elif stripped.startswith("{"):
            for n, line in enumerate(data.splitlines(), 1):
                if line.strip():
                    record = json.loads(line)
                    if record.get("text"):
                        texts.append(("%s:%d" % (path, n), record["text"]))
        else:
            texts.append((path, data))
    return texts


def sentence_pool(root, pool_files=None):
    pool, seen = [], set()
    for _, text in (pool_texts(pool_files) if pool_files else source_texts(root)):
        for i, s in enumerate(split_sentences(text)):
            if i == 0:
                s = DATELINE.sub("", s)
            if s not in seen:
                seen.add(s)
                pool.append(s)
    return pool


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--sentences", type=int, default=100000,
                       help="minimum number of sentences (default 100000)")
    group.add_argument("--stories", type=int, help="exact number of stories instead")
    ap.add_argument("--seed", type=int, default=20250314)
    ap.add_argument("--root", default=REPO, help="repository root (default: this one)")
    ap.add_argument("--pool", action="append", metavar="FILE",
                    help="deal sentences from FILE instead of the project's own texts")
    ap.add_argument("--shared", metavar="DIR",
                    help="add every English sentence file of DIR (a ../shared folder) to the pool")
    ap.add_argument("--list-pool", action="store_true", help="print the distinct pool and exit")
    ap.add_argument("--source", default="dyad bench corpus", help="the records' source field")
    ap.add_argument("--days", type=int, default=0,
                    help="dates cycle through this many days from 2020-01-01 (default 0: one "
                         "day per story without end, which passes dyad's last year, 2200, "
                         "after about 66,000 stories)")
    a = ap.parse_args()

    pool_files = list(a.pool or [])
    if a.shared:
        if not os.path.isdir(a.shared):
            print("make_corpus: no folder %s" % a.shared, file=sys.stderr)
            return 2
        pool_files += shared_files(a.shared)
    pool = sentence_pool(a.root, pool_files)
    if a.list_pool:
        for s in pool:
            print(s)
        return 0
    if len(pool) < 3:
        print("make_corpus: only %d sentences found under %s" % (len(pool), a.root),
              file=sys.stderr)
        return 2
    rng = SplitMix64(a.seed)
    deck = []

    def deal():
        if not deck:
            fresh = list(pool)
            rng.shuffle(fresh)
            deck.extend(reversed(fresh))
        return deck.pop()

    start = datetime.date(2020, 1, 1)
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    digest = hashlib.sha256()
    n_stories = n_sentences = n_bytes = 0
    while (n_stories < a.stories) if a.stories is not None else (n_sentences < a.sentences):
        size = 3 + rng.below(10)  # 3..12 sentences
        paragraphs, left = [], size
        while left:
            k = min(left, 1 + rng.below(3))
            paragraphs.append(" ".join(deal() for _ in range(k)))
            left -= k
        n_stories += 1
        n_sentences += size
        record = {"id": "bench-%07d" % n_stories,
                  "date": (start + datetime.timedelta(
                      days=(n_stories - 1) % a.days if a.days > 0 else n_stories - 1)).isoformat(),
                  "source": a.source,
                  "text": "\n\n".join(paragraphs)}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        data = line.encode("utf-8")
        digest.update(data)
        n_bytes += len(data)
        out.write(line)
    if out is not sys.stdout:
        out.close()
    print("make_corpus: %d stories, %d sentences (pool of %d distinct sentences), %d bytes, "
          "seed %d, sha256 %s" % (n_stories, n_sentences, len(pool), n_bytes, a.seed,
                                  digest.hexdigest()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
