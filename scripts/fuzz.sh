#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (cargo-fuzz, nightly Rust), one at a
# time, after seeding their corpora from examples/, tests/fixtures/,
# fuzz/seeds/ and the saved regression inputs, with the dictionaries of
# fuzz/dict/. See fuzz/README.md.
#
# usage: scripts/fuzz.sh [TARGET|all] [SECONDS]
#   TARGET   yaml_loader, csv_reader, sheet_reader or rank_pipeline
#            (default: all, in turn)
#   SECONDS  how long each target runs (default: 600)
# Environment:
#   FUZZ_ARGS   more libFuzzer options, e.g. "-ignore_crashes=1 -fork=1"
#   FUZZ_NICE   niceness of the fuzzer (default 10)
#   FUZZ_SANITIZER  cargo fuzz --sanitizer (default address; none is faster)
#
# A crash, timeout or out-of-memory leaves its input in
# fuzz/artifacts/TARGET/; the script prints how to replay and minimise it.
# Exit status: 0 when no target found anything, 1 otherwise.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FUZZ=$ROOT/fuzz
ALL=(yaml_loader csv_reader sheet_reader rank_pipeline)
target=${1:-all}
seconds=${2:-600}

case $target in
    all) targets=("${ALL[@]}") ;;
    yaml_loader | csv_reader | sheet_reader | rank_pipeline) targets=("$target") ;;
    -h | --help) sed -n '2,/^set -e/p' "${BASH_SOURCE[0]}" | sed '$d' | cut -c3-; exit 0 ;;
    *) echo "unknown target '$target' (expected: ${ALL[*]} or all)" >&2; exit 2 ;;
esac
[[ $seconds =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number, got '$seconds'" >&2; exit 2; }

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "cargo-fuzz needs a nightly toolchain: rustup toolchain install nightly" >&2
    exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz"
    cargo install cargo-fuzz
fi

# Longest input per target: the examples are up to 14 kB; CSV rows are short.
max_len() {
    case $1 in
        csv_reader) echo 4096 ;;
        *) echo 16384 ;;
    esac
}

# The libFuzzer dictionary for $1: the problem file's keys and awkward
# numbers, the CSV target's columns and cells, or a sheet's XML.
dict() {
    case $1 in
        csv_reader) echo "$FUZZ/dict/csv.dict" ;;
        sheet_reader) echo "$FUZZ/dict/sheet.dict" ;;
        *) echo "$FUZZ/dict/problem.dict" ;;
    esac
}

# Build flags for $1: sheet_reader runs as users build it, without debug
# assertions and overflow checks (cargo-fuzz turns them on for the whole
# build, calamine included, whose cell references overflow by design past
# u32 and wrap in release builds; see Cargo.toml).
build_flags() {
    case $1 in
        sheet_reader) echo "--release" ;;
        *) echo "" ;;
    esac
}

# Copies the seed files for $1 into its corpus (existing files stay).
seed() {
    local corpus=$FUZZ/corpus/$1 file
    mkdir -p "$corpus"
    local sources=("$ROOT/tests/fixtures/fuzz/$1"/*)
    if [[ $1 == csv_reader || $1 == sheet_reader ]]; then
        sources+=("$FUZZ/seeds/$1"/*)
    else
        sources+=("$FUZZ/seeds/problem"/* "$ROOT"/examples/*.yaml "$ROOT"/tests/fixtures/*.yaml)
    fi
    for file in "${sources[@]}"; do
        [[ -f $file && $(stat -c %s "$file") -le $(max_len "$1") ]] || continue
        cp -n "$file" "$corpus/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
    done
}

found=0
for t in "${targets[@]}"; do
    seed "$t"
    echo "== $t for ${seconds}s (corpus: fuzz/corpus/$t, $(ls "$FUZZ/corpus/$t" | wc -l) inputs)"
    before=$(ls "$FUZZ/artifacts/$t" 2>/dev/null | wc -l || true)
    status=0
    # One process, one rayon thread: the fuzzer shares the machine. Leak
    # checks are off: they are slow with rayon's threads around, and a
    # leak is not what the targets look for.
    # shellcheck disable=SC2086
    # yaml_loader and rank_pipeline read the same input: each also starts
    # from what the other has found (read only).
    others=()
    case $t in
        yaml_loader) other=rank_pipeline ;;
        rank_pipeline) other=yaml_loader ;;
        *) other= ;;
    esac
    [[ -n $other && -d $FUZZ/corpus/$other ]] && others=("$FUZZ/corpus/$other")
    (cd "$ROOT" && RAYON_NUM_THREADS=1 nice -n "${FUZZ_NICE:-10}" \
        cargo +nightly fuzz run $(build_flags "$t") --sanitizer "${FUZZ_SANITIZER:-address}" "$t" "$FUZZ/corpus/$t" "${others[@]}" -- \
        -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -detect_leaks=0 \
        -max_len="$(max_len "$t")" -dict="$(dict "$t")" -print_final_stats=1 ${FUZZ_ARGS:-}) || status=$?
    after=$(ls "$FUZZ/artifacts/$t" 2>/dev/null | wc -l || true)
    if [[ $status -ne 0 || $after -gt $before ]]; then
        found=1
        echo
        echo "== $t found something (exit $status). New inputs in fuzz/artifacts/$t/:"
        ls -t "$FUZZ/artifacts/$t" | head -n $((after - before > 0 ? after - before : 1))
        cat <<HOW
Replay one (prints the panic and its backtrace):
    RUST_BACKTRACE=1 cargo +nightly fuzz run $t fuzz/artifacts/$t/<file>
Minimise it:
    cargo +nightly fuzz tmin $t fuzz/artifacts/$t/<file>
Keep it as a regression test: copy the minimised file to
tests/fixtures/fuzz/$t/<short-name> and run
    cargo test --test fuzz_regressions
HOW
    fi
done
exit $found
