//! `robustness`: Stochastic Multicriteria Acceptability Analysis (SMAA) of
//! a problem. Each draw picks a weight vector by a [`WeightsModel`], scores
//! the survivors of screening with the ranking method chosen (through one
//! [`crate::pipeline::Scorer`], built once) and ranks them; [`crate::smaa`] counts and turns
//! the counts into acceptabilities, central weights and the rest.
//!
//! The estimators and their sources are in [`crate::smaa`]; the weight
//! models in [`WeightsModel`].

mod alternatives;
mod json;
mod replay;
mod scores;
mod weights;

pub use crate::pipeline::error::RobustnessError;
pub use replay::{ReplayError, WeightRows};
pub use weights::WeightsModel;

use crate::math::smaa::{SmaaConfig, simulate};
use crate::model::Problem;
use crate::pipeline::RankOptions;
use crate::pipeline::screening::screen;
use crate::{Error, Warning};
pub(crate) use weights::Sampler;

/// Pairwise winning indices are counted for at most this many ranked
/// alternatives (`m^2` counts).
pub const PAIRWISE_MAX: usize = 1000;

/// Acceptability is counted for ranks `1..=DEFAULT_RANKS` unless told
/// (fewer when fewer are ranked).
pub const DEFAULT_RANKS: usize = 10;

/// Options of [`robustness`].
#[derive(Debug, Clone, PartialEq)]
pub struct RobustnessOptions {
    /// The ranking method and the weighting options, as for `rank`.
    pub rank: RankOptions,
    /// The number of draws (ignored when replaying: one per row).
    pub draws: u64,
    /// The ranks whose acceptability is reported, `1..=R` (capped at the
    /// number ranked); `None` for [`DEFAULT_RANKS`].
    pub ranks: Option<usize>,
    /// The seed of the draws ([`crate::smaa::DrawRng`]).
    pub seed: u64,
    /// The weights model; `None` for [`WeightsModel::default_for`].
    pub weights: Option<WeightsModel>,
    /// Saaty-scale steps a point judgment is spread by under the judgments
    /// model ([`crate::smaa::saaty_spread`]).
    pub judgment_spread: usize,
    /// Whether to count the pairwise winning indices.
    pub pairwise: bool,
}

impl Default for RobustnessOptions {
    /// 10,000 draws, seed 0, the default model and ranks, spread 1, no
    /// pairwise indices.
    fn default() -> Self {
        RobustnessOptions {
            rank: RankOptions::default(),
            draws: 10_000,
            ranks: None,
            seed: 0,
            weights: None,
            judgment_spread: 1,
            pairwise: false,
        }
    }
}

/// One ranked alternative's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Acceptability {
    /// Its index in [`Problem::alternatives`].
    pub index: usize,
    /// Its rank under the problem's own weights, as `rank` prints it.
    pub base_rank: usize,
    /// `b^1 ..= b^R`: the share of draws ranking it at each rank.
    pub acceptability: Vec<f64>,
    /// The standard error of each share, `sqrt(b (1 - b) / N)`.
    pub acceptability_se: Vec<f64>,
    /// Its mean rank.
    pub mean_rank: f64,
    /// The smallest rank reached or beaten in at least 5 % of the draws.
    pub rank_p05: u32,
    /// The smallest rank reached or beaten in at least 95 % of the draws.
    pub rank_p95: u32,
    /// Holistic acceptability, `1 - (mean_rank - 1) / (m - 1)`.
    pub holistic: f64,
    /// Mean weights (leaf order) over the draws ranking it first.
    pub central_weights: Option<Vec<f64>>,
    /// Confidence factor: the share of score draws, weights at its central
    /// weights, that rank it first; 1 when no score is uncertain, `None`
    /// when never first.
    pub confidence: Option<f64>,
}

/// The result of [`robustness`]. Serialises to the CLI's JSON.
#[derive(Debug, Clone)]
pub struct RobustnessReport<'p> {
    /// The problem analysed.
    pub problem: &'p Problem,
    /// The options used.
    pub options: RobustnessOptions,
    /// The weights model used.
    pub model: WeightsModel,
    /// The number of draws made.
    pub draws: u64,
    /// The ranks reported, `1..=ranks`.
    pub ranks: usize,
    /// The ranked alternatives, in base-rank order.
    pub alternatives: Vec<Acceptability>,
    /// `pairwise[i][k]`: the share of draws in which `alternatives[i]`
    /// ranks strictly above `alternatives[k]` (with `pairwise`).
    pub pairwise: Option<Vec<Vec<f64>>>,
    /// `-sum b^1 log2 b^1`.
    pub choice_entropy: f64,
    /// Warnings about input and result (those of `rank` first).
    pub warnings: Vec<Warning>,
    /// The leaf columns under which the pairwise comparisons of the
    /// alternatives are drawn (`--method ahp`; empty when none is).
    pub compared_columns: Vec<usize>,
    sampler: Sampler,
}

/// Runs SMAA on `problem`'s survivors of screening. `progress` is told how
/// many more draws are done, now and then (for a progress bar).
///
/// ```
/// use innorank::pipeline::robustness::{RobustnessOptions, robustness};
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: r
/// criteria: [{id: risk, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {risk: 3, gain: 5}}
///   - {id: b, scores: {risk: 6, gain: 9}}
///   - {id: c, scores: {risk: 7, gain: 4}}
/// "#, "r.yaml").unwrap();
/// let options = RobustnessOptions { draws: 2000, ..Default::default() };
/// let report = robustness(&p, &options, &|_| {}).unwrap();
/// assert_eq!(report.model.name(), "uniform");
/// // c is worse than a on both criteria: never first.
/// let c = report.alternatives.iter().find(|a| a.index == 2).unwrap();
/// assert_eq!((c.acceptability[0], c.central_weights.is_none()), (0.0, true));
/// for a in &report.alternatives {
///     assert!((a.acceptability.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// }
/// ```
///
/// # Errors
///
/// What [`crate::rank`] returns for these options; [`RobustnessError`]
/// for options this analysis cannot honour; a weighting error
/// ([`Error::Weighing`]) for drawn judgments that cannot be solved.
pub fn robustness<'p>(
    problem: &'p Problem,
    options: &RobustnessOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<RobustnessReport<'p>, Error> {
    let base = crate::rank(problem, &options.rank)?;
    let kept = screen(problem).kept;
    let mut report = setup(problem, options, &base, kept.len())?;
    if kept.is_empty() {
        return Ok(report);
    }
    let scores = scores::Scores::new(problem, &options.rank, &kept, options.judgment_spread)?;
    report.compared_columns = scores.compared_columns();
    let config = SmaaConfig {
        draws: report.draws,
        alternatives: kept.len(),
        leaves: problem.criteria.leaf_nodes().len(),
        ranks: report.ranks,
        pairwise: options.pairwise,
    };
    let (sampler, criteria) = (&report.sampler, &problem.criteria);
    let smaa = simulate(
        &config,
        |k, w, s| {
            sampler.draw(criteria, options.seed, k, w)?;
            scores.scores_into(options.seed, k, w, s)
        },
        progress,
    )?;
    // Base-rank order: the base ranking's order, as positions among `kept`.
    let order: Vec<(usize, usize)> = base
        .ranking
        .iter()
        .filter_map(|r| kept.binary_search(&r.index).ok().map(|p| (p, r.rank)))
        .collect();
    report.alternatives = order
        .iter()
        .map(|&(p, base_rank)| acceptability(&smaa, p, kept[p], base_rank))
        .collect();
    if scores.uncertain() {
        confidence(&mut report, &scores, &order)?;
    }
    report.pairwise = options.pairwise.then(|| {
        order
            .iter()
            .map(|&(i, _)| order.iter().map(|&(k, _)| smaa.pairwise(i, k).unwrap_or(0.0)).collect())
            .collect()
    });
    report.choice_entropy = smaa.choice_entropy();
    Ok(report)
}

/// The report before the draws: options checked, the weights model and its
/// sampler chosen, `m` alternatives ranked.
fn setup<'p>(
    problem: &'p Problem,
    options: &RobustnessOptions,
    base: &crate::RankReport<'_>,
    m: usize,
) -> Result<RobustnessReport<'p>, Error> {
    if options.pairwise && m > PAIRWISE_MAX {
        return Err(RobustnessError::PairwiseTooMany { count: m }.into());
    }
    let criteria = &problem.criteria;
    let n = criteria.leaf_nodes().len();
    let model = options
        .weights
        .clone()
        .unwrap_or_else(|| WeightsModel::default_for(criteria));
    let draws = match &model {
        WeightsModel::Replay(rows) if rows.row(0).len() != n => {
            return Err(RobustnessError::ReplayWidth {
                found: rows.row(0).len(),
                expected: n,
            }
            .into());
        }
        WeightsModel::Replay(rows) => rows.len() as u64,
        _ => options.draws,
    };
    if draws == 0 || draws > u64::from(u32::MAX) {
        return Err(RobustnessError::Draws { draws }.into());
    }
    let mut warnings = base.warnings.clone();
    if model == WeightsModel::Judgments && WeightsModel::default_for(criteria) != WeightsModel::Judgments {
        warnings.push(Warning::NoJudgmentsToDraw);
    }
    let sampler = Sampler::new(
        &model,
        criteria,
        &base.weights,
        &options.rank.weighing,
        options.judgment_spread,
    );
    Ok(RobustnessReport {
        problem,
        options: options.clone(),
        model,
        draws,
        ranks: options.ranks.unwrap_or(DEFAULT_RANKS).clamp(1, m.max(1)),
        alternatives: Vec::new(),
        pairwise: None,
        choice_entropy: 0.0,
        warnings,
        compared_columns: Vec::new(),
        sampler,
    })
}

/// Replaces the confidence factors of the alternatives ever first (1
/// without uncertain scores) by their share of fresh score draws, at their
/// central weights, that rank them first. `order` gives each reported
/// alternative's position among the survivors.
fn confidence(
    report: &mut RobustnessReport<'_>,
    scores: &scores::Scores<'_>,
    order: &[(usize, usize)],
) -> Result<(), Error> {
    let central: Vec<(usize, Vec<f64>)> = report
        .alternatives
        .iter()
        .zip(order)
        .filter_map(|(a, &(p, _))| Some((p, a.central_weights.clone()?)))
        .collect();
    let counts = scores.confidence(report.options.seed, report.draws, &central)?;
    let mut counts = counts.into_iter();
    for a in report.alternatives.iter_mut().filter(|a| a.central_weights.is_some()) {
        a.confidence = counts.next().map(|c| c as f64 / report.draws as f64);
    }
    Ok(())
}

/// The results of the alternative at position `p` of the simulation.
fn acceptability(smaa: &crate::smaa::Smaa, p: usize, index: usize, base_rank: usize) -> Acceptability {
    let shares = smaa.acceptability(p);
    let (rank_p05, rank_p95) = smaa.rank_quantiles(p);
    let central_weights = smaa.central_weights(p);
    Acceptability {
        index,
        base_rank,
        acceptability_se: shares.iter().map(|&b| smaa.standard_error(b)).collect(),
        acceptability: shares,
        mean_rank: smaa.mean_rank(p),
        rank_p05,
        rank_p95,
        holistic: smaa.holistic(p),
        confidence: central_weights.as_ref().map(|_| 1.0),
        central_weights,
    }
}

impl RobustnessReport<'_> {
    /// The leaves' ids, in column order (the order of the weight vectors).
    pub fn leaf_ids(&self) -> Vec<&str> {
        self.problem.criteria.leaves().map(|(c, _)| c.id.as_str()).collect()
    }

    /// The ids of the leaves under which the comparisons of the
    /// alternatives are drawn ([`RobustnessReport::compared_columns`]).
    pub fn compared_leaves(&self) -> Vec<&str> {
        let ids = self.leaf_ids();
        self.compared_columns
            .iter()
            .filter_map(|&c| ids.get(c).copied())
            .collect()
    }

    /// Whether `--judgment-spread` played a part: the judgments model, or
    /// comparisons of the alternatives drawn.
    pub fn spread_used(&self) -> bool {
        self.model == WeightsModel::Judgments || !self.compared_columns.is_empty()
    }

    /// Writes every draw's weight vector in the format of
    /// [`WeightRows::parse`] (`--draws-out`): reading it back replays the
    /// run exactly.
    ///
    /// # Errors
    ///
    /// Writing to `out` failed.
    pub fn write_draws(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let leaves = self.leaf_ids();
        let mut row = vec![0.0; leaves.len()];
        let criteria = &self.problem.criteria;
        writeln!(out, "{}", leaves.join(","))?;
        for k in 0..self.draws {
            // The same draws succeeded in the simulation.
            self.sampler
                .draw(criteria, self.options.seed, k, &mut row)
                .map_err(std::io::Error::other)?;
            replay::write_row(out, &row)?;
        }
        Ok(())
    }
}
