#!/usr/bin/env python3
"""Generate data/dict/00-countries.dict: one `country`, `demonym` and `capital` entry per
ISO 3166-1 state or territory.

Sources (read, not copied by hand):
  * Debian package iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (name, official_name,
    common_name). Licence: LGPL-2.1-or-later.
  * npm package world-countries (node_modules/world-countries/countries.json): English common
    and official names, English alternative spellings, English demonyms, capitals.
    Licence: ODbL-1.0 (Open Database License).
  * Debian package wordnet-base, to keep capitals that are common English words out.

Only English text is used (no `translations`, no native names). Collisions (one phrase claimed
by two codes within a kind) go to the sovereign state if exactly one claimant is independent,
otherwise the phrase is dropped; data/dict/01-countries-curated.dict settles the ones that
matter. Run from anywhere:  python3 scripts/gen/gen_countries.py
"""
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo_common as g  # noqa: E402

OUT = os.path.join(g.REPO, "data", "dict", "00-countries.dict")

# world-countries uses a user-assigned code for Kosovo; the project uses XKX.
CODE_FIX = {"UNK": "XKX"}

# Names that must never be a phrase of a state (a common word, a name, or politically loaded
# ISO wording); each is left out wherever it would come from.
NAME_DENY = {
    "taiwan, province of china", "province of china", "jersey", "man", "reunion", "island",
    "holy see (vatican city state)", "us", "abode of peace", "nation of brunei, abode of peace",
    "teratri of norf'k ailen", "svalbard og jan mayen", "pleasant island", "guiana",
}

# Capitals left out: common words or given names / surnames, or a name that a larger city
# elsewhere also has. Malé (Maldives) is left out on purpose: if accents are ever folded it
# would match the common word "male".
CAPITAL_DENY = {
    "male", "malé", "victoria", "the valley", "valley", "the bottom", "bottom", "hamilton",
    "douglas", "stanley", "plymouth", "west island", "saint john's", "st. john's", "sucre",
    "king edward point", "jamestown", "adamstown", "saint helier", "st. helier",
    "st. peter port", "saint peter port", "san juan", "city of victoria", "diego garcia",
    "saint-denis", "saint-pierre", "san josé", "san jose", "kingstown", "george town",
    # In news "Brussels" is mostly the EU, not Belgium: it is a place in 06-places-curated.dict
    # and left to the organisation dictionaries as a metonym.
    "brussels",
}

# Capitals that WordNet also lists in lower case (a carriage, a mineral, a grape, a paper) but that
# in news are the city: kept.
CAPITAL_ALLOW = {"berlin", "tripoli", "muscat", "manila"}

# Demonyms left out: common words or too ambiguous alone.
DEMONYM_DENY = {"korean", "virgin islander", "channel islander", "kittitian or nevisian",
                "heard and mcdonald islander", "antarctican", "cocos islander",
                "south georgian south sandwich islander", "american islander"}

# English words that mark an alternative spelling as an English form.
ENGLISH_MARKERS = re.compile(
    r"\b(Republic|Kingdom|State|States|Islands?|Federation|Commonwealth|Union|Democratic|"
    r"People's|United|Principality|Sultanate|Emirates?|Grand Duchy|Territory|Territories|"
    r"Federal|Confederation|Collectivity|Country|Overseas|Co-operative|Cooperative|"
    r"Independent|Plurinational|Bolivarian|Socialist|Islamic|Arab|Hashemite|Oriental|Nation|of)\b")


def uninvert(name):
    """ISO writes 'Korea, Republic of' and 'Congo, The Democratic Republic of the'."""
    m = re.match(r"^(.*?), (.*)$", name)
    if not m:
        return [name]
    head, tail = m.group(1), m.group(2)
    if tail.endswith((" of", " of the", " State of")) or tail.endswith(" the") or tail in (
            "Republic of", "State of", "Islamic Republic of", "United Republic of"):
        t = re.sub(r"^The ", "the ", tail)
        return [t + " " + head]
    if tail in ("British", "U.S."):
        return []  # 'Virgin Islands, British': official names cover it
    return [name] if "," not in head and tail and tail[0].islower() else []


def split_paren(name):
    """'Falkland Islands (Malvinas)' -> ['Falkland Islands', 'Malvinas']."""
    m = re.match(r"^(.*?) \((.*)\)$", name)
    if not m:
        return [name]
    inner = m.group(2)
    if inner in ("French part", "Dutch part"):
        return [m.group(1)]
    return [m.group(1), inner]


def english_names_from_iso(rec):
    out = []
    for key in ("common_name", "name", "official_name"):
        v = rec.get(key)
        if not v:
            continue
        if v.lower() in NAME_DENY:
            continue
        for a in split_paren(v):
            for b in uninvert(a):
                out.append(b)
    return out


def is_english_alt(s, common):
    if len(s) <= 3 or s.isupper():
        return False
    if any(ord(c) > 0x24F for c in s):  # non-Latin script
        return False
    if re.search(r"[ʁɔɡ]", s):
        return False
    if s.startswith("St. "):
        return True
    return bool(ENGLISH_MARKERS.search(s)) and not re.search(
        r"\b(de|del|da|do|du|la|le|les|di|des|der|van|von|al|el|y)\b", s) \
        or s.lower().replace("-", " ") == common.lower().replace("-", " ")


def main():
    iso = g.load_iso_3166_1()
    wc = {CODE_FIX.get(c["cca3"], c["cca3"]): c for c in g.load_world_countries()}
    common_words = g.wordnet_common_words()

    codes = sorted(set(r["alpha_3"] for r in iso) | {"XKX"})
    iso_by = {r["alpha_3"]: r for r in iso}
    independent = {}
    claims = {"country": defaultdict(list), "demonym": defaultdict(list), "capital": defaultdict(list)}
    phrases = {k: defaultdict(list) for k in claims}

    def add(kind, code, p):
        p = g.clean_phrase(g.strip_article(p)) if p else None
        if not p:
            return
        if p.lower() in NAME_DENY:
            return
        if re.search(r", .*\bof( the)?$", p):  # an ISO inverted form: 'Iran, Islamic Republic of'
            return
        if "(" in p:
            add(kind, code, re.sub(r"\s*\([^)]*\)", "", p))
            m = re.search(r"\(([^)]*)\)$", p)
            if m and not m.group(1).endswith(" part"):
                add(kind, code, m.group(1))
            return
        if kind == "capital" and (p.lower() in CAPITAL_DENY or (
                p.lower() in common_words and p.lower() not in CAPITAL_ALLOW)):
            return
        key = g.fold(p)
        if code not in claims[kind][key]:
            claims[kind][key].append(code)
        if all(g.fold(x) != key for x in phrases[kind][code]):
            phrases[kind][code].append(p)

    for code in codes:
        w = wc.get(code)
        r = iso_by.get(code)
        independent[code] = bool(w and w.get("independent"))
        names = []
        if w:
            names.append(w["name"]["common"])
        if r:
            names += english_names_from_iso(r)
        if w:
            names.append(w["name"]["official"])
            for alt in w.get("altSpellings", []):
                if is_english_alt(alt, w["name"]["common"]) and alt.lower() not in common_words:
                    names.append(alt)
        for n in names:
            add("country", code, n)
        if w:
            dem = w.get("demonyms", {}).get("eng", {})
            for form in (dem.get("m"), dem.get("f")):
                for d in re.split(r",\s*|\s+or\s+", form or ""):
                    if d and d.lower() not in DEMONYM_DENY:
                        add("demonym", code, d)
            for cap in w.get("capital", []):
                c = cap.strip()
                if not c or c.lower() in CAPITAL_DENY:
                    continue
                add("capital", code, c)

    # A capital that equals a country name (Singapore, Kuwait, Monaco, ...) stays a country.
    country_keys = set(claims["country"])
    for key in list(claims["capital"]):
        if key in country_keys:
            for code in claims["capital"][key]:
                phrases["capital"][code] = [p for p in phrases["capital"][code] if g.fold(p) != key]
            del claims["capital"][key]

    # A demonym that equals a country name (Djibouti, Gibraltar) is left to the country entry.
    for key in list(claims["demonym"]):
        if key in country_keys:
            for code in claims["demonym"][key]:
                phrases["demonym"][code] = [p for p in phrases["demonym"][code] if g.fold(p) != key]
            del claims["demonym"][key]

    # Settle collisions within a kind.
    dropped = []
    for kind in claims:
        for key, owners in claims[kind].items():
            if len(owners) < 2:
                continue
            ind = [c for c in owners if independent.get(c)]
            winner = ind[0] if len(ind) == 1 else None
            for c in owners:
                if c != winner:
                    phrases[kind][c] = [p for p in phrases[kind][c] if g.fold(p) != key]
            dropped.append("%s %r: %s -> %s" % (kind, key, ",".join(owners), winner or "dropped"))

    entries = []
    for kind in ("country", "demonym", "capital"):
        for code in codes:
            if phrases[kind][code]:
                entries.append((kind, code, phrases[kind][code]))

    header = [
        "00-countries.dict: states and territories (ISO 3166-1 alpha-3 codes), their demonyms and capitals.",
        "GENERATED by scripts/gen/gen_countries.py; do not edit by hand: put fixes in 01-countries-curated.dict.",
        "Sources: Debian iso-codes %s (iso_3166-1.json; LGPL-2.1-or-later)," % g.iso_version(),
        "         npm world-countries@%s (English names, demonyms, capitals; ODbL-1.0)," % g.npm_version("world-countries"),
        "         Debian wordnet-base (common-word filter for capitals; WordNet 3.0 licence).",
        "Phrases claimed by two codes of one kind go to the one sovereign claimant, else are left out:",
    ] + ["  " + d for d in sorted(dropped)]
    g.write_dict(OUT, header, entries)
    counts = {k: sum(1 for e in entries if e[0] == k) for k in claims}
    nphr = {k: sum(len(e[2]) for e in entries if e[0] == k) for k in claims}
    print("wrote %s: %s entries, %s phrases" % (OUT, counts, nphr))


if __name__ == "__main__":
    main()
