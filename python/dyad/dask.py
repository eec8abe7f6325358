"""dyad on Dask: code the partitions of a bag (or a dataframe) on the workers.

    import dask.bag as db
    import dyad.dask
    stories = db.read_text("corpus-*.jsonl")      # JSON Lines records, or a bag of dicts
    events = dyad.dask.code_bag(stories)          # a bag of event dicts
    events.map(json.dumps).to_textfiles("out/*.jsonl")

Each worker process loads the dictionaries once, on the first partition it
codes, and keeps the Coder in a module-level cache keyed by the Coder's
arguments; later partitions (and later computations) on that worker reuse it.
Within a partition stories are coded, checked and reported as
Coder.code_stories does (a bad story is warned about in the worker's log and
skipped); a story id repeated in two different partitions is not noticed,
since no worker sees both (`dyad code` on the whole file reports it).
"""

import os
import threading

from . import Coder, to_pandas

__all__ = ["code_bag", "code_dataframe", "code_partition", "get_coder", "write_partitions"]

_coders = {}
_lock = threading.Lock()


def _key(dict_dir, semantics, options):
    if dict_dir is None:
        dirs = ()
    elif isinstance(dict_dir, (str, bytes)) or hasattr(dict_dir, "__fspath__"):
        dirs = (str(dict_dir),)
    else:
        dirs = tuple(str(d) for d in dict_dir)
    return (dirs, semantics, tuple(sorted(options.items())))


def get_coder(dict_dir=None, semantics="dyad", **options):
    """The Coder of this process for these arguments, loaded on first use and
    kept (one per process and argument set; thread-safe)."""
    key = _key(dict_dir, semantics, options)
    with _lock:
        coder = _coders.get(key)
        if coder is None:
            coder = Coder(list(key[0]), semantics, **options)
            _coders[key] = coder
        return coder


def loads():
    """How many Coders this process has loaded (for tests and logs)."""
    with _lock:
        return len(_coders)


def code_partition(stories, dict_dir=None, semantics="dyad", threads=1, errors="warn",
                   as_json=False, **options):
    """A list of the events of `stories` (dicts or JSON Lines records), coded
    with this process's cached Coder (as_json: `dyad code`'s lines of JSON)."""
    coder = get_coder(dict_dir, semantics, **options)
    return list(coder.code_stories(stories, threads=threads, errors=errors, as_json=as_json))


def code_bag(bag, dict_dir=None, semantics="dyad", threads=1, errors="warn", as_json=False,
             **options):
    """A dask.bag of the events of `bag`'s stories, partition for partition
    (partition i of the result holds the events of partition i's stories, in
    order). bag: dicts ({"id", "date", "text", ...}) or JSON Lines records
    (as db.read_text gives them). threads: coding threads per task (with
    process workers of one thread each, leave it at 1). dict_dir, semantics
    and options (no_default_dict, any_language, allow_no_target) are
    dyad.Coder's; the folders must exist on every worker. as_json=True gives
    each event as the line of JSON `dyad code` prints for it (a str), ready
    for bag.to_textfiles."""
    return bag.map_partitions(code_partition, dict_dir=dict_dir, semantics=semantics,
                              threads=threads, errors=errors, as_json=as_json, **options)


def _code_frame(df, dict_dir, semantics, threads, errors, options):
    cols = [c for c in df.columns if c in ("id", "date", "text", "source", "url")]
    if "date" in cols and str(df["date"].dtype).startswith("datetime64"):
        df = df.assign(date=df["date"].dt.strftime("%Y-%m-%d"))
    stories = df[cols].to_dict("records")
    events = code_partition(stories, dict_dir, semantics, threads, errors, **options)
    return to_pandas(events)


def code_dataframe(df, dict_dir=None, semantics="dyad", threads=1, errors="warn", **options):
    """A dask DataFrame of events (dyad.to_pandas' columns) from a dask
    DataFrame of stories with columns id, date (a "YYYY-MM-DD" string) and
    text (source and url are passed on when present)."""
    meta = to_pandas([])
    return df.map_partitions(_code_frame, dict_dir, semantics, threads, errors, options, meta=meta)



def _write_lines(lines, path):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    return len(lines)


def write_partitions(events, outdir, name="part-{}.jsonl"):
    """Writes each partition of `events` (a bag of lines, as code_bag(...,
    as_json=True) gives) to OUTDIR/part-N.jsonl, on the worker that made it,
    one event a line; a partition without events gives an empty file, so the
    files concatenated in partition order are `dyad code`'s output. Computes
    the bag; returns the paths, in partition order, and the number of lines.
    (bag.to_textfiles(last_endline=True) would give an empty partition's file
    one blank line.)"""
    import dask

    os.makedirs(outdir, exist_ok=True)
    paths = [os.path.join(outdir, name.format(i)) for i in range(events.npartitions)]
    writes = [dask.delayed(_write_lines)(part, path)
              for part, path in zip(events.to_delayed(), paths)]
    return paths, sum(dask.compute(*writes))
