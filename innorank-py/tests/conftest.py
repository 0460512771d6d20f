"""Shared helpers: the repository root, the release CLI, and a comparison
of JSON values with numbers to 1e-12."""

import json
import math
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))


def cli_path():
    """The command line to compare with: $INNORANK_CLI, else the release build."""
    path = pathlib.Path(os.environ.get("INNORANK_CLI", REPO / "target" / "release" / "innorank"))
    if not path.exists():
        pytest.fail("no CLI at %s: run `cargo build --release` or set INNORANK_CLI" % path)
    return path


def run_cli(*args):
    """(exit code, parsed JSON or None, stderr) of `innorank ARGS --format json`."""
    done = subprocess.run(
        [str(cli_path()), *map(str, args), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    value = json.loads(done.stdout) if done.returncode == 0 else None
    return done.returncode, value, done.stderr


def assert_same(a, b, path="$", tol=1e-12):
    """`a` and `b` have the same structure and text; numbers agree to `tol`
    (absolute below 1, relative above)."""
    if isinstance(a, dict):
        assert isinstance(b, dict), path
        assert list(a) == list(b), "%s: keys %s vs %s" % (path, list(a), list(b))
        for k in a:
            assert_same(a[k], b[k], "%s.%s" % (path, k), tol)
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), "%s: lengths differ" % path
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, "%s[%d]" % (path, i), tol)
    elif isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, (int, float)) and isinstance(b, (int, float)), path
        assert math.isclose(a, b, rel_tol=tol, abs_tol=tol), "%s: %r vs %r" % (path, a, b)
    else:
        assert a == b, "%s: %r vs %r" % (path, a, b)
