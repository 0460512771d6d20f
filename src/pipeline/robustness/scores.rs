//! The scores of each draw: fixed, or with every score written as an
//! interval `[low, high]` drawn uniformly in it and, under AHP, the
//! pairwise comparisons of the alternatives drawn in their intervals.

use std::borrow::Cow;

use crate::math::smaa::{ClosenessKernel, DrawRng, Purpose};
use crate::model::Problem;
use crate::pipeline::rank::Method;
use crate::pipeline::{RankOptions, Scorer};
use crate::{DecisionMatrix, Error};

use super::alternatives::AlternativeJudgments;

/// Scores the survivors of screening under any weights, drawing the
/// uncertain scores anew for each draw.
#[derive(Debug, Clone)]
pub(super) struct Scores<'p> {
    /// The scorer of the scores as written (interval midpoints).
    fixed: Scorer,
    /// `fixed`'s TOPSIS closeness, vectorised, when no score is uncertain.
    kernel: Option<ClosenessKernel>,
    problem: &'p Problem,
    options: RankOptions,
    kept: Vec<usize>,
    /// The survivors' scores (midpoints), row-major.
    base: Vec<f64>,
    /// Each uncertain score of a survivor: (cell in `base`, low, high).
    intervals: Vec<(usize, f64, f64)>,
    /// The alternatives' pairwise comparisons drawn (AHP only).
    judgments: AlternativeJudgments,
}

impl<'p> Scores<'p> {
    /// `spread`: the Saaty steps a point comparison of the alternatives is
    /// spread by (`--judgment-spread`).
    pub(super) fn new(
        problem: &'p Problem,
        options: &RankOptions,
        kept: &[usize],
        spread: usize,
    ) -> Result<Self, Error> {
        let fixed = Scorer::new(problem, options, kept)?;
        let cols = problem.scores().cols();
        let intervals: Vec<(usize, f64, f64)> = problem
            .score_intervals()
            .iter()
            .filter(|s| s.low < s.high)
            .filter_map(|s| Some((kept.binary_search(&s.row).ok()? * cols + s.column, s.low, s.high)))
            .collect();
        let base = if intervals.is_empty() {
            Vec::new()
        } else {
            problem.scores().select_rows(kept)?.as_row_major().to_vec()
        };
        let judgments = match options.method {
            Method::Ahp => AlternativeJudgments::new(problem, kept, spread, options.weighing.ahp),
            Method::Topsis => AlternativeJudgments::default(),
        };
        let kernel = intervals
            .is_empty()
            .then(|| fixed.deviations().map(ClosenessKernel::new))
            .flatten();
        Ok(Scores {
            fixed,
            kernel,
            problem,
            options: *options,
            kept: kept.to_vec(),
            base,
            intervals,
            judgments,
        })
    }

    /// The leaf columns whose comparisons of the alternatives are drawn.
    pub(super) fn compared_columns(&self) -> Vec<usize> {
        self.judgments.columns()
    }

    /// Whether some survivor's score (or, under AHP, some comparison of
    /// the survivors) is uncertain.
    pub(super) fn uncertain(&self) -> bool {
        !self.intervals.is_empty() || !self.judgments.is_empty()
    }

    /// Fills `out` with draw `k`'s scores (stream `(seed, k,
    /// Scores)`) under `weights`.
    pub(super) fn scores_into(&self, seed: u64, k: u64, weights: &[f64], out: &mut [f64]) -> Result<(), Error> {
        match &self.kernel {
            Some(kernel) => kernel.closeness_into(weights, out),
            None => self.scorer(seed, k, Purpose::Scores)?.scores_into(weights, out),
        }
        Ok(())
    }

    /// The scorer of draw `k`: the fixed one, or one built on scores drawn
    /// uniformly in their intervals from the stream `(seed, k, purpose)`,
    /// then, on the same stream, the compared leaves' local priorities
    /// from comparisons drawn in theirs. A drawn matrix is normalised anew
    /// (TOPSIS normalisation and ideal points depend on every row), in
    /// `O(m n)`.
    pub(super) fn scorer(&self, seed: u64, k: u64, purpose: Purpose) -> Result<Cow<'_, Scorer>, Error> {
        if !self.uncertain() {
            return Ok(Cow::Borrowed(&self.fixed));
        }
        let mut rng = DrawRng::new(seed, k, purpose);
        let mut scorer = if self.intervals.is_empty() {
            self.fixed.clone()
        } else {
            let mut values = self.base.clone();
            for &(cell, low, high) in &self.intervals {
                values[cell] = (low + rng.uniform() * (high - low)).clamp(low, high);
            }
            let matrix = DecisionMatrix::from_row_major(self.problem.scores().cols(), values)?;
            Scorer::with_matrix(self.problem, &self.options, &self.kept, &matrix)?
        };
        for leaf in self.judgments.draw(&mut rng)? {
            scorer.set_local_priorities(leaf.column, &leaf.local, self.options.synthesis);
        }
        Ok(Cow::Owned(scorer))
    }
}

impl Scores<'_> {
    /// Confidence factors: for each `(position, central weights)` in
    /// `central`, how many of `draws` fresh score draws (stream
    /// [`Purpose::Confidence`]), scored under those weights, rank that
    /// alternative first. Every alternative is judged on the same draws.
    /// Counts are integers, so the result does not depend on the threads.
    pub(super) fn confidence(&self, seed: u64, draws: u64, central: &[(usize, Vec<f64>)]) -> Result<Vec<u64>, Error> {
        use rayon::prelude::*;
        let zero = || vec![0u64; central.len()];
        (0..draws)
            .into_par_iter()
            .try_fold(zero, |mut counts, k| {
                let scorer = self.scorer(seed, k, Purpose::Confidence)?;
                let mut buf = vec![0.0; scorer.len()];
                for ((p, weights), count) in central.iter().zip(counts.iter_mut()) {
                    scorer.scores_into(weights, &mut buf);
                    *count += u64::from(first(&buf, *p));
                }
                Ok::<_, Error>(counts)
            })
            .try_reduce(zero, |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                Ok(a)
            })
    }
}

/// Whether the alternative scoring `scores[i]` ranks first (a shared first
/// place included), by the tie rule of [`crate::ranking::rank_scores`].
pub(super) fn first(scores: &[f64], i: usize) -> bool {
    let best = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    scores[i] >= best || crate::math::ranking::tied(best, scores[i])
}
