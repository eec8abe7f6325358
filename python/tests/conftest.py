"""Shared fixtures: the source tree, the dyad binary, one Coder, the corpora.

Run by ctest (test python_api, label python), which sets PYTHONPATH to
build/python and DYAD_BIN to the binary of the same build; by hand:

    PYTHONPATH=build/python /usr/bin/python3 -m pytest -q python/tests
"""

import json
import os
import subprocess
import sys

import pytest

SOURCE = os.environ.get("DYAD_SOURCE_DIR") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DYAD_BIN = os.environ.get("DYAD_BIN") or os.path.join(SOURCE, "build", "dyad")


def run_cli(args, stdin=None):
    """`dyad ARGS` → (stdout bytes, stderr text, exit status)."""
    p = subprocess.run([DYAD_BIN] + args, input=stdin, capture_output=True)
    return p.stdout, p.stderr.decode("utf-8", "replace"), p.returncode


def cli_events(path, extra=()):
    """The events `dyad code PATH` prints, as dicts, and its raw lines."""
    out, err, rc = run_cli(["code", "--threads", "2", *extra, str(path)])
    assert rc in (0, 1), err
    lines = out.decode("utf-8").splitlines()
    return [json.loads(l) for l in lines], lines, err, rc


@pytest.fixture(scope="session")
def coder():
    import dyad
    return dyad.Coder()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """2,000 stories (14,967 sentences) dealt by scripts/make_corpus.py from
    the project's own example and gold sentences."""
    path = tmp_path_factory.mktemp("corpus") / "corpus-2000.jsonl"
    subprocess.run([sys.executable, os.path.join(SOURCE, "scripts", "make_corpus.py"),
                    "--stories", "2000", "-o", str(path)], check=True, capture_output=True)
    return path


@pytest.fixture(scope="session")
def golden_cases():
    """(date, sentence) of every golden coding case in tests/golden/*.txt."""
    cases = []
    gdir = os.path.join(SOURCE, "tests", "golden")
    for name in sorted(os.listdir(gdir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(gdir, name), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("#") or line.startswith("=>") or " | " not in line:
                    continue
                date, text = line.split(" | ", 1)
                cases.append((date.strip(), text.strip()))
    assert len(cases) > 50
    return cases
