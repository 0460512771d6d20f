//! `innorank rank`: screen, weigh, rank.

use innorank::RankOptions;

use crate::cli::{Format, RankArgs};
use crate::{Failure, format, load, warn};

pub fn run(args: &RankArgs) -> Result<String, Failure> {
    let problem = load(&args.common)?;
    let options = RankOptions {
        normalization: args.normalization.into(),
        ahp_method: args.ahp.ahp_method.into(),
        cr_threshold: args.ahp.cr_threshold,
        satisfactory: args.satisfactory,
        explain: args.explain,
    };
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
    if let Some(n) = args.top {
        report.ranking.truncate(n);
    }
    Ok(match args.common.format {
        Format::Json => format::json::to_string(&report)?,
        Format::Csv => {
            if !report.screened_out.is_empty() {
                let ids: Vec<&str> = report.screened_out.iter().map(|s| s.id.as_str()).collect();
                warn(
                    &args.common,
                    [format!("screened out (not in the CSV): {}", ids.join(", "))],
                );
            }
            format::csv::rank(&report)?
        }
        Format::Table => format::table::render(&format::grid::rank(&report)),
        Format::Markdown => format::markdown::render(&format::grid::rank(&report)),
    })
}
