#!/usr/bin/env python3
"""Helpers for scripts/bench.sh (standard library only).

    bench_report.py summary RESULTS.tsv [--criteria 8]
    bench_report.py compare INNORANK.csv PEER.csv

`summary` reads the TSV that bench.sh writes (size, tool, run, wall seconds,
peak RSS in KB, exit status) and prints medians, ratios, scaling and the
memory check. `compare` checks that two ranking CSVs (columns id and score)
agree: same order of ids, scores equal to 1e-9.
"""

import argparse
import csv
import statistics
import sys
from collections import defaultdict

TOOLS = ["innorank", "compare", "floor", "peer"]
# Timed on the same files, reported apart: `sensitivity` against `rank`,
# JSON against CSV, the floor with TOPSIS and output, the Rust peer.
EXTRA = ["sensitivity", "json", "floor-emit", "mcdm"]
LABELS = {
    "sensitivity": "innorank sensitivity --format csv",
    "innorank": "innorank rank --format csv",
    "json": "innorank rank --format json",
    "compare": "innorank compare (4 methods)",
    "floor": "floor parse (1 thread)",
    "floor-emit": "floor topsis --emit (1 thread)",
    "mcdm": "Rust mcdm crate (no output)",
    "peer": "peer (pandas + pymcdm)",
}
MB = 1024 * 1024


def fmt_s(x):
    return "-" if x is None else (f"{x:.3f}" if x < 100 else f"{x:.1f}")


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.2f}x"


def summary(args):
    wall = defaultdict(list)
    rss = defaultdict(list)
    failed = defaultdict(int)
    sizes = []
    with open(args.results) as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            size, tool, _run, seconds, kb, status = row
            size = int(size)
            if size not in sizes:
                sizes.append(size)
            if status != "0":
                failed[(size, tool)] += 1
                continue
            wall[(size, tool)].append(float(seconds))
            rss[(size, tool)].append(int(kb) * 1024)
    sizes.sort()

    def med(table, size, tool):
        values = table.get((size, tool))
        return statistics.median(values) if values else None

    cells = args.criteria
    print()
    print("Medians (wall time from bash's EPOCHREALTIME around each run; peak RSS from GNU time %M)")
    print()
    header = f"{'rows':>9}  {'tool':<31} {'runs':>4}  {'median s':>9}  {'min s':>8}  {'max s':>8}  {'peak RSS MB':>11}  {'ns/cell':>8}"
    print(header)
    print("-" * len(header))
    for size in sizes:
        for tool in TOOLS + EXTRA:
            runs = wall.get((size, tool), [])
            if not runs and not failed.get((size, tool)):
                continue
            m = med(wall, size, tool)
            r = med(rss, size, tool)
            per_cell = None if m is None else m / (size * cells) * 1e9
            note = f"  ({failed[(size, tool)]} failed)" if failed.get((size, tool)) else ""
            print(
                f"{size:>9}  {LABELS[tool]:<31} {len(runs):>4}  {fmt_s(m):>9}  "
                f"{fmt_s(min(runs) if runs else None):>8}  {fmt_s(max(runs) if runs else None):>8}  "
                f"{'-' if r is None else f'{r / MB:.1f}':>11}  {'-' if per_cell is None else f'{per_cell:.1f}':>8}{note}"
            )
        print()

    print("Ratios of medians (wall time)")
    print()
    print(f"{'rows':>9}  {'innorank/floor':>15}  {'peer/innorank':>14}  {'peer/floor':>11}  {'compare/rank':>12}")
    for size in sizes:
        i, c, fl, p = (med(wall, size, t) for t in TOOLS)
        print(f"{size:>9}  {fmt_ratio(i, fl):>15}  {fmt_ratio(p, i):>14}  {fmt_ratio(p, fl):>11}  {fmt_ratio(c, i):>12}")
    print()
    print("innorank rank against the stricter baselines (targets at 10^6 rows: floor <= 1.3x, mcdm/innorank >= 2x,")
    print("json/csv <= 2x)")
    print()
    print(f"{'rows':>9}  {'innorank/floor':>15}  {'innorank/floor-emit':>19}  {'mcdm/innorank':>13}  {'json/csv':>8}")
    for size in sizes:
        i, fl, fe, mc, js = (med(wall, size, t) for t in ["innorank", "floor", "floor-emit", "mcdm", "json"])
        print(f"{size:>9}  {fmt_ratio(i, fl):>15}  {fmt_ratio(i, fe):>19}  {fmt_ratio(mc, i):>13}  {fmt_ratio(js, i):>8}")
    print()
    if any(med(wall, size, "sensitivity") is not None for size in sizes):
        print("sensitivity against rank (the target: at most 3x)")
        print()
        for size in sizes:
            ratio = fmt_ratio(med(wall, size, "sensitivity"), med(wall, size, "innorank"))
            print(f"{size:>9}  {ratio:>8}")
        print()

    print(f"Scaling: median time per row x criterion ({cells} criteria), and the ratio to the previous size")
    print("(1.00 = perfectly linear; fixed start-up cost makes small sizes look slower per cell)")
    print()
    print(f"{'rows':>9}  " + "  ".join(f"{t + ' ns/cell':>18} {'vs prev':>7}" for t in TOOLS))
    prev = {}
    for size in sizes:
        parts = []
        for tool in TOOLS:
            m = med(wall, size, tool)
            if m is None:
                parts.append(f"{'-':>18} {'-':>7}")
                continue
            per = m / (size * cells) * 1e9
            change = f"{per / prev[tool]:.2f}" if tool in prev else "-"
            prev[tool] = per
            parts.append(f"{per:>18.1f} {change:>7}")
        print(f"{size:>9}  " + "  ".join(parts))
    first = [s for s in sizes if med(wall, s, "innorank") is not None]
    if len(first) >= 2:
        a, b = first[0], first[-1]
        ta, tb = med(wall, a, "innorank"), med(wall, b, "innorank")
        print(
            f"\ninnorank: {b // a}x the rows took {tb / ta:.1f}x the time "
            f"({a} -> {b} rows: {fmt_s(ta)} s -> {fmt_s(tb)} s)"
        )
    print()

    print("Memory: innorank's peak RSS against the target 3 x matrix + 64 MB (matrix = rows x criteria x 8 bytes)")
    print()
    print(f"{'rows':>9}  {'matrix MB':>10}  {'target MB':>10}  {'innorank MB':>12}  {'x matrix':>9}  {'floor MB':>9}  {'peer MB':>8}  verdict")
    verdicts = []
    for size in sizes:
        matrix = size * cells * 8
        target = 3 * matrix + 64 * MB
        r = med(rss, size, "innorank")
        fl = med(rss, size, "floor")
        p = med(rss, size, "peer")
        if r is None:
            verdict = "no data"
        else:
            verdict = "OK" if r <= target else "OVER"
            verdicts.append(verdict)
        print(
            f"{size:>9}  {matrix / MB:>10.1f}  {target / MB:>10.1f}  "
            f"{'-' if r is None else f'{r / MB:.1f}':>12}  {'-' if r is None else f'{r / matrix:.1f}':>9}  "
            f"{'-' if fl is None else f'{fl / MB:.1f}':>9}  {'-' if p is None else f'{p / MB:.1f}':>8}  {verdict}"
        )
    print()
    if any(failed.values()):
        print("Some runs failed; see the *.err files in the bench folder.")
    return 0


def read_scores(path):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        if not {"id", "score"} <= set(reader.fieldnames or []):
            sys.exit(f"compare: {path} has no id and score columns (header: {reader.fieldnames})")
        return [(row["id"], float(row["score"])) for row in reader]


def compare(args):
    a = read_scores(args.innorank)
    b = read_scores(args.peer)
    if len(a) != len(b):
        print(f"compare: {len(a)} rows from innorank, {len(b)} from the peer")
        return 1
    by_id = dict(b)
    worst = max(abs(s - by_id.get(i, float("nan"))) for i, s in a) if a else 0.0
    missing = sum(1 for i, _ in a if i not in by_id)
    same_order = sum(1 for (x, _), (y, _) in zip(a, b) if x == y)
    # Ties (equal scores) may be ordered differently; only score order matters.
    print(
        f"compare: {len(a)} rows, max |score difference| {worst:.3g}, "
        f"same id at the same rank for {same_order}/{len(a)}, top 3 innorank {[i for i, _ in a[:3]]} "
        f"peer {[i for i, _ in b[:3]]}"
    )
    ok = missing == 0 and worst <= 1e-9
    print("compare: " + ("rankings agree" if ok else "RANKINGS DISAGREE"))
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summary")
    s.add_argument("results")
    s.add_argument("--criteria", type=int, default=8)
    c = sub.add_parser("compare")
    c.add_argument("innorank")
    c.add_argument("peer")
    args = parser.parse_args()
    return summary(args) if args.command == "summary" else compare(args)


if __name__ == "__main__":
    sys.exit(main())
