//! One weight at a time, exactly: how far each node's weight can move
//! before the winner, the order or the shortlist changes.
//!
//! For a node X of the criteria tree (not the root) with global weight W,
//! the family of weights `w(t)`, `t` in `[0, 1]`, gives a leaf `l` under X
//! `t * w_l / W` and every other leaf `(1 - t) * w_l / (1 - W)`: X weighs
//! `t`, the proportions inside X and inside the rest stay, and `t = W` is
//! the problem as given (the gradient view of Expert Choice; Triantaphyllou
//! & Sanchez 1997's "change one weight and renormalise"). Every score is a
//! closed-form function of `t` ([`crate::crossing`]), so the ends of the
//! intervals are exact crossings, not points of a scan.
//!
//! Which crossings can end an interval:
//!
//! - **top**: the winner L is beaten where some other alternative's score
//!   rises above L's, so the end is the nearest sign change of `L - b` over
//!   every `b`: m - 1 pairs.
//! - **ranking**: while the order is unchanged, the first pair to swap is
//!   adjacent in it (a pair `a > c` with `b` between them cannot meet
//!   without `b` meeting one of them at the same point, and whichever of
//!   `a - b`, `b - c` turns negative there is an adjacent swap): m - 1
//!   pairs.
//! - **shortlist**: the set of the first K changes exactly where some
//!   alternative inside falls below some alternative outside (before that
//!   every one inside is at least every one outside). Which two meet first
//!   depends on how the inside and the outside reorder among themselves,
//!   so the K-th against the (K+1)-th is not enough; every inside-outside
//!   pair is checked: K (m - K) pairs, O(m) for a small K.
//!
//! A node thus costs O(m n) for the scores' coefficients plus O(m K) for
//! the crossings, over all cores.

mod compared;
mod curve;
mod intervals;
mod json;
mod judgments;

use rayon::prelude::*;

use crate::crossing::Pencil;
use crate::model::{CriterionKind, Problem, ROOT_ID};
use crate::pipeline::{HierarchyWeights, RankOptions, RankReport, Scorer};
use crate::{Error, Warning};

pub use curve::{CURVE_CAP, Curve, CurveCrossing, curve};
pub use judgments::{Compared, Flip, JudgmentRange};

/// A weight this close to 0 or 1 cannot move (the node is all or nothing
/// of the tree).
const FIXED: f64 = 1e-12;

/// Options of [`sensitivity`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SensitivityOptions {
    /// Method, normalisation, synthesis and weighting, as for `rank`.
    pub rank: RankOptions,
    /// K, the size of the shortlist (3 by default; capped at the number
    /// ranked).
    pub shortlist: usize,
    /// Also find how far each pairwise judgment can move ([`JudgmentRange`]).
    pub judgments: bool,
}

impl Default for SensitivityOptions {
    fn default() -> Self {
        SensitivityOptions {
            rank: RankOptions::default(),
            shortlist: 3,
            judgments: false,
        }
    }
}

/// Why [`sensitivity`] or [`curve`] could not run.
#[derive(Debug, thiserror::Error)]
pub enum SensitivityError {
    /// The problem cannot be ranked with these options.
    #[error(transparent)]
    Rank(#[from] Error),
    /// `--curve` named no node of the criteria tree.
    #[error("no criterion `{node}` in the criteria tree{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownNode {
        /// The name given.
        node: String,
        /// The nearest node id, if one is close.
        suggestion: Option<String>,
    },
    /// The node's weight is 0 or 1: the family of weights is not defined.
    #[error("criterion `{node}` weighs {weight}: its weight cannot move (it is none or all of the tree)")]
    FixedNode {
        /// The node.
        node: String,
        /// Its global weight.
        weight: f64,
    },
}

/// An interval `[lo, hi]` of a node's weight and what happens just beyond
/// each end: `None` where the end is 0 or 1 (nothing changes there).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval<E> {
    /// Lower end.
    pub lo: f64,
    /// Upper end.
    pub hi: f64,
    /// What changes below `lo`.
    pub lo_end: Option<E>,
    /// What changes above `hi`.
    pub hi_end: Option<E>,
}

impl<E> Interval<E> {
    /// The whole of `[0, 1]`: nothing changes.
    fn whole() -> Self {
        Interval {
            lo: 0.0,
            hi: 1.0,
            lo_end: None,
            hi_end: None,
        }
    }
}

/// Who swaps at an end of the shortlist interval (problem indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swap {
    /// The alternative that enters the first K.
    pub enters: usize,
    /// The alternative that leaves it.
    pub leaves: usize,
}

/// The intervals of one node whose weight can move. Alternatives are
/// indices in [`Problem::alternatives`]; a pair is `(a, b)` with `a`
/// ranked above `b` at the given weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Stability {
    /// Where the winner is never beaten; the end's alternative leads just
    /// beyond it.
    pub top: Interval<usize>,
    /// Where the whole order stays; the end's pair swaps there.
    pub ranking: Interval<(usize, usize)>,
    /// Where the set of the first K stays.
    pub shortlist: Interval<Swap>,
    /// `min(W - lo, hi - W) / W` over the ends of `top` where the winner
    /// changes; `None` if neither does.
    pub margin: Option<f64>,
}

/// One node of the tree and how far its weight can move.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeSensitivity {
    /// Index in [`crate::problem::Criteria::nodes`].
    pub node: usize,
    /// Its id.
    pub id: String,
    /// W, its global weight (the sum of its leaves').
    pub weight: f64,
    /// `None` when W is 0 or 1: the node is fixed.
    pub stability: Option<Stability>,
}

/// The result of [`sensitivity`]; serialises to the CLI's JSON.
#[derive(Debug, Clone)]
pub struct Sensitivity<'p> {
    /// The problem.
    pub problem: &'p Problem,
    /// The options used.
    pub options: SensitivityOptions,
    /// The weights of every node at the given judgments.
    pub weights: HierarchyWeights,
    /// K as used: `options.shortlist` capped at the number ranked.
    pub shortlist: usize,
    /// The winner at the given weights (index in the problem).
    pub winner: Option<usize>,
    /// Every node but the root, parents before children.
    pub nodes: Vec<NodeSensitivity>,
    /// The node (index in `nodes`) with the smallest margin.
    pub critical: Option<usize>,
    /// With `options.judgments`: every pairwise judgment's range.
    pub judgments: Vec<JudgmentRange>,
    /// Warnings of the ranking and of the analysis.
    pub warnings: Vec<Warning>,
}

/// For every node of the tree but the root (pre-order), the intervals of
/// its weight on which the winner, the whole order and the shortlist stay
/// (see the [module docs](self)), with the node whose weight is the most
/// critical; with `options.judgments`, also the range of every pairwise
/// judgment.
///
/// ```
/// use innorank::pipeline::sensitivity::{SensitivityOptions, sensitivity};
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: s
/// criteria: [{id: cost, direction: cost, weight: 1}, {id: gain, weight: 1}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 1}}
///   - {id: b, scores: {cost: 2, gain: 3}}
/// "#, "s.yaml").unwrap();
/// let s = sensitivity(&p, &SensitivityOptions::default()).unwrap();
/// let cost = s.nodes[0].stability.as_ref().unwrap();
/// // b wins at cost = 0.5 and stays ahead while cost weighs less than
/// // 2 - sqrt 2 = 0.586 (where t sqrt 0.2 = (1 - t) sqrt 0.4); above, a leads.
/// assert_eq!(p.alternatives().id(s.winner.unwrap()), "b");
/// assert!((cost.top.hi - (2.0 - 2f64.sqrt())).abs() < 1e-12 && cost.top.lo == 0.0);
/// assert_eq!(cost.top.hi_end.map(|i| p.alternatives().id(i)), Some("a"));
/// ```
///
/// # Errors
///
/// What [`crate::rank`] returns for this problem and these options.
pub fn sensitivity<'p>(
    problem: &'p Problem,
    options: &SensitivityOptions,
) -> Result<Sensitivity<'p>, SensitivityError> {
    let base = Base::new(problem, &options.rank)?;
    let k = options.shortlist.min(base.len());
    let nodes: Vec<NodeSensitivity> = tree_nodes(problem)
        .into_iter()
        .map(|(node, inside)| {
            let family = base.family(inside);
            let stability = family.movable().then(|| intervals::stability(&base, &family, k));
            NodeSensitivity {
                node,
                id: problem.criteria().node(node).id.clone(),
                weight: family.weight,
                stability,
            }
        })
        .collect();
    let critical = nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((i, n.stability.as_ref()?.margin?)))
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(i, _)| i);
    let judgments = if options.judgments {
        let mut all = judgments::ranges(problem, &options.rank, &base)?;
        all.extend(compared::ranges(problem, &options.rank, &base)?);
        all
    } else {
        Vec::new()
    };
    Ok(Sensitivity {
        problem,
        options: *options,
        weights: base.report.weights.clone(),
        shortlist: k,
        winner: (base.len() > 0).then(|| base.index(0)),
        nodes,
        critical,
        judgments,
        warnings: base.report.warnings.clone(),
    })
}

/// What every analysis starts from: the ranking at the given weights and a
/// scorer for the survivors in rank order, so that place `k` in the ranking
/// is position `k` of the scorer and the scans read memory in sequence (a
/// million alternatives read in score order would miss the cache each
/// time).
pub(crate) struct Base<'p> {
    pub(crate) report: RankReport<'p>,
    pub(crate) scorer: Scorer,
}

impl<'p> Base<'p> {
    pub(crate) fn new(problem: &'p Problem, options: &RankOptions) -> Result<Self, Error> {
        let report = crate::rank(problem, options)?;
        let ranked: Vec<usize> = report.ranking.iter().map(|r| r.index).collect();
        let scorer = Scorer::new(problem, options, &ranked)?;
        Ok(Base { report, scorer })
    }

    /// How many alternatives are ranked.
    pub(crate) fn len(&self) -> usize {
        self.scorer.len()
    }

    /// The problem index of the alternative in place `p` (0 = first).
    pub(crate) fn index(&self, p: usize) -> usize {
        self.scorer.rows()[p]
    }

    /// The leaves' global weights at the given judgments.
    pub(crate) fn leaves(&self) -> &[f64] {
        self.report.weights.leaves.as_slice()
    }

    /// The family of weights that moves the leaves `inside` together.
    pub(crate) fn family(&self, inside: Vec<bool>) -> Family {
        let weight = self
            .leaves()
            .iter()
            .zip(&inside)
            .filter(|(_, i)| **i)
            .map(|(w, _)| w)
            .sum();
        Family {
            inside,
            weight,
            leaves: self.leaves().to_vec(),
        }
    }

    /// Every alternative's score along `family`, in rank order (place 0
    /// first): the scans that follow then read memory in sequence.
    pub(crate) fn pencils(&self, family: &Family) -> Vec<Pencil> {
        let (w, inside, big) = (&family.leaves, &family.inside, family.weight);
        let (scale_in, scale_out) = (1.0 / big, 1.0 / (1.0 - big));
        let split = |row: &[f64], square: bool| {
            let (mut a, mut b) = (0.0, 0.0);
            for ((x, wj), &i) in row.iter().zip(w).zip(inside) {
                let term = if square { wj * wj * x } else { wj * x };
                if i { a += term } else { b += term }
            }
            (a, b)
        };
        (0..self.len())
            .into_par_iter()
            .map(|p| match self.scorer.deviations() {
                Some(d) => {
                    let (pi, po) = split(d.plus(p), true);
                    let (mi, mo) = split(d.minus(p), true);
                    let (si, so) = (scale_in * scale_in, scale_out * scale_out);
                    Pencil::topsis(pi * si, po * so, mi * si, mo * so)
                }
                None => {
                    let local = self.scorer.local_priorities(p).expect("AHP scorer");
                    let (a, b) = split(local, false);
                    Pencil::linear(a * scale_in, b * scale_out)
                }
            })
            .collect()
    }
}

/// One node's family of weights.
#[derive(Debug, Clone)]
pub(crate) struct Family {
    /// Per leaf (column): whether it is under the node.
    pub(crate) inside: Vec<bool>,
    /// W.
    pub(crate) weight: f64,
    /// The leaves' weights at `t = W`.
    pub(crate) leaves: Vec<f64>,
}

impl Family {
    /// Whether W is neither 0 nor 1.
    pub(crate) fn movable(&self) -> bool {
        self.weight > FIXED && self.weight < 1.0 - FIXED
    }
}

/// Every node but the root in pre-order, with the leaves (by column) under
/// it.
pub(crate) fn tree_nodes(problem: &Problem) -> Vec<(usize, Vec<bool>)> {
    (1..problem.criteria().nodes().len())
        .map(|node| (node, leaves_under(problem, node)))
        .collect()
}

/// Per leaf (by column): whether it lies under node `node`.
pub(crate) fn leaves_under(problem: &Problem, node: usize) -> Vec<bool> {
    let criteria = problem.criteria();
    let mut inside = vec![false; criteria.leaf_nodes().len()];
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &criteria.node(n).kind {
            CriterionKind::Leaf(leaf) => inside[leaf.column] = true,
            CriterionKind::Parent(p) => stack.extend(&p.children),
        }
    }
    inside
}

/// The node named `id` (not the root), or the error naming the nearest.
pub(crate) fn find_node(problem: &Problem, id: &str) -> Result<usize, SensitivityError> {
    let nodes = problem.criteria().nodes();
    match nodes.iter().skip(1).position(|c| c.id == id) {
        Some(i) => Ok(i + 1),
        None => Err(SensitivityError::UnknownNode {
            node: id.to_owned(),
            suggestion: crate::diagnostic::nearest(
                id,
                nodes.iter().skip(1).map(|c| c.id.as_str()).filter(|c| *c != ROOT_ID),
            ),
        }),
    }
}
