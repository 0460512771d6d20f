//! `innorank check`: validate only, for the ranking options given.
//!
//! The problem is loaded as `rank` loads it with the same options, so data
//! those options cannot rank is reported located; then it is ranked (and
//! the ranking thrown away), so that every other error `rank` could meet
//! (weighting with `--aggregate aip`, `--strict`) is met here too.

use crate::cli::{CheckArgs, Format};
use crate::format::view::{CheckSummary, ErrorEntry, Invalid};
use crate::{Failure, format, load_for, warn};

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
    let summary = CheckSummary::new(&file, &problem);
    format::emit(out, &summary, args.common.format).map_err(Failure::from)
}

/// The problem if `rank` with the same options would rank it, else why not.
fn verdict(args: &CheckArgs) -> Result<innorank::Problem, Failure> {
    let options = args.ranking.options(&args.ahp);
    let problem = load_for(&args.common, Some(options))?;
    warn(&args.common, &problem.warnings);
    let report = innorank::rank(&problem, &options)?;
    if args.ahp.strict && report.has_inconsistency() {
        let nodes = report.weights.nodes.iter().filter(|n| !n.consistent);
        return Err(Failure::Inconsistent(nodes.map(|n| format!("`{}`", n.id)).collect()));
    }
    drop(report);
    Ok(problem)
}

/// `check --format json` of `file` when `failure` stops `rank`.
fn invalid(file: &str, failure: &Failure) -> Invalid {
    let unlocated = |message: String| vec![ErrorEntry::unlocated(file, message)];
    Invalid::new(match failure {
        Failure::Invalid(diagnostics) => diagnostics.iter().map(ErrorEntry::from).collect(),
        Failure::Rejected(message) => unlocated(message.clone()),
        Failure::Inconsistent(nodes) => unlocated(format!(
            "--strict: inconsistent judgments at {}; see `innorank weights`",
            nodes.join(", ")
        )),
        Failure::Other(e) => unlocated(format!("{e:#}")),
    })
}
