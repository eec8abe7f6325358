#!/usr/bin/env python3
"""Checks that the dictionaries cover every state and every CAMEO event code.

    scripts/check_coverage.py [--data DIR] [--iso PATH] [-q]

Fails (exit 1, listing what is missing) when
  * an ISO 3166-1 alpha-3 code of Debian iso-codes (/usr/share/iso-codes/json/
    iso_3166-1.json) has no `country` line in DIR/dict/*.dict, or
  * a CAMEO event code of DIR/cameo/event_codes.tsv has no `verb` or `pattern`
    line.
Prints counts either way: states and codes covered, and the entries (lines) and
phrases of every kind (patterns, verbs, persons, groups, agents, ...).

DIR defaults to the repository's data/ folder (alone: unlike `dyad --dict`, DIR is
not added to the defaults); it may also be a folder holding the .dict files themselves (the CAMEO table then comes from
DIR/../cameo, else from the repository). `include FILE` lines are followed. Exit
status: 0 all covered, 1 something missing, 2 usage error (no dictionaries, no
table). Python 3 standard library only.
"""

import argparse
import collections
import glob
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
KINDS = ("country", "capital", "demonym", "place", "org", "group", "person", "agent",
         "verb", "irregular", "pattern", "synset", "discard")


def dict_files(data):
    """(the .dict files in load order, the event-code table) for a data folder."""
    if glob.glob(os.path.join(data, "*.dict")):
        dict_dir, cameo = data, os.path.join(data, "..", "cameo")
    else:
        dict_dir, cameo = os.path.join(data, "dict"), os.path.join(data, "cameo")
    table = os.path.join(cameo, "event_codes.tsv")
    if not os.path.isfile(table):
        table = os.path.join(REPO, "data", "cameo", "event_codes.tsv")
    return sorted(glob.glob(os.path.join(dict_dir, "*.dict"))), table


def read_dict(path, lines, seen):
    """Appends (kind, codes, phrases, "file:line") of `path` and its includes."""
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            kind, _, rest = line.partition(" ")
            kind = kind.strip()
            if kind == "include":
                read_dict(os.path.join(os.path.dirname(path), rest.strip()), lines, seen)
                continue
            codes, colon, phrases = rest.partition(":")
            if not colon:
                continue  # malformed: `dyad check-dict` reports it
            lines.append((kind, codes.strip(),
                          [p.strip() for p in phrases.split("|") if p.strip()],
                          "%s:%d" % (os.path.basename(path), n)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.path.join(REPO, "data"),
                    help="data folder (with dict/ and cameo/) or a folder of .dict files")
    ap.add_argument("--iso", default=ISO_JSON, help="iso-codes iso_3166-1.json")
    ap.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    a = ap.parse_args()

    files, table = dict_files(a.data)
    if not files:
        print("check_coverage: no .dict files in %s" % a.data, file=sys.stderr)
        return 2
    try:
        with open(a.iso, encoding="utf-8") as f:
            iso = {c["alpha_3"]: c["name"] for c in json.load(f)["3166-1"]}
    except (OSError, ValueError, KeyError) as e:
        print("check_coverage: cannot read %s (%s); install Debian's iso-codes" % (a.iso, e),
              file=sys.stderr)
        return 2
    event_codes = {}
    try:
        with open(table, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("code\t") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                event_codes[cols[0]] = cols[-1]
    except OSError as e:
        print("check_coverage: cannot read %s (%s)" % (table, e), file=sys.stderr)
        return 2

    lines = []
    seen = set()
    for path in files:
        read_dict(path, lines, seen)

    entries = collections.Counter()
    phrases = collections.Counter()
    countries = set()
    coded = collections.defaultdict(set)  # event code -> {"verb", "pattern"}
    for kind, codes, words, _ in lines:
        entries[kind] += 1
        phrases[kind] += len(words) if kind != "pattern" else 1
        if kind == "country":
            countries.add(codes)
        elif kind in ("verb", "pattern"):
            coded[codes].add(kind)

    missing_states = sorted(c for c in iso if c not in countries)
    missing_codes = [c for c in event_codes if c not in coded]
    unknown_codes = sorted(c for c in coded if c not in event_codes)
    roots = sorted({c[:2] for c in event_codes})
    roots_covered = sorted({c[:2] for c in event_codes if c in coded})

    if not a.quiet:
        print("dictionaries: %d files (%s)" % (len(seen), ", ".join(
            os.path.basename(f) for f in files)))
        print("states covered: %d/%d ISO 3166-1 alpha-3 codes with a country line"
              % (len(iso) - len(missing_states), len(iso)))
        print("event codes covered: %d/%d CAMEO codes with a verb or pattern line "
              "(roots %d/%d; %d by verb, %d by pattern)"
              % (len(event_codes) - len(missing_codes), len(event_codes), len(roots_covered),
                 len(roots), sum(1 for v in coded.values() if "verb" in v),
                 sum(1 for v in coded.values() if "pattern" in v)))
        print("%-10s %8s %8s" % ("kind", "entries", "phrases"))
        for kind in KINDS + tuple(sorted(set(entries) - set(KINDS))):
            print("%-10s %8d %8d" % (kind, entries[kind], phrases[kind]))
    if unknown_codes:
        print("note: verb/pattern codes not in %s (dyad check-dict rejects them): %s"
              % (os.path.relpath(table, REPO), " ".join(unknown_codes)))
    ok = True
    if missing_states:
        ok = False
        print("MISSING %d states (no country line):" % len(missing_states))
        for c in missing_states:
            print("  %s  %s" % (c, iso[c]))
    if missing_codes:
        ok = False
        print("MISSING %d CAMEO event codes (no verb or pattern line):" % len(missing_codes))
        for c in missing_codes:
            print("  %-5s %s" % (c, event_codes[c]))
    if ok and not a.quiet:
        print("OK: every state and every CAMEO event code is covered")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
