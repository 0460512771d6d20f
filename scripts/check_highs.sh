#!/usr/bin/env bash
# Builds and tests the opt-in `highs` cargo feature (HiGHS, a C++ MIP
# solver, through good_lp). CI does not run this: the build compiles HiGHS
# from source (cmake, a C++ compiler and libclang for the bindings), about
# 20 minutes on a busy 2-core machine.
#
# Debian/Ubuntu prerequisites (as root):
#   apt-get install -y cmake g++ libclang-dev
#
# usage: scripts/check_highs.sh [--no-test]
#   --no-test   build the release binary only
# Environment:
#   CARGO_TARGET_DIR   where to build (default target/highs, so the feature
#                      does not overwrite the default build's artefacts)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target/highs}
test=1
case ${1:-} in
    --no-test) test=0 ;;
    "") ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "check_highs.sh: unknown option $1" >&2; exit 1 ;;
esac
for tool in cmake c++; do
    command -v "$tool" >/dev/null || { echo "check_highs.sh: $tool not found (apt-get install -y cmake g++ libclang-dev)" >&2; exit 1; }
done

cd "$ROOT"
cargo build --release --features highs
echo "built: $CARGO_TARGET_DIR/release/innorank (HiGHS backend)"
if (( test )); then
    # The portfolio tests (the enumerator proptests, California
    # Manufacturing, the CLI) and the solver's unit tests.
    cargo test --release --features highs --test integration portfolio
    cargo test --release --features highs --lib math::portfolio
fi
