//! `innorank check`: validate only, for the ranking options given.
//!
//! The problem is loaded as `rank` loads it with the same options, so data
//! those options cannot rank is reported located; then it is ranked (and
//! the ranking thrown away), so that every other error `rank` could meet
//! (weighting with `--aggregate aip`, `--strict`) is met here too.

use serde::Serialize;

use innorank::problem::Diagnostic;

use crate::cli::{CheckArgs, Format};
use crate::{Failure, emit, format, load_for, warn};

pub fn run(args: &CheckArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let file = match args.common.file.to_str() {
        Some("-") => "<stdin>".to_owned(),
        _ => args.common.file.display().to_string(),
    };
    let verdict = verdict(args);
    if let (Err(failure), Format::Json) = (&verdict, args.common.format) {
        // A complete verdict on stdout; the errors also go to stderr.
        let text = format::json::to_string(&Invalid::new(&file, failure))?;
        emit(out, &text)?;
        out.flush()?;
    }
    let problem = verdict?;
    let summary = format::CheckSummary::new(&file, &problem);
    let text = match args.common.format {
        Format::Json => format::json::to_string(&summary)?,
        Format::Csv => format::csv::check(&summary)?,
        Format::Table | Format::Markdown => format!("{}\n", summary.sentence()),
    };
    emit(out, &text)
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

/// `check --format json` of an input that is not valid.
#[derive(Serialize)]
struct Invalid {
    valid: bool,
    errors: Vec<ErrorEntry>,
}

/// One error of [`Invalid`]; `line`, `column` and `path` are null where
/// the error has none.
#[derive(Serialize)]
struct ErrorEntry {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    path: Option<String>,
    message: String,
}

impl Invalid {
    fn new(file: &str, failure: &Failure) -> Self {
        let unlocated = |message: String| ErrorEntry {
            file: file.to_owned(),
            line: None,
            column: None,
            path: None,
            message,
        };
        let errors = match failure {
            Failure::Invalid(diagnostics) => diagnostics.iter().map(ErrorEntry::from).collect(),
            Failure::Rejected(message) => vec![unlocated(message.clone())],
            Failure::Inconsistent(nodes) => vec![unlocated(format!(
                "--strict: inconsistent judgments at {}; see `innorank weights`",
                nodes.join(", ")
            ))],
            Failure::Other(e) => vec![unlocated(format!("{e:#}"))],
        };
        Invalid { valid: false, errors }
    }
}

impl From<&Diagnostic> for ErrorEntry {
    fn from(d: &Diagnostic) -> Self {
        let l = &d.location;
        ErrorEntry {
            file: l.source.clone(),
            line: l.line,
            column: l.column,
            path: Some(l.path.clone()).filter(|p| !p.is_empty()),
            message: d.kind.to_string(),
        }
    }
}
