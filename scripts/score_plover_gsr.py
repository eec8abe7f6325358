#!/usr/bin/env python3
"""Scores dyad against the PLOVER gold standard records (PLOVER_GSR_CAMEO.txt).

    scripts/score_plover_gsr.py [--dyad PATH] [--gsr PATH] [--dict DIR]
                                [--min-recall R] [--min-precision P] [-v]

The GSR (openeventdata/PLOVER, CC BY-SA 4.0, read from ../shared/peer-data at test
time and never copied into the repository) is a JSON array: record 0 documents the
file, the other 322 are sentences from the CAMEO manual, each with one event:
`source` (a list of {actorText, code, sector}), `target` (a list, or absent / "" /
a stray string when the event has no target), `event` (a PLOVER type name of the
2016 draft) and `text`.

All sentences are coded by ONE run of `dyad code` (JSON Lines on stdin: id = record
id, date = record date). Scoring is at the level of (source country, target
country, PLOVER type):

* Gold events. A record with targets gives one gold event per distinct (source key,
  target key) pair. A record with two or more sources and no target is reciprocal
  (the markup says `(SRC/TAR: ..)`; CONSULT-0007 "U.S. and Russian negotiators
  return to Geneva for talks" is the one such record marked SRC, SRC): one gold
  event per unordered pair, matched in either direction. A record with one source
  and no target, or no source, is not dyadic: it is counted apart and left out of
  recall (dyad emits only events with a target); the figure with them counted as
  misses is printed too.
* Produced events: dyad's events whose `plover` is not null (events of CAMEO roots
  01/02 have no PLOVER type and are only counted). Events of the same story with
  the same (source key, target key, type) count once.
* Match: the type is equal, and the produced source/target actor shares a key with
  the gold source/target actor. Each produced event matches at most one gold
  event, greedily in output order. A reciprocal gold event accepts one produced
  event per direction; the second direction counts as matched for precision and
  adds nothing to recall.
* recall = matched gold events / scored gold events;
  precision = matched produced events / produced events.

Exit status: 0 at or above both thresholds, 1 under them (or when dyad fails),
2 usage error, 77 when the GSR file is absent (ctest: skipped).
Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_GSR = os.path.join(REPO, "..", "shared", "peer-data", "PLOVER", "PLOVER_GSR_CAMEO.txt")
DEFAULT_DYAD = os.path.join(REPO, "build", "dyad")
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
COUNTRIES_TSV = os.path.join(REPO, "data", "cameo", "countries.tsv")

# Event type names of the 2016 GSR -> the 16 types of the PLOVER 2.0 manual
# (../shared/reference/plover_event_types.tsv and SOURCES.md section 4): DEMAND
# became REQUEST, DISAPPROVE and INVESTIGATE merged into ACCUSE, FIGHT is ASSAULT
# (CAMEO 20 and the manual's "FIGHT" row both go to ASSAULT). Others are unchanged.
TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
            "FIGHT": "ASSAULT"}
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                "MOBILIZE", "COERCE", "ASSAULT"}

# Country codes that are not ISO 3166-1 alpha-3 but clearly name an ISO country.
# Gold side: the GSR's own slips. Produced side: old CAMEO codes, in case a
# dictionary still emits them (dyad's `country` field is meant to be ISO already).
COUNTRY_ALIASES = {
    "JAP": "JPN",  # GSR: Japan, Tokyo, Japanese Prime Minister (3 actors)
    "ITL": "ITA",  # GSR: Italy (2 actors)
    "VTN": "VNM",  # GSR: "Vietnamese-led forces" (VNM is used elsewhere in the file)
    "ROM": "ROU",  # CAMEO Romania
    "TMP": "TLS",  # CAMEO East Timor
    "ZAR": "COD",  # CAMEO Zaire / DR Congo
    "PAL": "PSE",  # older CAMEO Palestine
    "YUG": "SRB",  # CAMEO Yugoslavia: the GSR codes Yugoslav-era Serbia as SRB
}
# Left as they are: ISM ("Muslim hackers", sector CRMMOS) is neither a country nor
# a CAMEO generic prefix, so it never matches. The GSR also has plain coding slips
# that are not ours to fix ("Serbian military police" coded IGO, the RUF of Sierra
# Leone coded UGA): they stay as written.

# The GSR codes every international actor with a bare generic prefix (IGO, NGO,
# IMG), naming the organisation only in `actorText`. dyad names it with a CAMEO
# known-group code (`group`: UNO, EEC, NAT, ...). First matching row wins; the
# value is the set of group codes that name the same organisation (a UN agency
# such as IGOUNOIAE has group UNO in dyad's code split, so both are accepted).
# Patterns are case-sensitive so that "UN", "EU" and "EC" stay abbreviations.
IGO_TEXT_GROUPS = [
    (r"[Ww]ar [Cc]rimes ([Cc]ourt|[Tt]ribunal)", {"WCT", "UNO"}),
    (r"\bIAEA\b|International Atomic Energy Agency", {"IAE", "UNO"}),
    (r"International Labou?r (Office|Organi[sz]ation)", {"ILO", "UNO"}),
    (r"\bUN refugee agency|UNHCR|High Commissioner for Refugees", {"HCR", "UNO"}),
    (r"\bU\.?N\.?\b|United Nations|Security Council|Kofi Annan", {"UNO"}),
    (r"European (Community|Union|common market)|\bEU\b|\bEC\b", {"EEC"}),
    (r"\bNATO\b|North Atlantic Treaty", {"NAT"}),
    (r"Arab League|League of Arab States", {"ARL"}),
    (r"Asia-Pacific Economic Cooperation|\bAPEC\b", {"ASA", "APC"}),
    (r"\bOSCE\b|Security and Co-?operation in Europe", {"SCE"}),
    (r"Red Crescent", {"RCR", "CRC", "IRC"}),
    (r"Red Cross", {"IRC", "CRC"}),
    (r"Amnesty International", {"AMN"}),
    (r"al-Qa'?eda|al-Qa'?ida", {"ALQ"}),
]
GENERIC_PREFIXES = {"IGO", "NGO", "IMG", "MNC"}


def load_iso3():
    """ISO 3166-1 alpha-3 codes (Debian iso-codes; else dyad's CAMEO table)."""
    try:
        with open(ISO_JSON, encoding="utf-8") as f:
            return {c["alpha_3"] for c in json.load(f)["3166-1"]}
    except OSError:
        codes = set()
        with open(COUNTRIES_TSV, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 3 and len(cols[2]) == 3:
                    codes.add(cols[2])
        return codes


class Keys:
    """Turns actors into sets of comparable keys ("RUS", "G:NAT", "GEN:NGO")."""

    def __init__(self):
        self.iso3 = load_iso3()
        self.unknown = collections.Counter()  # gold codes that can never match

    def country(self, code):
        code = COUNTRY_ALIASES.get(code, code)
        return code if code in self.iso3 else None

    def gold(self, actor):
        code = (actor.get("code") or "").strip().upper()
        text = actor.get("actorText") or ""
        if code in GENERIC_PREFIXES:
            for pattern, groups in IGO_TEXT_GROUPS:
                if re.search(pattern, text):
                    return frozenset("G:" + g for g in groups)
            # An unnamed organisation ("human rights group"): only an equally
            # unnamed one of the same prefix matches.
            return frozenset({"GEN:" + code})
        c = self.country(code)
        if c is None:
            self.unknown[code or "(empty)"] += 1
            return frozenset()
        return frozenset({c})

    def produced(self, actor):
        if not actor:
            return frozenset()
        keys = set()
        c = self.country(actor.get("country") or "")
        if c:
            keys.add(c)
        elif actor.get("country"):
            keys.add("R:" + actor["country"])  # a CAMEO region (WST, AFR): matches no gold
        if actor.get("group"):
            keys.add("G:" + actor["group"])
        code = actor.get("code") or ""
        if not keys and code[:3] in GENERIC_PREFIXES:
            keys.add("GEN:" + code[:3])
        return frozenset(keys)


def actor_list(value):
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def gold_events(record, keys):
    """(scored events, unscored reason). An event: dict with src, tgt, type, recip."""
    etype = TYPE_MAP.get(record["event"], record["event"])
    sources = actor_list(record.get("source"))
    targets = actor_list(record.get("target"))
    src_keys = [keys.gold(a) for a in sources]
    tgt_keys = [keys.gold(a) for a in targets]
    events, seen = [], set()
    if sources and targets:
        for s, sa in zip(src_keys, sources):
            for t, ta in zip(tgt_keys, targets):
                sig = (s, t)
                if sig in seen and s and t:
                    continue
                seen.add(sig)
                events.append({"src": s, "tgt": t, "type": etype, "recip": False,
                               "label": "%s > %s" % (sa.get("code"), ta.get("code"))})
        return events, None
    if len(sources) >= 2 and not targets:
        for i in range(len(sources)):
            for j in range(i + 1, len(sources)):
                sig = frozenset({src_keys[i], src_keys[j]})
                if sig in seen and src_keys[i] and src_keys[j]:
                    continue
                seen.add(sig)
                events.append({"src": src_keys[i], "tgt": src_keys[j], "type": etype,
                               "recip": True,
                               "label": "%s <> %s" % (sources[i].get("code"),
                                                      sources[j].get("code"))})
        return events, None
    return [], "no target" if sources else "no source"


def run_dyad(dyad, records, dict_dir):
    lines = [json.dumps({"id": r["id"], "date": r.get("date") or "2000-01-01",
                         "text": r["text"]}, ensure_ascii=False) for r in records]
    cmd = [dyad, "code"]
    if dict_dir:
        cmd += ["--dict", dict_dir]
    proc = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True,
                          text=True, encoding="utf-8", errors="replace")
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        raise RuntimeError("%s exited with status %d" % (" ".join(cmd), proc.returncode))
    events = []
    for n, line in enumerate(proc.stdout.splitlines(), 1):
        if line.strip():
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise RuntimeError("dyad output line %d is not JSON: %s" % (n, e)) from e
    return events, proc.stderr.strip().splitlines()[-1:] if proc.stderr.strip() else []


def key_text(keys):
    return "/".join(sorted(keys)) or "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dyad", default=os.environ.get("DYAD", DEFAULT_DYAD))
    ap.add_argument("--gsr", default=DEFAULT_GSR)
    ap.add_argument("--dict", default="", help="dictionary folder passed to dyad --dict (added to the defaults)")
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    a = ap.parse_args()

    if not os.path.isfile(a.gsr):
        print("skipped: %s is not here (it lives in ../shared/peer-data beside the repository)"
              % a.gsr)
        return 77
    if not os.access(a.dyad, os.X_OK):
        print("score_plover_gsr: no dyad binary at %s (use --dyad)" % a.dyad, file=sys.stderr)
        return 2
    with open(a.gsr, encoding="utf-8") as f:
        data = json.load(f)
    records = [r for r in data if isinstance(r, dict) and r.get("event") != "DOCUMENT"
               and r.get("text")]
    keys = Keys()

    gold = {}  # record id -> list of gold events
    unscored = collections.Counter()
    bad_types = collections.Counter()
    for r in records:
        evs, why = gold_events(r, keys)
        if why:
            unscored[why] += 1
        for e in evs:
            if e["type"] not in PLOVER_TYPES:
                bad_types[e["type"]] += 1
        gold[r["id"]] = evs
    n_gold = sum(len(v) for v in gold.values())

    try:
        produced_raw, stats = run_dyad(a.dyad, records, a.dict)
    except (OSError, RuntimeError) as e:
        print("score_plover_gsr: %s" % e, file=sys.stderr)
        return 1

    by_record = collections.defaultdict(list)
    no_plover = 0
    unknown_story = 0
    for e in produced_raw:
        if not e.get("plover"):
            no_plover += 1
            continue
        if e.get("story_id") not in gold:
            unknown_story += 1
            continue
        src = keys.produced(e.get("source"))
        tgt = keys.produced(e.get("target"))
        sig = (src, tgt, e["plover"])
        bucket = by_record[e["story_id"]]
        if any(p["sig"] == sig for p in bucket):
            continue  # the same dyad and type again in this story
        bucket.append({"sig": sig, "src": src, "tgt": tgt, "type": e["plover"],
                       "code": e.get("code"), "text": "%s>%s" % (
                           (e.get("source") or {}).get("code", "?"),
                           (e.get("target") or {}).get("code", "-"))})
    n_produced = sum(len(v) for v in by_record.values()) + unknown_story

    matched_gold = 0
    matched_produced = 0
    misses, extras = [], []
    per_type = collections.defaultdict(lambda: [0, 0, 0, 0])  # gold, hit, produced, good
    for rid, gevs in gold.items():
        used = [set() for _ in gevs]  # directions used: "f" forward, "r" reverse
        for p in by_record.get(rid, []):
            per_type[p["type"]][2] += 1
            hit = False
            for i, g in enumerate(gevs):
                if g["type"] != p["type"]:
                    continue
                dirs = []
                if p["src"] & g["src"] and p["tgt"] & g["tgt"]:
                    dirs.append("f")
                if g["recip"] and p["src"] & g["tgt"] and p["tgt"] & g["src"]:
                    dirs.append("r")
                free = [d for d in dirs if d not in used[i]] if g["recip"] else (
                    dirs if not used[i] else [])
                if free:
                    used[i].add(free[0])
                    hit = True
                    break
            if hit:
                matched_produced += 1
                per_type[p["type"]][3] += 1
            else:
                extras.append((rid, p))
        for g, u in zip(gevs, used):
            per_type[g["type"]][0] += 1
            if u:
                matched_gold += 1
                per_type[g["type"]][1] += 1
            else:
                misses.append((rid, g))

    recall = matched_gold / n_gold if n_gold else 0.0
    precision = matched_produced / n_produced if n_produced else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    n_unscored = sum(unscored.values())
    recall_all = matched_gold / (n_gold + n_unscored) if n_gold + n_unscored else 0.0

    print("PLOVER GSR: %d sentences, %d gold dyadic events (%d records not dyadic: %s)"
          % (len(records), n_gold, n_unscored,
             ", ".join("%d %s" % (v, k) for k, v in sorted(unscored.items()))))
    if keys.unknown:
        print("gold actor codes never matched (unknown): %s" % ", ".join(
            "%s x%d" % kv for kv in sorted(keys.unknown.items())))
    if bad_types:
        print("gold types outside PLOVER 2.0: %s" % dict(bad_types))
    if stats:
        print(stats[0])
    print("produced: %d events with a PLOVER type (%d distinct per story), %d without "
          "(CAMEO 01/02, ignored)" % (sum(1 for e in produced_raw if e.get("plover")),
                                      n_produced, no_plover))
    print("%-10s %6s %6s %8s %6s %9s" % ("type", "gold", "hit", "produced", "good", "precision"))
    for t in sorted(per_type):
        g, h, p, good = per_type[t]
        print("%-10s %6d %6d %8d %6d %9s" % (t, g, h, p, good,
                                             "%.2f" % (good / p) if p else "-"))
    print("recall %.3f (%d/%d)  precision %.3f (%d/%d)  F1 %.3f"
          % (recall, matched_gold, n_gold, precision, matched_produced, n_produced, f1))
    print("recall counting the %d non-dyadic records as misses: %.3f" % (n_unscored, recall_all))

    if a.verbose:
        text = {r["id"]: r["text"] for r in records}
        print("\nmisses (gold events not produced):")
        for rid, g in misses:
            print("  %s %s %s [%s %s %s]  %s" % (rid, g["type"], g["label"], key_text(g["src"]),
                                                   "<>" if g["recip"] else ">",
                                                   key_text(g["tgt"]), text[rid][:110]))
        print("\nextras (produced events matching no gold event):")
        for rid, p in extras:
            print("  %s %s (%s) %s [%s > %s]  %s" % (rid, p["type"], p["code"], p["text"],
                                                     key_text(p["src"]), key_text(p["tgt"]),
                                                     text.get(rid, "")[:110]))

    fails = []
    if recall < a.min_recall:
        fails.append("recall %.3f < %.2f" % (recall, a.min_recall))
    if precision < a.min_precision:
        fails.append("precision %.3f < %.2f" % (precision, a.min_precision))
    if fails:
        print("FAIL: " + "; ".join(fails))
        return 1
    print("OK (thresholds: recall %.2f, precision %.2f)" % (a.min_recall, a.min_precision))
    return 0


if __name__ == "__main__":
    sys.exit(main())
