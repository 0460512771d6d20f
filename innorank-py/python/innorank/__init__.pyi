"""Type stubs of the innorank package (see __init__.py for the docs)."""

import os
from typing import Any, Dict, List, Literal, Sequence, Tuple, Union

from typing_extensions import TypedDict, Unpack

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

class _Load(TypedDict, total=False):
    alternatives: str
    allow_outside_paths: bool
    ignore_extra_columns: bool
    sheet: str
    delimiter: Literal[",", ";", "|", "tab"]
    max_size: int
    max_csv_size: int
    criteria_dir: str

class _Weighing(_Load, total=False):
    ahp_method: Literal["eigen", "geometric"]
    cr_threshold: float
    completion: Literal["harker", "lambda-min"]
    ri: str
    aggregate: Literal["aij", "aip"]

class _Ranking(_Weighing, total=False):
    method: Literal["topsis", "ahp"]
    normalization: Normalization
    synthesis: Literal["distributive", "ideal"]

class _Rank(_Ranking, total=False):
    satisfactory: float
    explain: bool
    top: int

class _Weights(_Weighing, total=False):
    suggest: bool

class _Sensitivity(_Ranking, total=False):
    shortlist: int
    judgments: bool
    curve: str
    steps: int

class _Robustness(_Ranking, total=False):
    draws: int
    ranks: int
    seed: int
    weights: Literal["judgments", "uniform", "ordinal"]
    judgment_spread: int
    pairwise: bool
    weights_from: str

class _Portfolio(_Ranking, total=False):
    budget: float
    frontier: Sequence[float]
    next: int
    time_limit: float
    robust: int
    seed: int

def rank(problem: Problem, **options: Unpack[_Rank]) -> Json: ...
def weights(problem: Problem, **options: Unpack[_Weights]) -> Json: ...
def sensitivity(problem: Problem, **options: Unpack[_Sensitivity]) -> Json: ...
def robustness(problem: Problem, **options: Unpack[_Robustness]) -> Json: ...
def portfolio(problem: Problem, **options: Unpack[_Portfolio]) -> Json: ...
def leaves(problem: Problem, **options: Unpack[_Weighing]) -> Tuple[List[str], List[float], List[Direction]]: ...
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
