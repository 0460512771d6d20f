//! `innorank cost`: average-cost curves of the `learning_curve` criteria.

use innorank::pipeline::curves;

use crate::cli::{CostArgs, Format};
use crate::{Failure, emit, format, load, warn};

pub fn run(args: &CostArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let problem = load(&args.common)?;
    warn(&args.common, &problem.warnings);
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
    let view = format::CostView {
        problem: &problem.name,
        curves: &curves,
    };
    let text = match args.common.format {
        Format::Json => format::json::to_string(&view)?,
        Format::Csv => format::csv::cost(&view)?,
        Format::Table => format::table::render(&format::grid::cost(&view)),
        Format::Markdown => format::markdown::render(&format::grid::cost(&view)),
    };
    emit(out, &text)
}
