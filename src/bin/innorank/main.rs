//! The `innorank` command: parses arguments, calls the library, formats.

mod check;
mod cli;
mod compare;
mod cost;
mod criteria;
mod failure;
mod format;
mod init;
mod plot;
mod portfolio;
mod progress;
mod rank;
mod report;
mod reversal;
mod robustness;
mod schema;
mod sensitivity;
mod shell;
mod weights;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use clap::FromArgMatches;

use innorank::Problem;
use innorank::problem::{CriteriaLibrary, LoadOptions};

use cli::{Cli, Command, Common};
use failure::{Failure, is_broken_pipe};

fn main() -> ExitCode {
    // As `Cli::parse()`, keeping the matches to tell typed options from
    // defaults.
    let matches = shell::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut shell::command()).exit());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = cli
        .validate(&matches)
        .map_err(Failure::Rejected)
        .and_then(|warnings| {
            if !cli.quiet() {
                let mut stderr = std::io::stderr().lock();
                for w in warnings {
                    let _ = writeln!(stderr, "warning: {w}");
                }
            }
            match &cli.command {
                Command::Rank(args) => rank::run(args, &mut out),
                Command::Weights(args) => weights::run(args, &mut out),
                Command::Check(args) => check::run(args, &mut out),
                Command::Cost(args) => cost::run(args, &mut out),
                Command::Criteria(args) => criteria::run(args, &mut out),
                Command::Init(args) => init::run(args, &mut out),
                Command::Portfolio(args) => portfolio::run(args, &mut out),
                Command::Compare(args) => compare::run(args, &mut out),
                Command::Reversal(args) => reversal::run(args, &mut out),
                Command::Robustness(args) => robustness::run(args, &mut out),
                Command::Sensitivity(args) => sensitivity::run(args, &mut out),
                Command::Report(args) => report::run(args, &mut out),
                Command::Completions(args) => shell::completions(args, &mut out),
                Command::Man(args) => shell::man(args, &mut out),
                Command::Schema(args) => schema::run(args, &mut out),
            }
        })
        .and_then(|()| out.flush().map_err(Failure::from));
    let mut stderr = std::io::stderr().lock();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `innorank rank ... | head`: the reader left; not an error.
        Err(Failure::Other(e)) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(failure) => {
            match &failure {
                Failure::Invalid(diagnostics) => {
                    for d in diagnostics.iter() {
                        let _ = writeln!(stderr, "error: {d}");
                    }
                    if diagnostics.len() > 1 {
                        let _ = writeln!(
                            stderr,
                            "error: {} problems found; nothing was ranked",
                            diagnostics.len()
                        );
                    }
                }
                _ => {
                    let _ = writeln!(stderr, "error: {}", failure.message());
                }
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

/// Writes a command's text output.
fn emit(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes()).map_err(Failure::from)
}

/// Loads the problem named on the command line.
fn load(common: &Common) -> Result<Problem, Failure> {
    load_for(common, None)
}

/// Loads the problem named on the command line, to be ranked with
/// `rank_with`: data those options cannot rank is reported located, like
/// any invalid input (`rank` and `check` share this).
fn load_for(common: &Common, rank_with: Option<innorank::RankOptions>) -> Result<Problem, Failure> {
    load_admitted(common, rank_with.map(innorank::pipeline::rankable))
}

/// Loads the problem named on the command line, refusing what `admit`
/// finds, located.
fn load_admitted(common: &Common, admit: Option<innorank::problem::Admission>) -> Result<Problem, Failure> {
    let options = LoadOptions {
        max_size: common.max_size,
        // Without --criteria-dir the loader reads the built-in library
        // only if the problem uses it.
        library: common
            .criteria_dir
            .as_deref()
            .map(|dir| library(Some(dir)))
            .transpose()?,
        alternatives_csv: common.alternatives.clone(),
        base_dir: None,
        allow_outside_paths: common.allow_outside_paths,
        ignore_extra_columns: common.ignore_extra_columns,
        admit,
        max_csv_size: common.max_csv_size,
        csv_delimiter: common.delimiter,
        sheet: common.sheet.clone(),
    };
    let _spinner = progress::loading(common);
    Problem::from_path(&common.file, &options).map_err(Failure::Invalid)
}

/// The built-in criteria library, extended by `--criteria-dir`.
fn library(dir: Option<&std::path::Path>) -> Result<Arc<CriteriaLibrary>, Failure> {
    CriteriaLibrary::built_in_with(dir).map_err(Failure::Invalid)
}

/// Prints warnings on standard error unless `--quiet`.
fn warn<T: std::fmt::Display>(common: &Common, warnings: impl IntoIterator<Item = T>) {
    if common.quiet {
        return;
    }
    let mut stderr = std::io::stderr().lock();
    for w in warnings {
        let _ = writeln!(stderr, "warning: {w}");
    }
}
