#!/usr/bin/env python3
"""TOPSIS over a Polars frame in two passes, one batch of rows at a time.

    python examples/python/polars_rank.py PROBLEM.yaml ALTERNATIVES.csv
        [--batch 131072] [--check target/release/innorank] [--out ranked.csv]

The same two passes as dask_rank.py with Polars as the engine: pass 1
computes `innorank.column_stats` of every batch of rows and merges them;
pass 2 scores every batch with `innorank.score_block` and the merged
statistics; Polars sorts by score and ranks (tied scores share the smaller
rank, as `innorank rank`). The batches stand for what a streaming or
partitioned source gives; only the statistics (a few numbers per column)
cross from pass 1 to pass 2.

With --check CLI, the ranking is compared with `CLI rank PROBLEM.yaml`:
scores equal to 1e-12, ranks equal up to ties.
"""

import argparse
import functools
import time

import numpy as np
import pandas as pd
import polars as pl

import innorank
from cli_check import check


def rank(problem, csv, batch):
    """The ranking (id, score, rank; best first)."""
    ids, weights, directions = innorank.leaves(problem)
    frame = pl.read_csv(csv, columns=["id", *ids], schema_overrides={c: pl.Float64 for c in ids})
    blocks = [np.ascontiguousarray(b.select(ids).to_numpy()) for b in frame.iter_slices(n_rows=batch)]
    stats = functools.reduce(innorank.merge, (innorank.column_stats(b, directions) for b in blocks))
    scores = np.concatenate([innorank.score_block(b, stats, weights) for b in blocks])
    return (
        frame.select("id")
        .with_columns(score=pl.Series(scores))
        .sort("score", descending=True)
        .with_columns(rank=pl.col("score").rank(method="min", descending=True).cast(pl.Int64))
    ), len(blocks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("problem")
    parser.add_argument("csv")
    parser.add_argument("--batch", type=int, default=131072, help="rows per batch")
    parser.add_argument("--check", metavar="CLI", help="compare with `CLI rank PROBLEM`")
    parser.add_argument("--out", help="write the ranking (rank,id,score) here")
    args = parser.parse_args()
    start = time.perf_counter()
    ranked, batches = rank(args.problem, args.csv, args.batch)
    seconds = time.perf_counter() - start
    print("polars: %d rows in %d batches: %.2f s" % (len(ranked), batches, seconds))
    if args.out:
        ranked.select("rank", "id", "score").write_csv(args.out)
    if args.check:
        ours = pd.DataFrame({c: ranked[c].to_numpy() for c in ("id", "score", "rank")})
        cli = check(ours, args.check, args.problem)
        print("cli: %.2f s" % cli)


if __name__ == "__main__":
    main()
