//! JSON output (serde_json), and the JSON shapes of the views that are not
//! their own shape (`weights`, `cost`). The `rank` report's shape is the
//! library's.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use innorank::ahp::{Consistency, JudgeAgreement, Repair};
use innorank::learning_curve::CostCurve;
use innorank::pipeline::NodeWeights;

use super::view::{CostView, WeightsView, outcome_text};

/// Pretty-printed JSON with a final newline. Numbers keep full precision.
pub fn write<T: Serialize + ?Sized>(out: &mut dyn std::io::Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// List entries serialised per parallel task.
const CHUNK_ROWS: usize = 1_024;

/// The `rank` report, byte for byte what [`write()`] gives, with the entries
/// of its long lists (`ranking`, `screened_out`) serialised on all cores:
/// the head (every field, both lists empty) goes through serde as a whole,
/// each entry on its own, indented to its place in its list.
pub fn rank(out: &mut dyn std::io::Write, report: &innorank::RankReport<'_>, explain: bool) -> anyhow::Result<()> {
    let head = serde_json::to_string_pretty(&report.json_head())?;
    let ranking = |i: usize, buf: &mut Vec<u8>| match report.ranking.get(i) {
        Some(entry) => serde_json::to_writer_pretty(buf, &report.json_row(entry, explain)),
        None => Ok(()),
    };
    let screened =
        |i: usize, buf: &mut Vec<u8>| serde_json::to_writer_pretty(buf, &report.json_screened(&report.screened_out[i]));
    let lists: [(&str, usize, &Entry<'_>); 2] = [
        ("ranking", report.ranking.len(), &ranking),
        ("screened_out", report.screened_out.len(), &screened),
    ];
    // Where each empty list's `]` is in the head.
    let ends: Option<Vec<usize>> = lists
        .iter()
        .map(|(name, ..)| head.find(&format!("\n  \"{name}\": []")).map(|at| at + name.len() + 8))
        .collect();
    let Some(ends) = ends else {
        return write(out, report);
    };
    let mut written = 0;
    for ((name, len, entry), end) in lists.into_iter().zip(ends) {
        out.write_all(&head.as_bytes()[written..end])?;
        written = end;
        if len > 0 && name == "ranking" && !explain {
            super::write_in_order(out, len, CHUNK_ROWS, |rows, buf| {
                super::json_rows::RowWriter::new(report).rows(buf, rows);
                Ok::<(), std::convert::Infallible>(())
            })?;
            out.write_all(b"\n  ")?;
        } else if len > 0 {
            write_list(out, len, entry)?;
            out.write_all(b"\n  ")?;
        }
    }
    out.write_all(&head.as_bytes()[written..])?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes entry `i` of a list into an empty buffer.
type Entry<'a> = dyn Fn(usize, &mut Vec<u8>) -> serde_json::Result<()> + Sync + 'a;

/// The `len` entries of a list at depth 1, each written by `entry` into an
/// empty buffer, serialised in parallel chunks and written in order.
fn write_list(out: &mut dyn std::io::Write, len: usize, entry: &Entry<'_>) -> anyhow::Result<()> {
    super::write_in_order(out, len, CHUNK_ROWS, |items, buf| {
        let mut one = Vec::new();
        for i in items {
            one.clear();
            entry(i, &mut one)?;
            buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
            indent(buf, &one);
        }
        Ok::<(), serde_json::Error>(())
    })
}

/// Appends `text` with four spaces after each line break.
fn indent(buf: &mut Vec<u8>, text: &[u8]) {
    let mut from = 0;
    for at in memchr::memchr_iter(b'\n', text) {
        buf.extend_from_slice(&text[from..=at]);
        buf.extend_from_slice(b"    ");
        from = at + 1;
    }
    buf.extend_from_slice(&text[from..]);
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
    fn new(view: &'a WeightsView<'_>, n: &'a NodeWeights) -> Self {
        let name = |i: usize| n.children[i].as_str();
        NodeEntry {
            node: &n.id,
            source: view
                .problem
                .criteria()
                .weighting(n.node)
                .map_or("equal", |w| w.source()),
            children: view
                .children(n)
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
            suggestion: view.suggestion(n.node).map(|r| SuggestionEntry::new(r, name)),
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
        }
    }
}

impl Serialize for WeightsView<'_> {
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

/// The JSON form of a crossing: `"always"`, `"never"`, `{"from": Q}` or
/// `{"until": Q}`.
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
    #[test]
    fn numbers_are_shortest_exponent_forms_and_not_finite_ones_null() {
        let values = [
            1e308,
            -f64::MAX,
            1e-300,
            0.25,
            3.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        assert_eq!(
            {
                let mut out = Vec::new();
                super::write(&mut out, &values[..]).unwrap();
                String::from_utf8(out).unwrap()
            }
            .split_whitespace()
            .collect::<String>(),
            "[1e+308,-1.7976931348623157e+308,1e-300,0.25,3.0,null,null,null]"
        );
    }
}
