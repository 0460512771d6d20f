//! `innorank cost`: average-cost curves of the `learning_curve` criteria.

use innorank::pipeline::curves;

use crate::cli::CostArgs;
use crate::failure::Failure;
use crate::format::view::CostView;
use crate::{format, load, warn};

pub fn run(args: &CostArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let problem = load(&args.common)?;
    warn(&args.common, problem.warnings());
    let mut volumes = args.volumes.clone();
    volumes.sort_unstable();
    volumes.dedup();
    let curves = curves(&problem, &volumes);
    if curves.is_empty() {
        return Err(anyhow::anyhow!(
            "`{}` has no criterion with `derive: learning_curve`; nothing to show",
            args.common.file.display()
        )
        .into());
    }
    crate::plot::write(&args.plot, || cost_charts(&problem, &curves))?;
    let view = CostView {
        problem: problem.name(),
        curves: &curves,
        width: format::width::table_width(args.wide),
    };
    format::emit(out, &view, args.common.format).map_err(Failure::from)
}

/// One chart per `learning_curve` criterion, one under the other.
fn cost_charts(problem: &innorank::Problem, curves: &[innorank::pipeline::CriterionCurves]) -> String {
    innorank::present::chart::cost_all(problem, curves)
}
