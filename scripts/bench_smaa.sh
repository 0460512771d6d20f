#!/usr/bin/env bash
# Speed and memory of `innorank robustness` (SMAA-TOPSIS, uniform weights):
#   1. 10,000 draws x 1,000 alternatives x 8 criteria, end to end, against
#      scripts/peer_smaa.py (the same computation in vectorised numpy), run
#      interleaved after one untimed warm-up each; medians and their ratio;
#   2. a cross-check: innorank's --draws-out replayed by the peer must give
#      the same acceptabilities, mean ranks, rank quantiles and (to 1e-12)
#      central weights;
#   3. peak memory (/usr/bin/time -v) of 1,000 draws x 100,000 alternatives,
#      next to `innorank rank` on the same file.
# Data from scripts/gen_data.py (fixed seed).
#
# usage: scripts/bench_smaa.sh [--runs N] [--no-build] [--no-memory]
# Environment:
#   BENCH_DIR   scratch folder (default /tmp/innorank-bench-smaa)
#   INNORANK    binary to time (default target/release/innorank)
#   PYTHON      a python with numpy (default: a venv made in BENCH_DIR)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/innorank-bench-smaa}
INNORANK=${INNORANK:-$ROOT/target/release/innorank}
runs=5
build=1
memory=1
die() { echo "bench_smaa.sh: $*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"; runs=$2; shift ;;
        --no-build) build=0 ;;
        --no-memory) memory=0 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
mkdir -p "$BENCH_DIR"
if (( build )); then (cd "$ROOT" && cargo build --release --quiet); fi
if [[ -z ${PYTHON:-} ]]; then
    PYTHON=$BENCH_DIR/venv/bin/python
    if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
        python3 -m venv "$BENCH_DIR/venv" && "$PYTHON" -m pip install --quiet --disable-pip-version-check numpy
    fi
fi
DIRECTIONS=b,c,b,c,t0.6,b,c,b   # scripts/gen_data.py's criteria c1..c8
for n in 1000 100000; do
    [[ -f $BENCH_DIR/$n/alternatives.csv ]] || python3 "$ROOT/scripts/gen_data.py" "$n" --out "$BENCH_DIR/$n" > /dev/null
done
echo "machine: $(nproc) cores; $("$PYTHON" -c 'import numpy, platform; print("python", platform.python_version(), "numpy", numpy.__version__)')"

seconds() { # command... -> wall seconds
    local start end
    start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
    awk -v a="$end" -v b="$start" 'BEGIN { print a - b }'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "== 10,000 draws x 1,000 alternatives x 8 criteria (median of $runs) =="
d=$BENCH_DIR/1000
cli=(env -u RAYON_NUM_THREADS "$INNORANK" robustness "$d/problem.yaml" --draws 10000 --weights uniform --format csv)
peer=("$PYTHON" "$ROOT/scripts/peer_smaa.py" "$d/alternatives.csv" --directions $DIRECTIONS --draws 10000)
seconds "${cli[@]}" > /dev/null; seconds "${peer[@]}" > /dev/null
: > "$BENCH_DIR/cli.times"; : > "$BENCH_DIR/peer.times"
for ((i = 0; i < runs; i++)); do
    seconds "${cli[@]}" >> "$BENCH_DIR/cli.times"
    seconds "${peer[@]}" >> "$BENCH_DIR/peer.times"
done
tc=$(median < "$BENCH_DIR/cli.times"); tp=$(median < "$BENCH_DIR/peer.times")
printf 'innorank robustness  %8.3f s\nnumpy peer           %8.3f s\nratio (peer / innorank) %.1fx\n' "$tc" "$tp" "$(awk -v a="$tp" -v b="$tc" 'BEGIN { print a / b }')"

echo "== cross-check: the peer replays innorank's draws =="
"$INNORANK" robustness "$d/problem.yaml" --draws 2000 --weights uniform --format json \
    --draws-out "$BENCH_DIR/draws.csv" > "$BENCH_DIR/cli.json"
"$PYTHON" "$ROOT/scripts/peer_smaa.py" "$d/alternatives.csv" --directions $DIRECTIONS \
    --weights-from "$BENCH_DIR/draws.csv" > "$BENCH_DIR/peer.csv" 2> /dev/null
"$PYTHON" - "$BENCH_DIR/cli.json" "$BENCH_DIR/peer.csv" <<'PY'
import csv, json, sys
cli = json.load(open(sys.argv[1]))
peer = {r["id"]: r for r in csv.DictReader(open(sys.argv[2]))}
bad, worst = 0, 0.0
for a in cli["alternatives"]:
    p = peer[a["id"]]
    bad += a["mean_rank"] != float(p["mean_rank"])
    bad += (a["rank_p05"], a["rank_p95"]) != (int(p["rank_p05"]), int(p["rank_p95"]))
    bad += sum(b != float(p[f"b{k + 1}"]) for k, b in enumerate(a["acceptability"]))
    for leaf, w in (a["central_weights"] or {}).items():
        worst = max(worst, abs(w - float(p["cw:" + leaf])))
print(f"{len(cli['alternatives'])} alternatives: {bad} differing numbers; central weights within {worst:.1e}")
sys.exit(1 if bad or worst > 1e-12 else 0)
PY

if (( memory )); then
    echo "== peak memory, 1,000 draws x 100,000 alternatives =="
    d=$BENCH_DIR/100000
    for cmd in "rank $d/problem.yaml --format csv" "robustness $d/problem.yaml --draws 1000 --weights uniform --format csv"; do
        # shellcheck disable=SC2086
        /usr/bin/time -v "$INNORANK" $cmd 2> "$BENCH_DIR/time.txt" > /dev/null
        rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$BENCH_DIR/time.txt")
        wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$BENCH_DIR/time.txt")
        printf 'innorank %-12s peak RSS %7.1f MB, wall %s\n' "${cmd%% *}" "$(awk -v a="$rss" 'BEGIN { print a / 1024 }')" "$wall"
    done
fi
