//! One problem ranked by several methods, and how alike the rankings are.
//!
//! [`compare`] screens the alternatives and derives the leaf weights once,
//! then scores the survivors with each method ([`CompareMethod`]) through a
//! [`Scorer`], and measures every ordered pair of rankings with the
//! coefficients of [`crate::correlation`] on average ranks. WS is
//! asymmetric (the first method of a pair is the reference); the other
//! coefficients are symmetric and computed once per unordered pair.

use rayon::prelude::*;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::math::ahp::Synthesis;
use crate::math::correlation;
use crate::math::ranking::{rank_scores, tied};
use crate::math::topsis::Normalization;
use crate::model::Problem;
use crate::pipeline::rank::{OrderedMap, degenerate_warning};
use crate::pipeline::screening::screen;
use crate::pipeline::{HierarchyWeights, Method, RankOptions, Scorer, weigh_with, weight_warnings};
use crate::{Error, Warning};

/// A ranking method with its variant, as `compare` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompareMethod {
    /// TOPSIS with vector normalisation.
    TopsisVector,
    /// TOPSIS with min-max normalisation.
    TopsisMinMax,
    /// AHP synthesis, distributive mode.
    AhpDistributive,
    /// AHP synthesis, ideal mode.
    AhpIdeal,
}

crate::math::names::named_choices!(CompareMethod, "method", {
    TopsisVector => "topsis-vector",
    TopsisMinMax => "topsis-minmax",
    AhpDistributive => "ahp-distributive",
    AhpIdeal => "ahp-ideal",
});

impl CompareMethod {
    /// `base` with this method, normalisation or synthesis (its weighting
    /// options kept).
    pub fn options(self, base: &RankOptions) -> RankOptions {
        let (method, normalization, synthesis) = match self {
            CompareMethod::TopsisVector => (Method::Topsis, Normalization::Vector, base.synthesis),
            CompareMethod::TopsisMinMax => (Method::Topsis, Normalization::MinMax, base.synthesis),
            CompareMethod::AhpDistributive => (Method::Ahp, base.normalization, Synthesis::Distributive),
            CompareMethod::AhpIdeal => (Method::Ahp, base.normalization, Synthesis::Ideal),
        };
        RankOptions {
            method,
            normalization,
            synthesis,
            ..*base
        }
    }
}

impl Serialize for CompareMethod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Options of [`compare`].
#[derive(Debug, Clone, PartialEq)]
pub struct CompareOptions {
    /// The methods to run, in this order (duplicates are run once).
    pub methods: Vec<CompareMethod>,
    /// K of the top-K overlap.
    pub shortlist: usize,
    /// The weighting options (method, normalisation and synthesis are
    /// taken from each [`CompareMethod`]).
    pub rank: RankOptions,
}

/// The shortlist size when none is given.
pub const DEFAULT_SHORTLIST: usize = 3;

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            methods: CompareMethod::ALL.to_vec(),
            shortlist: DEFAULT_SHORTLIST,
            rank: RankOptions::default(),
        }
    }
}

/// A method that could not rank this problem, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Skipped {
    /// The method.
    pub method: CompareMethod,
    /// Why, as `rank` with this method would say it.
    pub reason: String,
}

/// The coefficients of one ordered pair of methods; `None` (JSON `null`)
/// where a coefficient is undefined (fewer than two alternatives ranked,
/// or a method that ties them all).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PairCoefficients {
    /// The reference method (the reference of WS).
    pub reference: CompareMethod,
    /// The method compared with it.
    pub other: CompareMethod,
    /// Spearman's rho, the Pearson correlation of the average ranks.
    pub spearman: Option<f64>,
    /// The weighted Spearman r_w.
    pub weighted_spearman: Option<f64>,
    /// The WS similarity, `reference` as the reference ranking.
    pub ws: Option<f64>,
    /// Kendall's tau-b.
    pub kendall_tau_b: Option<f64>,
    /// `|A ∩ B| / max(|A|, |B|)` of the alternatives ranked `<= K`.
    pub top_k_overlap: Option<f64>,
}

/// The result of [`compare`]. Serialises to the CLI's JSON.
#[derive(Debug, Clone)]
pub struct CompareReport<'p> {
    /// The problem compared.
    pub problem: &'p Problem,
    /// The weights of every node, derived once for all methods.
    pub weights: HierarchyWeights,
    /// The methods that ranked it, in the order asked.
    pub methods: Vec<CompareMethod>,
    /// The methods that could not, with the reason.
    pub skipped: Vec<Skipped>,
    /// K of the top-K overlap.
    pub shortlist: usize,
    /// The survivors of screening (indices in the problem), in the order of
    /// the first method's ranking (input order when no method ran).
    pub alternatives: Vec<usize>,
    /// Per method (as in `methods`), the competition rank of each entry
    /// of `alternatives`.
    pub ranks: Vec<Vec<usize>>,
    /// Per method, the score of each entry of `alternatives`, on the
    /// scale `rank` prints.
    pub scores: Vec<Vec<f64>>,
    /// Every ordered pair of `methods`, in order (reference first).
    pub pairs: Vec<PairCoefficients>,
    /// Warnings about input and result.
    pub warnings: Vec<Warning>,
}

/// Ranks the survivors of screening with each method of `options` and
/// compares every ordered pair of rankings (see the module docs).
///
/// The leaf weights are derived once for all methods. A method that cannot
/// rank the problem (AHP synthesis with a zero cost score, a target leaf
/// without comparisons) is listed in [`CompareReport::skipped`] with the
/// reason `rank` would give.
///
/// ```
/// use innorank::pipeline::{CompareOptions, compare};
///
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: c
/// criteria: [{id: risk, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {risk: 3, gain: 5}}
///   - {id: b, scores: {risk: 6, gain: 9}}
///   - {id: c, scores: {risk: 1, gain: 2}}
/// "#, "c.yaml").unwrap();
/// let report = compare(&p, &CompareOptions::default()).unwrap();
/// assert_eq!(report.methods.len(), 4);
/// assert_eq!(report.pairs.len(), 12);
/// assert!(report.pairs.iter().all(|p| p.spearman.is_some_and(|r| (-1.0..=1.0).contains(&r))));
/// ```
///
/// # Errors
///
/// What [`crate::rank`] returns for problems no method can rank: weights
/// that cannot be derived ([`Error::Weighing`]), data TOPSIS refuses
/// ([`Error::Data`]).
pub fn compare<'p>(problem: &'p Problem, options: &CompareOptions) -> Result<CompareReport<'p>, Error> {
    let weights = weigh_with(&problem.criteria, &options.rank.weighing)?;
    let mut warnings = problem.warnings.clone();
    warnings.extend(weight_warnings(&weights, options.rank.weighing.cr_threshold));
    let kept = screen(problem).kept;
    match kept.as_slice() {
        [] => warnings.push(Warning::NothingLeft),
        [only] => warnings.push(Warning::SingleAlternative {
            id: problem.alternatives.id(*only).to_owned(),
        }),
        _ => {}
    }
    let mut methods = Vec::new();
    let mut skipped = Vec::new();
    let mut scores = Vec::new();
    for method in unique(&options.methods) {
        if kept.is_empty() {
            methods.push(method);
            scores.push(Vec::new());
            continue;
        }
        match Scorer::new(problem, &method.options(&options.rank), &kept) {
            Ok(scorer) => {
                if let (Some(d), true) = (scorer.deviations(), kept.len() > 1) {
                    for w in d.degenerate().iter().map(|d| degenerate_warning(problem, d)) {
                        add_once(&mut warnings, w);
                    }
                }
                let these = scorer.scores(weights.leaves.as_slice());
                // Every score tied: this method cannot order the survivors.
                if kept.len() > 1 && these.iter().all(|&s| tied(s, these[0])) {
                    add_once(&mut warnings, Warning::NoDiscrimination);
                }
                methods.push(method);
                scores.push(these);
            }
            Err(e @ (Error::AhpRanking { .. } | Error::Matrix(_))) => skipped.push(Skipped {
                method,
                reason: e.to_string(),
            }),
            Err(e) => return Err(e),
        }
    }
    let (alternatives, ranks, scores) = in_first_order(&kept, &scores);
    let pairs = pairs(&methods, &ranks, options.shortlist);
    Ok(CompareReport {
        problem,
        weights,
        methods,
        skipped,
        shortlist: options.shortlist,
        alternatives,
        ranks,
        scores,
        pairs,
        warnings,
    })
}

/// Adds `warning` unless it is there already (methods share most).
fn add_once(warnings: &mut Vec<Warning>, warning: Warning) {
    if !warnings.contains(&warning) {
        warnings.push(warning);
    }
}

/// `methods` without repeats, in order.
fn unique(methods: &[CompareMethod]) -> Vec<CompareMethod> {
    let mut out: Vec<CompareMethod> = Vec::new();
    for &m in methods {
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

/// The survivors `kept` in the first method's ranking order, with each
/// method's competition ranks and scores in that order.
#[allow(clippy::type_complexity)]
fn in_first_order(kept: &[usize], scores: &[Vec<f64>]) -> (Vec<usize>, Vec<Vec<usize>>, Vec<Vec<f64>>) {
    let sorted: Vec<Vec<(usize, usize)>> = scores.par_iter().map(|s| rank_scores(s)).collect();
    let order: Vec<usize> = match sorted.first() {
        Some(first) if !first.is_empty() => first.iter().map(|&(i, _)| i).collect(),
        _ => (0..kept.len()).collect(),
    };
    let ranks = sorted
        .par_iter()
        .map(|sorted| {
            let mut ranks = vec![0; sorted.len()];
            for &(i, r) in sorted {
                ranks[i] = r;
            }
            order.iter().map(|&i| ranks[i]).collect()
        })
        .collect();
    let scores = scores.iter().map(|s| order.iter().map(|&i| s[i]).collect()).collect();
    (order.iter().map(|&i| kept[i]).collect(), ranks, scores)
}

/// The coefficients of every ordered pair of methods; the symmetric ones
/// once per unordered pair.
fn pairs(methods: &[CompareMethod], ranks: &[Vec<usize>], k: usize) -> Vec<PairCoefficients> {
    let average: Vec<Vec<f64>> = ranks.par_iter().map(|r| correlation::average_ranks(r)).collect();
    let unordered: Vec<(usize, usize)> = (0..methods.len())
        .flat_map(|a| (a + 1..methods.len()).map(move |b| (a, b)))
        .collect();
    let symmetric: Vec<[Option<f64>; 4]> = unordered
        .par_iter()
        .map(|&(a, b)| {
            let (x, y) = (&average[a], &average[b]);
            [
                correlation::spearman(x, y),
                correlation::weighted_spearman(x, y),
                correlation::kendall_tau_b_competition(&ranks[a], &ranks[b]),
                correlation::top_k_overlap(&ranks[a], &ranks[b], k),
            ]
        })
        .collect();
    let ordered: Vec<(usize, usize)> = (0..methods.len())
        .flat_map(|a| (0..methods.len()).filter(move |&b| b != a).map(move |b| (a, b)))
        .collect();
    ordered
        .par_iter()
        .map(|&(a, b)| {
            let at = unordered
                .iter()
                .position(|&p| p == (a.min(b), a.max(b)))
                .unwrap_or_default();
            let [spearman, weighted_spearman, kendall_tau_b, top_k_overlap] = symmetric[at];
            PairCoefficients {
                reference: methods[a],
                other: methods[b],
                spearman,
                weighted_spearman,
                ws: correlation::ws(&average[a], &average[b]),
                kendall_tau_b,
                top_k_overlap,
            }
        })
        .collect()
}

/// One entry of the JSON `alternatives` list.
struct Row<'a>(&'a CompareReport<'a>, usize);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (report, i) = (self.0, self.1);
        let index = report.alternatives[i];
        let names = report.methods.iter().map(|m| m.name());
        let ranks = OrderedMap(names.clone().zip(report.ranks.iter().map(|r| r[i])).collect());
        let scores = OrderedMap(names.zip(report.scores.iter().map(|v| v[i])).collect());
        let mut row = s.serialize_struct("Alternative", 4)?;
        row.serialize_field("id", report.problem.alternatives.id(index))?;
        row.serialize_field("name", report.problem.alternatives.label(index))?;
        row.serialize_field("ranks", &ranks)?;
        row.serialize_field("scores", &scores)?;
        row.end()
    }
}

/// The JSON `alternatives` list, written row by row.
struct Rows<'a>(&'a CompareReport<'a>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((0..self.0.alternatives.len()).map(|i| Row(self.0, i)))
    }
}

impl Serialize for CompareReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("CompareReport", 7)?;
        out.serialize_field("problem", &self.problem.name)?;
        out.serialize_field("methods", &self.methods)?;
        out.serialize_field("skipped", &self.skipped)?;
        out.serialize_field("shortlist", &self.shortlist)?;
        out.serialize_field("alternatives", &Rows(self))?;
        out.serialize_field("pairs", &self.pairs)?;
        let warnings: Vec<String> = self.warnings.iter().map(ToString::to_string).collect();
        out.serialize_field("warnings", &warnings)?;
        out.end()
    }
}
