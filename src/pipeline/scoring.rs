//! The survivors' scores as a function of the leaf weights.
//!
//! [`crate::rank`] scores once, under the weights the problem gives.
//! Sensitivity analysis, SMAA, method comparison and rank-reversal checks
//! score the same alternatives again and again under other weights, or a
//! changed set of alternatives. A [`Scorer`] does the weight-free work once
//! and then scores under any leaf-weight vector in O(n) per alternative:
//!
//! - TOPSIS: with weights `w >= 0` the normalised matrix and the ideal and
//!   anti-ideal points do not depend on `w`, so
//!   `D+^2 = sum_j w_j^2 plus_ij` (and `D-` alike) with the squared
//!   normalised distances kept ([`crate::topsis::Deviations`]).
//! - AHP: the local priorities of the alternatives under each leaf do not
//!   depend on the leaf weights; the score is `sum_j w_j p_ij` (ideal mode:
//!   `p` divided by its column maximum first), divided by the sum over the
//!   alternatives, as `rank` prints it.

use crate::math::ahp::Synthesis;
use crate::math::topsis::{Deviations, Topsis};
use crate::model::Problem;
use crate::pipeline::rank::{Method, RankOptions, ahp_leaf_priorities};
use crate::{DecisionMatrix, Error};

/// Scores a fixed set of alternatives under any leaf weights, by the
/// method of a [`RankOptions`].
///
/// ```
/// use innorank::pipeline::{Scorer, screening::screen};
///
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: s
/// criteria: [{id: risk, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {risk: 3, gain: 5}}
///   - {id: b, scores: {risk: 6, gain: 9}}
/// "#, "s.yaml").unwrap();
/// let options = innorank::RankOptions::default();
/// let scorer = Scorer::new(&p, &options, &screen(&p).kept).unwrap();
/// // All weight on risk: a (lower risk) wins; all on gain: b wins.
/// let on_risk = scorer.scores(&[1.0, 0.0]);
/// let on_gain = scorer.scores(&[0.0, 1.0]);
/// assert!(on_risk[0] > on_risk[1] && on_gain[1] > on_gain[0]);
/// // Under the problem's own weights it agrees with `rank`.
/// let report = innorank::rank(&p, &options).unwrap();
/// let weights: Vec<f64> = report.leaf_weights().map(|(_, w)| w).collect();
/// let top = report.ranking.first().unwrap();
/// assert!((scorer.scores(&weights)[top.index] - top.score).abs() < 1e-12);
/// ```
#[derive(Debug, Clone)]
pub struct Scorer {
    rows: Vec<usize>,
    cols: usize,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    Topsis(Deviations),
    /// Row-major local priorities, already divided by the column maximum
    /// in ideal mode.
    Ahp(Vec<f64>),
}

impl Scorer {
    /// A scorer for the problem's alternatives `rows` (indices in
    /// [`Problem::alternatives`], e.g. the survivors of screening), by
    /// `options`' method, normalisation and synthesis.
    ///
    /// # Errors
    ///
    /// What [`crate::rank`] would return for these alternatives: scores AHP
    /// cannot turn into priorities ([`Error::AhpRanking`]), a row index out
    /// of range ([`Error::Data`]).
    pub fn new(problem: &Problem, options: &RankOptions, rows: &[usize]) -> Result<Self, Error> {
        let matrix = problem.scores().select_rows(rows)?;
        Self::with_matrix(problem, options, rows, &matrix)
    }

    /// A scorer for the alternatives `rows` of `problem` with their scores
    /// replaced by `matrix` (one row per entry of `rows`, the problem's
    /// leaf columns): for "what if this alternative were worse" checks.
    /// Pairwise comparisons of the alternatives (AHP) still come from the
    /// problem, restricted to `rows`.
    ///
    /// # Errors
    ///
    /// As [`Scorer::new`]; also [`Error::Data`] when `matrix` does not have
    /// one row per entry of `rows` and one column per leaf.
    pub fn with_matrix(
        problem: &Problem,
        options: &RankOptions,
        rows: &[usize],
        matrix: &DecisionMatrix,
    ) -> Result<Self, Error> {
        let cols = problem.scores().cols();
        for (what, found, expected) in [("rows", matrix.rows(), rows.len()), ("columns", matrix.cols(), cols)] {
            if found != expected {
                return Err(crate::math::matrix::DataError::CountMismatch { what, found, expected }.into());
            }
        }
        let kind = match options.method {
            Method::Topsis => {
                Kind::Topsis(Topsis::new(options.normalization).deviations(matrix, &problem.criteria().directions())?)
            }
            Method::Ahp => Kind::Ahp(local_priorities(problem, options, rows, matrix)?),
        };
        Ok(Scorer {
            rows: rows.to_vec(),
            cols,
            kind,
        })
    }

    /// The alternatives scored, as indices in [`Problem::alternatives`]; the
    /// scores come in this order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// The number of alternatives scored.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no alternative to score.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The TOPSIS distance terms, `None` under AHP.
    pub fn deviations(&self) -> Option<&Deviations> {
        match &self.kind {
            Kind::Topsis(d) => Some(d),
            Kind::Ahp(_) => None,
        }
    }

    /// Alternative `i`'s AHP local priorities (ideal mode: divided by each
    /// leaf's largest), one per leaf; `None` under TOPSIS.
    pub fn local_priorities(&self, i: usize) -> Option<&[f64]> {
        match &self.kind {
            Kind::Ahp(p) => Some(&p[i * self.cols..(i + 1) * self.cols]),
            Kind::Topsis(_) => None,
        }
    }

    /// Replaces the AHP local priorities under the leaf in `column` by
    /// `local` (one per alternative, e.g. from pairwise comparisons drawn
    /// anew), scaled as [`Scorer::new`] scales them for `synthesis`. Does
    /// nothing under TOPSIS, whose scores do not come from priorities.
    ///
    /// # Panics
    ///
    /// If `column` is not a leaf column or `local` does not have one entry
    /// per alternative.
    pub fn set_local_priorities(&mut self, column: usize, local: &[f64], synthesis: Synthesis) {
        assert!(column < self.cols, "a leaf column");
        assert_eq!(local.len(), self.len(), "one priority per alternative");
        if let Kind::Ahp(p) = &mut self.kind {
            set_column(p, self.cols, column, local, synthesis);
        }
    }

    /// Every alternative's score under the leaf weights `weights` (one per
    /// leaf, `>= 0`), on the scale `rank` prints: TOPSIS closeness, or the
    /// AHP synthesis divided by its sum.
    ///
    /// # Panics
    ///
    /// If `weights` does not have one entry per leaf.
    pub fn scores(&self, weights: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; self.len()];
        self.scores_into(weights, &mut out);
        out
    }

    /// As [`Scorer::scores`], into `out` (one entry per alternative), so
    /// that repeated scoring allocates nothing.
    ///
    /// # Panics
    ///
    /// If `weights` does not have one entry per leaf or `out` one entry per
    /// alternative.
    pub fn scores_into(&self, weights: &[f64], out: &mut [f64]) {
        assert_eq!(weights.len(), self.cols, "one weight per leaf");
        assert_eq!(out.len(), self.len(), "one score per alternative");
        match &self.kind {
            Kind::Topsis(d) => {
                for (i, s) in out.iter_mut().enumerate() {
                    *s = d.closeness(i, weights);
                }
            }
            Kind::Ahp(p) => {
                for (s, local) in out.iter_mut().zip(p.chunks_exact(self.cols.max(1))) {
                    *s = local.iter().zip(weights).map(|(p, w)| p * w).sum();
                }
                let total: f64 = out.iter().sum();
                let m = out.len() as f64;
                for s in out.iter_mut() {
                    *s = if total > 0.0 { *s / total } else { 1.0 / m };
                }
            }
        }
    }
}

/// Row-major local priorities of the alternatives `rows` (scores
/// `matrix`), each leaf's column divided by its largest in ideal mode.
fn local_priorities(
    problem: &Problem,
    options: &RankOptions,
    rows: &[usize],
    matrix: &DecisionMatrix,
) -> Result<Vec<f64>, Error> {
    let leaves = ahp_leaf_priorities(problem, matrix, rows, options)?;
    let cols = leaves.len();
    let mut out = vec![0.0; rows.len() * cols];
    for (j, local) in leaves.iter().enumerate() {
        set_column(&mut out, cols, j, local, options.synthesis);
    }
    Ok(out)
}

/// Writes one leaf's local priorities `local` into column `j` of the
/// row-major `out` (`cols` columns), divided by their largest in ideal
/// mode.
fn set_column(out: &mut [f64], cols: usize, j: usize, local: &[f64], synthesis: Synthesis) {
    let scale = match synthesis {
        Synthesis::Distributive => 1.0,
        Synthesis::Ideal => {
            // Local priorities are never all 0 (a column of zero benefit
            // scores shares equally); guard anyway.
            let best = local.iter().copied().fold(0.0, f64::max);
            if best > 0.0 { 1.0 / best } else { 0.0 }
        }
    };
    for (i, p) in local.iter().enumerate() {
        out[i * cols + j] = p * scale;
    }
}
