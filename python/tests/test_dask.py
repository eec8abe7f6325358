"""dyad.dask on a LocalCluster of 2 worker processes, against `dyad code`."""

import json
import os
import subprocess
import sys

import pytest

from conftest import SOURCE, cli_events

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

import dyad  # noqa: E402
import dyad.dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_code_bag_equals_cli_and_loads_once_per_worker(client, corpus):
    expected, lines, _, rc = cli_events(corpus)
    assert rc == 0 and len(expected) > 1000
    # JSON Lines records read by the workers themselves, 8 partitions.
    size = os.path.getsize(corpus)
    bag = db.read_text(str(corpus), blocksize=size // 8 + 1, linedelimiter="\n", encoding="utf-8")
    assert bag.npartitions >= 6
    out = dyad.dask.code_bag(bag, as_json=True)
    assert out.compute() == lines
    # Dicts, partitioned by dask, give the CLI's events as dicts.
    stories = [json.loads(l) for l in corpus.read_text(encoding="utf-8").splitlines()]
    assert dyad.dask.code_bag(db.from_sequence(stories, npartitions=5)).compute() == expected
    # Two worker processes (neither is this one), each loaded the lexicon once
    # for all the partitions it coded.
    info = client.run(lambda: (os.getpid(), dyad.dask.loads()))
    assert len(info) == 2 and os.getpid() not in [pid for pid, _ in info.values()]
    assert sorted(n for _, n in info.values()) == [1, 1]
    assert dyad.dask.loads() == 0


def test_code_dataframe_equals_cli(client, corpus):
    import pandas as pd

    expected, _, _, _ = cli_events(corpus)
    stories = pd.read_json(corpus, lines=True, dtype={"id": str, "date": str, "text": str})
    got = dyad.dask.code_dataframe(dd.from_pandas(stories, npartitions=4)).compute()
    want = dyad.to_pandas(expected)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want)


def test_example_script_writes_the_cli_output(corpus, tmp_path):
    _, lines, _, _ = cli_events(corpus)
    outdir = tmp_path / "out"
    p = subprocess.run([sys.executable, os.path.join(SOURCE, "examples", "dask_code.py"),
                        str(corpus), str(outdir), "--workers", "2", "--partitions", "6"],
                       capture_output=True, text=True, timeout=240)
    assert p.returncode == 0, p.stderr
    parts = sorted(os.listdir(outdir), key=lambda n: int(n[len("part-"):-len(".jsonl")]))
    assert len(parts) == 6
    got = b"".join((outdir / n).read_bytes() for n in parts)
    assert got == ("\n".join(lines) + "\n").encode("utf-8")
    assert f"2000 stories, {len(lines)} events in 6 partitions" in p.stderr


def test_example_script_with_empty_partitions(tmp_path):
    # 4 stories in 8 partitions: some partitions have no story; their files
    # are empty, and the files concatenated are still dyad code's output.
    stories = os.path.join(SOURCE, "examples", "stories.jsonl")
    _, lines, _, _ = cli_events(stories)
    outdir = tmp_path / "out"
    p = subprocess.run([sys.executable, os.path.join(SOURCE, "examples", "dask_code.py"),
                        stories, str(outdir), "--workers", "2", "--partitions", "8"],
                       capture_output=True, text=True, timeout=240)
    assert p.returncode == 0, p.stderr
    parts = sorted(os.listdir(outdir), key=lambda n: int(n[len("part-"):-len(".jsonl")]))
    sizes = [(outdir / n).stat().st_size for n in parts]
    assert len(parts) == 8 and 0 in sizes
    got = b"".join((outdir / n).read_bytes() for n in parts)
    assert got == ("\n".join(lines) + "\n").encode("utf-8")
