//! The decision report: one self-contained HTML page (inline SVG and CSS,
//! nothing loaded from elsewhere) that an analyst can mail or print.
//!
//! [`build`] runs every analysis the page shows (the ranking, the
//! head-to-head of the top two, weight sensitivity, SMAA when asked, the
//! cost curves when the problem has learning curves); [`Report::html`]
//! writes the page. A new section is one more field here and one more
//! function in `html.rs` (as the portfolio's: the funded cluster beside
//! the ranking baseline, the budget frontier, why not for the shelved).

mod html;

use crate::Problem;
use crate::pipeline::portfolio::{PortfolioError, PortfolioOptions, PortfolioReport, portfolio};
use crate::pipeline::robustness::{RobustnessOptions, RobustnessReport, robustness};
use crate::pipeline::sensitivity::{Sensitivity, SensitivityError, SensitivityOptions, sensitivity};
use crate::pipeline::{CriterionCurves, HeadToHead, RankOptions, RankReport, VersusError, curves, head_to_head};
use crate::{Error, Warning};

/// What the report contains beyond the ranking.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportOptions {
    /// Method, normalisation, weighting and threshold, as for `rank`.
    pub rank: RankOptions,
    /// The two alternatives of the head-to-head (ids); the top two when
    /// `None`.
    pub versus: Option<(String, String)>,
    /// SMAA draws; no robustness section when `None`.
    pub draws: Option<u64>,
    /// Seed of the SMAA draws.
    pub seed: u64,
}

/// Why the report cannot be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The problem cannot be ranked with these options.
    #[error(transparent)]
    Rank(#[from] Error),
    /// The head-to-head asked for cannot be drawn.
    #[error(transparent)]
    Versus(#[from] VersusError),
    /// The sensitivity analysis failed.
    #[error(transparent)]
    Sensitivity(#[from] SensitivityError),
    /// The portfolio of the `portfolio:` section cannot be computed.
    #[error(transparent)]
    Portfolio(#[from] PortfolioError),
}

/// Every analysis of one problem, ready to be written as HTML.
#[derive(Debug)]
pub struct Report<'p> {
    /// The ranking.
    pub rank: RankReport<'p>,
    /// The head-to-head; `None` when fewer than two are ranked.
    pub versus: Option<HeadToHead>,
    /// Weight sensitivity; `None` when nothing is ranked.
    pub sensitivity: Option<Sensitivity<'p>>,
    /// SMAA, when draws were asked for and something is ranked.
    pub robustness: Option<RobustnessReport<'p>>,
    /// The cost curves of the `learning_curve` criteria.
    pub curves: Vec<CriterionCurves>,
    /// The portfolio at the section's budget, with the budget frontier of
    /// its chart, when the problem has a `portfolio:` section.
    pub portfolio: Option<PortfolioReport<'p>>,
}

/// Runs the analyses of the report on `problem`.
///
/// ```
/// use innorank::present::report::{ReportOptions, build};
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: Pick one
/// criteria: [{id: cost, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 5}}
///   - {id: b, scores: {cost: 4, gain: 6}}
/// "#, "r.yaml").unwrap();
/// let html = build(&p, &ReportOptions::default()).unwrap().html();
/// assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<h1>Pick one</h1>"));
/// ```
///
/// # Errors
///
/// [`ReportError`]: what [`crate::rank`] returns, an id of `versus` that
/// is not ranked, a failed sensitivity analysis, or a portfolio that
/// cannot be computed (see [`portfolio`]).
pub fn build<'p>(problem: &'p Problem, options: &ReportOptions) -> Result<Report<'p>, ReportError> {
    let rank = crate::rank(problem, &options.rank)?;
    let versus = match &options.versus {
        Some((a, b)) => Some(head_to_head(&rank, Some((a, b)))?),
        None => head_to_head(&rank, None).ok(),
    };
    let ranked = !rank.ranking.is_empty();
    let sensitivity = if ranked {
        let s = SensitivityOptions {
            rank: options.rank,
            ..SensitivityOptions::default()
        };
        Some(sensitivity(problem, &s)?)
    } else {
        None
    };
    let robustness = match options.draws {
        Some(draws) if ranked => {
            let o = RobustnessOptions {
                rank: options.rank,
                draws,
                seed: options.seed,
                ..RobustnessOptions::default()
            };
            Some(robustness(problem, &o, &|_| {})?)
        }
        _ => None,
    };
    let portfolio = match problem.portfolio() {
        Some(spec) => {
            let o = PortfolioOptions {
                rank: options.rank,
                frontier: crate::present::chart::portfolio_budgets(spec.budget),
                ..PortfolioOptions::default()
            };
            Some(portfolio(problem, &o)?)
        }
        None => None,
    };
    Ok(Report {
        curves: cost_curves(problem),
        portfolio,
        rank,
        versus,
        sensitivity,
        robustness,
    })
}

/// The cost curves from a tenth of the smallest planned volume to ten
/// times the largest, so every crossing near the plans shows.
fn cost_curves(problem: &Problem) -> Vec<CriterionCurves> {
    let planned: Vec<u64> = curves(problem, &[])
        .iter()
        .flat_map(|c| c.alternatives.iter().map(|a| a.volume))
        .collect();
    let lo = planned.iter().copied().min().unwrap_or(1).div_ceil(10).max(1);
    let hi = planned
        .iter()
        .copied()
        .max()
        .unwrap_or(1)
        .saturating_mul(10)
        .max(lo * 10);
    curves(problem, &[lo, hi])
}

impl Report<'_> {
    /// The warnings of every analysis, each once.
    pub fn warnings(&self) -> Vec<&Warning> {
        let mut all: Vec<&Warning> = self.rank.warnings.iter().collect();
        let more = self
            .robustness
            .iter()
            .flat_map(|r| &r.warnings)
            .chain(self.portfolio.iter().flat_map(|p| &p.warnings));
        for w in more {
            if !all.contains(&w) {
                all.push(w);
            }
        }
        all
    }

    /// The report as one self-contained HTML page.
    pub fn html(&self) -> String {
        html::page(self).into_string()
    }
}
