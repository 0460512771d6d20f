//! `innorank check`: validate only.

use crate::cli::{CheckArgs, Format};
use crate::{Failure, emit, format, load, warn};

pub fn run(args: &CheckArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let problem = load(&args.common)?;
    warn(&args.common, &problem.warnings);
    let file = match args.common.file.to_str() {
        Some("-") => "<stdin>".to_owned(),
        _ => args.common.file.display().to_string(),
    };
    let summary = format::CheckSummary::new(&file, &problem);
    let text = match args.common.format {
        Format::Json => format::json::to_string(&summary)?,
        Format::Csv => format::csv::check(&summary)?,
        Format::Table | Format::Markdown => format!("{}\n", summary.sentence()),
    };
    emit(out, &text)
}
