#!/usr/bin/env python3
"""Self-check for dyad's verb dictionaries (data/dict/30-*.dict ... 39-*.dict).

Checks, with the loader's rules (src/lexicon/loader_lines.cc):
  * every line parses: `verb CODE : lemma | lemma`, `pattern CODE : LEMMA ELEMENTS...`,
    `synset &name : word | word`, `irregular : lemma past participle`;
  * every event code used exists in the CAMEO tables, and every code of the tables
    (cameo_event_codes.tsv + cameo_event_codes_not_in_gdelt.tsv) has at least one
    verb or pattern line;
  * patterns start with a lemma, have no empty element, name only synsets defined
    before them, and write a target as `+` or `prep+` alone in its element;
  * a verb lemma has one bare code; the same pattern text does not carry two codes
    (that would be a tie the engine cannot break);
  * warns when two patterns of one lemma with the same number of elements can match the
    same words but code different roots (a tie decided by file order, not by design).
Prints counts. Exit status 1 when an error is found.
Usage: python3 scripts/gen/check_verbs.py [DICT_DIR] [CAMEO_TSV ...]
Python 3 standard library only.
"""
import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DICT_DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data", "dict")
TABLES = sys.argv[2:] or [
    os.path.join(ROOT, "..", "shared", "reference", "cameo_event_codes.tsv"),
    os.path.join(ROOT, "..", "shared", "reference", "cameo_event_codes_not_in_gdelt.tsv"),
]
LOCAL_TABLE = os.path.join(ROOT, "data", "cameo", "event_codes.tsv")
if len(sys.argv) <= 2 and os.path.exists(LOCAL_TABLE):
    TABLES.append(LOCAL_TABLE)


def load_codes():
    codes = {}
    for path in TABLES:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            header = None
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if header is None:
                    header = cols
                    continue
                codes[cols[0]] = cols[1] if len(cols) > 1 else ""
    return codes


def lemma_of(chunks):
    return chunks[0].split("_")[0].lower()


def shape_of(chunks, synsets):
    """Elements as (kind, words-or-prep, adjacent) for the overlap test."""
    els = []
    for ci, chunk in enumerate(chunks):
        for i, part in enumerate(chunk.split("_")):
            if ci == 0 and i == 0:
                continue
            if part.endswith("+"):
                els.append(("t", part[:-1].lower(), i > 0))
            elif part.startswith("&"):
                els.append(("w", frozenset(w.lower() for w in synsets.get(part, [])), i > 0))
            else:
                els.append(("w", frozenset(a.lower() for a in part.split("|")), i > 0))
    return tuple(els)


def overlap(a, b):
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x[0] != y[0] or x[2] != y[2]:
            return False
        if x[0] == "t" and x[1] != y[1]:
            return False
        if x[0] == "w" and not (x[1] & y[1]):
            return False
    return True


def main():
    shapes = collections.defaultdict(list)
    codes = load_codes()
    if not codes:
        print("no CAMEO tables found:", TABLES)
        return 1
    errors, warnings = [], []
    synsets = {}
    verb_code = {}
    pattern_codes = collections.defaultdict(set)
    used = collections.Counter()
    counts = collections.Counter()
    lemmas = set()
    files = sorted(glob.glob(os.path.join(DICT_DIR, "3[0-9]-*.dict")))
    for path in files:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                where = f"{name}:{n}"
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                m = re.match(r"^(\S+)\s*(.*?)\s*:\s*(.*)$", line)
                if not m:
                    errors.append(f"{where}: missing ':'")
                    continue
                kind, code, body = m.groups()
                if not body:
                    errors.append(f"{where}: nothing after ':'")
                    continue
                if kind in ("verb", "pattern"):
                    if not re.fullmatch(r"\d{2,4}", code):
                        errors.append(f"{where}: bad event code '{code}'")
                        continue
                    if code not in codes:
                        errors.append(f"{where}: unknown CAMEO code '{code}'")
                        continue
                if kind == "verb":
                    for lem in body.split("|"):
                        lem = lem.strip().lower()
                        if not lem or " " in lem:
                            errors.append(f"{where}: verb lemma '{lem}' must be one word")
                            continue
                        if "_" in lem:  # phrasal: loaded as a one-element pattern
                            pattern_codes[lem.replace("_", " ")].add(code)
                        else:
                            if lem in verb_code and verb_code[lem][0] != code:
                                errors.append(f"{where}: verb '{lem}' {code} also {verb_code[lem][0]} at {verb_code[lem][1]}")
                            verb_code[lem] = (code, where)
                        lemmas.add(lem.split("_")[0])
                        used[code] += 1
                        counts["verb lemmas"] += 1
                    counts["verb lines"] += 1
                elif kind == "pattern":
                    chunks = body.split()
                    ok = True
                    first = True
                    n_el = 0
                    for chunk in chunks:
                        parts = chunk.split("_")
                        for i, part in enumerate(parts):
                            if not part:
                                errors.append(f"{where}: empty element in '{chunk}'"); ok = False; continue
                            if first and i == 0:
                                if part == "+" or part.startswith("&") or "|" in part or "+" in part:
                                    errors.append(f"{where}: a pattern starts with the verb lemma"); ok = False
                                lemmas.add(part.lower())
                                continue
                            n_el += 1
                            if part.endswith("+"):
                                if "|" in part or "&" in part:
                                    errors.append(f"{where}: target element '{part}' must stand alone"); ok = False
                            elif part.startswith("&"):
                                if part not in synsets:
                                    errors.append(f"{where}: unknown synset '{part}' (define it first)"); ok = False
                            else:
                                alts = part.split("|")
                                if any(not a for a in alts):
                                    errors.append(f"{where}: empty alternative in '{part}'"); ok = False
                                if any(a.startswith("&") or a.endswith("+") for a in alts):
                                    errors.append(f"{where}: synset or target inside alternatives '{part}'"); ok = False
                        first = False
                    if n_el == 0 and "_" not in chunks[0]:
                        warnings.append(f"{where}: pattern without elements (same as a bare verb)")
                    if ok:
                        pattern_codes[" ".join(chunks).lower()].add(code)
                        shapes[lemma_of(chunks)].append((code, where, shape_of(chunks, synsets)))
                        used[code] += 1
                        counts["patterns"] += 1
                elif kind == "synset":
                    if not code.startswith("&") or len(code) < 2:
                        errors.append(f"{where}: synset name must start with '&'")
                        continue
                    words = [w.strip() for w in body.split("|")]
                    if any(not w for w in words):
                        errors.append(f"{where}: empty synset word")
                    synsets.setdefault(code, []).extend(words)
                    counts["synsets"] += 1
                elif kind == "irregular":
                    if code:
                        errors.append(f"{where}: irregular takes no code")
                    if len(body.split()) < 2:
                        errors.append(f"{where}: irregular needs: lemma past [participle]")
                    counts["irregular"] += 1
                else:
                    errors.append(f"{where}: kind '{kind}' does not belong in a verb file")
    for text, cs in pattern_codes.items():
        if len(cs) > 1:
            errors.append(f"pattern '{text}' has several codes: {sorted(cs)}")
    for lem, lst in shapes.items():
        for i in range(len(lst)):
            for j in range(i + 1, len(lst)):
                a, b = lst[i], lst[j]
                if a[0][:2] != b[0][:2] and overlap(a[2], b[2]):
                    warnings.append(f"{a[1]} ({a[0]}) and {b[1]} ({b[0]}) of '{lem}' can tie")
    missing = [c for c in codes if used[c] == 0]
    roots = collections.Counter()
    for c, k in used.items():
        roots[c[:2]] += k
    print("files:", ", ".join(os.path.basename(p) for p in files))
    for k in ("verb lines", "verb lemmas", "patterns", "synsets", "irregular"):
        print(f"{k:12}: {counts[k]}")
    print(f"lemmas      : {len(lemmas)} distinct verbs with a verb or pattern line")
    print(f"codes       : {sum(1 for c in codes if used[c])} of {len(codes)} CAMEO codes covered")
    print("by root     : " + " ".join(f"{r}:{roots[r]}" for r in sorted(roots)))
    if missing:
        print("NOT COVERED :", " ".join(missing))
    print(f"warnings    : {len(warnings)}")
    for w in warnings[:20]:
        print("warning:", w)
    for e in errors[:200]:
        print("ERROR:", e)
    if len(errors) > 200:
        print(f"... {len(errors) - 200} more errors")
    return 1 if errors or missing else 0


if __name__ == "__main__":
    sys.exit(main())
