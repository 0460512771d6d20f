//! `innorank report`: the self-contained HTML decision report.

use innorank::present::report::{ReportError, ReportOptions, build};

use crate::cli::ReportArgs;
use crate::failure::{Failure, finish, strict_nodes};
use crate::{load_for, warn};

pub fn run(args: &ReportArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let options = ReportOptions {
        rank: innorank::RankOptions {
            satisfactory: args.satisfactory,
            ..args.ranking.options(&args.ahp)
        },
        versus: pair(args.versus.as_deref())?,
        draws: args.draws,
        seed: args.seed,
    };
    let problem = load_for(&args.common, Some(options.rank))?;
    let report = build(&problem, &options).map_err(|e| match e {
        ReportError::Rank(e) => Failure::from_rank(e),
        e => Failure::Rejected(e.to_string()),
    })?;
    warn(&args.common, report.warnings());
    let html = report.html();
    let written = if args.output.as_os_str() == "-" {
        out.write_all(html.as_bytes()).map_err(Failure::from)
    } else {
        crate::plot::write_file(&args.output, &html)
    };
    finish(out, written, strict_nodes(&args.ahp, &report.rank.weights))
}

/// `--versus A,B` as a pair; anything but two ids is refused.
pub fn pair(ids: Option<&[String]>) -> Result<Option<(String, String)>, Failure> {
    match ids {
        None => Ok(None),
        Some([a, b]) => Ok(Some((a.clone(), b.clone()))),
        Some(other) => Err(Failure::Rejected(format!(
            "--versus takes two alternative ids, A,B; got {}",
            other.len()
        ))),
    }
}
