#!/usr/bin/env bash
# Speed of `innorank portfolio` on random problems (scripts/gen_portfolio.py):
#   200 proposals, synergies on 5 % of the pairs, 20 requires, 5 groups,
#       10 platforms;
#   1,000 proposals with 3 synergy pairs each on average.
# Each case runs the whole report (the optimum, one re-solve per shelved
# proposal for `why not`, the ranking baseline) with every solve limited to
# --limit seconds, and prints the status, value and bound of the main solve.
# The optimum alone, without the report: `cargo bench --bench portfolio`.
#
# The 1,000-proposal report re-solves for each of its ~700 shelved
# proposals, each up to --limit seconds: `--sizes 200` skips it.
#
# usage: scripts/bench_portfolio.sh [--no-build] [--limit S] [--sizes "N ..."]
#   --no-build   use target/release/innorank as it is
#   --limit S    time limit per solve for the whole-report runs (default 5)
#   --sizes L    the instances to run, of 200 and 1000 (default "200 1000")
# Environment:
#   BENCH_DIR   scratch folder (default /tmp/innorank-bench)
#   INNORANK    binary to time (default target/release/innorank)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/innorank-bench}
INNORANK=${INNORANK:-$ROOT/target/release/innorank}
build=1
limit=5
sizes="200 1000"
while [[ $# -gt 0 ]]; do
    case $1 in
        --no-build) build=0 ;;
        --limit) limit=$2; shift ;;
        --sizes) sizes=$2; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench_portfolio.sh: unknown option $1" >&2; exit 1 ;;
    esac
    shift
done
mkdir -p "$BENCH_DIR"
if (( build )); then cargo build --release --manifest-path "$ROOT/Cargo.toml" >&2; fi

python3 "$ROOT/scripts/gen_portfolio.py" 200 --synergy-share 0.05 --seed 1 > "$BENCH_DIR/portfolio-200.yaml"
python3 "$ROOT/scripts/gen_portfolio.py" 1000 --synergies-each 3 --seed 1 > "$BENCH_DIR/portfolio-1000.yaml"

printf '%-16s %-28s %10s  %s\n' case run seconds status
for n in $sizes; do
    file=$BENCH_DIR/portfolio-$n.yaml
    # The whole report, each solve limited to $limit s.
    start=$(date +%s.%N)
    status=$("$INNORANK" portfolio "$file" --format json --time-limit "$limit" -q \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], "value", d["total"]["value"], "bound", d["bound"])')
    end=$(date +%s.%N)
    printf '%-16s %-28s %10.1f  %s\n' "$n proposals" "report, --time-limit $limit" "$(echo "$end - $start" | bc)" "$status"
done
echo "The optimum alone (no why-not re-solves): cargo bench --bench portfolio" >&2
