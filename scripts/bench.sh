#!/usr/bin/env bash
# End-to-end speed of `innorank rank problem.yaml --format csv` on 10^4,
# 10^5 and 10^6 alternatives x 8 criteria (and of `--format json`, of
# `innorank compare`, four methods, on the same rows with the target
# criterion made a benefit so that AHP ranks too, and of `innorank
# sensitivity`; the report gives their ratios to rank), against
#   floor:      scripts/floor `parse`: the csv crate with one reused
#               ByteRecord, fast-float2, ids in one byte arena, one pass of
#               column statistics, one thread;
#   floor-emit: scripts/floor `topsis --emit`: the same, plus TOPSIS, a
#               stable sort and the ranking written as CSV;
#   mcdm:       scripts/peer_mcdm, the Rust `mcdm` crate's TOPSIS on the
#               same CSV (reads and ranks, prints no ranking);
#   peer:       pandas + pymcdm TOPSIS (scripts/peer_pymcdm.py) in a venv.
# The three run interleaved (A B C A B C ...) after one untimed warm-up
# each; the table shows medians. See scripts/README.md.
#
# usage: scripts/bench.sh [--quick] [--runs N] [--sizes "N N ..."]
#                         [--no-peer] [--peer-validate] [--no-build]
#   --quick          10^4 and 10^5 rows, 3 runs each
#   --runs N         N timed runs at every size (default: 15, 10, 5 for 10^4, 10^5, 10^6)
#   --sizes "..."    row counts to run (default: 10000 100000 1000000)
#   --no-peer        skip pandas + pymcdm
#   --peer-validate  let pymcdm validate its input, as it does by default (slow: a Python loop per row)
#   --no-build       use the binaries already built
# Environment:
#   BENCH_DIR   scratch folder for data, venv and results (default /tmp/innorank-bench)
#   INNORANK    innorank binary to time (default target/release/innorank)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRIPTS=$ROOT/scripts
BENCH_DIR=${BENCH_DIR:-/tmp/innorank-bench}
INNORANK=${INNORANK:-$ROOT/target/release/innorank}
FLOOR=$SCRIPTS/floor/target/release/csv-floor
MCDM=$SCRIPTS/peer_mcdm/target/release/peer-mcdm
VENV=$BENCH_DIR/venv
CRITERIA=8

sizes=(10000 100000 1000000)
runs_fixed=""
quick=0
peer=1
peer_validate=0
build=1

die() { echo "bench.sh: $*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --quick) quick=1; sizes=(10000 100000); runs_fixed=${runs_fixed:-3} ;;
        --runs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"; runs_fixed=$2; shift ;;
        --sizes) [[ $# -ge 2 ]] || die "--sizes needs a list"; read -r -a sizes <<< "$2"; shift ;;
        --no-peer) peer=0 ;;
        --peer-validate) peer_validate=1 ;;
        --no-build) build=0 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
for n in "${sizes[@]}"; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "bad size '$n'"; done

runs_for() { # size -> number of timed runs
    if [[ -n $runs_fixed ]]; then echo "$runs_fixed"
    elif (( $1 <= 10000 )); then echo 15
    elif (( $1 <= 100000 )); then echo 10
    else echo 5
    fi
}

section() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------- checks
[[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null \
    || die "needs GNU time at /usr/bin/time (apt-get install time)"
command -v python3 >/dev/null || die "needs python3"
[[ -n ${EPOCHREALTIME:-} ]] || die "needs bash 5 (EPOCHREALTIME)"
mkdir -p "$BENCH_DIR"
RESULTS=$BENCH_DIR/results.tsv
LOGS=$BENCH_DIR/logs
mkdir -p "$LOGS"

section "Machine"
echo "cpus (nproc):  $(nproc)"
echo "cpu model:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory:        $(free -h | awk '/^Mem:/ {print $2}')"
echo "kernel:        $(uname -sr)"
echo "rustc:         $(rustc --version 2>/dev/null || echo '?')"
echo "bench folder:  $BENCH_DIR"
cpu_busy() { # percent of all cores busy over one second, from /proc/stat
    local a b
    read -r -a a < /proc/stat; sleep 1; read -r -a b < /proc/stat
    awk -v u1="${a[1]}" -v n1="${a[2]}" -v s1="${a[3]}" -v i1="${a[4]}" -v w1="${a[5]}" \
        -v u2="${b[1]}" -v n2="${b[2]}" -v s2="${b[3]}" -v i2="${b[4]}" -v w2="${b[5]}" \
        'BEGIN { busy = (u2 - u1) + (n2 - n1) + (s2 - s1); idle = (i2 - i1) + (w2 - w1);
                 total = busy + idle; printf "%d", (total > 0 ? 100 * busy / total : 0) }'
}
busy=$(cpu_busy)
echo "cpu busy now:  ${busy}% of $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg))"
(( busy > 15 )) && echo "WARNING: something else is running; timings will be noisy (anything else on these cores counts)"

# ---------------------------------------------------------------- builds
have_innorank=1
if (( build )); then
    section "Building innorank and the floor (release)"
    if ! (cd "$ROOT" && cargo build --release --quiet --bin innorank) 2> "$LOGS/build-innorank.err"; then
        echo "innorank does not build: skipped (see $LOGS/build-innorank.err)"; tail -n 5 "$LOGS/build-innorank.err" | sed 's/^/    /'
        have_innorank=0
    fi
    cargo build --release --quiet --manifest-path "$SCRIPTS/floor/Cargo.toml" \
        || die "the floor (scripts/floor) does not build"
    cargo build --release --quiet --manifest-path "$SCRIPTS/peer_mcdm/Cargo.toml" 2> "$LOGS/build-mcdm.err" \
        || echo "the mcdm peer (scripts/peer_mcdm) does not build: skipped (see $LOGS/build-mcdm.err)"
fi
[[ -x $FLOOR ]] || die "no floor binary at $FLOOR (run without --no-build)"
if (( have_innorank )) && [[ ! -x $INNORANK ]]; then
    echo "no innorank binary at $INNORANK: skipped"; have_innorank=0
fi

# ---------------------------------------------------------------- peer venv
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine for old
# OpenBLAS builds; they slow a current numpy, so the peer runs without them.
PEER_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
if (( peer )); then
    section "Peer: pandas + pymcdm in $VENV"
    if [[ ! -x $VENV/bin/python ]] || ! "$VENV/bin/python" -c 'import pandas, pymcdm, numpy, yaml, threadpoolctl' 2>/dev/null; then
        if python3 -m venv "$VENV" > "$LOGS/venv.log" 2>&1 \
            && "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
                pandas pymcdm numpy pyyaml threadpoolctl >> "$LOGS/venv.log" 2>&1; then
            echo "installed pandas, pymcdm, numpy, pyyaml, threadpoolctl"
        else
            echo "pip cannot install pandas/pymcdm here: the peer is skipped (see $LOGS/venv.log)"
            peer=0
        fi
    fi
fi
if (( peer )); then
    "${PEER_ENV[@]}" "$VENV/bin/python" - <<'EOF'
import platform, importlib.metadata, numpy, pandas, pymcdm, threadpoolctl
blas = [f"{i['internal_api']} {i.get('version')} kernel={i.get('architecture')} threads={i['num_threads']}"
        for i in threadpoolctl.threadpool_info() if i['user_api'] == 'blas']
print(f"python {platform.python_version()}, numpy {numpy.__version__}, pandas {pandas.__version__}, "
      f"pymcdm {importlib.metadata.version('pymcdm')}; BLAS: {'; '.join(blas) or 'none loaded'}")
EOF
    (( peer_validate )) && echo "pymcdm input validation: ON (--peer-validate)" \
        || echo "pymcdm input validation: off (its per-row Python loop is timed only with --peer-validate)"
fi
peer_flags=()
(( peer_validate )) && peer_flags+=(--validate)

# ---------------------------------------------------------------- data
section "Data (scripts/gen_data.py, fixed seed)"
gen_stamp=$(cksum < "$SCRIPTS/gen_data.py" | cut -d' ' -f1)
for n in "${sizes[@]}"; do
    dir=$BENCH_DIR/data/$n
    if [[ -f $dir/alternatives.csv && -f $dir/problem.yaml && $(cat "$dir/.stamp" 2>/dev/null) == "$gen_stamp" ]]; then
        echo "$n rows: reusing $dir ($(du -h "$dir/alternatives.csv" | cut -f1))"
    else
        python3 "$SCRIPTS/gen_data.py" "$n" --out "$dir" 2>&1 | sed 's/^/  /'
        echo "$gen_stamp" > "$dir/.stamp"
    fi
    # compare: every method must run, and AHP ranks no target criterion.
    sed 's/direction: target, target: [0-9.]*/direction: benefit/' "$dir/problem.yaml" > "$dir/problem-compare.yaml"
done

# ---------------------------------------------------------------- commands
cmd_for() { # tool size -> sets CMD
    local dir=$BENCH_DIR/data/$2
    case $1 in
        innorank) CMD=("$INNORANK" rank "$dir/problem.yaml" --format csv) ;;
        json) CMD=("$INNORANK" rank "$dir/problem.yaml" --format json) ;;
        compare) CMD=("$INNORANK" compare "$dir/problem-compare.yaml" --format csv --quiet) ;;
        sensitivity) CMD=("$INNORANK" sensitivity "$dir/problem.yaml" --format csv) ;;
        floor) CMD=("$FLOOR" parse "$dir/alternatives.csv") ;;
        floor-emit) CMD=("$FLOOR" topsis "$dir/alternatives.csv" --emit) ;;
        mcdm) CMD=("$MCDM" "$dir/alternatives.csv") ;;
        peer) CMD=("${PEER_ENV[@]}" "$VENV/bin/python" "$SCRIPTS/peer_pymcdm.py" "$dir/problem.yaml" "${peer_flags[@]}") ;;
    esac
}

tools=(floor floor-emit)
smallest=${sizes[0]}
if (( have_innorank )); then
    section "innorank: does it read CSV alternatives yet? (${smallest} rows)"
    cmd_for innorank "$smallest"
    if "${CMD[@]}" > "$BENCH_DIR/innorank-$smallest.csv" 2> "$LOGS/innorank-probe.err"; then
        rows=$(($(wc -l < "$BENCH_DIR/innorank-$smallest.csv") - 1))
        if (( rows == smallest )); then
            echo "yes: $rows rows ranked"; tools=(innorank json compare sensitivity floor floor-emit)
        else
            echo "no: it wrote $rows rows, expected $smallest: innorank skipped"
        fi
    else
        echo "no: innorank failed, skipped. Its error:"; head -n 5 "$LOGS/innorank-probe.err" | sed 's/^/    /'
    fi
fi
[[ -x $MCDM ]] && tools+=(mcdm)
(( peer )) && tools+=(peer)

if (( peer )) && [[ ${tools[0]} == innorank ]]; then
    section "Agreement: innorank vs the peer (${smallest} rows)"
    cmd_for peer "$smallest"
    "${CMD[@]}" > "$BENCH_DIR/peer-$smallest.csv"
    python3 "$SCRIPTS/bench_report.py" compare "$BENCH_DIR/innorank-$smallest.csv" "$BENCH_DIR/peer-$smallest.csv" \
        || echo "WARNING: the rankings differ; the timings below still stand, but look into it"
fi

# ---------------------------------------------------------------- runs
measure() { # tool size run -> appends a line to $RESULTS
    local tool=$1 size=$2 run=$3 start end status=0 tfile=$LOGS/time.$$ err=$LOGS/$1-$2.err
    cmd_for "$tool" "$size"
    start=$EPOCHREALTIME
    /usr/bin/time -f '%e %M' -o "$tfile" "${CMD[@]}" > /dev/null 2> "$err" || status=$?
    end=$EPOCHREALTIME
    local kb
    kb=$(awk 'END {print $2}' "$tfile")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$run" \
        "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.6f", b - a}')" "${kb:-0}" "$status" >> "$RESULTS"
    if (( status != 0 )); then
        printf ' %s:FAILED(%s)' "$tool" "$status"
    else
        printf ' %s:%.3fs' "$tool" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')"
    fi
}

section "Timed runs: ${tools[*]} interleaved, after one untimed warm-up each"
printf '# size\ttool\trun\twall_s\tmax_rss_kb\tstatus\n' > "$RESULTS"
for n in "${sizes[@]}"; do
    runs=$(runs_for "$n")
    printf '%s rows, warm-up:' "$n"
    for tool in "${tools[@]}"; do
        cmd_for "$tool" "$n"
        "${CMD[@]}" > /dev/null 2>&1 || true
        printf ' %s' "$tool"
    done
    echo
    for ((run = 1; run <= runs; run++)); do
        printf '%s rows, run %d/%d:' "$n" "$run" "$runs"
        for tool in "${tools[@]}"; do measure "$tool" "$n" "$run"; done
        echo
    done
done
rm -f "$LOGS/time.$$"

section "Results (raw: $RESULTS)"
python3 "$SCRIPTS/bench_report.py" summary "$RESULTS" --criteria "$CRITERIA"
if (( peer )); then
    section "Where the peer spends its time ($(printf '%s' "${sizes[-1]}") rows, one run)"
    cmd_for peer "${sizes[-1]}"
    "${CMD[@]}" --timings 2>&1 > /dev/null | sed 's/^/  /'
fi
(( quick )) && echo "(quick run: 10^4 and 10^5 rows only)"
exit 0
