#!/usr/bin/env python3
"""TOPSIS on a Dask cluster, in two passes: the recipe for alternatives
that do not fit one machine.

    python examples/python/dask_rank.py PROBLEM.yaml ALTERNATIVES.csv
        [--workers 2] [--blocksize 16MB] [--check target/release/innorank]
        [--out ranked.csv]

The problem gives the criteria (weights from its judgments, directions);
the CSV holds one row per alternative: `id` and one column per leaf
criterion (scripts/gen_data.py writes both). On a `LocalCluster` of
worker processes, Dask splits the CSV into partitions; then

1. pass 1: `innorank.column_stats` on every partition (on the workers),
   merged as a tree with `innorank.merge` (associative, commutative);
2. pass 2: `innorank.score_block` on every partition with the merged
   statistics, each partition on its own;
3. a global sort by score (Dask's distributed sort); ranks are assigned as
   `innorank rank` does (tied scores share the smaller rank).

With --check CLI, the ranking is compared with `CLI rank PROBLEM.yaml` (the
problem must name the same CSV): scores equal to 1e-12, ranks equal up to
ties. On one machine the CLI is faster (it reads the CSV on all cores with
no scheduler, pickling or sort across processes); the recipe is for data
spread over many machines, where the same code runs on a real cluster.
"""

import argparse
import time

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from dask.distributed import Client, LocalCluster

import innorank
from cli_check import check


def stats_of(part, ids, directions):
    """Pass 1 on one partition."""
    return innorank.column_stats(part[ids].to_numpy(dtype=np.float64), directions)


def merge_tree(parts):
    """The partitions' statistics merged pairwise, as a tree of tasks."""
    while len(parts) > 1:
        parts = [dask.delayed(innorank.merge)(*parts[i : i + 2]) if i + 1 < len(parts) else parts[i]
                 for i in range(0, len(parts), 2)]
    return parts[0]


def score_part(part, stats, ids, weights):
    """Pass 2 on one partition: its ids and scores."""
    scores = innorank.score_block(part[ids].to_numpy(dtype=np.float64), stats, weights)
    return pd.DataFrame({"id": part["id"].to_numpy(), "score": scores}, index=part.index)


def rank(problem, csv, blocksize):
    """The ranking (id, score, rank; best first) computed on the cluster."""
    ids, weights, directions = innorank.leaves(problem)
    frame = dd.read_csv(csv, blocksize=blocksize, dtype={"id": str}, usecols=["id", *ids])
    parts = frame.to_delayed()
    stats = merge_tree([dask.delayed(stats_of)(p, ids, directions) for p in parts]).persist()
    meta = pd.DataFrame({"id": pd.Series(dtype=str), "score": pd.Series(dtype=np.float64)})
    scored = frame.map_partitions(score_part, stats, ids, weights, meta=meta)
    ranked = scored.sort_values("score", ascending=False).compute()
    ranked["rank"] = ranked["score"].rank(method="min", ascending=False).astype(np.int64)
    return ranked.reset_index(drop=True), frame.npartitions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("problem")
    parser.add_argument("csv")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocksize", default="16MB", help="bytes of CSV per partition")
    parser.add_argument("--check", metavar="CLI", help="compare with `CLI rank PROBLEM`")
    parser.add_argument("--out", help="write the ranking (rank,id,score) here")
    args = parser.parse_args()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster):
            start = time.perf_counter()
            ranked, partitions = rank(args.problem, args.csv, args.blocksize)
            seconds = time.perf_counter() - start
    print("dask: %d rows in %d partitions on %d workers: %.2f s" % (len(ranked), partitions, args.workers, seconds))
    if args.out:
        ranked[["rank", "id", "score"]].to_csv(args.out, index=False)
    if args.check:
        cli = check(ranked, args.check, args.problem)
        print("cli: %.2f s" % cli)


if __name__ == "__main__":
    main()
