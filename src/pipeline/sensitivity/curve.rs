//! The data of a gradient plot: every score along one node's family.

use super::{Base, SensitivityError, find_node, leaves_under};
use crate::crossing::{Pencil, crossings};
use crate::model::Problem;
use crate::pipeline::{HierarchyWeights, RankOptions};
use crate::warning::Warning;

/// The most alternatives a curve plots (the first by rank).
pub const CURVE_CAP: usize = 50;

/// Two plotted alternatives' scores crossing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurveCrossing {
    /// The node's weight there.
    pub t: f64,
    /// The pair (problem indices), the one ranked higher at W first.
    pub pair: (usize, usize),
}

/// The result of [`curve`]; serialises to the CLI's JSON.
#[derive(Debug, Clone)]
pub struct Curve<'p> {
    /// The problem.
    pub problem: &'p Problem,
    /// The ranking options used.
    pub options: RankOptions,
    /// The weights of every node at the given judgments.
    pub weights: HierarchyWeights,
    /// The node's id.
    pub node: String,
    /// W, its weight in the problem.
    pub weight: f64,
    /// The node's weights the scores are read at, increasing: the steps,
    /// W and every crossing.
    pub t: Vec<f64>,
    /// Each plotted alternative (problem index, best first at W) with its
    /// scores at each `t`, on the scale `rank` prints.
    pub series: Vec<(usize, Vec<f64>)>,
    /// Every point where two plotted scores change order, by `t`.
    pub crossings: Vec<CurveCrossing>,
    /// Warnings of the ranking, and the cap if it applied.
    pub warnings: Vec<Warning>,
}

/// Every ranked alternative's score (the first [`CURVE_CAP`] by rank) as
/// node `node`'s weight goes from 0 to 1 (`steps + 1` evenly spaced
/// points, plus W and every crossing of two plotted scores): the data of
/// Expert Choice's gradient view.
///
/// ```
/// use innorank::pipeline::sensitivity::curve;
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: s
/// criteria: [{id: cost, direction: cost, weight: 1}, {id: gain, weight: 1}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 1}}
///   - {id: b, scores: {cost: 2, gain: 3}}
/// "#, "s.yaml").unwrap();
/// let c = curve(&p, &Default::default(), "cost", 4).unwrap();
/// // 0, 0.25, 0.5 (= W), 0.75, 1 and the crossing at 2 - sqrt 2.
/// assert_eq!(c.t.len(), 6);
/// assert!((c.crossings[0].t - (2.0 - 2f64.sqrt())).abs() < 1e-12);
/// ```
///
/// # Errors
///
/// [`SensitivityError::UnknownNode`] when no node (but the root) has the
/// id `node`, [`SensitivityError::FixedNode`] when its weight is 0 or 1,
/// and what [`crate::rank`] returns for this problem and these options.
pub fn curve<'p>(
    problem: &'p Problem,
    options: &RankOptions,
    node: &str,
    steps: usize,
) -> Result<Curve<'p>, SensitivityError> {
    let index = find_node(problem, node)?;
    let base = Base::new(problem, options)?;
    let family = base.family(leaves_under(problem, index));
    if !family.movable() {
        return Err(SensitivityError::FixedNode {
            node: node.to_owned(),
            weight: family.weight,
        });
    }
    let pencils = base.pencils(&family);
    let mut warnings = base.report.warnings.clone();
    let ranked = base.len();
    if ranked > CURVE_CAP {
        warnings.push(Warning::CurveCapped {
            shown: CURVE_CAP,
            ranked,
        });
    }
    // Pencils come in rank order: the first `shown` are plotted.
    let shown = ranked.min(CURVE_CAP);
    let id = |k: usize| base.index(k);
    let mut found = Vec::new();
    for a in 0..shown {
        for b in a + 1..shown {
            for c in crossings(&pencils[a], &pencils[b]).iter() {
                found.push(CurveCrossing {
                    t: c.t,
                    pair: (id(a), id(b)),
                });
            }
        }
    }
    found.sort_by(|x, y| x.t.total_cmp(&y.t));
    let mut t: Vec<f64> = (0..=steps).map(|k| k as f64 / steps.max(1) as f64).collect();
    t.push(family.weight);
    t.extend(found.iter().map(|c| c.t));
    t.sort_by(f64::total_cmp);
    t.dedup();
    let total = Total::new(&pencils);
    let series = (0..shown)
        .map(|k| (id(k), t.iter().map(|&x| total.printed(&pencils[k], x)).collect()))
        .collect();
    Ok(Curve {
        problem,
        options: *options,
        weights: base.report.weights.clone(),
        node: node.to_owned(),
        weight: family.weight,
        t,
        series,
        crossings: found,
        warnings,
    })
}

/// What turns a pencil's score into the printed one: nothing for TOPSIS;
/// for AHP the division by the sum over all alternatives (a line too).
struct Total {
    sum: Option<Pencil>,
    count: f64,
}

impl Total {
    fn new(pencils: &[Pencil]) -> Self {
        let (mut inside, mut outside, mut linear) = (0.0, 0.0, false);
        for p in pencils {
            if let Pencil::Linear { inside: i, outside: o } = *p {
                (inside, outside, linear) = (inside + i, outside + o, true);
            }
        }
        Total {
            sum: linear.then(|| Pencil::linear(inside, outside)),
            count: pencils.len() as f64,
        }
    }

    fn printed(&self, pencil: &Pencil, t: f64) -> f64 {
        let raw = pencil.score(t);
        match &self.sum {
            None => raw,
            Some(sum) => {
                let total = sum.score(t);
                if total > 0.0 { raw / total } else { 1.0 / self.count }
            }
        }
    }
}
