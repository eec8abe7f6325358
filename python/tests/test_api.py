"""The Python API against the CLI: same events, threads, errors, explain, pandas."""

import concurrent.futures
import json
import os
import warnings

import pytest

import dyad
from conftest import SOURCE, cli_events, run_cli


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def test_example_stories_equal_cli(coder):
    path = os.path.join(SOURCE, "examples", "stories.jsonl")
    expected, lines, _, rc = cli_events(path)
    assert rc == 0 and expected
    stories = read_jsonl(path)
    assert list(coder.code_stories(stories)) == expected
    # The same lines of JSON, byte for byte.
    assert list(coder.code_stories(stories, as_json=True)) == lines
    # One story at a time through code().
    one_by_one = []
    for s in stories:
        one_by_one += coder.code(s["text"], date=s["date"], id=s["id"])
    assert one_by_one == expected


def test_golden_sentences_equal_cli(coder, golden_cases, tmp_path):
    # Every golden sentence as a story of its own, coded by the CLI in one run
    # and here one call at a time.
    stories = [{"id": f"g{i}", "date": d, "text": t} for i, (d, t) in enumerate(golden_cases)]
    path = tmp_path / "golden.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    expected, _, _, rc = cli_events(path)
    assert rc == 0
    got = []
    for s in stories:
        got += coder.code(s["text"], date=s["date"], id=s["id"])
    assert len(got) > 100
    assert got == expected


def test_code_fields(coder):
    (e,) = coder.code("Russia attacked Ukraine.", date="2024-01-01", id="s1")
    assert e["story_id"] == "s1" and e["date"] == "2024-01-01"
    assert e["source"]["code"] == "RUS" and e["target"]["code"] == "UKR"
    assert e["root"] == "19" and e["code"].startswith("19")
    assert e["text"] == "Russia attacked Ukraine." and e["trigger"] == "attacked"
    assert e["dictionary"] == coder.fingerprint and e["coder"] == "dyad " + dyad.__version__
    # What dyad does not code, the module does not either.
    assert coder.code("Russia did not attack Ukraine.", date="2024-01-01") == []


def test_corpus_threads_equal_one_thread_and_cli(coder, corpus):
    expected, lines, _, rc = cli_events(corpus)
    assert rc == 0 and len(expected) > 1000
    records = corpus.read_text(encoding="utf-8").splitlines()
    one = list(coder.code_stories(records, threads=1, as_json=True))
    assert one == lines
    for n in (2, 3):
        assert list(coder.code_stories(records, threads=n, as_json=True)) == one
    # Dicts in, dicts out.
    dicts = [json.loads(r) for r in records[:300]]
    n300 = sum(1 for e in expected if int(e["story_id"].split("-")[1]) <= 300)
    assert list(coder.code_stories(dicts, threads=2)) == expected[:n300]


def test_python_threads_share_one_coder(coder, corpus):
    records = corpus.read_text(encoding="utf-8").splitlines()[:400]
    chunks = [records[i::4] for i in range(4)]
    alone = [list(coder.code_stories(c, as_json=True)) for c in chunks]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda c: list(coder.code_stories(c, as_json=True)), chunks))
    assert together == alone


def test_bad_input_raises_naming_the_story(coder):
    with pytest.raises(ValueError, match='story "bad-1": date "2024-13-01" is not YYYY-MM-DD'):
        coder.code("Russia attacked Ukraine.", date="2024-13-01", id="bad-1")
    with pytest.raises(dyad.StoryError, match="story 'x'"):
        coder.code(b"Russia attacked Ukraine.", date="2024-01-01", id="x")
    with pytest.raises(ValueError, match="empty"):
        coder.code("Russia attacked Ukraine.", date="2024-01-01", id="")
    with pytest.raises(ValueError, match="semantics"):
        dyad.Coder(semantics="klingon")
    with pytest.raises(ValueError, match="no-such-folder: no such dictionary folder"):
        dyad.Coder(dict_dir="/nonexistent/no-such-folder")
    with pytest.raises(ValueError, match="story 'e1'"):
        coder.explain("Russia attacked Ukraine.", date="01/02/2024", id="e1")


def test_bad_story_in_a_batch_is_reported_and_skipped_as_in_cli(coder, tmp_path):
    path = os.path.join(SOURCE, "examples", "stories.jsonl")
    lines = open(path, encoding="utf-8").read().splitlines()
    bad_date = json.dumps({"id": "bad-date", "date": "2025-02-30", "text": "Russia attacked Ukraine."})
    mixed = lines[:2] + [bad_date, "{not json", ""] + lines[2:]
    mixed_path = tmp_path / "mixed.jsonl"
    mixed_path.write_text("\n".join(mixed) + "\n", encoding="utf-8")
    expected, _, err, rc = cli_events(mixed_path)
    assert rc == 1 and "bad-date" in err
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        got = list(coder.code_stories(mixed, threads=2))
    assert got == expected and got
    assert len(coder.errors) == 2
    assert coder.errors[0].startswith("stories:3: ") and "bad-date" in coder.errors[0]
    assert coder.errors[1].startswith("stories:4: ")
    assert [str(x.message) for x in w] == coder.errors
    with pytest.raises(dyad.StoryError, match="stories:3: .*bad-date"):
        list(coder.code_stories(mixed, errors="raise"))
    with pytest.raises(dyad.StoryError, match="stories:2: .*list"):
        list(coder.code_stories([lines[0], ["not", "a", "story"]]))


def test_repeated_id_and_foreign_story_as_in_cli(coder, tmp_path):
    story = {"id": "r1", "date": "2024-03-01", "text": "Russia attacked Ukraine. Poland condemned Russia."}
    german = {"id": "de1", "date": "2024-03-01", "text": (
        "Die Bundesregierung hat am Montag in Berlin erklärt, dass sie die Sanktionen gegen "
        "Russland verschärfen will, weil die Angriffe auf die Ukraine nicht aufgehört haben.")}
    stories = [story, german, story]
    path = tmp_path / "repeat.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    expected, _, err, rc = cli_events(path)
    assert "duplicate story id 'r1'" in err and "not English" in err
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        got = list(coder.code_stories(stories))
    assert got == expected
    first = [e["id"] for e in got if e["story_id"] == "r1"]
    assert len(first) == 4 and len(set(first)) == 4  # the repeat has ids of its own
    assert any("duplicate story id 'r1'" in m for m in coder.errors)
    assert any("'de1' skipped: not English" in m for m in coder.errors)
    with pytest.warns(UserWarning, match="not English"):
        assert coder.code(german["text"], date="2024-03-01", id="de1") == []


def test_explain_equals_cli(coder):
    sentence = "Russia says it has no plans to invade Ukraine."
    out, err, rc = run_cli(["explain", "--format", "json", "--date", "2022-02-10", "--text", sentence])
    assert rc == 0, err
    got = coder.explain(sentence, date="2022-02-10")
    assert got == json.loads(out)
    assert isinstance(got, dict) and got


def test_dict_dir_and_semantics(coder, tmp_path):
    text = "The Ruritanian army shelled Ukraine."
    assert coder.code(text, date="2024-01-01") == []
    d = tmp_path / "mydict"
    d.mkdir()
    (d / "ruritania.dict").write_text("country  RUR : Ruritania | Ruritanian\n", encoding="utf-8")
    mine = dyad.Coder(dict_dir=str(d))
    events = mine.code(text, date="2024-01-01")
    assert events and events[0]["source"]["code"].startswith("RUR")
    p = tmp_path / "s.jsonl"
    p.write_text(json.dumps({"id": "text", "date": "2024-01-01", "text": text}) + "\n")
    assert events == cli_events(p, ["--dict", str(d)])[0]
    # Reference semantics code a negated act; dyad's do not.
    neg = "Russia did not attack Ukraine."
    tab = dyad.Coder(semantics="petrarch")
    p.write_text(json.dumps({"id": "text", "date": "2024-01-01", "text": neg}) + "\n")
    assert tab.code(neg, date="2024-01-01") == cli_events(p, ["--semantics", "petrarch"])[0]
    assert tab.code(neg, date="2024-01-01") != coder.code(neg, date="2024-01-01")


def test_to_pandas_types(coder, corpus):
    import pandas as pd

    records = corpus.read_text(encoding="utf-8").splitlines()[:200]
    events = list(coder.code_stories(records))
    events += coder.code("Russia mobilized.", date="2024-01-01", id="nt")  # no target: no event
    nt = dyad.Coder(allow_no_target=True).code("Russia mobilized its troops.", date="2024-01-01", id="nt")
    assert nt and nt[0]["target"] is None
    events += nt
    df = dyad.to_pandas(events)
    assert list(df.columns) == dyad.COLUMNS and len(df) == len(events)
    for col in ("source_code", "source_country", "target_code", "target_country", "code", "root",
                "plover", "story_id", "text", "trigger", "id"):
        assert df[col].dtype == object, col
    assert df["goldstein"].dtype == "float64" and df["quad_class"].dtype == "int64"
    assert df["sentence"].dtype == "int64" and df["confidence"].dtype == "float64"
    assert str(df["date"].dtype) == "datetime64[ns]"
    # Codes are strings with CAMEO's leading zeros, exactly the events' codes.
    assert list(df["code"]) == [e["code"] for e in events]
    assert all(isinstance(c, str) for c in df["code"])
    assert any(c.startswith("0") for c in df["code"])
    assert list(df["root"]) == [e["root"] for e in events]
    assert list(df["source_code"]) == [e["source"]["code"] for e in events]
    assert list(df["target_country"][:-1]) == [e["target"]["country"] for e in events[:-1]]
    assert df["target_code"].iloc[-1] is None
    assert df["date"].iloc[0] == pd.Timestamp(events[0]["date"])
    empty = dyad.to_pandas([])
    assert list(empty.columns) == dyad.COLUMNS and len(empty) == 0
    assert empty["goldstein"].dtype == "float64" and empty["quad_class"].dtype == "int64"


def test_gil_is_released_while_coding(coder, corpus):
    # One call into the coder on 2,000 stories; the main thread counts loop
    # turns it makes from 50 ms after the call began until it ends. Were the
    # GIL held during the call, it could make none.
    import threading
    import time

    records = corpus.read_text(encoding="utf-8").splitlines()
    session = coder._c.session()
    began, done = threading.Event(), threading.Event()
    span = {}

    def work():
        span["start"] = time.perf_counter()
        began.set()
        session.code(records, ["x"] * len(records), 1)
        span["end"] = time.perf_counter()
        done.set()

    th = threading.Thread(target=work)
    th.start()
    began.wait()
    turns = 0
    while not done.is_set():
        if time.perf_counter() > span["start"] + 0.05:
            turns += 1
    th.join()
    assert span["end"] - span["start"] > 0.1
    assert turns > 100
