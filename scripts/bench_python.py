#!/usr/bin/env python3
"""Python benchmark, run by hand (not in CI):

    python scripts/bench_python.py [--rows 1000000] [--repeat 5]
        [--cli target/release/innorank] [--data DIR]

1. `innorank.topsis` against pymcdm's TOPSIS (vector normalisation, its
   input validation off) on the same 10^6 x 8 float64 array, in this one
   process: the medians of --repeat interleaved runs and of their ratios; the scores
   are checked equal to 1e-12 first.
2. The Dask and Polars recipes (examples/python) against `innorank rank`
   on the same generated problem (scripts/gen_data.py, --rows rows): the
   wall time of each, as the recipes print it, and the CLI's.

Needs numpy, pymcdm, pandas, dask[dataframe,distributed], polars and the
innorank wheel in the running Python.
"""

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

import numpy as np
from pymcdm import normalizations
from pymcdm.methods import TOPSIS

import innorank

REPO = pathlib.Path(__file__).resolve().parents[1]


def median_time(f, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def topsis_vs_pymcdm(rows, repeat):
    rng = np.random.default_rng(1)
    matrix = rng.uniform(1.0, 1000.0, (rows, 8))
    weights = rng.uniform(0.1, 1.0, 8)
    weights /= weights.sum()
    types = np.array([1, -1, 1, -1, 1, 1, -1, 1])
    directions = ["benefit" if t == 1 else "cost" for t in types]
    pymcdm = TOPSIS(normalization_function=normalizations.vector_normalization)
    ours = innorank.topsis(matrix, weights, directions)
    theirs = pymcdm(matrix, weights, types, validation=False)
    assert np.max(np.abs(ours - theirs)) <= 1e-12
    # Interleaved, so load on a shared machine hits both alike.
    pairs = [
        (median_time(lambda: innorank.topsis(matrix, weights, directions), 1),
         median_time(lambda: pymcdm(matrix, weights, types, validation=False), 1))
        for _ in range(repeat)
    ]
    t_ours = statistics.median(p[0] for p in pairs)
    t_theirs = statistics.median(p[1] for p in pairs)
    ratio = statistics.median(p[1] / p[0] for p in pairs)
    print("topsis %d x 8: innorank %.3f s, pymcdm %.3f s (medians of %d interleaved runs): %.1fx" % (rows, t_ours, t_theirs, repeat, ratio))


def recipes(rows, cli, data):
    data.mkdir(parents=True, exist_ok=True)
    problem, csv = data / "problem.yaml", data / "alternatives.csv"
    if not csv.exists():
        subprocess.run([sys.executable, str(REPO / "scripts/gen_data.py"), str(rows), "--out", str(data)], check=True)
    for recipe in ["dask_rank", "polars_rank"]:
        script = REPO / "examples/python" / (recipe + ".py")
        out = subprocess.run(
            [sys.executable, str(script), str(problem), str(csv), "--check", str(cli)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        print(out.strip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--cli", default=str(REPO / "target/release/innorank"))
    parser.add_argument("--data", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "innorank-bench-python"))
    args = parser.parse_args()
    topsis_vs_pymcdm(args.rows, args.repeat)
    recipes(args.rows, args.cli, pathlib.Path(args.data))


if __name__ == "__main__":
    main()
