//! `innorank check`: validate only.

use crate::cli::{CheckArgs, Format};
use crate::{Failure, format, load, warn};

pub fn run(args: &CheckArgs) -> Result<String, Failure> {
    let problem = load(&args.common)?;
    warn(&args.common, &problem.warnings);
    let summary = format::CheckSummary::new(&args.common.file.display().to_string(), &problem);
    Ok(match args.common.format {
        Format::Json => format::json::to_string(&summary)?,
        Format::Csv => format::csv::check(&summary)?,
        Format::Table | Format::Markdown => format!("{}\n", summary.sentence()),
    })
}
