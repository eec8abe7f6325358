#!/usr/bin/env python3
"""Self-check for the geography dictionaries (data/dict/00-09*.dict): every line parses per
docs/DICTIONARY_FORMAT.md, codes have a valid shape, and phrase clashes are listed.
Exit status 1 on a format error. Python 3 standard library only.
Usage: python3 scripts/gen/check_geo_dicts.py [--common]   (--common: list curated phrases that
WordNet also has as lower-case words, for review)"""
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo_common as g  # noqa: E402

DICT = os.path.join(g.REPO, "data", "dict")
KINDS = {"country", "demonym", "capital", "place"}
ROLES = set("GOV MIL REB COP JUD LEG OPP SPY CVL ELI BUS MED REF LAB".split())


def load_regions():
    path = os.path.join(os.path.dirname(g.REPO), "shared", "reference", "cameo_countries.tsv")
    regions = set()
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 3 and f[2] == "region":
                regions.add(f[0])
    return regions


def main():
    iso = {r["alpha_3"] for r in g.load_iso_3166_1()} | {"XKX"}
    regions = load_regions() or {"WST", "EUR", "AFR", "ASA", "MEA"}
    states = iso | regions
    errors = 0
    seen = defaultdict(dict)  # kind -> fold(phrase) -> (file, line, code)
    overrides = []
    counts = defaultdict(int)
    files = sorted(f for f in os.listdir(DICT) if re.match(r"0\d-.*\.dict$", f))
    for fn in files:
        for no, raw in enumerate(open(os.path.join(DICT, fn), encoding="utf-8"), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.match(r"^(\w+)\s+(\S+)\s*:\s*(.+)$", line)
            where = "%s:%d" % (fn, no)
            if not m:
                print("%s: cannot parse" % where)
                errors += 1
                continue
            kind, code, rest = m.groups()
            if kind not in KINDS:
                print("%s: unknown kind %s" % (where, kind))
                errors += 1
            base, role = code[:3], code[3:]
            if base not in states or (role and (kind != "capital" or len(role) % 3 or
                                               any(role[i:i + 3] not in ROLES for i in range(0, len(role), 3)))):
                print("%s: bad code %s for %s" % (where, code, kind))
                errors += 1
            for p in rest.split("|"):
                p = p.strip()
                if not p:
                    print("%s: empty phrase" % where)
                    errors += 1
                    continue
                if re.search(r"[?#:]", p):
                    print("%s: bad character in %r" % (where, p))
                    errors += 1
                k = g.fold(g.strip_article(p))
                counts[kind] += 1
                prev = seen[kind].get(k)
                if prev and prev[0] == fn:
                    if prev[2] != code:
                        print("%s: %s %r also %s at %s:%d" % (where, kind, p, prev[2], prev[0], prev[1]))
                        errors += 1
                elif prev and prev[2] != code:
                    overrides.append("%s %r: %s (%s) -> %s (%s)" % (kind, p, prev[2], prev[0], code, fn))
                seen[kind][k] = (fn, no, code)
    # Cross-kind: a place that another kind claims never shows as a place.
    cross = []
    for k, v in seen["place"].items():
        for kind in ("country", "capital", "demonym"):
            if k in seen[kind]:
                cross.append("place %r (%s:%d) shadowed by %s %s" % (k, v[0], v[1], kind, seen[kind][k][2]))
    for o in overrides:
        print("override: " + o)
    for c in cross:
        print("shadowed: " + c)
    if "--common" in sys.argv:
        for kind in seen:
            for k, v in seen[kind].items():
                if v[0].startswith(("01-", "06-")) and g.is_common_word(k):
                    print("common-word: %s %r (%s:%d)" % (kind, k, v[0], v[1]))
    print("phrases: %s; distinct: %s; errors: %d" % (
        dict(counts), {k: len(v) for k, v in seen.items()}, errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
