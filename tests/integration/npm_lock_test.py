#!/usr/bin/env python3
"""package-lock.json pins what package.json asks for, and scripts/setup installs from it.

    npm_lock_test.py SOURCE_DIR

Checks, without the network: the lockfile's root lists exactly package.json's
dependencies; each direct dependency is locked at the version package.json
pins; every locked package carries an integrity hash (so `npm ci` verifies
what it downloads); every dependency a locked package declares is locked too;
scripts/setup installs with `npm ci`, never `npm install`, which would
rewrite the lockfile. Exits 1 on a failure.
"""
import json
import os
import re
import sys

src = sys.argv[1]
fails = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else " " + detail))
    if not ok:
        fails.append(name)


pkg = json.load(open(os.path.join(src, "package.json")))
lock_path = os.path.join(src, "package-lock.json")
check("package-lock.json is committed", os.path.exists(lock_path))
if not os.path.exists(lock_path):
    sys.exit(1)
lock = json.load(open(lock_path))
wanted = {**pkg.get("dependencies", {}), **pkg.get("devDependencies", {})}
root = lock.get("packages", {}).get("", {})
locked_root = {**root.get("dependencies", {}), **root.get("devDependencies", {})}
check("lockfile format has a packages map (lockfileVersion >= 2)", lock.get("lockfileVersion", 1) >= 2)
check("lockfile root names package.json's dependencies", locked_root == wanted,
      "%s != %s" % (locked_root, wanted))
packages = lock.get("packages", {})
for name, version in sorted(wanted.items()):
    entry = packages.get("node_modules/" + name, {})
    check("%s locked at %s" % (name, version), entry.get("version") == version, str(entry.get("version")))
for path, entry in sorted(packages.items()):
    if not path:
        continue
    check("%s has an integrity hash" % path, entry.get("integrity", "").startswith("sha"))
    for dep in entry.get("dependencies", {}):
        check("%s's dependency %s is locked" % (path, dep), "node_modules/" + dep in packages)
setup = open(os.path.join(src, "scripts", "setup")).read()
code = "\n".join(l for l in setup.splitlines() if not l.lstrip().startswith("#"))
check("scripts/setup installs with npm ci", re.search(r"\bnpm ci\b", code) is not None)
check("scripts/setup never runs npm install", re.search(r"\bnpm (install|i)\b", code) is None)
print("%d failed" % len(fails))
sys.exit(1 if fails else 0)
