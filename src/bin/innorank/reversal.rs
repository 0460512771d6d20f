//! `innorank reversal`: does the ranking method reverse ranks?

use innorank::pipeline::{CHECKS, ReversalError, ReversalOptions};

use crate::cli::ReversalArgs;
use crate::failure::{Failure, finish_with, strict_nodes};
use crate::format::reversal::ReversalView;
use crate::rank::table_width;
use crate::{format, load_for, warn};

pub fn run(args: &ReversalArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let rank = args.ranking.options(&args.ahp);
    let problem = load_for(&args.common, Some(rank))?;
    let options = ReversalOptions {
        rank,
        max_alternatives: args.max_alternatives,
    };
    let report = innorank::pipeline::reversal(&problem, &options).map_err(|e| match e {
        ReversalError::TooMany { .. } => Failure::Rejected(format!("{e}; raise the cap with --max-alternatives N")),
        ReversalError::Rank(e) => Failure::from_rank(e),
        e => Failure::Other(e.into()),
    })?;
    warn(&args.common, &report.warnings);
    let view = ReversalView {
        report: &report,
        width: table_width(args.wide),
    };
    let written = format::emit(out, &view, args.common.format).map_err(Failure::from);
    // With --strict the findings are printed first; the exit code says a
    // check failed (or, failing none, that a node is inconsistent).
    let failed: Vec<&'static str> = CHECKS
        .iter()
        .zip(report.verdicts())
        .filter(|&(_, passed)| !passed)
        .map(|(&name, _)| name)
        .collect();
    let inconsistent = strict_nodes(&args.ahp, &report.weights);
    let failure = if !args.ahp.strict {
        None
    } else if !failed.is_empty() {
        Some(Failure::CheckFailed(failed))
    } else if !inconsistent.is_empty() {
        Some(Failure::Inconsistent(inconsistent))
    } else {
        None
    };
    finish_with(out, written, failure)
}
