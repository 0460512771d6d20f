//! `innorank compare`: the survivors ranked by several methods, side by
//! side, with rank correlations per pair of methods.

use crate::cli::CompareArgs;
use crate::failure::{Failure, finish, strict_nodes};
use crate::format::compare::CompareView;
use crate::rank::table_width;
use crate::{format, load, warn};

pub fn run(args: &CompareArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    // Loaded without a method: a method that cannot rank the data is
    // skipped, not an error.
    let problem = load(&args.common)?;
    let report = innorank::pipeline::compare(&problem, &args.options()).map_err(Failure::from_rank)?;
    warn(&args.common, &report.warnings);
    warn(
        &args.common,
        report
            .skipped
            .iter()
            .map(|s| format!("{} skipped: {}", s.method.name(), s.reason)),
    );
    let inconsistent = strict_nodes(&args.ahp, &report.weights);
    crate::plot::write(&args.plot, || innorank::present::chart::compare(&report))?;
    let view = CompareView {
        report: &report,
        width: table_width(args.wide),
    };
    let written = format::emit(out, &view, args.common.format).map_err(Failure::from);
    finish(out, written, inconsistent)
}
