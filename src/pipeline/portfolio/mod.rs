//! `innorank portfolio`: the set of screened proposals to fund under a
//! budget, beside the set funding down the ranking would give.
//!
//! The proposals' values come from the `portfolio:` section's `value`
//! (TOPSIS closeness x 100 or AHP score x 100 among the survivors, through
//! the shared [`Scorer`], or a money leaf); the optimisation is the
//! mixed-integer program of [`crate::portfolio`]; every reported set is
//! re-evaluated exactly from the set.

mod admit;
mod analysis;
mod build;
mod report;

pub use admit::portfolio_admission;
pub use report::status_name;
pub use report::{
    Baseline, FrontierPoint, Funded, NextPortfolio, PaidPlatform, PortfolioReport, Shelved, Spend, Totals, WhyNot,
};

use crate::math::portfolio::{Instance, SolveError, SolveOptions, Status, baseline, conflicts, solve};
use crate::model::Problem;
use crate::model::portfolio::ValueSource;
use crate::pipeline::rank::{Method, RankOptions, rank};
use crate::pipeline::robustness::{Sampler, WeightsModel};
use crate::pipeline::scoring::Scorer;
use crate::pipeline::screening::screen;

use build::Items;

/// What `innorank portfolio` computes besides the optimum.
#[derive(Debug, Clone, Default)]
pub struct PortfolioOptions {
    /// How TOPSIS or AHP values are computed (method, normalisation,
    /// weighting). The method is the section's `value`, unless
    /// `method_override` is set.
    pub rank: RankOptions,
    /// Score by this method instead of the section's `topsis` or `ahp`
    /// (`--method`); ignored for a leaf value.
    pub method_override: Option<Method>,
    /// The budget instead of the section's.
    pub budget: Option<f64>,
    /// Budgets to re-solve for (`--frontier`).
    pub frontier: Vec<f64>,
    /// How many portfolios to list (`--next K`); 0: none.
    pub next: usize,
    /// Seconds each solve may take.
    pub time_limit: Option<f64>,
    /// `--robust N`: re-solve under N weight draws of the `robustness`
    /// command's default model, with this seed (TOPSIS or AHP values
    /// only): `(draws, seed)`.
    pub robust: Option<(u64, u64)>,
}

/// Why a portfolio cannot be computed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PortfolioError {
    /// The problem has no `portfolio:` section.
    #[error("the problem has no `portfolio:` section; add one (see docs/problem-format.md)")]
    NoSection,
    /// Scoring the survivors failed.
    #[error(transparent)]
    Scoring(#[from] crate::Error),
    /// The solver gave no answer.
    #[error(transparent)]
    Solve(#[from] SolveError),
    /// `--robust` with a value that weights do not change.
    #[error("--robust re-weighs TOPSIS or AHP values; `value: {0}` does not depend on the weights")]
    RobustLeafValue(String),
}

/// The optimal portfolio of `problem` and what explains it.
///
/// ```
/// use innorank::pipeline::portfolio::{PortfolioOptions, portfolio};
///
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: California Manufacturing
/// criteria: [{id: npv}, {id: capital, direction: cost}]
/// alternatives:
///   - {id: factory_la, scores: {npv: 9, capital: 6}}
///   - {id: factory_sf, scores: {npv: 5, capital: 3}}
///   - {id: warehouse_la, scores: {npv: 6, capital: 5}}
///   - {id: warehouse_sf, scores: {npv: 4, capital: 2}}
/// portfolio:
///   budget: 10
///   cost: capital
///   value: npv
///   groups: [{ids: [warehouse_la, warehouse_sf]}]
///   requires: [[warehouse_la, factory_la], [warehouse_sf, factory_sf]]
/// "#, "cm.yaml").unwrap();
/// let report = portfolio(&p, &PortfolioOptions::default()).unwrap();
/// let ids: Vec<&str> = report.funded.iter().map(|f| f.id.as_str()).collect();
/// assert_eq!(ids, ["factory_la", "factory_sf"]);
/// assert_eq!(report.total.value, 14.0);
/// ```
///
/// # Errors
///
/// [`PortfolioError::NoSection`] without a `portfolio:` section;
/// [`PortfolioError::Scoring`] when the survivors cannot be scored (as
/// `rank` would fail); [`PortfolioError::Solve`] when the solver fails.
pub fn portfolio<'p>(problem: &'p Problem, options: &PortfolioOptions) -> Result<PortfolioReport<'p>, PortfolioError> {
    let spec = problem.portfolio().ok_or(PortfolioError::NoSection)?;
    let (rank_options, label) = value_options(problem, options);
    let ranking = rank(problem, &rank_options)?;
    let kept = screen(problem).kept;
    let items = Items::new(kept, problem.alternatives().len());
    let values = match spec.value {
        ValueSource::Leaf(column) => items.rows.iter().map(|&r| problem.scores().get(r, column)).collect(),
        ValueSource::Topsis | ValueSource::Ahp if items.rows.is_empty() => Vec::new(),
        ValueSource::Topsis | ValueSource::Ahp => {
            let scorer = Scorer::new(problem, &rank_options, &items.rows)?;
            let weights: Vec<f64> = ranking.leaf_weights().map(|(_, w)| w).collect();
            scorer.scores(&weights).into_iter().map(|s| s * 100.0).collect()
        }
    };
    let mut warnings = ranking.warnings.clone();
    let budget = options.budget.unwrap_or(spec.budget);
    let instance = build::instance(problem, spec, &items, values, budget, &mut warnings);
    let context = report::Context {
        problem,
        spec,
        items: &items,
        instance: &instance,
    };
    let mut report = PortfolioReport::empty(problem, ranking, label, budget, warnings);
    let outcome = solve_warm(&instance, options.time_limit)?;
    if outcome.status == Status::Infeasible {
        let found = conflicts(&instance, None, options.time_limit)?;
        report.conflicts = found.iter().map(|&c| context.name(c)).collect();
        report.status = Status::Infeasible;
        return Ok(report);
    }
    context.fill(&mut report, &outcome.funded, outcome.status, outcome.bound);
    report.shelved = analysis::why_not(&context, &outcome.funded, options.time_limit)?;
    let greedy = baseline(&instance);
    report.baseline = Some(context.baseline(&greedy));
    report.frontier = analysis::frontier(&context, &options.frontier, options.time_limit)?;
    if options.next > 0 {
        report.next = analysis::next(&context, &outcome.funded, options.next, options.time_limit)?;
    }
    if let Some((draws, seed)) = options.robust {
        let shares = robust(&context, &report, &rank_options, (draws, seed), options.time_limit)?;
        let order = context.ordered(&vec![true; instance.len()]);
        report.core_index = order
            .into_iter()
            .map(|k| (context.id(k).to_owned(), shares[k]))
            .collect();
    }
    Ok(report)
}

/// The core index of every survivor under `draws` weight draws (see
/// [`analysis::core_index`]).
fn robust(
    context: &report::Context<'_>,
    report: &PortfolioReport<'_>,
    rank_options: &RankOptions,
    (draws, seed): (u64, u64),
    time_limit: Option<f64>,
) -> Result<Vec<f64>, PortfolioError> {
    if let ValueSource::Leaf(_) = context.spec.value {
        return Err(PortfolioError::RobustLeafValue(report.value.clone()));
    }
    let problem = context.problem;
    let criteria = problem.criteria();
    let model = WeightsModel::default_for(criteria);
    // The `robustness` command's default judgment spread.
    let spread = crate::pipeline::robustness::RobustnessOptions::default().judgment_spread;
    let sampler = Sampler::new(
        &model,
        criteria,
        &report.ranking.weights,
        &rank_options.weighing,
        spread,
    );
    let scorer = Scorer::new(problem, rank_options, &context.items.rows)?;
    let leaves = problem.scores().cols();
    analysis::core_index(
        context,
        draws,
        |k, w| sampler.draw(criteria, seed, k, w),
        |w| scorer.scores(w).into_iter().map(|s| s * 100.0).collect(),
        (leaves, time_limit),
    )
}

/// The ranking options the values need and the value's label.
fn value_options(problem: &Problem, options: &PortfolioOptions) -> (RankOptions, String) {
    let mut rank_options = options.rank;
    let Some(spec) = problem.portfolio() else {
        return (rank_options, String::new());
    };
    let method = match spec.value {
        ValueSource::Leaf(column) => {
            let id = problem.criteria().leaves().nth(column).map(|(c, _)| c.id.clone());
            return (rank_options, id.unwrap_or_default());
        }
        ValueSource::Topsis => options.method_override.unwrap_or(Method::Topsis),
        ValueSource::Ahp => options.method_override.unwrap_or(Method::Ahp),
    };
    rank_options.method = method;
    (rank_options, method.name().to_owned())
}

/// Solves `instance`, starting from the ranking baseline when it is
/// feasible.
fn solve_warm(instance: &Instance, time_limit: Option<f64>) -> Result<crate::math::portfolio::Outcome, SolveError> {
    let start = baseline(instance);
    let options = SolveOptions {
        time_limit,
        warm_start: instance.violation(&start).is_none().then_some(start),
        ..SolveOptions::default()
    };
    solve(instance, &options)
}
