#!/usr/bin/env python3
"""The Python peer: rank a generated problem with pandas + pymcdm TOPSIS.

    python peer_pymcdm.py problem.yaml [--alternatives FILE.csv] [--timings]
                          [--validate] [--narrow]

Reads the same problem.yaml that innorank reads (flat criteria at the root,
as scripts/gen_data.py writes them) and the CSV it points at. Weights are
the AHP principal-eigenvector priorities of the root `comparisons`,
computed here with numpy; directions are the leaves' `direction`; a target
leaf is ranked on |x - target| as a cost, as innorank does. TOPSIS uses
vector normalisation. Writes the same columns as `innorank rank --format
csv` (`rank,id,name,score,d_plus,d_minus,<leaf ids>`) to standard output,
best first; --narrow writes only `rank,id,name,score`. pymcdm's input
validation (on by default in pymcdm) is skipped unless --validate is given:
it loops over rows in Python and dominates the time at 10^6 rows. With
--timings, prints the time of each phase to standard error.

Needs pandas, numpy, pymcdm and PyYAML (scripts/bench.sh installs them in
a venv).
"""

import argparse
import os
import sys
import time

T0 = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import yaml  # noqa: E402
from pymcdm.methods import TOPSIS  # noqa: E402
from pymcdm import normalizations  # noqa: E402
from pymcdm.validators import validate_decision_problem  # noqa: E402


def judgment(value):
    if isinstance(value, str) and "/" in value:
        a, b = value.split("/", 1)
        return float(a) / float(b)
    return float(value)


def ahp_weights(ids, comparisons):
    """Principal right eigenvector of the complete reciprocal matrix."""
    index = {c: i for i, c in enumerate(ids)}
    n = len(ids)
    a = np.ones((n, n))
    for x, y, v in comparisons:
        v = judgment(v)
        a[index[x], index[y]] = v
        a[index[y], index[x]] = 1.0 / v
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    w /= w.sum()
    lambda_max = values[k].real
    return w, lambda_max


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("problem")
    parser.add_argument("--alternatives", help="CSV file (default: the problem's alternatives.csv)")
    parser.add_argument("--timings", action="store_true", help="print phase times to standard error")
    parser.add_argument("--weights", action="store_true", help="print the AHP weights and exit")
    parser.add_argument("--validate", action="store_true", help="run pymcdm's input validation (its default; slow)")
    parser.add_argument("--narrow", action="store_true", help="write only rank,id,name,score")
    args = parser.parse_args()

    marks = [("import pandas/numpy/pymcdm", time.perf_counter() - T0)]
    t = time.perf_counter()

    def mark(name):
        nonlocal t
        now = time.perf_counter()
        marks.append((name, now - t))
        t = now

    with open(args.problem) as f:
        problem = yaml.safe_load(f)
    criteria = problem["criteria"]
    if any("criteria" in c for c in criteria):
        sys.exit("peer_pymcdm.py: only flat criteria (as gen_data.py writes them) are supported")
    ids = [c["id"] for c in criteria]
    weights, lambda_max = ahp_weights(ids, problem["comparisons"])
    if args.weights:
        for cid, w in zip(ids, weights):
            print(f"{cid},{float(w)!r}")
        print(f"# lambda_max={float(lambda_max)!r}", file=sys.stderr)
        return
    csv_path = args.alternatives or os.path.join(
        os.path.dirname(os.path.abspath(args.problem)), problem["alternatives"]["csv"]
    )
    mark("read YAML + AHP weights")

    frame = pd.read_csv(csv_path, engine="c")
    mark("pandas.read_csv")

    values = frame[ids].to_numpy(dtype=np.float64)
    matrix = values.copy()  # pandas 3 hands out read-only views
    types = np.empty(len(ids))
    for j, c in enumerate(criteria):
        direction = c.get("direction", "benefit")
        if direction == "target":
            matrix[:, j] = np.abs(matrix[:, j] - float(c["target"]))
            types[j] = -1
        else:
            types[j] = 1 if direction == "benefit" else -1
    mark("to numpy + target column")

    topsis = TOPSIS(normalization_function=normalizations.vector_normalization)
    if args.validate:
        # What TOPSIS.__call__ does by default; a per-row Python loop in
        # pymcdm's matrix_validator, by far the slowest step at 10^6 rows.
        validate_decision_problem(matrix, weights, types)
        mark("pymcdm input validation")
    # TOPSIS.__call__(validation=False) returns only the scores, and
    # verbose=True (which also returns D+ and D-) builds tables that take
    # ~24 s at 10^6 rows, so call the method body directly: the same numpy
    # code, returning (nmatrix, weighted, nis, pis, Dm, Dp, p).
    *_, d_minus, d_plus, scores = topsis._method(matrix, weights, types)
    mark("pymcdm TOPSIS")

    order = np.argsort(-scores, kind="stable")
    columns = {
        "rank": np.arange(1, len(order) + 1),
        "id": frame["id"].to_numpy()[order],
        "name": frame["name"].to_numpy()[order] if "name" in frame else "",
        "score": scores[order],
    }
    if not args.narrow:
        columns["d_plus"] = d_plus[order]
        columns["d_minus"] = d_minus[order]
        for j, cid in enumerate(ids):
            columns[cid] = values[order, j]
    out = pd.DataFrame(columns)
    mark("sort + build output frame")

    out.to_csv(sys.stdout, index=False)
    sys.stdout.flush()
    mark("to_csv (stdout)")

    if args.timings:
        total = sum(s for _, s in marks)
        for name, seconds in marks:
            print(f"  {name:<28} {seconds:8.3f} s  {100 * seconds / total:5.1f} %", file=sys.stderr)
        print(f"  {'total (in process)':<28} {total:8.3f} s", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
