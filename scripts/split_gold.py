#!/usr/bin/env python3
"""Splits gold files into a development part and a held-back part.

    scripts/split_gold.py [--out build/gold-split] GOLD.jsonl ...

Each record goes to NAME.dev.jsonl or NAME.held.jsonl by a hash of its id
(about one record in three is held back), so the split is the same on every
machine and does not depend on the order of the file. Rules are developed
against the dev part; the held part is only scored, to check that a round's
rules carry over to text they were not tuned on. The gold files are read
from ../shared at run time and the parts are written under build/, never
committed.
"""
import argparse
import hashlib
import json
import os
import sys


def held(record_id):
    return int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="build/gold-split")
    ap.add_argument("gold", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for path in a.gold:
        name = os.path.basename(path)[: -len(".jsonl")] if path.endswith(".jsonl") else os.path.basename(path)
        parts = {"dev": [], "held": []}
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rid = json.loads(line)["id"]
                except (ValueError, KeyError) as e:
                    sys.exit(f"{path}:{n}: {e}")
                parts["held" if held(rid) else "dev"].append(line if line.endswith("\n") else line + "\n")
        for part, lines in parts.items():
            with open(os.path.join(a.out, f"{name}.{part}.jsonl"), "w", encoding="utf-8") as out:
                out.writelines(lines)
        print(f"{path}: {len(parts['dev'])} dev, {len(parts['held'])} held back")


if __name__ == "__main__":
    main()
