//! `innorank rank`: screen, weigh, rank.

use innorank::RankOptions;

use crate::cli::{Format, RankArgs};
use crate::{Failure, emit, format, load_for, warn};

/// Rows a table shows when `--top` is not given.
const TABLE_ROWS: usize = 50;

pub fn run(args: &RankArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let options = RankOptions {
        satisfactory: args.satisfactory,
        explain: args.explain,
        ..args.ranking.options(&args.ahp)
    };
    let problem = load_for(&args.common, Some(options))?;
    let mut report = innorank::rank(&problem, &options)?;
    warn(&args.common, &report.warnings);
    if args.ahp.strict && report.has_inconsistency() {
        let nodes = report
            .weights
            .nodes
            .iter()
            .filter(|n| !n.consistent)
            .map(|n| format!("`{}`", n.id));
        return Err(Failure::Inconsistent(nodes.collect()));
    }
    // A table for people shows the top rows unless told otherwise; CSV and
    // JSON are for programs and get every row.
    let shown = match (args.top, args.common.format) {
        (Some(n), _) => Some(n),
        (None, Format::Table | Format::Markdown) => Some(TABLE_ROWS),
        (None, Format::Csv | Format::Json) => None,
    };
    if let Some(n) = shown {
        report.ranking.truncate(n);
    }
    match args.common.format {
        Format::Json => format::json::rank(out, &report),
        Format::Csv => {
            if !report.screened_out.is_empty() {
                let ids: Vec<&str> = report.screened_out.iter().take(10).map(|s| s.id).collect();
                let more = report.screened_out.len().saturating_sub(ids.len());
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                warn(
                    &args.common,
                    [format!("screened out (not in the CSV): {}{more}", ids.join(", "))],
                );
            }
            format::csv::rank(&report, out)
        }
        Format::Table => emit(out, &format::table::render(&format::grid::rank(&report))),
        Format::Markdown => emit(out, &format::markdown::render(&format::grid::rank(&report))),
    }
}
