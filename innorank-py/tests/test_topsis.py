"""innorank.topsis against pymcdm's TOPSIS (live, on random matrices) and
against literals; rank_frame on a DataFrame."""

import numpy as np
import pytest

import innorank
from conftest import EXAMPLES

pymcdm = pytest.importorskip("pymcdm")
from pymcdm import normalizations  # noqa: E402
from pymcdm.methods import TOPSIS  # noqa: E402

PYMCDM = {
    "vector": normalizations.vector_normalization,
    "minmax": normalizations.minmax_normalization,
}


@pytest.mark.parametrize("normalization", ["vector", "minmax"])
@pytest.mark.parametrize("seed", range(20))
def test_matches_pymcdm_on_random_matrices(normalization, seed):
    rng = np.random.default_rng(seed)
    rows, cols = int(rng.integers(2, 200)), int(rng.integers(1, 9))
    matrix = rng.uniform(0.5, 1000.0, (rows, cols)) * rng.choice([1e-3, 1.0, 1e3], cols)
    weights = rng.uniform(0.05, 1.0, cols)
    weights /= weights.sum()
    types = rng.choice([1, -1], cols)
    directions = ["benefit" if t == 1 else "cost" for t in types]
    ours = innorank.topsis(matrix, weights, directions, normalization)
    theirs = TOPSIS(normalization_function=PYMCDM[normalization])(matrix, weights, types, validation=False)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)


def test_target_is_a_cost_on_the_distance():
    rng = np.random.default_rng(99)
    matrix = rng.uniform(0, 1, (50, 3))
    weights = np.array([0.5, 0.3, 0.2])
    ours = innorank.topsis(matrix, weights, ["benefit", ("target", 0.6), "cost"])
    moved = matrix.copy()
    moved[:, 1] = np.abs(moved[:, 1] - 0.6)
    theirs = TOPSIS(normalization_function=normalizations.vector_normalization)(
        moved, weights, np.array([1, -1, -1]), validation=False
    )
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)


def test_literals_tzeng_huang_2011():
    # pymcdm 1.4.0: TOPSIS(normalization_function=vector_normalization)(m, [0.3, 0.4, 0.3], [1, 1, 1]),
    # the same literals as tests/reference_topsis.rs.
    m = np.array([[5.0, 8.0, 4.0], [7.0, 6.0, 8.0], [8.0, 8.0, 6.0], [7.0, 4.0, 6.0]])
    got = innorank.topsis(m, [0.3, 0.4, 0.3], ["benefit"] * 3)
    expected = [0.5037196585795188, 0.6580847719618138, 0.7482486599406238, 0.333997436943342]
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    got = innorank.topsis(m, [0.3, 0.4, 0.3], ["benefit"] * 3, normalization="minmax")
    expected = [0.4852813742385703, 0.6483712952255928, 0.7767908047326835, 0.3629773449415502]
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)


def test_any_layout_gives_the_same_scores():
    rng = np.random.default_rng(5)
    m = rng.uniform(0, 10, (100, 4))
    args = ([1, 2, 3, 4], ["benefit", "cost", "benefit", ("target", 5.0)])
    c = innorank.topsis(m, *args)
    np.testing.assert_array_equal(innorank.topsis(np.asfortranarray(m), *args), c)
    np.testing.assert_array_equal(innorank.topsis(np.repeat(m, 2, axis=0)[::2], *args), c)
    np.testing.assert_array_equal(innorank.topsis(m.tolist(), *args), c)


def test_rank_frame_matches_rank_and_keeps_the_index():
    pd = pytest.importorskip("pandas")
    example = next(p for p in EXAMPLES if p.stem == "innovation-proposals")
    report = innorank.rank(str(example))
    ids, _, _ = innorank.leaves(str(example))
    rows = {r["id"]: r for r in report["ranking"]}
    df = pd.DataFrame([{**rows[i]["values"], "label": i} for i in sorted(rows)], index=sorted(rows)[::-1])
    out = innorank.rank_frame(df, str(example))
    assert list(out.index) == list(df.index)
    assert list(out.columns) == ["score", "rank"]
    for index, label in zip(df.index, df["label"]):
        assert out.loc[index, "score"] == pytest.approx(rows[label]["score"], abs=1e-12)
        assert out.loc[index, "rank"] == rows[label]["rank"]
    assert set(ids) <= set(df.columns)
