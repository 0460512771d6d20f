//! Judgments and scores written as intervals `[low, high]`: what the
//! ranking uses (one point of each interval) and the intervals themselves,
//! kept for analyses that draw values from them.

use crate::math::ahp::{GroupJudgments, JudgmentSet, MatrixError, PairwiseMatrix};

use super::{Judgments, Problem};

/// One pairwise judgment as the file wrote it: item `a` is `value` times as
/// important as item `b` (indices among the compared items).
///
/// A judgment written as an interval `[low, high]` has `interval:
/// Some((low, high))` and, as its point value, the geometric mean
/// `sqrt(low * high)`: the point a ratio scale puts in the middle, since
/// `low / value == value / high`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgment {
    /// The item judged more (or less) important.
    pub a: usize,
    /// The item it is compared with.
    pub b: usize,
    /// The value the weights are computed from.
    pub value: f64,
    /// The interval `(low, high)`, if written as one.
    pub interval: Option<(f64, f64)>,
}

impl Judgment {
    /// A judgment written as one number.
    pub fn point(a: usize, b: usize, value: f64) -> Self {
        Judgment {
            a,
            b,
            value,
            interval: None,
        }
    }

    /// A judgment written as an interval; its value is the geometric mean
    /// of the bounds.
    pub fn interval(a: usize, b: usize, low: f64, high: f64) -> Self {
        Judgment {
            a,
            b,
            value: (low * high).sqrt(),
            interval: Some((low, high)),
        }
    }

    /// `(a, b, value)`, as [`PairwiseMatrix::from_judgments`] takes it.
    pub fn triple(&self) -> (usize, usize, f64) {
        (self.a, self.b, self.value)
    }
}

/// The interval of each of a list of judgments, for those written as one.
pub(crate) type JudgmentIntervals = Vec<Option<(f64, f64)>>;

/// A score written as an interval `[low, high]`: alternative `row`'s value
/// on the leaf in `column` (its column in [`Problem::scores`], which holds
/// the midpoint).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreInterval {
    /// The alternative's index, in input order.
    pub row: usize,
    /// The leaf's column.
    pub column: usize,
    /// Lower bound (a named level already turned into its number).
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// The midpoint of `[low, high]`, finite whenever both bounds are.
pub(crate) fn midpoint(low: f64, high: f64) -> f64 {
    let mid = (low + high) / 2.0;
    if mid.is_finite() { mid } else { low / 2.0 + high / 2.0 }
}

impl Judgments {
    /// Judgments from one list (`comparisons` without judges).
    pub(crate) fn single(matrix: PairwiseMatrix, written: Vec<Judgment>) -> Self {
        Judgments {
            matrix,
            group: None,
            written: vec![written],
        }
    }

    /// Judgments from a full `matrix:`, whose upper triangle is taken as
    /// the judgments written.
    pub(crate) fn from_matrix(matrix: PairwiseMatrix) -> Self {
        let n = matrix.n();
        let written = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .filter_map(|(i, j)| matrix.get(i, j).map(|v| Judgment::point(i, j, v)))
            .collect();
        Judgments::single(matrix, written)
    }

    /// Judgments of a group of judges, `written` in the order of its sets.
    pub(crate) fn group(group: GroupJudgments, written: Vec<Vec<Judgment>>) -> Self {
        Judgments {
            matrix: group.aggregated_judgments().clone(),
            group: Some(group),
            written,
        }
    }

    /// The judgments as written, with their intervals: one list per judge,
    /// in the order of [`GroupJudgments::sets`], or a single list without
    /// judges (for a `matrix:`, its upper triangle).
    ///
    /// An analysis that draws judgments walks this list (flattened, judge
    /// by judge), draws a value for each and rebuilds the node with
    /// [`Judgments::with_values`]:
    ///
    /// ```
    /// use innorank::Problem;
    /// use innorank::problem::Weighting;
    ///
    /// let p = Problem::from_yaml_str(
    ///     "name: x
    /// criteria: [{id: a}, {id: b}]
    /// comparisons: [[a, b, [2, 8]]]
    /// alternatives: [{id: p, scores: {a: 1, b: 2}}]
    /// ",
    ///     "x.yaml",
    /// )?;
    /// let Some(Weighting::Judgments(judged)) = p.criteria().weighting(0) else { unreachable!() };
    /// let all: Vec<_> = judged.written().iter().flatten().collect();
    /// assert_eq!(all[0].interval, Some((2.0, 8.0)));
    /// assert_eq!(all[0].value, 4.0); // the geometric mean, used by `rank`
    /// assert_eq!(judged.matrix.get(0, 1), Some(4.0));
    ///
    /// // The low end instead:
    /// let low = judged.with_values(&[2.0])?;
    /// assert_eq!(low.matrix.get(0, 1), Some(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn written(&self) -> &[Vec<Judgment>] {
        &self.written
    }

    /// Whether any judgment is written as an interval.
    pub fn has_intervals(&self) -> bool {
        self.written.iter().flatten().any(|j| j.interval.is_some())
    }

    /// The same judgments with other values: `values` gives one per
    /// judgment of [`Judgments::written`], flattened judge by judge. The
    /// matrix (and, for a group, every judge's matrix and the aggregate)
    /// is rebuilt from them; the judges keep their weights. A node given as
    /// a `matrix:` is rebuilt from its upper triangle, the lower one as
    /// exact reciprocals.
    ///
    /// # Errors
    ///
    /// [`MatrixError`] when a value is not a usable judgment (not positive,
    /// or beyond [`crate::ahp::JUDGMENT_MIN`]..[`crate::ahp::JUDGMENT_MAX`]).
    ///
    /// # Panics
    ///
    /// When `values` does not have one value per judgment.
    pub fn with_values(&self, values: &[f64]) -> Result<Judgments, MatrixError> {
        let count: usize = self.written.iter().map(Vec::len).sum();
        assert_eq!(values.len(), count, "one value per judgment written");
        let mut next = values.iter().copied();
        let written: Vec<Vec<Judgment>> = self
            .written
            .iter()
            .map(|list| {
                list.iter()
                    .zip(next.by_ref())
                    .map(|(j, value)| Judgment { value, ..*j })
                    .collect()
            })
            .collect();
        let triples = |list: &[Judgment]| list.iter().map(Judgment::triple).collect::<Vec<_>>();
        match &self.group {
            None => {
                let matrix = PairwiseMatrix::from_judgments(self.matrix.n(), &triples(&written[0]))?;
                Ok(Judgments {
                    matrix,
                    group: None,
                    written,
                })
            }
            Some(group) => {
                let sets = group
                    .sets()
                    .iter()
                    .zip(&written)
                    .map(|(set, list)| JudgmentSet::new(set.judge.clone(), triples(list)).with_weight(set.weight))
                    .collect();
                let group = GroupJudgments::new(self.matrix.n(), sets)?;
                Ok(Judgments::group(group, written))
            }
        }
    }
}

impl Problem {
    /// The scores written as intervals, in problem order (by alternative,
    /// then by column); empty when every score is a single value. The
    /// matrix of [`Problem::scores`] holds each interval's midpoint, which
    /// is what ranking and screening use.
    ///
    /// ```
    /// let p = innorank::Problem::from_yaml_str(
    ///     "name: x
    /// criteria: [{id: cost, direction: cost}, {id: gain}]
    /// alternatives:
    ///   - {id: p, scores: {cost: [110, 140], gain: 3}}
    ///   - {id: q, scores: {cost: 120, gain: 4}}
    /// ",
    ///     "x.yaml",
    /// )?;
    /// let cost = &p.score_intervals()[0];
    /// assert_eq!((cost.row, cost.column, cost.low, cost.high), (0, 0, 110.0, 140.0));
    /// assert_eq!(p.scores().get(0, 0), 125.0);
    /// # Ok::<(), innorank::problem::Diagnostics>(())
    /// ```
    pub fn score_intervals(&self) -> &[ScoreInterval] {
        &self.score_intervals
    }

    /// The judgments of [`Problem::alternative_comparisons`] with their
    /// intervals: per compared leaf, its column and its judgments in file
    /// order.
    pub fn alternative_judgments(&self) -> Vec<(usize, Vec<Judgment>)> {
        self.alternative_comparisons
            .iter()
            .zip(&self.alternative_intervals)
            .map(|((column, triples), intervals)| {
                let judgments = triples
                    .iter()
                    .zip(intervals)
                    .map(|(&(a, b, value), &interval)| Judgment { a, b, value, interval })
                    .collect();
                (*column, judgments)
            })
            .collect()
    }
}
