"""Type stubs of the innorank package (see __init__.py for the docs)."""

import os
from typing import Any, Dict, List, Literal, Sequence, Tuple, Union

import numpy as np
import numpy.typing as npt

Problem = Union[str, "os.PathLike[str]"]
"""A path, or YAML text (a ``str`` with a line break)."""

Direction = Union[Literal["benefit", "cost"], Tuple[Literal["target"], float]]
Normalization = Literal["vector", "minmax"]
Json = Dict[str, Any]

class InnorankError(ValueError):
    """Invalid input; the message lists every problem found, located."""

class ColumnStats:
    """Per-column statistics of some rows: pass 1 of TOPSIS in two passes."""

    @property
    def count(self) -> int: ...
    @property
    def directions(self) -> List[Direction]: ...
    def merge(self, other: "ColumnStats") -> "ColumnStats": ...
    def summaries(self) -> List[Dict[str, float]]: ...

def rank(
    problem: Problem,
    *,
    method: Literal["topsis", "ahp"] = ...,
    normalization: Normalization = ...,
    synthesis: Literal["distributive", "ideal"] = ...,
    satisfactory: float = ...,
    explain: bool = ...,
    ahp_method: str = ...,
    cr_threshold: float = ...,
    completion: str = ...,
    ri: str = ...,
    aggregate: str = ...,
    alternatives: str = ...,
    allow_outside_paths: bool = ...,
    ignore_extra_columns: bool = ...,
    sheet: str = ...,
) -> Json: ...
def weights(
    problem: Problem,
    *,
    suggest: bool = ...,
    ahp_method: str = ...,
    cr_threshold: float = ...,
    completion: str = ...,
    ri: str = ...,
    aggregate: str = ...,
    alternatives: str = ...,
    allow_outside_paths: bool = ...,
    ignore_extra_columns: bool = ...,
    sheet: str = ...,
) -> Json: ...
def sensitivity(
    problem: Problem,
    *,
    shortlist: int = ...,
    judgments: bool = ...,
    curve: str = ...,
    steps: int = ...,
    method: Literal["topsis", "ahp"] = ...,
    normalization: Normalization = ...,
    synthesis: Literal["distributive", "ideal"] = ...,
    ahp_method: str = ...,
    cr_threshold: float = ...,
    completion: str = ...,
    ri: str = ...,
    aggregate: str = ...,
    alternatives: str = ...,
    allow_outside_paths: bool = ...,
    ignore_extra_columns: bool = ...,
    sheet: str = ...,
) -> Json: ...
def robustness(
    problem: Problem,
    *,
    draws: int = ...,
    ranks: int = ...,
    seed: int = ...,
    weights: Literal["judgments", "uniform", "ordinal"] = ...,
    judgment_spread: int = ...,
    pairwise: bool = ...,
    method: Literal["topsis", "ahp"] = ...,
    normalization: Normalization = ...,
    synthesis: Literal["distributive", "ideal"] = ...,
    ahp_method: str = ...,
    cr_threshold: float = ...,
    completion: str = ...,
    ri: str = ...,
    aggregate: str = ...,
    alternatives: str = ...,
    allow_outside_paths: bool = ...,
    ignore_extra_columns: bool = ...,
    sheet: str = ...,
) -> Json: ...
def portfolio(
    problem: Problem,
    *,
    method: Literal["topsis", "ahp"] = ...,
    normalization: Normalization = ...,
    synthesis: Literal["distributive", "ideal"] = ...,
    budget: float = ...,
    frontier: Sequence[float] = ...,
    next: int = ...,
    time_limit: float = ...,
    robust: int = ...,
    seed: int = ...,
    ahp_method: str = ...,
    cr_threshold: float = ...,
    completion: str = ...,
    ri: str = ...,
    aggregate: str = ...,
    alternatives: str = ...,
    allow_outside_paths: bool = ...,
    ignore_extra_columns: bool = ...,
    sheet: str = ...,
) -> Json: ...
def leaves(problem: Problem, **options: Any) -> Tuple[List[str], List[float], List[Direction]]: ...
def topsis(
    matrix: npt.ArrayLike,
    weights: Sequence[float],
    directions: Sequence[Direction],
    normalization: Normalization = "vector",
) -> npt.NDArray[np.float64]: ...
def column_stats(block: npt.ArrayLike, directions: Sequence[Direction]) -> ColumnStats: ...
def merge(a: ColumnStats, b: ColumnStats) -> ColumnStats: ...
def score_block(
    block: npt.ArrayLike,
    stats: ColumnStats,
    weights: Sequence[float],
    normalization: Normalization = "vector",
) -> npt.NDArray[np.float64]: ...
def rank_frame(df: Any, problem: Problem, **options: Any) -> Any: ...
