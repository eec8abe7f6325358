#!/usr/bin/env python3
"""Generate data/dict/39-irregular.dict from WordNet's verb exception list.

Source: /usr/share/wordnet/verb.exc from the Debian package `wordnet-base`
(WordNet 3.0, Copyright 2006 by Princeton University; WordNet 3.0 license, a
BSD-style permissive license). Each line of verb.exc is `inflected lemma [lemma...]`.

The dyad engine generates regular inflections itself (-s, -ed, -ing, y->i,
consonant doubling, e-drop), so this script keeps only past/participle forms
that those rules cannot produce, and writes one `irregular : lemma past participle`
line per lemma.

Usage: python3 scripts/gen/gen_irregular.py [VERB_EXC] [OUT]
Python 3 standard library only.
"""
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet/verb.exc"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "data", "dict", "39-irregular.dict")

VOWELS = set("aeiou")
INVARIANT = ("bet broadcast burst cast cost cut forecast hit hurt let put quit rid set shed "
             "shut slit split spread thrust upset offset outbid overbid reset recast "
             "beset bid wed").split()
# Verbs whose regular -ed past is standard beside the irregular one, written out as an
# extra form (hand-listed, this project's own). The loader now keeps regular pasts beside
# irregular ones anyway; listing them keeps the file explicit about the standard forms.
REGULAR_TOO = set(("hang light dive lie speed shine strive weave broadcast forecast "
                   "wake spit bid").split())
# present-tense forms of auxiliaries that are not past forms
PRESENT_FORMS = {"am", "are", "is", "has", "art", "hast", "hath", "doth", "dost"}


def _is_vowel(c):
    return c in VOWELS


def regular_forms(lemma):
    """The forms dyad's inflection rules (src/lexicon/inflection.cc) generate for `lemma`."""
    s = lemma
    n = len(s)
    out = [s]
    if not s:
        return set(out)
    last = s[-1]
    if last == "y" and n > 1 and not _is_vowel(s[-2]):
        out.append(s[:-1] + "ies")
    elif last in "sxz" or s.endswith(("ch", "sh")) or (last == "o" and n > 1 and not _is_vowel(s[-2])):
        out.append(s + "es")
    else:
        out.append(s + "s")
    cvc = (n >= 3 and not _is_vowel(s[-1]) and _is_vowel(s[-2]) and not _is_vowel(s[-3])
           and last not in "wxy")
    dbl = cvc and (n <= 4 or s.endswith(("pel", "trol", "mit", "fer", "cur", "gret", "bed", "ped")))
    if s.endswith("fer") and s not in ("refer", "confer", "transfer", "defer", "prefer", "infer"):
        dbl = False
    if last == "e":
        out.append(s + "d")
        if s.endswith(("ee", "ye", "oe")):
            out.append(s + "ing")
        elif s.endswith("ie"):
            out.append(s[:-2] + "ying")
        else:
            out.append(s[:-1] + "ing")
    elif last == "y" and n > 1 and not _is_vowel(s[-2]):
        out += [s[:-1] + "ied", s + "ing"]
    elif dbl:
        out += [s + last + "ed", s + last + "ing", s + "ed", s + "ing"]
    else:
        out += [s + "ed", s + "ing"]
        if last == "l" and n > 2 and _is_vowel(s[-2]):
            out += [s + "led", s + "ling"]
    if last == "c":
        out += [s + "ked", s + "king"]
    return set(out)


def regular_past(lemma):
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and not _is_vowel(lemma[-2]):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def is_spelling_variant(form, lemma):
    """A doubled-consonant or -t past of an otherwise regular verb (kidnapped, burnt)."""
    if len(lemma) >= 2 and form in (lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"):
        return True
    if form.endswith("t") and lemma[-1:] in ("n", "l", "m", "p") and form[:-1].rstrip("e") in (
            lemma, lemma[:-1], lemma[:-2] + lemma[-1:]):
        return True  # burnt, spelt, dreamt, leapt, knelt
    return False


def is_participle_like(form):
    return form.endswith("en") or form.endswith("n") or form.endswith("ne")


def split_past_participle(forms):
    """Return (past, participle, dropped) for a sorted list of irregular forms."""
    forms = sorted(set(forms))
    if len(forms) == 1:
        return forms[0], forms[0], []
    # vowel alternation a/u (sang/sung, began/begun, drank/drunk): u-form is the participle
    for a in forms:
        for b in forms:
            if a != b and len(a) == len(b):
                diff = [i for i in range(len(a)) if a[i] != b[i]]
                if len(diff) == 1 and a[diff[0]] == "a" and b[diff[0]] == "u":
                    rest = [f for f in forms if f not in (a, b)]
                    return a, b, rest
    parts = [f for f in forms if is_participle_like(f)]
    pasts = [f for f in forms if not is_participle_like(f)]
    if parts and pasts:
        # prefer -en participles, then the longer form
        parts.sort(key=lambda f: (not f.endswith("en"), -len(f), f))
        pasts.sort(key=lambda f: (-len(f), f))  # forbade over forbad, smote over smit
        return pasts[0], parts[0], pasts[1:] + parts[1:]
    # no rule applies: shorter form is the past, longer the participle
    forms.sort(key=lambda f: (len(f), f))
    return forms[0], forms[-1], forms[1:-1]


def main():
    by_lemma = defaultdict(list)
    ing_forms = defaultdict(list)
    with open(SRC, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            form, lemmas = parts[0], parts[1:]
            for lemma in lemmas:
                if "_" in lemma or "_" in form or "-" in lemma or "-" in form:
                    continue  # multiword/hyphenated entries: particles are handled by patterns
                if form in regular_forms(lemma):
                    continue  # the engine generates it
                if form.endswith("ing"):
                    ing_forms[lemma].append(form)  # kidnapping, equipping: kept as extra forms
                    continue
                if form in PRESENT_FORMS:
                    continue
                if form.endswith("s") and not form.endswith("ss") and form != "was":
                    continue  # third-person or spelling-variant -s forms are not past forms
                by_lemma[lemma].append(form)

    # Verbs whose past and participle equal the lemma have no entry in verb.exc (there is
    # nothing to un-inflect); the engine still needs to know these forms are past/participle
    # (e.g. passives "was hit by", "were cut off"). Hand-listed, this project's own.
    for lemma in INVARIANT:
        by_lemma.setdefault(lemma, [lemma])

    lines = []
    for lemma in sorted(by_lemma):
        forms = by_lemma[lemma]
        past, part, extra = split_past_participle(forms)
        if len(set(forms)) == 1 and is_participle_like(part) and part not in ("ran", "won", "spun", "began", "shone"):
            # a lone participle (proven, mown, sewn): the past is the regular one
            if part == lemma + "en":
                past = lemma  # beat beat beaten
            elif part.endswith("n") and not part.endswith(("an", "on", "un")):
                past = regular_past(lemma)
        if len(set(forms)) == 1 and len(part) == len(lemma):
            diff = [i for i in range(len(lemma)) if lemma[i] != part[i]]
            if len(diff) == 1 and part[diff[0]] == "a" and lemma[diff[0]] in "uo":
                part = lemma  # run ran run, come came come
        if lemma == "be":
            past, part, extra = "was", "been", ["were"]
        extra = list(extra)
        if lemma in REGULAR_TOO or any(is_spelling_variant(f, lemma) for f in forms):
            extra.append(regular_past(lemma))
        extra += sorted(set(ing_forms.get(lemma, [])))
        seen = {past, part}
        extra = [e for e in extra if not (e in seen or seen.add(e))]
        lines.append(" ".join(["irregular :", lemma, past, part] + extra))

    header = [
        "# 39-irregular.dict -- GENERATED, do not edit by hand.",
        "# Generator: scripts/gen/gen_irregular.py",
        "# Source: /usr/share/wordnet/verb.exc from the Debian package wordnet-base (WordNet 3.0).",
        "# License of the source data: WordNet 3.0 license (BSD-style), WordNet 3.0 Copyright 2006",
        "#   by Princeton University. All rights reserved. Permission to use, copy, modify and",
        "#   distribute for any purpose and without fee is granted provided the copyright notice",
        "#   and statements (including the disclaimer) appear on all copies.",
        "# Only forms that the engine's regular inflection rules (-s, -ed, -ing, y->i, consonant",
        "# doubling as in src/lexicon/inflection.cc, e-drop) cannot produce are kept.",
        "# Format: irregular : lemma past participle [more forms]. Past and participle are split",
        "# by simple rules (a form in -en/-n, or the u-form of an a/u pair, is the participle; a",
        "# lone form serves as both). More forms after the participle are alternates the loader",
        "# also accepts: a second past (were), doubled -ing forms the rules miss (kidnapping),",
        "# and the regular -ed past where it is also standard (burned, benefited, hanged). The",
        "# loader keeps a verb's regular -ed beside its irregular forms unless the spelling is",
        "# another verb's form or lemma, so those extras only make the standard pasts explicit.",
        "# Invariant verbs (hit, cut, set, put ...) are hand-listed in the script: verb.exc has",
        "# no entry for them because the form equals the lemma.",
        f"# {len(lines)} verbs.",
        "",
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(header + lines) + "\n")
    print(f"wrote {OUT}: {len(lines)} irregular verbs")


if __name__ == "__main__":
    main()
