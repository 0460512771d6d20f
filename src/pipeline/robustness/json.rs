//! The JSON of a [`RobustnessReport`].

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::{Acceptability, RobustnessReport};
use crate::pipeline::Method;

#[derive(Serialize)]
struct Report<'a> {
    problem: &'a str,
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    normalization: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    synthesis: Option<&'static str>,
    draws: u64,
    seed: u64,
    weights_model: &'static str,
    judgment_spread: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    drawn_comparisons: Vec<&'a str>,
    alternatives: Vec<Row<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pairwise: Option<Pairwise<'a>>,
    choice_entropy: f64,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: Option<&'a str>,
    base_rank: usize,
    acceptability: &'a [f64],
    acceptability_se: &'a [f64],
    mean_rank: f64,
    rank_p05: u32,
    rank_p95: u32,
    holistic: f64,
    central_weights: Option<Central<'a>>,
    confidence: Option<f64>,
}

#[derive(Serialize)]
struct Pairwise<'a> {
    ids: Vec<&'a str>,
    matrix: &'a [Vec<f64>],
}

/// `{leaf: weight}` in leaf order.
struct Central<'a>(&'a [&'a str], &'a [f64]);

impl Serialize for Central<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (leaf, w) in self.0.iter().zip(self.1) {
            map.serialize_entry(leaf, w)?;
        }
        map.end()
    }
}

impl Serialize for RobustnessReport<'_> {
    /// The JSON of the CLI contract: `{"problem", "method",
    /// "normalization"` (`"synthesis"` under AHP)`, "draws", "seed",
    /// "weights_model", "judgment_spread", "drawn_comparisons"` (when
    /// some)`, "alternatives": [...],
    /// "pairwise"` (when counted)`, "choice_entropy", "warnings"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let leaves = self.leaf_ids();
        let alternatives = &self.problem.alternatives;
        let row = |a| row(alternatives, &leaves, a);
        let o = &self.options.rank;
        let topsis = o.method == Method::Topsis;
        Report {
            problem: self.problem.name(),
            method: o.method.name(),
            normalization: topsis.then(|| o.normalization.name()),
            synthesis: (!topsis).then(|| o.synthesis.name()),
            draws: self.draws,
            seed: self.options.seed,
            weights_model: self.model.name(),
            judgment_spread: self.spread_used().then_some(self.options.judgment_spread),
            drawn_comparisons: self.compared_leaves(),
            alternatives: self.alternatives.iter().map(row).collect(),
            pairwise: self.pairwise.as_deref().map(|matrix| Pairwise {
                ids: self.alternatives.iter().map(|a| alternatives.id(a.index)).collect(),
                matrix,
            }),
            choice_entropy: self.choice_entropy,
            warnings: self.warnings.iter().map(ToString::to_string).collect(),
        }
        .serialize(s)
    }
}

fn row<'a>(alternatives: &'a crate::model::Alternatives, leaves: &'a [&'a str], a: &'a Acceptability) -> Row<'a> {
    Row {
        id: alternatives.id(a.index),
        name: alternatives.name(a.index),
        base_rank: a.base_rank,
        acceptability: &a.acceptability,
        acceptability_se: &a.acceptability_se,
        mean_rank: a.mean_rank,
        rank_p05: a.rank_p05,
        rank_p95: a.rank_p95,
        holistic: a.holistic,
        central_weights: a.central_weights.as_deref().map(|w| Central(leaves, w)),
        confidence: a.confidence,
    }
}
