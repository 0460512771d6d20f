//! `innorank portfolio`: the set of proposals to fund under a budget.

use innorank::RankOptions;
use innorank::pipeline::portfolio::{PortfolioError, PortfolioOptions, portfolio, portfolio_admission};

use crate::cli::PortfolioArgs;
use crate::failure::Failure;
use crate::format::portfolio::PortfolioView;
use crate::{format, load_admitted, warn};

/// The width a table is fitted to when neither `COLUMNS` nor a terminal
/// tells (as `rank`).
const DEFAULT_WIDTH: usize = 100;

pub fn run(args: &PortfolioArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let rank = RankOptions {
        method: args.method.unwrap_or_default(),
        normalization: args.normalization,
        synthesis: args.synthesis,
        weighing: args.ahp.weighing(),
        ..RankOptions::default()
    };
    let problem = load_admitted(&args.common, Some(portfolio_admission(rank)))?;
    let mut options = PortfolioOptions {
        rank,
        method_override: args.method,
        budget: args.budget,
        frontier: args.frontier.clone().map(|b| b.0).unwrap_or_default(),
        next: args.next.unwrap_or(0),
        time_limit: args.time_limit,
        robust: args.robust.map(|n| (n, args.seed)),
    };
    let chart_only = format::portfolio_plot::sweep_for_chart(&args.plot, &problem, &mut options);
    let mut report = portfolio(&problem, &options).map_err(|e| match e {
        PortfolioError::NoSection | PortfolioError::RobustLeafValue(_) => Failure::Rejected(e.to_string()),
        PortfolioError::Scoring(e) => Failure::from_rank(e),
        e => Failure::Other(e.into()),
    })?;
    // The problem's own warnings are among the report's.
    warn(&args.common, &report.warnings);
    format::portfolio_plot::write(&args.plot, &mut report, chart_only)?;
    let view = PortfolioView {
        report: &report,
        width: width(args.wide),
    };
    format::emit(out, &view, args.common.format).map_err(Failure::from)
}

/// `None` with `--wide`; else `COLUMNS`, the terminal's width, or
/// [`DEFAULT_WIDTH`].
fn width(wide: bool) -> Option<usize> {
    if wide {
        return None;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| w > 0);
    let terminal = || {
        terminal_size::terminal_size_of(std::io::stdout())
            .or_else(|| terminal_size::terminal_size_of(std::io::stderr()))
            .map(|(terminal_size::Width(w), _)| usize::from(w))
            .filter(|&w| w > 0)
    };
    Some(columns.or_else(terminal).unwrap_or(DEFAULT_WIDTH))
}
