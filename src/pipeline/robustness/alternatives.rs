//! The pairwise comparisons of the alternatives (`alternative_comparisons`,
//! `--method ahp`) drawn per draw, as the criteria judgments are: each
//! judgment log-uniformly in its interval (the one written, or a point
//! value spread by `--judgment-spread` Saaty steps), the leaf's local
//! priorities of the alternatives recomputed from the drawn matrix.

use crate::Error;
use crate::math::ahp::{AhpOptions, PairwiseMatrix};
use crate::math::smaa::{DrawRng, log_uniform, saaty_spread};
use crate::model::Problem;

/// One compared leaf: its column and its judgments among the survivors.
#[derive(Debug, Clone)]
struct ComparedLeaf {
    column: usize,
    criterion: String,
    /// `(a, b)` as positions among the survivors, with the interval drawn
    /// from.
    judgments: Vec<(usize, usize, (f64, f64))>,
}

/// The alternative comparisons of a problem that vary from draw to draw.
#[derive(Debug, Clone, Default)]
pub(super) struct AlternativeJudgments {
    leaves: Vec<ComparedLeaf>,
    survivors: usize,
    ahp: AhpOptions,
}

/// One leaf's drawn local priorities of the survivors.
pub(super) struct DrawnLeaf {
    pub(super) column: usize,
    pub(super) local: Vec<f64>,
}

impl AlternativeJudgments {
    /// The comparisons among the survivors `kept` of every compared leaf
    /// with at least one judgment whose interval is not a single value.
    /// Empty unless the method is AHP.
    pub(super) fn new(problem: &Problem, kept: &[usize], spread: usize, ahp: AhpOptions) -> Self {
        let position = |i: usize| kept.binary_search(&i).ok();
        let ids: Vec<&str> = problem.criteria().leaves().map(|(c, _)| c.id.as_str()).collect();
        let leaves = problem
            .alternative_judgments()
            .into_iter()
            .map(|(column, written)| ComparedLeaf {
                column,
                criterion: ids.get(column).copied().unwrap_or_default().to_owned(),
                judgments: written
                    .iter()
                    .filter_map(|j| {
                        let interval = j.interval.unwrap_or_else(|| saaty_spread(j.value, spread));
                        Some((position(j.a)?, position(j.b)?, interval))
                    })
                    .collect(),
            })
            .filter(|leaf| leaf.judgments.iter().any(|&(_, _, (low, high))| low < high))
            .collect();
        AlternativeJudgments {
            leaves,
            survivors: kept.len(),
            ahp,
        }
    }

    /// The leaf columns whose comparisons are drawn, in file order.
    pub(super) fn columns(&self) -> Vec<usize> {
        self.leaves.iter().map(|leaf| leaf.column).collect()
    }

    /// Whether some judgment is drawn.
    pub(super) fn is_empty(&self) -> bool {
        self.leaves.is_empty()
    }

    /// Every compared leaf's local priorities from judgments drawn from
    /// `rng`, leaf by leaf, judgment by judgment in file order.
    ///
    /// # Errors
    ///
    /// [`Error::AhpRanking`] if a drawn matrix cannot be solved (a safety
    /// net: judgments inside the bounds always can).
    pub(super) fn draw(&self, rng: &mut DrawRng) -> Result<Vec<DrawnLeaf>, Error> {
        self.leaves
            .iter()
            .map(|leaf| {
                let drawn: Vec<(usize, usize, f64)> = leaf
                    .judgments
                    .iter()
                    .map(|&(a, b, (low, high))| (a, b, log_uniform(rng, low, high)))
                    .collect();
                let fail = |error| Error::AhpRanking {
                    criterion: leaf.criterion.clone(),
                    error,
                };
                let matrix = PairwiseMatrix::from_judgments(self.survivors, &drawn).map_err(fail)?;
                let local = matrix.try_solve(&self.ahp).map_err(fail)?.priorities.weights;
                Ok(DrawnLeaf {
                    column: leaf.column,
                    local,
                })
            })
            .collect()
    }
}
