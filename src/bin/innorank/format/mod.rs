//! Output formats. Each third-party format crate is named in one file:
//! prettytable in `table.rs`, serde_json in `json.rs`, csv in `csv.rs`.

pub mod csv;
pub mod grid;
pub mod json;
pub mod markdown;
pub mod table;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use innorank::ahp::{Repair, RepairOutcome};
use innorank::learning_curve::{CostCurve, Crossing};
use innorank::pipeline::CriterionCurves;
use innorank::pipeline::{HierarchyWeights, NodeWeights, WeighOptions};
use innorank::{Problem, Warning};

/// From this magnitude on, numbers for people are written in scientific
/// notation (`1.5e308`) instead of hundreds of digits.
const SCIENTIFIC_FROM: f64 = 1e15;

/// What tables show for a number that is not finite (NaN or infinite): no
/// made-up digits. CSV leaves such a cell empty and JSON writes `null`.
pub const NOT_A_NUMBER: &str = "n/a";

/// A number for people: `digits` decimals (`0.7694`); from 1e15 on, at
/// most `digits` decimals in scientific notation (`1.5e308`); `n/a` if it
/// is not finite.
pub fn fixed(x: f64, digits: usize) -> String {
    if !x.is_finite() {
        NOT_A_NUMBER.to_owned()
    } else if x.abs() >= SCIENTIFIC_FROM {
        scientific(x, digits)
    } else {
        format!("{x:.digits$}")
    }
}

/// At most 4 decimals, without trailing zeros: `52.3996`, `0.5`, `2500`;
/// scientific notation from 1e15 on and for a value that is not 0 but
/// would show as `0` (`1.5e308`, `1e-300`); `n/a` if it is not finite.
pub fn compact(v: f64) -> String {
    if !v.is_finite() {
        return NOT_A_NUMBER.to_owned();
    }
    if v.abs() >= SCIENTIFIC_FROM {
        return scientific(v, 4);
    }
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "0" | "-0" if v != 0.0 => scientific(v, 4),
        "-0" => "0".to_owned(),
        _ => text.to_owned(),
    }
}

/// `x` (finite, not 0) in scientific notation with at most `digits`
/// decimals, without trailing zeros: `1e308`, `-1.7e308`, `1.2346e-7`.
fn scientific(x: f64, digits: usize) -> String {
    let text = format!("{x:.digits$e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if mantissa.contains('.') => {
            format!("{}e{exponent}", mantissa.trim_end_matches('0').trim_end_matches('.'))
        }
        _ => text,
    }
}

/// A number for people written in full, as typed in a file or on the
/// command line (`0.6`, `1e300`): [`full`], or `n/a` if it is not finite.
pub fn exact(x: f64) -> String {
    if x.is_finite() {
        full(x)
    } else {
        NOT_A_NUMBER.to_owned()
    }
}

/// A number for machines, as CSV cells write it: the shortest text that
/// reads back exactly (`3`, `0.25`, `1e308`, `5e-324`); empty if it is not
/// finite (JSON writes `null` there).
pub fn full(x: f64) -> String {
    let mut buf = Vec::new();
    csv::write_value(&mut buf, &mut ryu::Buffer::new(), &mut itoa::Buffer::new(), x);
    String::from_utf8_lossy(&buf).into_owned()
}

/// What `check` reports for a valid file.
#[derive(Debug, Serialize)]
pub struct CheckSummary {
    pub file: String,
    pub valid: bool,
    pub problem: String,
    pub criteria: usize,
    pub leaves: usize,
    pub alternatives: usize,
    pub screening_rules: usize,
    pub warnings: Vec<String>,
}

impl CheckSummary {
    pub fn new(file: &str, problem: &Problem) -> Self {
        CheckSummary {
            file: file.to_owned(),
            valid: true,
            problem: problem.name.clone(),
            criteria: problem.criteria.nodes().len() - 1,
            leaves: problem.criteria.leaf_nodes().len(),
            alternatives: problem.alternatives.len(),
            screening_rules: problem.screening.len(),
            warnings: problem.warnings.iter().map(ToString::to_string).collect(),
        }
    }

    pub fn sentence(&self) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}: ok: `{}`, {} ({}), {}, {}",
            self.file,
            self.problem,
            count(self.criteria, "criterion", "criteria"),
            count(self.leaves, "leaf", "leaves"),
            count(self.alternatives, "alternative", "alternatives"),
            count(self.screening_rules, "screening rule", "screening rules")
        )
    }
}

/// Everything `weights` shows.
pub struct WeightsView<'a> {
    pub problem: &'a Problem,
    pub weights: &'a HierarchyWeights,
    pub options: WeighOptions,
    /// Suggested revisions per node index (`--suggest`).
    pub suggestions: &'a [(usize, Repair)],
    pub warnings: &'a [Warning],
}

impl WeightsView<'_> {
    /// The suggested revisions of the node with this index, if any.
    pub fn suggestion(&self, node: usize) -> Option<&Repair> {
        self.suggestions.iter().find(|(n, _)| *n == node).map(|(_, r)| r)
    }
}

/// The words for a repair's outcome.
pub fn outcome_text(outcome: RepairOutcome) -> &'static str {
    match outcome {
        RepairOutcome::AlreadyConsistent => "already consistent",
        RepairOutcome::Consistent => "consistent after these revisions",
        RepairOutcome::Stuck => "no revision on the scale lowers CR further",
    }
}

impl WeightsView<'_> {
    /// The children of `node` with their local and global weights.
    pub fn children<'b>(&'b self, node: &'b NodeWeights) -> impl Iterator<Item = (&'b str, f64, f64)> + 'b {
        let criteria = &self.problem.criteria;
        let parent = match &criteria.node(node.node).kind {
            innorank::problem::CriterionKind::Parent(p) => &p.children[..],
            innorank::problem::CriterionKind::Leaf(_) => &[],
        };
        parent
            .iter()
            .zip(&node.local)
            .map(|(&c, &local)| (criteria.node(c).id.as_str(), local, self.weights.global[c]))
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
    n: usize,
    lambda_max: f64,
    ci: f64,
    ri: f64,
    cr: f64,
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

impl Serialize for WeightsView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let nodes: Vec<NodeEntry<'_>> = self
            .weights
            .nodes
            .iter()
            .map(|n| {
                let name = |i: usize| n.children[i].as_str();
                NodeEntry {
                    node: &n.id,
                    source: n.source.name(),
                    children: self
                        .children(n)
                        .map(|(id, local, global)| ChildEntry { id, local, global })
                        .collect(),
                    n: n.consistency.n,
                    lambda_max: n.consistency.lambda_max,
                    ci: n.consistency.ci,
                    ri: n.consistency.ri,
                    cr: n.consistency.cr,
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
                    judges: n
                        .judges
                        .iter()
                        .map(|g| JudgeEntry {
                            judge: &g.judge,
                            weight: g.weight,
                            lambda_max: g.consistency.map(|c| c.lambda_max),
                            ci: g.consistency.map(|c| c.ci),
                            cr: g.consistency.map(|c| c.cr),
                            compatibility: g.compatibility,
                            gcompi: g.gcompi,
                        })
                        .collect(),
                    consensus: n.consensus,
                    disagreement: n.disagreement.as_ref().map(|d| DisagreementEntry {
                        judge: &d.judge,
                        a: name(d.row),
                        b: name(d.col),
                        judged: d.judged,
                        group: d.group,
                    }),
                    suggestion: self.suggestion(n.node).map(|r| SuggestionEntry {
                        outcome: outcome_text(r.outcome),
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
                    }),
                }
            })
            .collect();
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("problem", &self.problem.name)?;
        map.serialize_entry("ahp_method", self.options.ahp.method.name())?;
        map.serialize_entry("completion", self.options.ahp.completion.name())?;
        map.serialize_entry("random_index", self.options.ahp.random_index.name())?;
        map.serialize_entry("aggregation", self.options.aggregation.name())?;
        map.serialize_entry("cr_threshold", &self.options.cr_threshold)?;
        map.serialize_entry("nodes", &nodes)?;
        let leaves: Vec<(&str, f64)> = self
            .problem
            .criteria
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

/// Everything `cost` shows.
pub struct CostView<'a> {
    pub problem: &'a str,
    pub curves: &'a [CriterionCurves],
}

/// `always`, `never`, `from Q` or `until Q`.
pub fn crossing_text(c: Option<Crossing>) -> String {
    match c {
        None => String::new(),
        Some(Crossing::Always) => "always".to_owned(),
        Some(Crossing::Never) => "never".to_owned(),
        Some(Crossing::From(q)) => format!("from {q}"),
        Some(Crossing::Until(q)) => format!("until {q}"),
    }
}

#[derive(Serialize)]
struct CurveEntry {
    fixed: f64,
    unit_cost: f64,
    learning_rate: f64,
}

impl From<&CostCurve> for CurveEntry {
    fn from(c: &CostCurve) -> Self {
        CurveEntry {
            fixed: c.fixed(),
            unit_cost: c.unit_cost(),
            learning_rate: c.learning_rate(),
        }
    }
}

#[derive(Serialize)]
struct BaselineEntry {
    curve: CurveEntry,
    average_cost: Vec<f64>,
}

#[derive(Serialize)]
struct AlternativeCurveEntry<'a> {
    id: &'a str,
    curve: CurveEntry,
    volume: u64,
    average_cost_at_volume: f64,
    average_cost: Vec<f64>,
    /// `"always"`, `"never"`, `{"from": Q}` or `{"until": Q}`; absent
    /// without a baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    below_baseline: Option<crossing_json::Crossing>,
}

/// The JSON form of a crossing: a number, or "always" / "never".
mod crossing_json {
    use serde::{Serialize, Serializer};

    pub struct Crossing(pub innorank::learning_curve::Crossing);

    impl Serialize for Crossing {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use innorank::learning_curve::Crossing::*;
            use serde::ser::SerializeMap;
            let (key, q) = match self.0 {
                Always => return s.serialize_str("always"),
                From(q) => ("from", q),
                Until(q) => ("until", q),
                Never => return s.serialize_str("never"),
            };
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(key, &q)?;
            map.end()
        }
    }
}

#[derive(Serialize)]
struct CriterionCurvesEntry<'a> {
    criterion: &'a str,
    volumes: &'a [u64],
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineEntry>,
    alternatives: Vec<AlternativeCurveEntry<'a>>,
}

impl Serialize for CostView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let entries: Vec<_> = self
            .curves
            .iter()
            .map(|c| CriterionCurvesEntry {
                criterion: &c.criterion,
                volumes: &c.volumes,
                baseline: c.baseline.as_ref().map(|(b, ac)| BaselineEntry {
                    curve: b.into(),
                    average_cost: ac.clone(),
                }),
                alternatives: c
                    .alternatives
                    .iter()
                    .map(|a| AlternativeCurveEntry {
                        id: &a.id,
                        curve: (&a.curve).into(),
                        volume: a.volume,
                        average_cost_at_volume: a.at_volume,
                        average_cost: a.average_costs.clone(),
                        below_baseline: a.crossing.map(crossing_json::Crossing),
                    })
                    .collect(),
            })
            .collect();
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("problem", self.problem)?;
        map.serialize_entry("criteria", &entries)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{compact, exact, fixed, full};

    const NOT_FINITE: [f64; 3] = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN];

    #[test]
    fn fixed_writes_decimals_then_scientific_notation_and_never_made_up_digits() {
        assert_eq!(fixed(0.76942, 4), "0.7694");
        assert_eq!(fixed(123_456_789_012_345.0, 2), "123456789012345.00");
        assert_eq!(fixed(1e15, 4), "1e15");
        assert_eq!(fixed(1e308, 4), "1e308");
        assert_eq!(fixed(-1.7e308, 3), "-1.7e308");
        assert_eq!(fixed(f64::MAX, 4), "1.7977e308");
        assert_eq!(fixed(1e-300, 4), "0.0000");
        for x in NOT_FINITE {
            assert_eq!(fixed(x, 4), "n/a");
        }
    }

    #[test]
    fn compact_never_hides_a_value_in_hundreds_of_digits_or_a_zero() {
        assert_eq!(compact(52.39962), "52.3996");
        assert_eq!(compact(2500.0), "2500");
        assert_eq!(compact(-0.0), "0");
        assert_eq!(compact(-0.00001), "-1e-5");
        assert_eq!(compact(1e-300), "1e-300");
        assert_eq!(compact(1.234_567e-7), "1.2346e-7");
        assert_eq!(compact(f64::MIN_POSITIVE / 4.0), "5.5627e-309");
        assert_eq!(compact(999_999_999_999_999.0), "999999999999999");
        assert_eq!(compact(1.5e308), "1.5e308");
        assert_eq!(compact(-f64::MAX), "-1.7977e308");
        for x in NOT_FINITE {
            assert_eq!(compact(x), "n/a");
        }
    }

    #[test]
    fn full_is_the_shortest_text_that_reads_back_and_empty_when_not_finite() {
        for (x, text) in [
            (3.0, "3"),
            (0.25, "0.25"),
            (-0.0, "0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e16"),
            (1e308, "1e308"),
            (f64::MAX, "1.7976931348623157e308"),
            (-f64::MAX, "-1.7976931348623157e308"),
            (1e-7, "1e-7"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(full(x), text);
            assert_eq!(text.parse::<f64>().unwrap(), x);
        }
        for x in NOT_FINITE {
            assert_eq!(full(x), "");
            assert_eq!(exact(x), "n/a");
        }
        assert_eq!(exact(0.6), "0.6");
        assert_eq!(exact(1e300), "1e300");
    }

    #[test]
    fn no_formatter_writes_more_than_a_few_dozen_characters() {
        let mut x: f64 = 1e-320;
        while x.is_finite() {
            for v in [x, -x, x * 1.234_567_891_234_5] {
                for text in [fixed(v, 4), compact(v), full(v)] {
                    assert!(text.len() <= 28, "{v:e}: {text}");
                }
            }
            x *= 7.3;
        }
    }
}
