"""innorank from Python: AHP weights, TOPSIS ranking, and TOPSIS in two
passes for engines that split the rows (Dask, Polars, Spark, ...).

The commands take a problem (a path, or YAML text: a ``str`` with a line
break) and keyword options named as the command line's flags
(``--ahp-method`` is ``ahp_method``), and return what the command writes
with ``--format json``, as dicts and lists::

    import innorank
    report = innorank.rank("examples/innovation-proposals.yaml", normalization="minmax")
    report["ranking"][0]["id"]

Invalid input raises :class:`InnorankError` (a ``ValueError``) whose message
lists every problem found, located as ``file:line:column: field: what``.

Options every command takes (loading): ``alternatives`` (a CSV or
spreadsheet replacing the problem's own), ``allow_outside_paths``,
``ignore_extra_columns``, ``sheet``. Weighting options (every command):
``ahp_method`` (``eigenvector``, ``geometric-mean``, ...), ``cr_threshold``
(0.10), ``completion`` (``harker``, ``lambda-min``), ``ri`` (random index
table), ``aggregate`` (``aij``, ``aip``). Ranking options (``rank``,
``sensitivity``, ``robustness``): ``method`` (``topsis``, ``ahp``),
``normalization`` (``vector``, ``minmax``), ``synthesis`` (``distributive``,
``ideal``).
"""

import json as _json
from os import PathLike as _PathLike

from . import _innorank
from ._innorank import ColumnStats, InnorankError, merge

__all__ = [
    "ColumnStats",
    "InnorankError",
    "column_stats",
    "leaves",
    "merge",
    "portfolio",
    "rank",
    "rank_frame",
    "robustness",
    "score_block",
    "sensitivity",
    "topsis",
    "weights",
]


def _source(problem):
    """A path (``str`` without a line break, or ``os.PathLike``) or YAML text."""
    if isinstance(problem, _PathLike):
        return str(problem.__fspath__())
    if not isinstance(problem, str):
        raise TypeError("problem: expected a path or YAML text, got %s" % type(problem).__name__)
    return problem


def rank(problem, **options):
    """Screen, weigh and rank: ``innorank rank --format json``.

    Options: the weighting and ranking options, ``satisfactory`` (a score in
    [0, 1] marking alternatives as satisfactory), ``explain`` (how derived
    values were computed), and the loading options. Returns the report:
    ``problem``, ``method``, ..., ``weights``, ``ranking`` (one dict per
    alternative, best first: ``rank``, ``id``, ``name``, ``score``,
    ``d_plus``, ``d_minus``, ``scores``), ``screened_out``, ``warnings``.
    """
    return _json.loads(_innorank.rank(_source(problem), options))


def weights(problem, **options):
    """The AHP weights of every node: ``innorank weights --format json``.

    Options: the weighting options, ``suggest`` (revisions for inconsistent
    nodes), and the loading options.
    """
    return _json.loads(_innorank.weights(_source(problem), options))


def sensitivity(problem, **options):
    """How far each weight can move, one at a time:
    ``innorank sensitivity --format json``.

    Options: the weighting and ranking options, ``shortlist`` (3),
    ``judgments`` (also each pairwise judgment's range), ``curve`` (a node
    id: every score as that weight goes from 0 to 1) with ``steps`` (100),
    and the loading options.
    """
    return _json.loads(_innorank.sensitivity(_source(problem), options))


def robustness(problem, **options):
    """SMAA under random weights: ``innorank robustness --format json``.

    Options: the weighting and ranking options, ``draws`` (10000), ``ranks``,
    ``seed`` (0), ``weights`` (``judgments``, ``uniform`` or ``ordinal``),
    ``judgment_spread`` (1), ``pairwise``, and the loading options. The same
    seed gives the same numbers as the command line.
    """
    return _json.loads(_innorank.robustness(_source(problem), options))


def portfolio(problem, **options):
    """The proposals to fund under a budget: ``innorank portfolio --format json``.

    Options: the weighting options, ``method`` (overrides the section's
    value), ``normalization``, ``synthesis``, ``budget``, ``frontier`` (a
    list of budgets to re-solve for), ``next``, ``time_limit`` (seconds),
    ``robust`` (weight draws) with ``seed``, and the loading options.
    """
    return _json.loads(_innorank.portfolio(_source(problem), options))


def leaves(problem, **options):
    """The leaf criteria in column order as ``(ids, weights, directions)``.

    ``weights`` are the global leaf weights under the weighting options;
    each direction is ``"benefit"``, ``"cost"`` or ``("target", value)``:
    what :func:`topsis`, :func:`column_stats` and :func:`score_block` take.
    """
    ids, w, directions = _innorank.leaves(_source(problem), options)
    return ids, w, directions


def _float_matrix(matrix):
    import numpy as np

    array = np.asarray(matrix, dtype=np.float64)
    if array.ndim != 2:
        raise ValueError("expected a 2-D array (alternatives x criteria), got %d dimension(s)" % array.ndim)
    return array


def topsis(matrix, weights, directions, normalization="vector"):
    """TOPSIS closeness (in [0, 1], higher is better) of every row of ``matrix``.

    ``matrix`` is a 2-D array of alternatives (rows) by criteria (columns);
    a C-contiguous float64 array is read in place, anything else is
    converted once. ``weights`` are relative (normalised to sum to 1);
    ``directions`` are ``"benefit"``, ``"cost"`` or ``("target", value)``;
    ``normalization`` is ``"vector"`` or ``"minmax"``. Returns a float64
    array, one score per row: those of ``innorank rank`` for the same
    matrix, weights and directions.
    """
    return _innorank.topsis(_float_matrix(matrix), list(weights), list(directions), normalization)


def column_stats(block, directions):
    """Pass 1 of TOPSIS in two passes: per-column statistics of ``block``.

    Compute them per partition, anywhere, and combine them with
    :func:`merge` (associative and commutative) in any order; the result is
    picklable, so engines can ship it between processes.
    """
    return _innorank.column_stats(_float_matrix(block), list(directions))


def score_block(block, stats, weights, normalization="vector"):
    """Pass 2: TOPSIS closeness of every row of ``block``, given the merged
    :class:`ColumnStats` of all the rows: the scores :func:`topsis` gives
    those rows on the whole matrix (to 1e-12)."""
    return _innorank.score_block(_float_matrix(block), stats, list(weights), normalization)


def rank_frame(df, problem, **options):
    """Rank the rows of a pandas DataFrame by TOPSIS with a problem's criteria.

    ``df`` holds one row per alternative and one column per leaf criterion
    of ``problem`` (named by leaf id; other columns are ignored). Weights and
    directions come from the problem (with the weighting options);
    ``normalization`` picks the TOPSIS normalisation. Screening rules and
    derived criteria of the problem are not applied. Returns a DataFrame
    with the same index and the columns ``score`` (closeness) and ``rank``
    (1 is best; tied scores share the smaller rank, as ``innorank rank``).
    """
    import pandas as pd

    normalization = options.pop("normalization", "vector")
    ids, w, directions = leaves(problem, **options)
    missing = [i for i in ids if i not in df.columns]
    if missing:
        raise InnorankError("the DataFrame has no column for the criteria: %s" % ", ".join(missing))
    scores = topsis(df[ids].to_numpy(dtype="float64"), w, directions, normalization)
    out = pd.DataFrame({"score": scores}, index=df.index)
    out["rank"] = out["score"].rank(method="min", ascending=False).astype("int64")
    return out
