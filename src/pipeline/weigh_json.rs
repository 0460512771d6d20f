//! The JSON shape of the weights of a criteria tree (`innorank weights
//! --format json`), defined once for every caller: the command line and the
//! Python package.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::Warning;
use crate::math::ahp::{Consistency, JudgeAgreement, Repair, RepairOutcome, suggest_revisions};
use crate::model::{CriterionKind, Parent, Problem, Weighting};
use crate::pipeline::weigh::{HierarchyWeights, NodeWeights, WeighOptions};

/// The weights of every node of a problem's criteria tree, with the options
/// that made them, suggested revisions and warnings, as `innorank weights
/// --format json` writes them: `problem`, `ahp_method`, `completion`,
/// `random_index`, `aggregation`, `cr_threshold`, `nodes` (per parent:
/// children with local and global weights, consistency, estimated and
/// worst judgments, judges, consensus, disagreement, suggestion), `weights`
/// (leaf id to global weight, in column order) and `warnings`.
///
/// ```
/// use innorank::pipeline::{WeighOptions, WeightsJson, weigh_with};
///
/// let p = innorank::Problem::from_yaml_str(
///     "name: w\ncriteria: [{id: a}, {id: b}]\nalternatives: [{id: x, scores: {a: 1, b: 2}}]\n",
///     "w.yaml",
/// )
/// .unwrap();
/// let options = WeighOptions::new();
/// let weights = weigh_with(p.criteria(), &options).unwrap();
/// let json = WeightsJson { problem: &p, weights: &weights, options, suggestions: &[], warnings: &[] };
/// let value = serde_json::to_value(&json).unwrap();
/// assert_eq!(value["weights"]["a"], 0.5);
/// ```
pub struct WeightsJson<'a> {
    /// The problem weighed.
    pub problem: &'a Problem,
    /// Its weights under `options`.
    pub weights: &'a HierarchyWeights,
    /// How they were derived.
    pub options: WeighOptions,
    /// Suggested revisions per node index (see [`suggest_for_inconsistent`]).
    pub suggestions: &'a [(usize, Repair)],
    /// Warnings to list.
    pub warnings: &'a [Warning],
}

impl WeightsJson<'_> {
    /// The suggested revisions of the node with this index, if any.
    pub fn suggestion(&self, node: usize) -> Option<&Repair> {
        self.suggestions.iter().find(|(n, _)| *n == node).map(|(_, r)| r)
    }
}

/// Where `node`'s weights came from, as reports name it (`judgments`,
/// `direct`, ..., or `equal`).
pub fn node_source(problem: &Problem, node: &NodeWeights) -> &'static str {
    problem.criteria().weighting(node.node).map_or("equal", |w| w.source())
}

/// The children of `node` with their local and global weights.
pub fn node_children<'b>(
    problem: &'b Problem,
    weights: &'b HierarchyWeights,
    node: &'b NodeWeights,
) -> impl Iterator<Item = (&'b str, f64, f64)> + 'b {
    let criteria = problem.criteria();
    let parent = match &criteria.node(node.node).kind {
        CriterionKind::Parent(p) => &p.children[..],
        CriterionKind::Leaf(_) => &[],
    };
    parent
        .iter()
        .zip(&node.local)
        .map(move |(&c, &local)| (criteria.node(c).id.as_str(), local, weights.global[c]))
}

/// Suggested revisions (`--suggest`) for every inconsistent node weighed
/// from judgments, from its (for a group, aggregated) judgments.
pub fn suggest_for_inconsistent(
    problem: &Problem,
    weights: &HierarchyWeights,
    options: &WeighOptions,
) -> Vec<(usize, Repair)> {
    weights
        .nodes
        .iter()
        .filter(|n| !n.consistent)
        .filter_map(|n| match &problem.criteria().node(n.node).kind {
            CriterionKind::Parent(Parent {
                weighting: Weighting::Judgments(j),
                ..
            }) => Some((n.node, suggest_revisions(&j.matrix, &options.ahp, options.cr_threshold))),
            _ => None,
        })
        .collect()
}

/// The words for a repair's outcome.
pub fn repair_outcome_text(outcome: RepairOutcome) -> &'static str {
    match outcome {
        RepairOutcome::AlreadyConsistent => "already consistent",
        RepairOutcome::Consistent => "consistent after these revisions",
        RepairOutcome::Stuck => "no revision on the scale lowers CR further",
    }
}

#[derive(Serialize)]
struct ChildEntry<'a> {
    id: &'a str,
    local: f64,
    global: f64,
}

#[derive(Serialize)]
struct PairEntry<'a> {
    a: &'a str,
    b: &'a str,
    value: f64,
}

#[derive(Serialize)]
struct DeviationEntry<'a> {
    a: &'a str,
    b: &'a str,
    judged: f64,
    fitted: f64,
    nearest_scale_value: f64,
}

#[derive(Serialize)]
struct JudgeEntry<'a> {
    judge: &'a str,
    weight: f64,
    lambda_max: Option<f64>,
    ci: Option<f64>,
    cr: Option<f64>,
    compatibility: f64,
    gcompi: Option<f64>,
}

#[derive(Serialize)]
struct DisagreementEntry<'a> {
    judge: &'a str,
    a: &'a str,
    b: &'a str,
    judged: f64,
    group: f64,
}

#[derive(Serialize)]
struct RevisionEntry<'a> {
    a: &'a str,
    b: &'a str,
    from: f64,
    to: f64,
    cr_after: f64,
}

#[derive(Serialize)]
struct SuggestionEntry<'a> {
    outcome: &'static str,
    cr_before: f64,
    cr_after: f64,
    revisions: Vec<RevisionEntry<'a>>,
}

#[derive(Serialize)]
struct NodeEntry<'a> {
    node: &'a str,
    source: &'static str,
    children: Vec<ChildEntry<'a>>,
    /// `n`, `lambda_max`, `ci`, `ri`, `cr`.
    #[serde(flatten)]
    consistency: Consistency,
    consistent: bool,
    estimated: Vec<PairEntry<'a>>,
    worst_judgments: Vec<DeviationEntry<'a>>,
    judges: Vec<JudgeEntry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consensus: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disagreement: Option<DisagreementEntry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<SuggestionEntry<'a>>,
}

impl<'a> NodeEntry<'a> {
    fn new(json: &'a WeightsJson<'_>, n: &'a NodeWeights) -> Self {
        let name = |i: usize| n.children[i].as_str();
        NodeEntry {
            node: &n.id,
            source: node_source(json.problem, n),
            children: node_children(json.problem, json.weights, n)
                .map(|(id, local, global)| ChildEntry { id, local, global })
                .collect(),
            consistency: n.consistency,
            consistent: n.consistent,
            estimated: n
                .estimated
                .iter()
                .map(|e| PairEntry {
                    a: name(e.row),
                    b: name(e.col),
                    value: e.value,
                })
                .collect(),
            worst_judgments: n
                .worst
                .iter()
                .map(|d| DeviationEntry {
                    a: name(d.row),
                    b: name(d.col),
                    judged: d.judged,
                    fitted: d.fitted,
                    nearest_scale_value: d.nearest_scale_value(),
                })
                .collect(),
            judges: n.judges.iter().map(JudgeEntry::from).collect(),
            consensus: n.consensus,
            disagreement: n.disagreement.as_ref().map(|d| DisagreementEntry {
                judge: &d.judge,
                a: name(d.row),
                b: name(d.col),
                judged: d.judged,
                group: d.group,
            }),
            suggestion: json.suggestion(n.node).map(|r| SuggestionEntry::new(r, name)),
        }
    }
}

impl<'a> From<&'a JudgeAgreement> for JudgeEntry<'a> {
    fn from(g: &'a JudgeAgreement) -> Self {
        JudgeEntry {
            judge: &g.judge,
            weight: g.weight,
            lambda_max: g.consistency.map(|c| c.lambda_max),
            ci: g.consistency.map(|c| c.ci),
            cr: g.consistency.map(|c| c.cr),
            compatibility: g.compatibility,
            gcompi: g.gcompi,
        }
    }
}

impl<'a> SuggestionEntry<'a> {
    fn new(r: &Repair, name: impl Fn(usize) -> &'a str) -> Self {
        SuggestionEntry {
            outcome: repair_outcome_text(r.outcome),
            cr_before: r.cr_before,
            cr_after: r.cr_after,
            revisions: r
                .changes()
                .iter()
                .map(|v| RevisionEntry {
                    a: name(v.row),
                    b: name(v.col),
                    from: v.from,
                    to: v.to,
                    cr_after: v.cr_after,
                })
                .collect(),
        }
    }
}

impl Serialize for WeightsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let nodes: Vec<NodeEntry<'_>> = self.weights.nodes.iter().map(|n| NodeEntry::new(self, n)).collect();
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("problem", &self.problem.name())?;
        map.serialize_entry("ahp_method", self.options.ahp.method.name())?;
        map.serialize_entry("completion", self.options.ahp.completion.name())?;
        map.serialize_entry("random_index", self.options.ahp.random_index.name())?;
        map.serialize_entry("aggregation", self.options.aggregation.name())?;
        map.serialize_entry("cr_threshold", &self.options.cr_threshold)?;
        map.serialize_entry("nodes", &nodes)?;
        let leaves: Vec<(&str, f64)> = self
            .problem
            .criteria()
            .leaves()
            .map(|(c, _)| c.id.as_str())
            .zip(self.weights.leaves.as_slice().iter().copied())
            .collect();
        map.serialize_entry("weights", &Ordered(&leaves))?;
        let warnings: Vec<String> = self.warnings.iter().map(ToString::to_string).collect();
        map.serialize_entry("warnings", &warnings)?;
        map.end()
    }
}

/// Pairs as a JSON object, in their order.
struct Ordered<'a>(&'a [(&'a str, f64)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
