//! The whole job: screen, weigh, rank.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use serde::Serialize as DeriveSerialize;

use crate::math::ahp::Synthesis;
use crate::math::matrix::DataError;
use crate::math::ranking::{Entry, sort_and_rank};
use crate::math::topsis::{Degenerate, Normalization, Topsis};
use crate::model::{Criteria, Derivation, Problem, Weighting};
pub use crate::pipeline::ranking::RankedAlternative;
use crate::pipeline::ranking::Ranking;
use crate::pipeline::screening::{Breach, breaches, screen};
use crate::pipeline::{HierarchyWeights, NodeWeights, WeighOptions};
use crate::{Error, Warning};

/// The ranking method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Relative closeness to the ideal solution (default).
    #[default]
    Topsis,
    /// AHP synthesis: leaf weights times the alternatives' local priorities.
    Ahp,
}

crate::math::names::named_choices!(Method, "method", {
    Topsis => "topsis",
    Ahp => "ahp",
});

/// Options of a ranking run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankOptions {
    /// TOPSIS (default) or AHP.
    pub method: Method,
    /// TOPSIS column normalisation.
    pub normalization: Normalization,
    /// AHP synthesis mode (for `Method::Ahp`).
    pub synthesis: Synthesis,
    /// How the criteria weights are derived and judged.
    pub weighing: WeighOptions,
    /// Mark alternatives whose score is at least this.
    pub satisfactory: Option<f64>,
}

impl Default for RankOptions {
    fn default() -> Self {
        RankOptions {
            method: Method::Topsis,
            normalization: Normalization::Vector,
            synthesis: Synthesis::Distributive,
            weighing: WeighOptions::new(),
            satisfactory: None,
        }
    }
}

/// An alternative rejected by screening.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: s
/// criteria: [{id: risk, direction: cost}, {id: gain}]
/// screening: [{criterion: risk, max: 8}, {criterion: gain, min: 2}]
/// alternatives:
///   - {id: a, scores: {risk: 3, gain: 5}}
///   - {id: b, scores: {risk: 9, gain: 1}}
/// "#, "s.yaml").unwrap();
/// let report = innorank::rank(&p, &Default::default()).unwrap();
/// let out = &report.screened_out[0];
/// let reasons: Vec<String> = out.reasons().iter().map(ToString::to_string).collect();
/// assert_eq!((out.id, reasons), ("b", vec!["risk 9 > max 8".to_owned(), "gain 1 < min 2".to_owned()]));
/// ```
#[derive(Debug, Clone)]
pub struct ScreenedOut<'p> {
    /// Its index in [`Problem::alternatives`].
    pub index: usize,
    /// Its id.
    pub id: &'p str,
    problem: &'p Problem,
}

impl ScreenedOut<'_> {
    /// Every rule it broke, worked out when asked: a million rejected
    /// alternatives cost 32 bytes each until then.
    pub fn reasons(&self) -> Vec<Breach> {
        breaches(self.problem, self.index)
    }
}

/// The result of [`rank`]. Serialises to the JSON of the CLI contract.
#[derive(Debug, Clone)]
pub struct RankReport<'p> {
    /// The problem ranked.
    pub problem: &'p Problem,
    /// Options used.
    pub options: RankOptions,
    /// Weights of every node.
    pub weights: HierarchyWeights,
    /// Survivors of screening, best first.
    pub ranking: Ranking<'p>,
    /// Alternatives rejected by screening, in input order.
    pub screened_out: Vec<ScreenedOut<'p>>,
    /// Warnings about input and result.
    pub warnings: Vec<Warning>,
}

impl RankReport<'_> {
    /// The leaves' ids with their global weights, in column order.
    pub fn leaf_weights(&self) -> impl Iterator<Item = (&str, f64)> + '_ {
        self.problem
            .criteria
            .leaves()
            .map(|(c, _)| c.id.as_str())
            .zip(self.weights.leaves.as_slice().iter().copied())
    }

    /// Whether some node's CR is above the threshold.
    pub fn has_inconsistency(&self) -> bool {
        self.weights.nodes.iter().any(|n| !n.consistent)
    }
}

/// Warnings about the weights: inconsistent nodes and estimated judgments.
pub fn weight_warnings(weights: &HierarchyWeights, threshold: f64) -> Vec<Warning> {
    let mut out = Vec::new();
    for node in &weights.nodes {
        if !node.estimated.is_empty() {
            out.push(Warning::Estimated {
                node: node.id.clone(),
                count: node.estimated.len(),
            });
        }
        if !node.consistent {
            out.push(Warning::Inconsistent {
                node: node.id.clone(),
                cr: node.consistency.cr,
                threshold,
            });
        }
    }
    out
}

/// Screens the alternatives, derives the weights and ranks the survivors
/// with the method of `options` (TOPSIS by default, or AHP synthesis).
///
/// # Errors
///
/// [`Error`]: more alternatives than can be ranked, weights that cannot be
/// derived with the options chosen ([`Error::Weighing`]), scores AHP cannot
/// rank ([`Error::AhpRanking`]), or scores TOPSIS cannot rank
/// ([`Error::Data`]) or synthesise under AHP ([`Error::Matrix`]).
pub fn rank<'p>(problem: &'p Problem, options: &RankOptions) -> Result<RankReport<'p>, Error> {
    let count = problem.alternatives.len();
    if u32::try_from(count).is_err() {
        return Err(DataError::TooManyAlternatives { count }.into());
    }
    let weights = crate::pipeline::weigh_with(&problem.criteria, &options.weighing)?;
    let mut warnings = problem.warnings.clone();
    warnings.extend(weight_warnings(&weights, options.weighing.cr_threshold));

    let screening = screen(problem);
    let screened_out = screening
        .rejected
        .iter()
        .map(|&index| ScreenedOut {
            index,
            id: problem.alternatives.id(index),
            problem,
        })
        .collect();

    let kept = &screening.kept;
    match kept.len() {
        0 => warnings.push(Warning::NothingLeft),
        1 => warnings.push(Warning::SingleAlternative {
            id: problem.alternatives.id(kept[0]).to_owned(),
        }),
        _ => {}
    }
    let ranking = if kept.is_empty() {
        Ranking::empty(&problem.alternatives)
    } else {
        rank_kept(problem, options, &weights, kept, &mut warnings)?
    };
    Ok(RankReport {
        problem,
        options: *options,
        weights,
        ranking,
        screened_out,
        warnings,
    })
}

/// Ranks the `kept` alternatives (at least one) by the method chosen;
/// warns of degenerate columns.
fn rank_kept<'p>(
    problem: &'p Problem,
    options: &RankOptions,
    weights: &HierarchyWeights,
    kept: &[usize],
    warnings: &mut Vec<Warning>,
) -> Result<Ranking<'p>, Error> {
    // Rank the survivors; copy them out only if screening removed some.
    let selected;
    let matrix = if kept.len() == problem.scores.rows() {
        &problem.scores
    } else {
        selected = problem.scores.select_rows(kept)?;
        &selected
    };
    let (mut entries, degenerate) = method_entries(problem, options, weights, matrix, kept)?;
    // With one alternative every column is constant: the single
    // warning already given says it all.
    if kept.len() > 1 {
        warnings.extend(degenerate.iter().map(|d| degenerate_warning(problem, d)));
    }
    sort_and_rank(&mut entries);
    let distances = options.method == Method::Topsis;
    Ok(Ranking::new(
        &problem.alternatives,
        entries,
        distances,
        options.satisfactory,
    ))
}

/// The `kept` alternatives' entries, unsorted, scored by the method chosen
/// on their rows `matrix`, with the degenerate columns TOPSIS found.
fn method_entries(
    problem: &Problem,
    options: &RankOptions,
    weights: &HierarchyWeights,
    matrix: &crate::DecisionMatrix,
    kept: &[usize],
) -> Result<(Vec<Entry>, Vec<Degenerate>), Error> {
    // Ranks are kept as compact entries, filled by the method and put
    // in order in place.
    Ok(match options.method {
        Method::Topsis => Topsis::new(options.normalization).rank_map(
            matrix,
            &weights.leaves,
            &problem.criteria.directions(),
            |i, d| Entry::new(kept[i], d.closeness, d.d_plus, d.d_minus),
        )?,
        Method::Ahp => {
            let scores = ahp_scores(problem, matrix, kept, weights, options)?;
            let entries = kept.iter().zip(scores).map(|(&i, s)| Entry::new(i, s, 0.0, 0.0));
            (entries.collect(), Vec::new())
        }
    })
}

/// The warning for a degenerate column (or for no column discriminating).
pub(crate) fn degenerate_warning(problem: &Problem, degenerate: &Degenerate) -> Warning {
    let leaf_id = |col: usize| {
        problem
            .criteria
            .leaves()
            .nth(col)
            .map(|(c, _)| c.id.clone())
            .unwrap_or_default()
    };
    match *degenerate {
        Degenerate::AllZero { col } => Warning::AllZeroColumn {
            criterion: leaf_id(col),
        },
        Degenerate::Constant { col } => Warning::ConstantColumn {
            criterion: leaf_id(col),
        },
        Degenerate::NoDiscrimination => Warning::NoDiscrimination,
    }
}

/// Why the data of a problem cannot be ranked as the options ask, found
/// before ranking: what [`rank`] would refuse, with the alternative and leaf
/// at fault so the loader can report it located (`check` and `rank` both
/// ask the loader for these, see [`crate::pipeline::rankable`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Unrankable {
    /// A score AHP cannot turn into a priority: negative under a benefit
    /// leaf, not positive under a cost leaf.
    Score {
        /// The alternative (index in the problem).
        row: usize,
        /// The leaf's column.
        column: usize,
        /// The score found.
        value: f64,
    },
    /// A target leaf without pairwise comparisons of the alternatives.
    Target {
        /// The leaf's column.
        column: usize,
    },
    /// The local priorities cannot be derived: the comparisons of the
    /// alternatives left after screening do not form a valid matrix
    /// (screening removed the alternative that linked the others, ...).
    Priorities {
        /// The leaf's column.
        column: usize,
        /// What is wrong, with indices among the survivors.
        error: crate::math::ahp::MatrixError,
    },
}

impl Unrankable {
    /// The leaf's column.
    pub(crate) fn column(&self) -> usize {
        match *self {
            Unrankable::Score { column, .. }
            | Unrankable::Target { column }
            | Unrankable::Priorities { column, .. } => column,
        }
    }

    /// As the library's error, `kept` the survivors the row is counted in.
    fn into_error(self, problem: &Problem, kept: &[usize]) -> Error {
        let criterion = problem
            .criteria
            .leaves()
            .nth(self.column())
            .map(|(c, _)| c.id.clone())
            .unwrap_or_default();
        let error = match self {
            Unrankable::Score { row, value, .. } => crate::math::ahp::MatrixError::NonPositiveScore {
                index: kept.iter().position(|&k| k == row).unwrap_or(row),
                value,
            },
            Unrankable::Target { .. } => crate::math::ahp::MatrixError::TargetScores,
            Unrankable::Priorities { error, .. } => error,
        };
        Error::AhpRanking { criterion, error }
    }
}

/// Every reason `rank` with `options` would refuse `problem`'s data, in
/// leaf order (within a leaf, in alternative order). Only the survivors of
/// screening count, as in [`rank`]. TOPSIS ranks any finite data, so only
/// AHP can find something.
pub(crate) fn unrankable(problem: &Problem, options: &RankOptions) -> Vec<Unrankable> {
    if options.method != Method::Ahp {
        return Vec::new();
    }
    let kept = screen(problem).kept;
    if kept.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (_, leaf) in problem.criteria.leaves() {
        let column: Vec<f64> = kept.iter().map(|&row| problem.scores.get(row, leaf.column)).collect();
        if let Err(mut errors) = ahp_local(problem, leaf, kept.as_slice(), &column, options) {
            found.append(&mut errors);
        }
    }
    found
}

/// Whether AHP can turn a score into a priority under `direction`:
/// `x / sum x` needs `x >= 0`, `(1/x) / sum (1/x)` needs `x > 0` (the rule
/// of [`crate::ahp::priorities_from_scores`], checked here for every
/// alternative so all are reported at once).
fn ahp_usable(x: f64, direction: &crate::Direction) -> bool {
    match direction {
        crate::Direction::Cost => x.is_finite() && x > 0.0,
        _ => x.is_finite() && x >= 0.0,
    }
}

/// The local priorities under one leaf of the survivors `kept` (their
/// values on the leaf in `column`, in the same order): from the
/// alternatives' pairwise comparisons if the problem gives them, else from
/// the scores. Errors list every problem found under the leaf.
fn ahp_local(
    problem: &Problem,
    leaf: &crate::model::Leaf,
    kept: &[usize],
    column: &[f64],
    options: &RankOptions,
) -> Result<Vec<f64>, Vec<Unrankable>> {
    use crate::math::ahp::{PairwiseMatrix, priorities_from_scores};
    let judged = problem.alternative_comparisons.iter().find(|(c, _)| *c == leaf.column);
    if let Some((_, judgments)) = judged {
        // Only judgments among the survivors count.
        let position = |i: usize| kept.iter().position(|&k| k == i);
        let kept_judgments: Vec<(usize, usize, f64)> = judgments
            .iter()
            .filter_map(|&(a, b, v)| Some((position(a)?, position(b)?, v)))
            .collect();
        let matrix = PairwiseMatrix::from_judgments(kept.len(), &kept_judgments).map_err(|error| {
            vec![Unrankable::Priorities {
                column: leaf.column,
                error,
            }]
        })?;
        return Ok(matrix.priorities_with_options(&options.weighing.ahp).weights);
    }
    if matches!(leaf.direction, crate::Direction::Target(_)) {
        return Err(vec![Unrankable::Target { column: leaf.column }]);
    }
    let bad: Vec<Unrankable> = column
        .iter()
        .zip(kept)
        .filter(|(x, _)| !ahp_usable(**x, &leaf.direction))
        .map(|(&value, &row)| Unrankable::Score {
            row,
            column: leaf.column,
            value,
        })
        .collect();
    if !bad.is_empty() {
        return Err(bad);
    }
    priorities_from_scores(column, &leaf.direction).map_err(|error| {
        vec![Unrankable::Priorities {
            column: leaf.column,
            error,
        }]
    })
}

/// AHP scores of the survivors: each leaf's local priorities
/// ([`ahp_local`]), weighted by the leaf's global weight and summed
/// (distributive or ideal synthesis).
fn ahp_scores(
    problem: &Problem,
    matrix: &crate::DecisionMatrix,
    kept: &[usize],
    weights: &HierarchyWeights,
    options: &RankOptions,
) -> Result<Vec<f64>, Error> {
    use crate::math::ahp::{LeafPriorities, synthesize};
    let leaves: Vec<LeafPriorities> = ahp_leaf_priorities(problem, matrix, kept, options)?
        .into_iter()
        .zip(weights.leaves.as_slice())
        .map(|(local, &weight)| LeafPriorities { weight, local })
        .collect();
    let scores = synthesize(&leaves, options.synthesis)?;
    Ok(scores.normalized)
}

/// The survivors' local priorities under every leaf, in leaf order
/// ([`ahp_local`]; `matrix` holds their rows, `kept` their indices in
/// the problem). The first problem found is the error, as `rank` reports it.
pub(crate) fn ahp_leaf_priorities(
    problem: &Problem,
    matrix: &crate::DecisionMatrix,
    kept: &[usize],
    options: &RankOptions,
) -> Result<Vec<Vec<f64>>, Error> {
    problem
        .criteria
        .leaves()
        .map(|(_, leaf)| {
            let column: Vec<f64> = matrix.column(leaf.column).collect();
            ahp_local(problem, leaf, kept, &column, options)
                .map_err(|mut errors| errors.swap_remove(0).into_error(problem, kept))
        })
        .collect()
}

/// `(key, value)` pairs serialised as a JSON object, in order.
pub(crate) struct OrderedMap<K, V>(pub(crate) Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for OrderedMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// One entry of the JSON `consistency` list.
#[derive(DeriveSerialize)]
pub(crate) struct ConsistencyEntry<'a> {
    node: &'a str,
    source: &'static str,
    n: usize,
    lambda_max: f64,
    ci: f64,
    ri: f64,
    cr: f64,
    consistent: bool,
}

impl<'a> ConsistencyEntry<'a> {
    pub(crate) fn new(criteria: &Criteria, node: &'a NodeWeights) -> Self {
        let c = &node.consistency;
        ConsistencyEntry {
            node: &node.id,
            source: criteria.weighting(node.node).map_or("equal", Weighting::source),
            n: c.n,
            lambda_max: c.lambda_max,
            ci: c.ci,
            ri: c.ri,
            cr: c.cr,
            consistent: node.consistent,
        }
    }
}

/// How a derived value was computed, as JSON.
struct ExplainEntry<'a>(Derivation<'a>);

impl Serialize for ExplainEntry<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self.0 {
            Derivation::Shared(a) => {
                map.serialize_entry("shared", &a.shared)?;
                map.serialize_entry("new", &a.new)?;
            }
            Derivation::Curve(c, volume) => {
                map.serialize_entry("fixed", &c.fixed())?;
                map.serialize_entry("unit_cost", &c.unit_cost())?;
                map.serialize_entry("volume", &volume)?;
                map.serialize_entry("learning_rate", &c.learning_rate())?;
            }
        }
        map.end()
    }
}

#[derive(DeriveSerialize)]
struct ScreenedEntry<'a> {
    id: &'a str,
    name: &'a str,
    reasons: Vec<String>,
}

struct Row<'a> {
    report: &'a RankReport<'a>,
    entry: RankedAlternative<'a>,
    /// With how each derived value was computed.
    explain: bool,
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (p, e) = (self.report.problem, &self.entry);
        let mut row = s.serialize_struct("RankedAlternative", 8)?;
        row.serialize_field("rank", &e.rank)?;
        row.serialize_field("id", e.id)?;
        row.serialize_field("name", p.alternatives.name(e.index).unwrap_or(e.id))?;
        row.serialize_field("score", &e.score)?;
        if let (Some(p), Some(m)) = (e.d_plus, e.d_minus) {
            row.serialize_field("d_plus", &p)?;
            row.serialize_field("d_minus", &m)?;
        }
        if let Some(sat) = e.satisfactory {
            row.serialize_field("satisfactory", &sat)?;
        }
        let values = p
            .criteria
            .leaves()
            .map(|(c, l)| (c.id.as_str(), p.scores.get(e.index, l.column)))
            .collect();
        row.serialize_field("values", &OrderedMap(values))?;
        if self.explain {
            let explained: Vec<_> = p
                .criteria
                .leaves()
                .filter_map(|(c, l)| Some((c.id.as_str(), ExplainEntry(p.derivation(e.index, l.column)?))))
                .collect();
            row.serialize_field("explain", &OrderedMap(explained))?;
        }
        row.end()
    }
}

/// The screened-out alternatives as a JSON list, written one by one (or
/// left empty).
struct ScreenedRows<'a>(&'a RankReport<'a>, bool);

impl Serialize for ScreenedRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let list = if self.1 { &self.0.screened_out[..] } else { &[] };
        s.collect_seq(list.iter().map(|screened| self.0.json_screened(screened)))
    }
}

/// The ranking as a JSON list, written row by row (or left empty).
struct RankingRows<'a>(ReportJson<'a>);

impl Serialize for RankingRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ReportJson { report, rows, explain } = self.0;
        let rows = report.ranking.range(0..if rows { report.ranking.len() } else { 0 });
        s.collect_seq(rows.map(|entry| Row { report, entry, explain }))
    }
}

/// The report as JSON, with or without the entries of its two long lists,
/// with or without how derived values were computed.
#[derive(Clone, Copy)]
struct ReportJson<'a> {
    report: &'a RankReport<'a>,
    rows: bool,
    explain: bool,
}

impl<'p> RankReport<'p> {
    /// The JSON of the report with empty `ranking` and `screened_out`
    /// lists: with [`RankReport::json_row`] and
    /// [`RankReport::json_screened`], what a writer needs to format the
    /// entries of big lists separately (the CLI does so on all cores) and
    /// still write exactly the JSON that serialising the whole report gives.
    // Hidden from the docs, like json_screened and json_row: the CLI's
    // parallel JSON writer (`rank --format json`) formats the `ranking` and
    // `screened_out` entries on all cores through these three; a library
    // user serialises the whole report (`impl Serialize for RankReport`).
    #[doc(hidden)]
    pub fn json_head(&self) -> impl Serialize + '_ {
        ReportJson {
            report: self,
            rows: false,
            explain: false,
        }
    }

    /// The JSON of one entry of the `screened_out` list.
    // Hidden: see json_head.
    #[doc(hidden)]
    pub fn json_screened<'a>(&'a self, screened: &'a ScreenedOut<'a>) -> impl Serialize + 'a {
        ScreenedEntry {
            id: screened.id,
            name: self.problem.alternatives.label(screened.index),
            reasons: screened.reasons().iter().map(ToString::to_string).collect(),
        }
    }

    /// The JSON of one entry of the `ranking` list; with `explain`, as in
    /// [`RankReport::explained`].
    ///
    /// ```
    /// let p = innorank::Problem::from_yaml_str(
    ///     "name: r\ncriteria: [{id: c}]\nalternatives: [{id: a, scores: {c: 1}}, {id: b, scores: {c: 2}}]\n",
    ///     "r.yaml",
    /// ).unwrap();
    /// let report = innorank::rank(&p, &Default::default()).unwrap();
    /// let whole = serde_json::to_value(&report).unwrap();
    /// let row = serde_json::to_value(report.json_row(report.ranking.first().unwrap(), false)).unwrap();
    /// assert_eq!(whole["ranking"][0], row);
    /// assert_eq!(serde_json::to_value(report.json_head()).unwrap()["ranking"], serde_json::json!([]));
    /// ```
    // Hidden: see json_head.
    #[doc(hidden)]
    pub fn json_row<'a>(&'a self, entry: RankedAlternative<'a>, explain: bool) -> impl Serialize + 'a {
        Row {
            report: self,
            entry,
            explain,
        }
    }

    /// The whole report as JSON with, for each ranked alternative, how its
    /// derived values were computed (`explain`: shared assets, cost-curve
    /// inputs). Serialising the report itself leaves that out.
    pub fn explained(&self) -> impl Serialize + '_ {
        ReportJson {
            report: self,
            rows: true,
            explain: true,
        }
    }
}

impl Serialize for RankReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ReportJson {
            report: self,
            rows: true,
            explain: false,
        }
        .serialize(s)
    }
}

impl Serialize for ReportJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let report = self.report;
        let p = report.problem;
        let mut out = s.serialize_struct("RankReport", 14)?;
        out.serialize_field("problem", &p.name)?;
        let o = &report.options;
        out.serialize_field("method", o.method.name())?;
        match o.method {
            Method::Topsis => out.serialize_field("normalization", o.normalization.name())?,
            Method::Ahp => out.serialize_field("synthesis", o.synthesis.name())?,
        }
        out.serialize_field("ahp_method", o.weighing.ahp.method.name())?;
        out.serialize_field("completion", o.weighing.ahp.completion.name())?;
        out.serialize_field("random_index", o.weighing.ahp.random_index.name())?;
        out.serialize_field("aggregation", o.weighing.aggregation.name())?;
        out.serialize_field("weights", &OrderedMap(report.leaf_weights().collect()))?;
        let consistency: Vec<_> = report
            .weights
            .nodes
            .iter()
            .map(|n| ConsistencyEntry::new(&report.problem.criteria, n))
            .collect();
        out.serialize_field("consistency", &consistency)?;
        out.serialize_field("ranking", &RankingRows(*self))?;
        out.serialize_field("screened_out", &ScreenedRows(report, self.rows))?;
        let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        out.serialize_field("warnings", &warnings)?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(yaml: &str) -> Problem {
        Problem::from_yaml_str(yaml, "t.yaml").unwrap_or_else(|e| panic!("{e}"))
    }

    fn ahp() -> RankOptions {
        RankOptions {
            method: Method::Ahp,
            ..RankOptions::default()
        }
    }

    #[test]
    fn ahp_ranks_scores_at_both_ends_of_the_floats() {
        let p = problem(
            "name: t\ncriteria: [{id: gain}, {id: price, direction: cost}]\nalternatives:\n  - {id: a, scores: {gain: 1e308, price: 5e-324}}\n  - {id: b, scores: {gain: 1.5e308, price: 1e-323}}\n",
        );
        assert!(unrankable(&p, &ahp()).is_empty());
        let report = rank(&p, &ahp()).unwrap();
        let scores: Vec<f64> = report.ranking.iter().map(|r| r.score).collect();
        let want = [0.5 * 0.4 + 0.5 * 2.0 / 3.0, 0.5 * 0.6 + 0.5 / 3.0];
        for (got, want) in scores.iter().zip(want) {
            assert!((got - want).abs() < 1e-12, "{scores:?}");
        }
    }

    #[test]
    fn unrankable_lists_every_survivor_at_fault_and_only_under_ahp() {
        let p = problem(
            "name: t\ncriteria: [{id: gain}, {id: fit, direction: target, target: 1}]\nscreening: [{criterion: gain, min: -5}]\nalternatives:\n  - {id: a, scores: {gain: -1, fit: 1}}\n  - {id: b, scores: {gain: 2, fit: 1}}\n  - {id: c, scores: {gain: -2, fit: 1}}\n  - {id: d, scores: {gain: -9, fit: 1}}\n",
        );
        assert!(unrankable(&p, &RankOptions::default()).is_empty());
        assert_eq!(
            unrankable(&p, &ahp()),
            [
                Unrankable::Score {
                    row: 0,
                    column: 0,
                    value: -1.0
                },
                Unrankable::Score {
                    row: 2,
                    column: 0,
                    value: -2.0
                },
                Unrankable::Target { column: 1 },
            ]
        );
        // `rank` reports the first, as a typed error with the survivor's index.
        match rank(&p, &ahp()) {
            Err(Error::AhpRanking { criterion, error }) => {
                assert_eq!(criterion, "gain");
                assert_eq!(
                    error,
                    crate::math::ahp::MatrixError::NonPositiveScore { index: 0, value: -1.0 }
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
