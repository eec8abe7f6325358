#!/usr/bin/env python3
"""Codes a JSON Lines corpus with Dask: a LocalCluster of worker processes,
one output file of events per partition.

    .venv/bin/python examples/dask_code.py CORPUS.jsonl OUTDIR [--workers 2] [--partitions 8]

Each worker process loads dyad's dictionaries once (dyad.dask keeps one Coder
per process) and codes the partitions it is given; partition i's events are
written to OUTDIR/part-i.jsonl, each line exactly as `dyad code` prints it,
so `cat OUTDIR/part-*.jsonl` (in partition order) is `dyad code CORPUS.jsonl`'s
output when no story id is repeated across partitions. Prints the stories,
events and times on stderr. On a real cluster, give --scheduler ADDRESS
instead (the corpus and the dyad package must be readable on every worker).
"""

import argparse
import json
import os
import sys
import time

import dask.bag as db
from distributed import Client, LocalCluster

import dyad.dask


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="JSON Lines stories ({\"id\", \"date\", \"text\"} a line)")
    ap.add_argument("outdir", help="folder for part-N.jsonl (created)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="partitions (default: 4 per worker); the file is split at line ends")
    ap.add_argument("--dict", dest="dict_dir", action="append",
                    help="extra dictionary folder, as dyad code --dict (repeatable)")
    ap.add_argument("--semantics", default="dyad", help="dyad, tabari or petrarch")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (no LocalCluster)")
    args = ap.parse_args()

    partitions = args.partitions or 4 * args.workers
    size = os.path.getsize(args.corpus)
    # dask cuts a file into size // blocksize blocks (at line ends).
    blocksize = max(1, size // partitions)

    t0 = time.perf_counter()
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    t1 = time.perf_counter()
    try:
        stories = db.read_text(args.corpus, blocksize=blocksize, linedelimiter="\n",
                               encoding="utf-8")
        events = dyad.dask.code_bag(stories, dict_dir=args.dict_dir, semantics=args.semantics,
                                    as_json=True)
        # One file per partition, written by the worker that coded it:
        # part-0.jsonl, part-1.jsonl, … (empty for a partition without events).
        paths, n_events = dyad.dask.write_partitions(events, args.outdir)
        t2 = time.perf_counter()
        with open(args.corpus, "rb") as f:
            n_stories = sum(1 for line in f if line.strip())
        print(f"dask_code: {n_stories} stories, {n_events} events in {len(paths)} partitions "
              f"({args.outdir}/part-*.jsonl); {args.workers if cluster else '?'} workers; "
              f"cluster start {t1 - t0:.2f} s, coding {t2 - t1:.2f} s "
              f"({n_stories / (t2 - t1):.0f} stories/s)", file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
