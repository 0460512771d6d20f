//! `innorank weights`: the AHP weights of every node.

use innorank::pipeline::weight_warnings;

use crate::cli::WeightsArgs;
use crate::failure::{Failure, finish, strict_nodes};
use crate::format::view::WeightsView;
use crate::{format, load, warn};

pub fn run(args: &WeightsArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let problem = load(&args.common)?;
    let options = args.ahp.weighing();
    let weights = innorank::pipeline::weigh_with(problem.criteria(), &options).map_err(Failure::from_weigh)?;
    let mut warnings = problem.warnings().to_vec();
    warnings.extend(weight_warnings(&weights, options.cr_threshold));
    warn(&args.common, &warnings);
    // With --strict the weights are still printed (they show what is
    // inconsistent and why); the exit code says they must not be used.
    let inconsistent = strict_nodes(&args.ahp, &weights);
    crate::plot::write(&args.plot, || {
        innorank::present::chart::weights(&problem, &weights, options.cr_threshold)
    })?;
    // --suggest: revisions for every inconsistent node, from its (for a
    // group, aggregated) judgments.
    let suggestions = if args.suggest {
        innorank::pipeline::suggest_for_inconsistent(&problem, &weights, &options)
    } else {
        Vec::new()
    };
    let view = WeightsView {
        problem: &problem,
        weights: &weights,
        options,
        suggestions: &suggestions,
        warnings: &warnings,
        width: format::width::table_width(args.wide),
    };
    let written = format::emit(out, &view, args.common.format).map_err(Failure::from);
    finish(out, written, inconsistent)
}
