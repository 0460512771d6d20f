//! Positive reciprocal comparison matrices, complete or not.

use nalgebra::DMatrix;
use serde::Serialize;

use super::{RandomIndex, judgment_in_bounds};

/// Relative tolerance for `a_ji * a_ij == 1` in a given matrix.
const RECIPROCAL_TOLERANCE: f64 = 1e-9;

/// A positive reciprocal matrix of pairwise judgments among `n` items.
///
/// Built once from a full matrix ([`PairwiseMatrix::from_rows`]) or from
/// judgments ([`PairwiseMatrix::from_judgments`]), which may leave pairs out
/// as long as they link every item. Missing entries are estimated when
/// priorities are computed (see the [module docs](super)).
#[derive(Debug, Clone, PartialEq)]
pub struct PairwiseMatrix {
    /// Entry (i, j) is a_ij, or 0 where the pair was not judged.
    entries: DMatrix<f64>,
    /// Whether the judgments came as a complete matrix or set.
    complete: bool,
}

/// A judgment that disagrees with the derived priorities.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Deviation {
    /// 0-based row item.
    pub row: usize,
    /// 0-based column item.
    pub col: usize,
    /// The judgment given, `a_ij`.
    pub judged: f64,
    /// The value the priorities imply, `w_i / w_j`.
    pub fitted: f64,
}

impl Deviation {
    /// The value on Saaty's scale (1/9..1/2, 1..9) nearest to `fitted`,
    /// measured as a ratio: the judgment an analyst would write instead.
    ///
    /// ```
    /// use innorank::ahp::Deviation;
    /// let d = Deviation { row: 0, col: 1, judged: 9.0, fitted: 2.7 };
    /// assert_eq!(d.nearest_scale_value(), 3.0);
    /// ```
    ///
    /// # Panics
    ///
    /// Never: the scale it searches is not empty.
    pub fn nearest_scale_value(&self) -> f64 {
        let target = self.fitted.ln();
        (1..=9)
            .flat_map(|k| [k as f64, 1.0 / k as f64])
            .min_by(|a, b| (a.ln() - target).abs().total_cmp(&(b.ln() - target).abs()))
            .expect("the scale is not empty")
    }

    /// How far the judgment is off, as `|ln(a_ij / (w_i / w_j))|`: a factor
    /// of 2 too high or too low both give `ln 2`.
    pub fn error(&self) -> f64 {
        (self.judged / self.fitted).ln().abs()
    }
}

/// A missing judgment and the value estimated for it, `w_i / w_j`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    /// 0-based row item.
    pub row: usize,
    /// 0-based column item.
    pub col: usize,
    /// The estimated `a_ij`.
    pub value: f64,
}

impl PairwiseMatrix {
    /// A complete matrix, given row by row.
    ///
    /// Every entry must be positive, within [`JUDGMENT_MIN`](super::JUDGMENT_MIN)..[`JUDGMENT_MAX`](super::JUDGMENT_MAX)
    /// (1e-6..1e6), the diagonal 1, and `a_ji = 1 / a_ij` to 1e-9 relative.
    ///
    /// ```
    /// use innorank::ahp::PairwiseMatrix;
    /// assert!(PairwiseMatrix::from_rows(vec![vec![1.0, 3.0], vec![1.0 / 3.0, 1.0]]).is_ok());
    /// assert!(PairwiseMatrix::from_rows(vec![vec![1.0, 3.0], vec![3.0, 1.0]]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`MatrixError`]: an empty or non-square matrix, an entry that is not
    /// positive and finite or outside the judgment bounds, a diagonal entry
    /// other than 1, or entries that are not reciprocal.
    pub fn from_rows(rows: Vec<Vec<f64>>) -> Result<Self, MatrixError> {
        let n = rows.len();
        check_size(n)?;
        for (row, values) in rows.iter().enumerate() {
            if values.len() != n {
                return Err(MatrixError::NotSquare {
                    row,
                    len: values.len(),
                    n,
                });
            }
            for (col, &value) in values.iter().enumerate() {
                if !(value.is_finite() && value > 0.0) {
                    return Err(MatrixError::NonPositive { row, col, value });
                }
                if !judgment_in_bounds(value) {
                    return Err(MatrixError::OutOfBounds { row, col, value });
                }
            }
        }
        for (i, values) in rows.iter().enumerate() {
            if (values[i] - 1.0).abs() > RECIPROCAL_TOLERANCE {
                return Err(MatrixError::Diagonal {
                    index: i,
                    value: values[i],
                });
            }
            for j in i + 1..n {
                let (a_ij, a_ji) = (values[j], rows[j][i]);
                if (a_ij * a_ji - 1.0).abs() > RECIPROCAL_TOLERANCE {
                    return Err(MatrixError::NotReciprocal {
                        row: i,
                        col: j,
                        a_ij,
                        a_ji,
                    });
                }
            }
        }
        let entries = DMatrix::from_fn(n, n, |i, j| rows[i][j]);
        Ok(PairwiseMatrix {
            entries,
            complete: true,
        })
    }

    /// A matrix from judgments `(a, b, v)`: item `a` is `v` times as
    /// important as item `b`, with `v` within [`JUDGMENT_MIN`](super::JUDGMENT_MIN)..[`JUDGMENT_MAX`](super::JUDGMENT_MAX)
    /// (1e-6..1e6). Each pair may be judged once, in either order;
    /// the reciprocal is implied. Pairs may be left out as long as the
    /// judgments link all `n` items.
    ///
    /// ```
    /// use innorank::ahp::{PairwiseMatrix, PriorityMethod};
    /// // Three items, the pair (1, 2) not judged: estimated as w_1 / w_2.
    /// let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 2.0), (0, 2, 4.0)]).unwrap();
    /// assert!(!m.is_complete());
    /// let p = m.priorities(PriorityMethod::Eigen);
    /// assert!((p.weights[1] / p.weights[2] - 2.0).abs() < 1e-9);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`MatrixError`]: too many items, an index out of range, an item
    /// compared with itself, a pair judged twice, or a value that is not
    /// positive and finite or outside the judgment bounds.
    pub fn from_judgments(n: usize, judgments: &[(usize, usize, f64)]) -> Result<Self, MatrixError> {
        check_size(n)?;
        let mut entries = DMatrix::identity(n, n);
        for &(a, b, value) in judgments {
            for index in [a, b] {
                if index >= n {
                    return Err(MatrixError::OutOfRange { index, n });
                }
            }
            if a == b {
                return Err(MatrixError::SelfComparison { index: a });
            }
            if !(value.is_finite() && value > 0.0) {
                return Err(MatrixError::NonPositive { row: a, col: b, value });
            }
            if !judgment_in_bounds(value) {
                return Err(MatrixError::OutOfBounds { row: a, col: b, value });
            }
            if entries[(a, b)] != 0.0 {
                return Err(MatrixError::RepeatedPair { a, b });
            }
            entries[(a, b)] = value;
            entries[(b, a)] = 1.0 / value;
        }
        // Off-diagonal entries start at 0 (missing); repeats were refused, so
        // the number of judgments says whether every pair is covered.
        let complete = judgments.len() == n * (n - 1) / 2;
        let groups = components(&entries);
        if groups.len() > 1 {
            return Err(MatrixError::Disconnected { groups });
        }
        Ok(PairwiseMatrix { entries, complete })
    }

    /// A complete matrix of values computed here (judgments plus estimates,
    /// which may lie beyond the judgment bound, e.g. the product of a chain
    /// of judgments): positive, finite and reciprocal by construction.
    pub(crate) fn from_computed(entries: DMatrix<f64>) -> Self {
        PairwiseMatrix {
            entries,
            complete: true,
        }
    }

    /// Number of items compared.
    pub fn n(&self) -> usize {
        self.entries.nrows()
    }

    /// True when every pair was judged.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// The judged entry `a_ij`, or `None` for a pair not judged.
    pub fn get(&self, i: usize, j: usize) -> Option<f64> {
        let v = self.entries[(i, j)];
        (v > 0.0).then_some(v)
    }

    /// The raw entries, 0 where a pair was not judged.
    pub(crate) fn entries(&self) -> &DMatrix<f64> {
        &self.entries
    }

    /// The judged pairs above the diagonal that deviate most from
    /// `weights`, worst first (ties in row-major order), at most `limit`.
    pub fn deviations(&self, weights: &[f64], limit: usize) -> Vec<Deviation> {
        let n = self.n();
        let mut all: Vec<Deviation> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .filter_map(|(i, j)| {
                self.get(i, j).map(|judged| Deviation {
                    row: i,
                    col: j,
                    judged,
                    fitted: weights[i] / weights[j],
                })
            })
            .collect();
        all.sort_by(|a, b| b.error().total_cmp(&a.error()));
        all.truncate(limit);
        all
    }

    /// The pairs above the diagonal that were not judged, with the values
    /// `weights` imply for them.
    pub fn estimates(&self, weights: &[f64]) -> Vec<Estimate> {
        let n = self.n();
        (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .filter(|&(i, j)| self.get(i, j).is_none())
            .map(|(row, col)| Estimate {
                row,
                col,
                value: weights[row] / weights[col],
            })
            .collect()
    }
}

fn check_size(n: usize) -> Result<(), MatrixError> {
    let max = RandomIndex::Saaty.max_n();
    match n {
        0 => Err(MatrixError::Empty),
        n if n > max => Err(MatrixError::TooLarge { n, max }),
        _ => Ok(()),
    }
}

/// Connected groups of items linked by judged pairs, each sorted, ordered by
/// smallest member.
fn components(entries: &DMatrix<f64>) -> Vec<Vec<usize>> {
    let n = entries.nrows();
    let mut group = vec![usize::MAX; n];
    let mut groups = Vec::new();
    for start in 0..n {
        if group[start] != usize::MAX {
            continue;
        }
        let id = groups.len();
        let mut members = vec![start];
        group[start] = id;
        let mut next = 0;
        while next < members.len() {
            let i = members[next];
            next += 1;
            for j in 0..n {
                if group[j] == usize::MAX && entries[(i, j)] > 0.0 {
                    group[j] = id;
                    members.push(j);
                }
            }
        }
        members.sort_unstable();
        groups.push(members);
    }
    groups
}

/// Why a set of pairwise judgments does not form a valid comparison matrix.
///
/// Indices are 0-based positions among the compared items.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MatrixError {
    /// Nothing to compare.
    #[error("the matrix is empty")]
    Empty,
    /// A row whose length differs from the number of rows.
    #[error("row {row} has {len} entries but the matrix has {n} rows")]
    NotSquare {
        /// 0-based row.
        row: usize,
        /// Its length.
        len: usize,
        /// Number of rows.
        n: usize,
    },
    /// A zero, negative or non-finite entry.
    #[error("entry ({row}, {col}) is {value}, expected a positive finite number")]
    NonPositive {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The value found.
        value: f64,
    },
    /// A judgment or entry outside the bound [`crate::ahp::JUDGMENT_MIN`]
    /// ..[`crate::ahp::JUDGMENT_MAX`] (1e-6..1e6), where floating-point
    /// arithmetic on the matrix can no longer be trusted.
    #[error("entry ({row}, {col}) is {value}, expected a judgment between 1e-6 and 1e6")]
    OutOfBounds {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The value found.
        value: f64,
    },
    /// A computation gave a number that is not finite or out of its range
    /// (a safety net: bounded judgments never reach it).
    #[error("{what} came out as {value}; the judgments are too extreme to compute with")]
    NonFinite {
        /// The quantity computed, e.g. `priority`.
        what: &'static str,
        /// The value found.
        value: f64,
    },
    /// A diagonal entry other than 1.
    #[error("diagonal entry ({index}, {index}) is {value}, expected 1")]
    Diagonal {
        /// 0-based index.
        index: usize,
        /// The value found.
        value: f64,
    },
    /// `a_ji` is not `1 / a_ij` to 1e-9 relative.
    #[error("entries ({row}, {col}) = {a_ij} and ({col}, {row}) = {a_ji} are not reciprocal")]
    NotReciprocal {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The entry above.
        a_ij: f64,
        /// Its mirror.
        a_ji: f64,
    },
    /// An item compared with itself.
    #[error("item {index} is compared with itself")]
    SelfComparison {
        /// 0-based index.
        index: usize,
    },
    /// A pair judged twice (in either order).
    #[error("the pair ({a}, {b}) is judged more than once")]
    RepeatedPair {
        /// 0-based first item.
        a: usize,
        /// 0-based second item.
        b: usize,
    },
    /// An index past the number of items.
    #[error("item {index} does not exist (there are {n})")]
    OutOfRange {
        /// The index given.
        index: usize,
        /// Number of items.
        n: usize,
    },
    /// The judgments do not link every item to every other.
    #[error("the judgments leave {} groups unlinked", groups.len())]
    Disconnected {
        /// The connected groups, each a sorted list of indices, in order of
        /// their smallest index.
        groups: Vec<Vec<usize>>,
    },
    /// More items than the random-index table covers.
    #[error("{n} items compared; pairwise comparison supports at most {max}")]
    TooLarge {
        /// Number of items.
        n: usize,
        /// The largest size supported.
        max: usize,
    },
    /// Group judgments with no judge.
    #[error("no judges given")]
    NoJudges,
    /// A judge's weight is negative, zero or not finite.
    #[error("judge `{judge}` has weight {weight}, expected a positive finite number")]
    InvalidJudgeWeight {
        /// The judge's name.
        judge: String,
        /// The weight given.
        weight: f64,
    },
    /// One judge's judgments are invalid on their own (an index out of
    /// range, a pair judged twice, a non-positive value, ...).
    #[error("judge `{judge}`: {source}")]
    JudgeJudgments {
        /// The judge's name.
        judge: String,
        /// What is wrong with them.
        source: Box<MatrixError>,
    },
    /// A judge's own judgments do not link every item, so the judge has no
    /// priority vector of their own (needed to aggregate priorities, AIP).
    #[error("judge `{judge}`'s judgments leave {} groups unlinked, so they have no priorities of their own", groups.len())]
    JudgeDisconnected {
        /// The judge's name.
        judge: String,
        /// The connected groups of the judge's judgments, as in
        /// [`MatrixError::Disconnected`].
        groups: Vec<Vec<usize>>,
    },
    /// A score unusable for AHP priorities: negative under a benefit
    /// criterion (`x / sum x`), or not positive under a cost criterion
    /// (`(1/x) / sum (1/x)`).
    #[error(
        "a score of {value} cannot become an AHP priority: scores must be >= 0 under a benefit criterion and > 0 under a cost criterion"
    )]
    NonPositiveScore {
        /// 0-based alternative.
        index: usize,
        /// The score found.
        value: f64,
    },
    /// AHP priorities from scores need a benefit or cost direction, not a
    /// target.
    #[error(
        "AHP priorities from scores need a benefit or cost direction, not a target; compare the alternatives pairwise under it (`alternative_comparisons`)"
    )]
    TargetScores,
    /// A leaf's local priorities cover a different number of alternatives
    /// than the first leaf's.
    #[error("leaf {leaf} has {len} local priorities, expected {expected}")]
    LeafLength {
        /// 0-based leaf.
        leaf: usize,
        /// Its number of priorities.
        len: usize,
        /// The first leaf's number.
        expected: usize,
    },
    /// A leaf weight is negative or not finite.
    #[error("leaf {leaf} has weight {value}, expected a finite number >= 0")]
    InvalidLeafWeight {
        /// 0-based leaf.
        leaf: usize,
        /// The weight found.
        value: f64,
    },
    /// A local priority is negative or not finite, or all of a leaf's local
    /// priorities are zero.
    #[error("leaf {leaf}: local priority {index} is {value}, expected finite, >= 0 and not all zero")]
    InvalidLocalPriority {
        /// 0-based leaf.
        leaf: usize,
        /// 0-based alternative.
        index: usize,
        /// The value found.
        value: f64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::ahp::{JUDGMENT_MAX, JUDGMENT_MIN};

    #[test]
    fn judgments_beyond_the_bound_are_refused_and_the_bound_itself_accepted() {
        for value in [1e-320, 1e-308, 1e-9, 9.99e-7, 1.000001e6, 1e154, 1e308] {
            assert_eq!(
                PairwiseMatrix::from_judgments(2, &[(0, 1, value)]),
                Err(MatrixError::OutOfBounds { row: 0, col: 1, value })
            );
        }
        for value in [JUDGMENT_MIN, 1.0 / JUDGMENT_MAX, JUDGMENT_MAX, 1.0 / JUDGMENT_MIN] {
            assert!(PairwiseMatrix::from_judgments(2, &[(0, 1, value)]).is_ok(), "{value}");
        }
        // Zero, negative and non-finite values keep their own error.
        assert!(matches!(
            PairwiseMatrix::from_judgments(2, &[(0, 1, f64::INFINITY)]),
            Err(MatrixError::NonPositive { .. })
        ));
    }

    #[test]
    fn a_matrix_of_huge_entries_is_refused() {
        let err = PairwiseMatrix::from_rows(vec![vec![1.0, 1e308], vec![1e-308, 1.0]]).unwrap_err();
        assert_eq!(
            err,
            MatrixError::OutOfBounds {
                row: 0,
                col: 1,
                value: 1e308
            }
        );
        assert!(PairwiseMatrix::from_rows(vec![vec![1.0, 1e6], vec![1e-6, 1.0]]).is_ok());
    }
}
