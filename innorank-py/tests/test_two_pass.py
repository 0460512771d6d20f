"""ColumnStats: statistics merged from partitions in any order equal those
of the whole; blocks scored with them score as the one pass; they pickle."""

import functools
import pickle

import numpy as np
import pytest

import innorank

DIRECTIONS = ["benefit", "cost", ("target", 0.25), "benefit"]


def partitions(m, rng, k):
    cuts = np.sort(rng.integers(0, len(m) + 1, k - 1))
    return np.split(m, cuts)


@pytest.mark.parametrize("seed", range(10))
def test_merge_in_any_order_is_the_whole(seed):
    rng = np.random.default_rng(seed)
    m = rng.normal(0, 1e3, (int(rng.integers(1, 500)), 4))
    whole = innorank.column_stats(m, DIRECTIONS)
    parts = [innorank.column_stats(p, DIRECTIONS) for p in partitions(m, rng, 6)]
    order = rng.permutation(len(parts))
    merged = functools.reduce(innorank.merge, [parts[i] for i in order])
    assert merged.count == whole.count == len(m)
    for a, b in zip(merged.summaries(), whole.summaries()):
        assert (a["min"], a["max"], a["largest"]) == (b["min"], b["max"], b["largest"])
        assert a["squares"] == pytest.approx(b["squares"], rel=1e-12)
    for normalization in ["vector", "minmax"]:
        one_pass = innorank.topsis(m, [1, 2, 3, 4], DIRECTIONS, normalization)
        two_pass = np.concatenate(
            [innorank.score_block(p, merged, [1, 2, 3, 4], normalization) for p in partitions(m, rng, 4)]
        )
        np.testing.assert_allclose(two_pass, one_pass, rtol=0, atol=1e-12)


def test_stats_pickle_and_keep_directions():
    m = np.arange(12.0).reshape(3, 4)
    stats = innorank.column_stats(m, DIRECTIONS)
    back = pickle.loads(pickle.dumps(stats))
    assert back.count == 3
    assert back.directions == stats.directions == DIRECTIONS
    assert back.summaries() == stats.summaries()
    assert repr(back) == "ColumnStats(rows=3, columns=4)"


def test_mismatched_stats_do_not_merge():
    a = innorank.column_stats(np.ones((2, 2)), ["benefit", "cost"])
    b = innorank.column_stats(np.ones((2, 2)), ["benefit", "benefit"])
    with pytest.raises(innorank.InnorankError, match="column 1 is ranked as cost"):
        a.merge(b)
