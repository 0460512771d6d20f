//! `innorank weights`: the AHP weights of every node.

use innorank::analysis::weight_warnings;

use crate::cli::{Format, WeightsArgs};
use crate::{Failure, emit, format, load, warn};

pub fn run(args: &WeightsArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let problem = load(&args.common)?;
    let weights = innorank::ahp::weigh(&problem.criteria, args.ahp.ahp_method.into(), args.ahp.cr_threshold);
    let mut warnings = problem.warnings.clone();
    warnings.extend(weight_warnings(&weights, args.ahp.cr_threshold));
    warn(&args.common, &warnings);
    if args.ahp.strict && weights.nodes.iter().any(|n| !n.consistent) {
        let nodes = weights
            .nodes
            .iter()
            .filter(|n| !n.consistent)
            .map(|n| format!("`{}`", n.id));
        return Err(Failure::Inconsistent(nodes.collect()));
    }
    let view = format::WeightsView {
        problem: &problem,
        weights: &weights,
        method: args.ahp.ahp_method.into(),
        threshold: args.ahp.cr_threshold,
        warnings: &warnings,
    };
    let text = match args.common.format {
        Format::Json => format::json::to_string(&view)?,
        Format::Csv => format::csv::weights(&view)?,
        Format::Table => format::table::render(&format::grid::weights(&view)),
        Format::Markdown => format::markdown::render(&format::grid::weights(&view)),
    };
    emit(out, &text)
}
