//! Cost curves of a problem: every `learning_curve` criterion evaluated at
//! a few volumes, with each alternative's crossing of the baseline (what
//! `innorank cost` shows).

use crate::math::learning_curve::{CostCurve, Crossing, crossing};
use crate::model::Problem;
use crate::model::{Derivation, Derive};

/// The average-cost curves of every alternative on one `learning_curve`
/// criterion, at a few volumes.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionCurves {
    /// The criterion's id.
    pub criterion: String,
    /// The volumes the curves are evaluated at.
    pub volumes: Vec<u64>,
    /// The current product's curve and its average costs, if given.
    pub baseline: Option<(CostCurve, Vec<f64>)>,
    /// One entry per alternative, in input order.
    pub alternatives: Vec<AlternativeCurve>,
}

/// One alternative's curve on a `learning_curve` criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeCurve {
    /// Alternative id.
    pub id: String,
    /// Its curve.
    pub curve: CostCurve,
    /// The volume it is ranked at.
    pub volume: u64,
    /// Average cost at that volume (the value ranked).
    pub at_volume: f64,
    /// Average cost at each of [`CriterionCurves::volumes`].
    pub average_costs: Vec<f64>,
    /// Where it falls below the baseline for good, if there is a baseline.
    pub crossing: Option<Crossing>,
}

/// Evaluates every `learning_curve` criterion of `problem` at `volumes`.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: c
/// criteria:
///   - {id: unit_cost, derive: learning_curve, baseline: {fixed: 1000, unit_cost: 10, learning_rate: 1}}
/// alternatives:
///   - {id: a, scores: {unit_cost: {fixed: 5000, unit_cost: 6, volume: 2000, learning_rate: 1}}}
/// "#, "c.yaml").unwrap();
/// let curves = innorank::pipeline::curves(&p, &[100, 10_000]);
/// assert_eq!(curves[0].alternatives[0].average_costs, vec![56.0, 6.5]);
/// assert_eq!(curves[0].alternatives[0].crossing, Some(innorank::learning_curve::Crossing::From(1001)));
/// ```
pub fn curves(problem: &Problem, volumes: &[u64]) -> Vec<CriterionCurves> {
    problem
        .criteria
        .leaves()
        .filter_map(|(criterion, leaf)| {
            let Some(Derive::LearningCurve { baseline }) = &leaf.derive else {
                return None;
            };
            let at = |c: &CostCurve| volumes.iter().map(|&q| c.average_cost(q)).collect::<Vec<_>>();
            let alternatives = (0..problem.alternatives.len())
                .filter_map(|row| match problem.derivation(row, leaf.column)? {
                    Derivation::Curve(curve, volume) => Some(AlternativeCurve {
                        id: problem.alternatives.id(row).to_owned(),
                        curve: *curve,
                        volume,
                        at_volume: curve.average_cost(volume),
                        average_costs: at(curve),
                        crossing: baseline.as_ref().map(|b| crossing(curve, b)),
                    }),
                    Derivation::Shared(_) => None,
                })
                .collect();
            Some(CriterionCurves {
                criterion: criterion.id.clone(),
                volumes: volumes.to_vec(),
                baseline: baseline.map(|b| (b, at(&b))),
                alternatives,
            })
        })
        .collect()
}
