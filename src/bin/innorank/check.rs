//! `innorank check`: validate only, for the ranking options given.
//!
//! The problem is loaded as `rank` loads it with the same options, so data
//! those options cannot rank is reported located; then it is ranked (and
//! the ranking thrown away), so that every other error `rank` could meet
//! (weighting with `--aggregate aip`, `--strict`) is met here too.

use crate::cli::{CheckArgs, Format};
use crate::failure::{Failure, strict_nodes};
use crate::format::view::{CheckSummary, ErrorEntry, Invalid};
use crate::{format, load_for, warn};

pub fn run(args: &CheckArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let file = match args.common.file.to_str() {
        Some("-") => "<stdin>".to_owned(),
        _ => args.common.file.display().to_string(),
    };
    let verdict = verdict(args);
    if let (Err(failure), Format::Json) = (&verdict, args.common.format) {
        // A complete verdict on stdout; the errors also go to stderr.
        format::json::write(out, &invalid(&file, failure))?;
        out.flush()?;
    }
    let problem = verdict?;
    let summary = format::Wrapped {
        view: CheckSummary::new(&file, &problem),
        width: format::width::known_width(),
    };
    format::emit(out, &summary, args.common.format).map_err(Failure::from)
}

/// The problem if `rank` with the same options would rank it, else why not.
fn verdict(args: &CheckArgs) -> Result<innorank::Problem, Failure> {
    let options = args.ranking.options(&args.ahp);
    let problem = load_for(&args.common, Some(options))?;
    warn(&args.common, problem.warnings());
    let report = innorank::rank(&problem, &options).map_err(Failure::from_rank)?;
    let inconsistent = strict_nodes(&args.ahp, &report.weights);
    drop(report);
    if inconsistent.is_empty() {
        Ok(problem)
    } else {
        Err(Failure::Inconsistent(inconsistent))
    }
}

/// `check --format json` of `file` when `failure` stops `rank`.
fn invalid(file: &str, failure: &Failure) -> Invalid {
    Invalid::new(match failure {
        Failure::Invalid(diagnostics) => diagnostics.iter().map(ErrorEntry::from).collect(),
        _ => vec![ErrorEntry::unlocated(file, failure.message())],
    })
}
