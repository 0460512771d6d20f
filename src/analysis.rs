//! The whole job: screen, weigh, rank.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use serde::Serialize as DeriveSerialize;

use crate::ahp::{self, HierarchyWeights, NodeWeights, PriorityMethod};
use crate::problem::{Derivation, Problem};
use crate::ranking::rank_scores;
use crate::screening::{Breach, screen};
use crate::topsis::{Degenerate, Normalization, Topsis};
use crate::{Error, Warning};

/// Options of a ranking run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankOptions {
    /// TOPSIS column normalisation.
    pub normalization: Normalization,
    /// How AHP priorities are derived.
    pub ahp_method: PriorityMethod,
    /// CR above this makes a node inconsistent.
    pub cr_threshold: f64,
    /// Mark alternatives whose score is at least this.
    pub satisfactory: Option<f64>,
    /// Include how derived values were computed in the report.
    pub explain: bool,
}

impl Default for RankOptions {
    fn default() -> Self {
        RankOptions {
            normalization: Normalization::Vector,
            ahp_method: PriorityMethod::Eigen,
            cr_threshold: ahp::DEFAULT_CR_THRESHOLD,
            satisfactory: None,
            explain: false,
        }
    }
}

/// One ranked alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedAlternative<'p> {
    /// Its index in [`Problem::alternatives`].
    pub index: usize,
    /// Its id.
    pub id: &'p str,
    /// 1 is best; tied scores share the smaller rank.
    pub rank: usize,
    /// TOPSIS relative closeness, in `[0, 1]`; higher is better.
    pub score: f64,
    /// Distance to the ideal.
    pub d_plus: f64,
    /// Distance to the anti-ideal.
    pub d_minus: f64,
    /// Whether the score reaches the satisfactory level, when one was given.
    pub satisfactory: Option<bool>,
}

/// An alternative rejected by screening.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenedOut {
    /// Its index in [`Problem::alternatives`].
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Every rule it broke.
    pub reasons: Vec<Breach>,
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
    pub ranking: Vec<RankedAlternative<'p>>,
    /// Alternatives rejected by screening, in input order.
    pub screened_out: Vec<ScreenedOut>,
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
/// with TOPSIS.
pub fn rank<'p>(problem: &'p Problem, options: &RankOptions) -> Result<RankReport<'p>, Error> {
    let weights = ahp::weigh(&problem.criteria, options.ahp_method, options.cr_threshold);
    let mut warnings = problem.warnings.clone();
    warnings.extend(weight_warnings(&weights, options.cr_threshold));

    let screening = screen(problem);
    let screened_out = screening
        .rejected
        .into_iter()
        .map(|(index, reasons)| ScreenedOut {
            index,
            id: problem.alternatives.id(index).to_owned(),
            reasons,
        })
        .collect();

    let kept = &screening.kept;
    let mut ranking = Vec::new();
    match kept.len() {
        0 => warnings.push(Warning::NothingLeft),
        1 => warnings.push(Warning::SingleAlternative {
            id: problem.alternatives.id(kept[0]).to_owned(),
        }),
        _ => {}
    }
    if !kept.is_empty() {
        // Rank the survivors; copy them out only if screening removed some.
        let selected;
        let matrix = if kept.len() == problem.scores.rows() {
            &problem.scores
        } else {
            selected = problem.scores.select_rows(kept)?;
            &selected
        };
        let scores =
            Topsis::new(options.normalization).rank(matrix, &weights.leaves, &problem.criteria.directions())?;
        let leaf_id = |col: usize| {
            problem
                .criteria
                .leaves()
                .nth(col)
                .map(|(c, _)| c.id.clone())
                .unwrap_or_default()
        };
        // With one alternative every column is constant: the single
        // warning above says it all.
        let degenerate = if kept.len() > 1 { &scores.degenerate[..] } else { &[] };
        for d in degenerate {
            warnings.push(match *d {
                Degenerate::AllZero { col } => Warning::AllZeroColumn {
                    criterion: leaf_id(col),
                },
                Degenerate::Constant { col } => Warning::ConstantColumn {
                    criterion: leaf_id(col),
                },
                Degenerate::NoDiscrimination => Warning::NoDiscrimination,
            });
        }
        let order = rank_scores(&scores.closeness);
        ranking.reserve_exact(order.len());
        ranking.extend(order.into_iter().map(|(i, rank)| RankedAlternative {
            index: kept[i],
            id: problem.alternatives.id(kept[i]),
            rank,
            score: scores.closeness[i],
            d_plus: scores.d_plus[i],
            d_minus: scores.d_minus[i],
            satisfactory: options.satisfactory.map(|x| scores.closeness[i] >= x),
        }));
    }
    Ok(RankReport {
        problem,
        options: *options,
        weights,
        ranking,
        screened_out,
        warnings,
    })
}

/// `(key, value)` pairs serialised as a JSON object, in order.
struct OrderedMap<K, V>(Vec<(K, V)>);

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
    pub(crate) fn new(node: &'a NodeWeights) -> Self {
        let c = &node.consistency;
        ConsistencyEntry {
            node: &node.id,
            source: node.source.name(),
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
    entry: &'a RankedAlternative<'a>,
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (p, e) = (self.report.problem, self.entry);
        let mut row = s.serialize_struct("RankedAlternative", 8)?;
        row.serialize_field("rank", &e.rank)?;
        row.serialize_field("id", p.alternatives.id(e.index))?;
        row.serialize_field("name", p.alternatives.label(e.index))?;
        row.serialize_field("score", &e.score)?;
        row.serialize_field("d_plus", &e.d_plus)?;
        row.serialize_field("d_minus", &e.d_minus)?;
        if let Some(sat) = e.satisfactory {
            row.serialize_field("satisfactory", &sat)?;
        }
        let values = p
            .criteria
            .leaves()
            .map(|(c, l)| (c.id.as_str(), p.scores.get(e.index, l.column)))
            .collect();
        row.serialize_field("values", &OrderedMap(values))?;
        if self.report.options.explain {
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

impl Serialize for RankReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.problem;
        let mut out = s.serialize_struct("RankReport", 10)?;
        out.serialize_field("problem", &p.name)?;
        out.serialize_field("method", "topsis")?;
        out.serialize_field("normalization", self.options.normalization.name())?;
        out.serialize_field("ahp_method", self.options.ahp_method.name())?;
        out.serialize_field("weights", &OrderedMap(self.leaf_weights().collect()))?;
        let consistency: Vec<_> = self.weights.nodes.iter().map(ConsistencyEntry::new).collect();
        out.serialize_field("consistency", &consistency)?;
        let rows: Vec<Row<'_>> = self.ranking.iter().map(|entry| Row { report: self, entry }).collect();
        out.serialize_field("ranking", &rows)?;
        let screened: Vec<_> = self
            .screened_out
            .iter()
            .map(|s| ScreenedEntry {
                id: p.alternatives.id(s.index),
                name: p.alternatives.label(s.index),
                reasons: s.reasons.iter().map(ToString::to_string).collect(),
            })
            .collect();
        out.serialize_field("screened_out", &screened)?;
        let warnings: Vec<String> = self.warnings.iter().map(ToString::to_string).collect();
        out.serialize_field("warnings", &warnings)?;
        out.end()
    }
}
