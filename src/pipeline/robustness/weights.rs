//! The weight vector of each draw, by the model chosen.

use crate::Error;
use crate::math::smaa::{DrawRng, Ordinal, Purpose, log_uniform, saaty_spread, uniform_simplex};
use crate::model::{Criteria, Judgments, Weighting};
use crate::pipeline::{HierarchyWeights, WeighError, WeighOptions};

use super::replay::{WeightRows, settle};

/// Where the weights of each draw come from (`--weights`).
#[derive(Debug, Clone, PartialEq)]
pub enum WeightsModel {
    /// Every pairwise judgment drawn log-uniformly from its interval, the
    /// tree's weights recomputed from them: the default when the problem
    /// has judgments.
    Judgments,
    /// Uniform on the simplex of the leaf weights ("no preference
    /// information"): the default without judgments.
    Uniform,
    /// Uniform on the simplex, keeping the order of the base leaf weights.
    Ordinal,
    /// Weight vectors given, one per draw.
    Replay(WeightRows),
}

impl WeightsModel {
    /// The name reports give it: `judgments`, `uniform`, `ordinal` or
    /// `replay`.
    pub fn name(&self) -> &'static str {
        match self {
            WeightsModel::Judgments => "judgments",
            WeightsModel::Uniform => "uniform",
            WeightsModel::Ordinal => "ordinal",
            WeightsModel::Replay(_) => "replay",
        }
    }

    /// The default for `criteria`: [`WeightsModel::Judgments`] when some
    /// node has pairwise judgments, else [`WeightsModel::Uniform`].
    pub fn default_for(criteria: &Criteria) -> Self {
        let judged =
            (0..criteria.nodes().len()).any(|i| matches!(criteria.weighting(i), Some(Weighting::Judgments(_))));
        if judged {
            WeightsModel::Judgments
        } else {
            WeightsModel::Uniform
        }
    }
}

/// A node whose judgments are drawn: its judgments as written and the
/// interval each is drawn from (flattened judge by judge, as
/// [`Judgments::with_values`] takes them).
#[derive(Debug, Clone)]
pub(crate) struct JudgedNode {
    id: String,
    judgments: Judgments,
    intervals: Vec<(f64, f64)>,
}

/// Draws weight vectors for a problem's leaves.
#[derive(Debug, Clone)]
pub(crate) enum Sampler {
    Judgments {
        /// Base local priorities of every parent, in `Criteria::parents` order.
        base: Vec<Vec<f64>>,
        /// For each parent in the same order, its judgments if drawn.
        judged: Vec<Option<JudgedNode>>,
        options: WeighOptions,
    },
    Uniform,
    Ordinal(Ordinal),
    Replay(WeightRows),
}

impl Sampler {
    pub(crate) fn new(
        model: &WeightsModel,
        criteria: &Criteria,
        base: &HierarchyWeights,
        options: &WeighOptions,
        spread: usize,
    ) -> Self {
        match model {
            WeightsModel::Judgments => Sampler::Judgments {
                base: base.nodes.iter().map(|n| n.local.clone()).collect(),
                judged: criteria
                    .parents()
                    .map(|(i, c, _)| judged_node(criteria, i, &c.id, spread))
                    .collect(),
                options: *options,
            },
            WeightsModel::Uniform => Sampler::Uniform,
            WeightsModel::Ordinal => Sampler::Ordinal(Ordinal::new(base.leaves.as_slice())),
            WeightsModel::Replay(rows) => Sampler::Replay(rows.clone()),
        }
    }

    /// Fills `out` with draw `k`'s leaf weights, summing to 1 (see
    /// [`settle`]).
    pub(crate) fn draw(&self, criteria: &Criteria, seed: u64, k: u64, out: &mut [f64]) -> Result<(), Error> {
        let mut rng = DrawRng::new(seed, k, Purpose::Weights);
        match self {
            Sampler::Judgments { base, judged, options } => {
                judgment_weights(criteria, base, judged, options, &mut rng, out)?;
            }
            Sampler::Uniform => uniform_simplex(&mut rng, out),
            Sampler::Ordinal(ordinal) => ordinal.draw(&mut rng, out),
            Sampler::Replay(rows) => out.copy_from_slice(rows.row(k as usize)),
        }
        settle(out);
        Ok(())
    }
}

/// The judgments of node `index` to draw, `None` when its weights are fixed
/// (equal or `weight:`): a judgment written as an interval is drawn from
/// it, one written as a value `v` from `v` spread by `spread` Saaty steps.
fn judged_node(criteria: &Criteria, index: usize, id: &str, spread: usize) -> Option<JudgedNode> {
    let Some(Weighting::Judgments(judgments)) = criteria.weighting(index) else {
        return None;
    };
    let intervals = judgments
        .written()
        .iter()
        .flatten()
        .map(|j| j.interval.unwrap_or_else(|| saaty_spread(j.value, spread)))
        .collect();
    Some(JudgedNode {
        id: id.to_owned(),
        judgments: judgments.clone(),
        intervals,
    })
}

/// The leaf weights of one judgments draw: each drawn node's priorities
/// from its drawn judgments (by the options' method, completion and
/// aggregation, as `rank` derives them), global weights as products.
fn judgment_weights(
    criteria: &Criteria,
    base: &[Vec<f64>],
    judged: &[Option<JudgedNode>],
    options: &WeighOptions,
    rng: &mut DrawRng,
    out: &mut [f64],
) -> Result<(), Error> {
    let mut global = vec![0.0; criteria.nodes().len()];
    global[0] = 1.0;
    for (((index, _, parent), base), judged) in criteria.parents().zip(base).zip(judged) {
        let drawn;
        let local = match judged {
            Some(node) => {
                drawn = draw_node(node, options, rng)?;
                &drawn
            }
            None => base,
        };
        for (&child, &w) in parent.children.iter().zip(local) {
            global[child] = global[index] * w;
        }
    }
    for (w, &leaf) in out.iter_mut().zip(criteria.leaf_nodes()) {
        *w = global[leaf];
    }
    Ok(())
}

/// One node's priorities from judgments drawn in their intervals.
fn draw_node(node: &JudgedNode, options: &WeighOptions, rng: &mut DrawRng) -> Result<Vec<f64>, Error> {
    let fail = |error| WeighError {
        node: node.id.clone(),
        error,
    };
    let values: Vec<f64> = node
        .intervals
        .iter()
        .map(|&(low, high)| log_uniform(rng, low, high))
        .collect();
    let drawn = node.judgments.with_values(&values).map_err(fail)?;
    Ok(match &drawn.group {
        None => drawn.matrix.try_solve(&options.ahp).map_err(fail)?.priorities.weights,
        Some(group) => {
            group
                .aggregate(options.aggregation, &options.ahp)
                .map_err(fail)?
                .weights
        }
    })
}
