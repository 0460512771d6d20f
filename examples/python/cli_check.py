"""Shared by the recipes: compare a ranking with `innorank rank` on the same
problem (scores to 1e-12 by id; ranks equal up to scores that tie within
1e-12), and time the CLI for the README's comparison."""

import subprocess
import time

import numpy as np
import pandas as pd

TOLERANCE = 1e-12


def run_cli(cli, problem):
    """The CLI's ranking as a DataFrame (id, rank, score), and the wall time
    of a run writing to /dev/null (the time to rank, not to hand 10^6 rows
    to Python)."""
    command = [str(cli), "rank", str(problem), "--format", "csv", "--quiet"]
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    seconds = time.perf_counter() - start
    done = subprocess.run(command, capture_output=True, check=True)
    import io

    frame = pd.read_csv(io.BytesIO(done.stdout), usecols=["rank", "id", "score"], dtype={"id": str})
    return frame, seconds


def check(ours, cli, problem):
    """Raise AssertionError unless `ours` (columns id, score, rank) is the
    CLI's ranking of `problem`; return the CLI's wall time."""
    theirs, seconds = run_cli(cli, problem)
    both = ours.merge(theirs, on="id", suffixes=("", "_cli"), validate="one_to_one")
    assert len(both) == len(theirs) == len(ours), "the rankings list different alternatives"
    worst = float(np.max(np.abs(both["score"] - both["score_cli"])))
    assert worst <= TOLERANCE, "scores differ by %g" % worst
    # A rank may differ only where another score lies within the tolerance.
    sorted_cli = np.sort(theirs["score"].to_numpy())
    near = np.searchsorted(sorted_cli, both["score_cli"] + TOLERANCE, side="right") - np.searchsorted(
        sorted_cli, both["score_cli"] - TOLERANCE, side="left"
    )
    off = np.abs(both["rank"] - both["rank_cli"]).to_numpy()
    assert np.all(off < near), "ranks differ beyond ties"
    print("equal to `innorank rank`: %d rows, largest score difference %.1e" % (len(both), worst))
    return seconds
