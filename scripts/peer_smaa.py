#!/usr/bin/env python3
"""SMAA-TOPSIS in vectorised numpy: the peer `scripts/bench_smaa.sh` times
`innorank robustness` against, and a cross-check of its numbers.

    python3 scripts/peer_smaa.py ALTERNATIVES.csv --directions b,c,t0.6,...
        [--draws N] [--seed S] [--weights-from W.csv] [--ranks R]
        [--chunk C] [--normalization vector|minmax]

ALTERNATIVES.csv: header `id,<criteria...>` (a `name` column is skipped),
as scripts/gen_data.py writes it. --directions gives each criterion's
direction in column order: `b` benefit, `c` cost, `tX` target X.

The computation is the one `innorank robustness` makes: TOPSIS with the
weight-free squared deviations kept (a target column becomes the cost
column |x - X|; vector or min-max normalisation; ideal/anti-ideal the best
and worst observed), then per draw D+^2 = (w^2) . plus, D-^2 likewise,
closeness D- / (D+ + D-) (0.5 when both are 0); competition ranks with the
same tie rule (scores within 1e-12 relative of the first of a run share its
rank); a full rank histogram per alternative; mean rank, the 5th/95th
percentile ranks, holistic acceptability, central weights. Weights are
uniform on the simplex (sorted uniforms' gaps, numpy's PCG64) or replayed
from --weights-from (a header of criterion ids, rows scaled to sum 1 when
they do not already sum to 1 within 1e-12).

Writes CSV to standard output, one row per alternative in input order:
id,mean_rank,rank_p05,rank_p95,holistic,b1..bR, then cw:<criterion>...
Prints the seconds spent after loading to standard error.
"""

import argparse
import csv
import sys
import time

import numpy as np

TIE = 1e-12


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    keep = [j for j, h in enumerate(header) if h not in ("id", "name")]
    ids = [r[0] for r in rows[1:]]
    x = np.array([[float(r[j]) for j in keep] for r in rows[1:]])
    return ids, [header[j] for j in keep], x


def deviations(x, directions, normalization):
    x = x.copy()
    cost = np.zeros(x.shape[1], dtype=bool)
    for j, d in enumerate(directions):
        if d.startswith("t"):
            x[:, j] = np.abs(x[:, j] - float(d[1:]))
            cost[j] = True
        else:
            cost[j] = d == "c"
    if normalization == "vector":
        norm = np.sqrt((x * x).sum(axis=0))
        r = np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)
    else:
        lo, hi = x.min(axis=0), x.max(axis=0)
        span = hi - lo
        r = np.divide(x - lo, span, out=np.zeros_like(x), where=span > 0)
    best = np.where(cost, r.min(axis=0), r.max(axis=0))
    worst = np.where(cost, r.max(axis=0), r.min(axis=0))
    return (r - best) ** 2, (r - worst) ** 2


def competition_ranks(c):
    """Ranks of each row of scores `c` (higher first), ties sharing the best."""
    order = np.argsort(-c, axis=1)
    s = np.take_along_axis(c, order, axis=1)
    k = c.shape[1]
    head_index = np.zeros(s.shape, dtype=np.int64)
    # A run starts where the score is not tied with the run's first score;
    # tied neighbours only chain when within tolerance of the head, which a
    # loop over the (rare) near-ties settles exactly.
    new = np.ones(s.shape, dtype=bool)
    new[:, 1:] = np.abs(s[:, 1:] - s[:, :-1]) > TIE * np.maximum(np.abs(s[:, 1:]), np.abs(s[:, :-1]))
    idx = np.where(new, np.arange(k), 0)
    head_index = np.maximum.accumulate(idx, axis=1)
    heads = np.take_along_axis(s, head_index, axis=1)
    off = np.abs(s - heads) > TIE * np.maximum(np.abs(s), np.abs(heads))
    for row in np.nonzero(off.any(axis=1))[0]:
        start = 0
        for j in range(1, k):
            if abs(s[row, j] - s[row, start]) > TIE * max(abs(s[row, j]), abs(s[row, start])):
                start = j
            head_index[row, j] = start
    ranks = np.empty_like(head_index)
    np.put_along_axis(ranks, order, head_index + 1, axis=1)
    return ranks


def uniform_weights(rng, count, n):
    cuts = np.sort(rng.random((count, n - 1)), axis=1)
    edges = np.hstack([np.zeros((count, 1)), cuts, np.ones((count, 1))])
    return np.diff(edges, axis=1)


def replay(path, criteria):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    cols = [rows[0].index(c) for c in criteria]
    w = np.array([[float(r[j]) for j in cols] for r in rows[1:]])
    sums = w.sum(axis=1, keepdims=True)
    return np.where(np.abs(sums - 1.0) > 1e-12, w / sums, w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("alternatives")
    ap.add_argument("--directions", required=True)
    ap.add_argument("--draws", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--weights-from")
    ap.add_argument("--ranks", type=int, default=10)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--normalization", default="vector")
    a = ap.parse_args()
    ids, criteria, x = load(a.alternatives)
    directions = a.directions.split(",")
    start = time.perf_counter()
    m, n = x.shape
    plus, minus = deviations(x, directions, a.normalization)
    fixed = replay(a.weights_from, criteria) if a.weights_from else None
    draws = len(fixed) if fixed is not None else a.draws
    rng = np.random.default_rng(a.seed)
    hist = np.zeros(m * m, dtype=np.int64)
    central = np.zeros((m, n))
    for lo in range(0, draws, a.chunk):
        count = min(a.chunk, draws - lo)
        w = fixed[lo:lo + count] if fixed is not None else uniform_weights(rng, count, n)
        w2 = w * w
        dp, dm = np.sqrt(w2 @ plus.T), np.sqrt(w2 @ minus.T)
        total = dp + dm
        c = np.divide(dm, total, out=np.full_like(total, 0.5), where=total > 0)
        ranks = competition_ranks(c)
        hist += np.bincount((np.arange(m) * m + ranks - 1).ravel(), minlength=m * m)
        central += (ranks == 1).T.astype(float) @ w
    hist = hist.reshape(m, m)
    cumulative = np.cumsum(hist, axis=1)
    mean_rank = (hist * np.arange(1, m + 1)).sum(axis=1) / draws
    p05 = np.argmax(100 * cumulative >= 5 * draws, axis=1) + 1
    p95 = np.argmax(100 * cumulative >= 95 * draws, axis=1) + 1
    holistic = 1 - (mean_rank - 1) / (m - 1) if m > 1 else np.ones(m)
    firsts = hist[:, 0]
    central = np.divide(central, firsts[:, None], out=np.full_like(central, np.nan), where=firsts[:, None] > 0)
    print(f"{time.perf_counter() - start:.3f}", file=sys.stderr)
    r = min(a.ranks, m)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "mean_rank", "rank_p05", "rank_p95", "holistic"]
                 + [f"b{k}" for k in range(1, r + 1)] + [f"cw:{c}" for c in criteria])
    for i, id_ in enumerate(ids):
        out.writerow([id_, repr(float(mean_rank[i])), p05[i], p95[i], repr(float(holistic[i]))]
                     + [repr(float(hist[i, k] / draws)) for k in range(r)]
                     + ["" if np.isnan(v) else repr(float(v)) for v in central[i]])


if __name__ == "__main__":
    main()
