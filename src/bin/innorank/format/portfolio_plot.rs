//! `portfolio --plot FILE.svg`: the chart needs a budget frontier; without
//! `--frontier`, the library's sweep is solved for the chart alone and
//! left out of the printed output.

use innorank::Problem;
use innorank::pipeline::portfolio::{PortfolioOptions, PortfolioReport};
use innorank::present::chart;

use crate::cli::PlotArgs;
use crate::failure::Failure;

/// Whether the frontier is solved only for the chart: with `--plot` and
/// no `--frontier`, `options.frontier` becomes the chart's sweep around
/// the budget used.
pub fn sweep_for_chart(plot: &PlotArgs, problem: &Problem, options: &mut PortfolioOptions) -> bool {
    if plot.plot.is_none() || !options.frontier.is_empty() {
        return false;
    }
    let Some(budget) = options.budget.or(problem.portfolio().map(|s| s.budget)) else {
        return false;
    };
    options.frontier = chart::portfolio_budgets(budget);
    true
}

/// Writes the chart to the `--plot` file, then drops a frontier that was
/// solved for the chart alone.
pub fn write(plot: &PlotArgs, report: &mut PortfolioReport<'_>, chart_only: bool) -> Result<(), Failure> {
    crate::plot::write(plot, || chart::portfolio(report))?;
    if chart_only {
        report.frontier.clear();
    }
    Ok(())
}
