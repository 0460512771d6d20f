//! How far each pairwise judgment can move before the winner changes.
//!
//! A judgment's value v moves in `[1/9, 9]` with every other judgment
//! fixed; the node's priorities are recomputed by its method (priority
//! method, completion, aggregation of a panel), the global weights as
//! products, and the survivors rescored. The winner is a step function of
//! v with no closed form (the eigenvector is not rational in v), so the
//! range around the current value is found by steps of [`STEP`] in `ln v`
//! and then bisection to [`PRECISION`]; a flip narrower than one step
//! (3.5 % of v) and back can be missed.

use rayon::prelude::*;

use super::Base;
use crate::Error;
use crate::math::ahp::{GroupJudgments, MatrixError};
use crate::math::ranking::TIE_TOLERANCE;
use crate::model::{Criteria, CriterionKind, Judgments, Problem, Weighting};
use crate::pipeline::{RankOptions, WeighError, weigh_with};

/// Saaty's scale bounds the range.
const LOWEST: f64 = 1.0 / 9.0;
const HIGHEST: f64 = 9.0;

/// The step in `ln v` before bisection: 128 steps over `[1/9, 9]`.
const STEP: f64 = 0.034_331_634_020_878_43; // ln(81) / 128

/// Bisection stops when the bracket is this narrow in `ln v` (1e-7
/// relative in v, within the 1e-6 of the contract).
const PRECISION: f64 = 1e-7;

/// One pairwise judgment and the range of its value that keeps the winner.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgmentRange {
    /// The node whose children are compared (`(root)` for the top level).
    pub node: String,
    /// The judge, for a panel.
    pub judge: Option<String>,
    /// The two children compared, as the judgment reads: the first is
    /// `value` times as important as the second. A judge's judgments keep
    /// the order written; a single matrix's are read above its diagonal
    /// (the first child in file order first).
    pub pair: (String, String),
    /// The judgment's value.
    pub value: f64,
    /// The lowest value, down to 1/9, with the same winner.
    pub lo: f64,
    /// The highest value, up to 9, with the same winner.
    pub hi: f64,
    /// The Saaty-scale value outside `[lo, hi]` nearest to `value` and who
    /// wins there; `None` if every scale value keeps the winner.
    pub flip: Option<Flip>,
    /// What the judgment compares: two criteria under `node`, or two
    /// alternatives under the leaf `node` (`alternative_comparisons`,
    /// `--method ahp`).
    pub compared: Compared,
}

/// What a pairwise judgment compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compared {
    /// Two children of a criteria node (`comparisons`, `matrix`).
    Criteria,
    /// Two alternatives under a leaf (`alternative_comparisons`).
    Alternatives,
}

impl Compared {
    /// The name JSON gives it: `criteria` or `alternatives`.
    pub fn name(self) -> &'static str {
        match self {
            Compared::Criteria => "criteria",
            Compared::Alternatives => "alternatives",
        }
    }
}

/// A scale value of a judgment that changes the winner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flip {
    /// The judgment's value.
    pub value: f64,
    /// Who wins with it (index in the problem).
    pub winner: usize,
}

/// One judgment to vary: where it is and what it says.
struct Site {
    node: usize,
    judge: Option<usize>,
    /// Index in the judge's list, or the matrix pair `(i, j)`, `i < j`.
    slot: Slot,
    pair: (usize, usize),
    value: f64,
}

#[derive(Clone, Copy)]
enum Slot {
    Judge(usize),
    Matrix,
}

/// Every judgment's range, node by node (pre-order, the root first).
pub(super) fn ranges(problem: &Problem, options: &RankOptions, base: &Base<'_>) -> Result<Vec<JudgmentRange>, Error> {
    if base.len() == 0 {
        return Ok(Vec::new());
    }
    let winner = base.index(0);
    let sites = sites(problem.criteria());
    sites
        .par_iter()
        .map(|site| {
            let eval = |v: f64| winner_with(problem, options, base, site, v);
            let (lo, hi, flip) = range_around(&eval, winner, site.value)?;
            let criteria = problem.criteria();
            let children = match &criteria.node(site.node).kind {
                CriterionKind::Parent(p) => &p.children,
                CriterionKind::Leaf(_) => unreachable!("judgments sit at parents"),
            };
            let id = |c: usize| criteria.node(children[c]).id.clone();
            let judge = site
                .judge
                .and_then(|k| group(criteria, site.node).map(|g| g.sets()[k].judge.clone()));
            Ok(JudgmentRange {
                node: criteria.node(site.node).id.clone(),
                judge,
                pair: (id(site.pair.0), id(site.pair.1)),
                value: site.value,
                lo,
                hi,
                flip,
                compared: Compared::Criteria,
            })
        })
        .collect()
}

/// The range `[lo, hi]` around `value` in `[1/9, 9]` on which `eval` (the
/// winner at a judgment's value) stays `winner`, and the nearest flip on
/// Saaty's scale outside it.
pub(super) fn range_around(
    eval: &(impl Fn(f64) -> Result<usize, Error> + ?Sized),
    winner: usize,
    value: f64,
) -> Result<(f64, f64, Option<Flip>), Error> {
    let x0 = value.clamp(LOWEST, HIGHEST).ln();
    let hi = edge(eval, winner, x0, 1.0)?;
    let lo = edge(eval, winner, x0, -1.0)?;
    let flip = nearest_outside(value, lo, hi)
        .map(|value| {
            Ok::<_, Error>(Flip {
                value,
                winner: eval(value)?,
            })
        })
        .transpose()?;
    Ok((lo, hi, flip))
}

/// Every judgment of the tree: a panel's per judge, as written; a single
/// matrix's above its diagonal.
fn sites(criteria: &Criteria) -> Vec<Site> {
    let mut out = Vec::new();
    for (node, _, parent) in criteria.parents() {
        let Weighting::Judgments(j) = &parent.weighting else {
            continue;
        };
        match &j.group {
            Some(g) => {
                for (k, set) in g.sets().iter().enumerate() {
                    for (s, &(a, b, value)) in set.judgments.iter().enumerate() {
                        out.push(Site {
                            node,
                            judge: Some(k),
                            slot: Slot::Judge(s),
                            pair: (a, b),
                            value,
                        });
                    }
                }
            }
            None => {
                let n = j.matrix.n();
                for a in 0..n {
                    for b in a + 1..n {
                        if let Some(value) = j.matrix.get(a, b) {
                            out.push(Site {
                                node,
                                judge: None,
                                slot: Slot::Matrix,
                                pair: (a, b),
                                value,
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

fn group(criteria: &Criteria, node: usize) -> Option<&GroupJudgments> {
    match criteria.weighting(node)? {
        Weighting::Judgments(j) => j.group.as_ref(),
        _ => None,
    }
}

/// The winner (problem index) with `site`'s judgment set to `v`.
fn winner_with(problem: &Problem, options: &RankOptions, base: &Base<'_>, site: &Site, v: f64) -> Result<usize, Error> {
    let mut criteria = problem.criteria().clone();
    let node_id = criteria.node(site.node).id.clone();
    let fail = |error: MatrixError| {
        Error::Weighing(WeighError {
            node: node_id.clone(),
            error,
        })
    };
    let Some(Weighting::Judgments(written)) = criteria.weighting(site.node) else {
        unreachable!("sites are nodes with judgments")
    };
    let judgments = with_site_value(written, site, v).map_err(fail)?;
    if let CriterionKind::Parent(p) = &mut criteria.nodes[site.node].kind {
        p.weighting = Weighting::Judgments(judgments);
    }
    let weights = weigh_with(&criteria, &options.weighing)?;
    let scores = base.scorer.scores(weights.leaves.as_slice());
    Ok(top(&scores, base.scorer.rows()))
}

/// `judgments` with `site`'s judgment set to `v`: a judge's judgment by its
/// position in the judge's list; a single matrix's by its pair, either way
/// round as written (`[b, a, x]` holds `a` vs `b` = 1/x).
fn with_site_value(judgments: &Judgments, site: &Site, v: f64) -> Result<Judgments, MatrixError> {
    let written = judgments.written();
    let mut values: Vec<f64> = written.iter().flatten().map(|j| j.value).collect();
    let judge = site.judge.unwrap_or(0);
    let offset: usize = written[..judge].iter().map(Vec::len).sum();
    let (k, value) = match site.slot {
        Slot::Judge(s) => (s, v),
        Slot::Matrix => written[judge]
            .iter()
            .enumerate()
            .find_map(|(k, j)| match (j.a, j.b) {
                (a, b) if (a, b) == site.pair => Some((k, v)),
                (a, b) if (b, a) == site.pair => Some((k, 1.0 / v)),
                _ => None,
            })
            .expect("a site is a judgment as written"),
    };
    values[offset + k] = value;
    judgments.with_values(&values)
}

/// The winner (problem index) of `scores` of the alternatives `rows`: the
/// best score, ties (as `rank` has them) to the first in the problem.
pub(super) fn top(scores: &[f64], rows: &[usize]) -> usize {
    let best = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    scores
        .iter()
        .zip(rows)
        .filter(|(s, _)| best - **s <= TIE_TOLERANCE * best.abs())
        .map(|(_, &r)| r)
        .min()
        .unwrap_or(0)
}

/// The last value from `exp(x0)` in direction `dir` (+1 up, -1 down) that
/// keeps `winner`, to [`PRECISION`] in `ln v`.
fn edge(
    eval: &(impl Fn(f64) -> Result<usize, Error> + ?Sized),
    winner: usize,
    x0: f64,
    dir: f64,
) -> Result<f64, Error> {
    let end = dir * HIGHEST.ln();
    let mut same = x0;
    loop {
        let next = if dir > 0.0 {
            (same + STEP).min(end)
        } else {
            (same - STEP).max(end)
        };
        if next == same {
            return Ok(if dir > 0.0 { HIGHEST } else { LOWEST });
        }
        if eval(next.exp())? != winner {
            let mut other = next;
            while (other - same).abs() > PRECISION {
                let mid = 0.5 * (same + other);
                if eval(mid.exp())? == winner {
                    same = mid;
                } else {
                    other = mid;
                }
            }
            return Ok(same.exp());
        }
        same = next;
    }
}

/// Saaty's 17 values 1/9 ... 1/2, 1, 2 ... 9, increasing.
fn scale() -> impl Iterator<Item = f64> {
    (2..=9).rev().map(|k| 1.0 / k as f64).chain((1..=9).map(|k| k as f64))
}

/// The scale value outside `[lo, hi]` nearest to `value` in `|ln|`.
fn nearest_outside(value: f64, lo: f64, hi: f64) -> Option<f64> {
    let tolerance = 1e-9;
    scale()
        .filter(|&v| v < lo * (1.0 - tolerance) || v > hi * (1.0 + tolerance))
        .min_by(|a, b| (a.ln() - value.ln()).abs().total_cmp(&(b.ln() - value.ln()).abs()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_has_seventeen_values_and_the_step_is_ln81_over_128() {
        assert_eq!(scale().count(), 17);
        assert!((STEP - 81f64.ln() / 128.0).abs() < 1e-10);
        // 4 is nearer 3 than 2 is, as ratios.
        assert_eq!(nearest_outside(3.0, 2.5, 3.5), Some(4.0));
        assert_eq!(nearest_outside(3.0, LOWEST, HIGHEST), None);
        assert_eq!(top(&[0.2, 0.5, 0.5], &[0, 7, 3]), 3);
    }
}
