#!/usr/bin/env python3
"""Writes a random `innorank portfolio` problem for benchmarks.

usage: scripts/gen_portfolio.py N [--synergy-share S | --synergies-each K]
                                  [--requires R] [--groups G] [--platforms P]
                                  [--seed X] > problem.yaml

  N                   proposals (ids p0001, ...)
  --synergy-share S   a synergy on this share of all pairs (0.05: 5 %)
  --synergies-each K  instead: K synergy pairs per proposal on average
  --requires R        R random `requires` pairs (default 20)
  --groups G          G groups of 5 proposals, at most one each (default 5)
  --platforms P       P shared platforms, each needed by ~5 % of the
                      proposals (default 10)

Values are a money leaf (npv); costs are drawn so that the budget (30 % of
the total own cost) funds about a third of the proposals. The same seed
writes the same file.
"""

import argparse
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--synergy-share", type=float, default=None)
    ap.add_argument("--synergies-each", type=float, default=None)
    ap.add_argument("--requires", type=int, default=20)
    ap.add_argument("--groups", type=int, default=5)
    ap.add_argument("--platforms", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n = a.n
    ids = [f"p{i:04d}" for i in range(1, n + 1)]
    cost = [rng.randint(50, 500) for _ in ids]
    npv = [round(c * rng.uniform(0.8, 2.2)) for c in cost]
    needs = [[] for _ in ids]
    for p in range(a.platforms):
        for i in range(n):
            if rng.random() < 0.05:
                needs[i].append(f"pl{p:02d}")
    pairs = set()
    if a.synergy_share is not None:
        for i in range(n):
            for j in range(i + 1, n):
                if rng.random() < a.synergy_share:
                    pairs.add((i, j))
    else:
        target = int(n * (a.synergies_each or 2) / 2)
        while len(pairs) < target:
            i, j = sorted(rng.sample(range(n), 2))
            pairs.add((i, j))
    out = ["name: Random portfolio benchmark", "criteria:",
           "  - {id: npv, unit: kCNY}", "  - {id: cost, direction: cost, unit: kCNY}",
           "portfolio:", f"  budget: {round(0.3 * sum(cost))}", "  cost: cost", "  value: npv",
           "  platforms:"]
    for p in range(a.platforms):
        out.append(f"    - {{id: pl{p:02d}, fixed_cost: {rng.randint(200, 1500)}}}")
    out.append("  synergies:")
    for i, j in sorted(pairs):
        out.append(f"    - [{ids[i]}, {ids[j]}, {rng.randint(-40, 80)}]")
    out.append("  requires:")
    for _ in range(a.requires):
        i, j = rng.sample(range(n), 2)
        out.append(f"    - [{ids[i]}, {ids[j]}]")
    out.append("  groups:")
    for _ in range(a.groups):
        out.append("    - {ids: [" + ", ".join(ids[k] for k in rng.sample(range(n), 5)) + "]}")
    out.append("alternatives:")
    for i, pid in enumerate(ids):
        platforms = f", platforms: [{', '.join(needs[i])}]" if needs[i] else ""
        out.append(f"  - {{id: {pid}, scores: {{npv: {npv[i]}, cost: {cost[i]}}}{platforms}}}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
