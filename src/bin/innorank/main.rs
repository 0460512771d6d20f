//! The `innorank` command: parses arguments, calls the library, formats.

mod check;
mod cli;
mod cost;
mod criteria;
mod format;
mod init;
mod rank;
mod weights;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches};

use innorank::Problem;
use innorank::ahp::{HierarchyWeights, WeighError};
use innorank::problem::{CriteriaLibrary, Diagnostics, LoadOptions};

use cli::{AhpArgs, Cli, Command, Common};

/// Why a command did not succeed, mapped to the exit codes of the CLI
/// contract.
#[derive(Debug)]
pub enum Failure {
    /// Invalid input (exit 2).
    Invalid(Diagnostics),
    /// The input cannot be used as the options ask (exit 2), e.g. AHP
    /// ranking on a target criterion without comparisons.
    Rejected(String),
    /// `--strict` and an inconsistent node (exit 3).
    Inconsistent(Vec<String>),
    /// Anything else (exit 1).
    Other(anyhow::Error),
}

impl Failure {
    /// Why `innorank::rank` refused: invalid input, or data or options AHP
    /// cannot use (exit 2); anything else exits 1.
    pub fn from_rank(e: innorank::Error) -> Self {
        match e {
            innorank::Error::Input(d) => Failure::Invalid(d),
            e @ (innorank::Error::AhpRanking { .. } | innorank::Error::Weighing(_)) => Failure::Rejected(e.to_string()),
            e => Failure::Other(e.into()),
        }
    }

    /// What the failure says after `error: `; for invalid input, its
    /// diagnostics, one per line.
    pub fn message(&self) -> String {
        match self {
            Failure::Invalid(diagnostics) => diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            Failure::Rejected(message) => message.clone(),
            Failure::Inconsistent(nodes) => format!(
                "--strict: inconsistent judgments at {}; see `innorank weights`",
                nodes.join(", ")
            ),
            Failure::Other(e) => format!("{e:#}"),
        }
    }

    /// Why the weights cannot be derived with the options chosen (exit 2).
    pub fn from_weigh(e: WeighError) -> Self {
        Failure::Rejected(e.to_string())
    }
}

/// Errors that are none of the CLI contract's: output, files written.
impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

/// Writing the output failed (a closed pipe is told apart in `main`).
impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Other(e.into())
    }
}

fn main() -> ExitCode {
    // As `Cli::parse()`, keeping the matches to tell typed options from
    // defaults.
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut Cli::command()).exit());
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
            }
        })
        .and_then(|()| out.flush().map_err(Failure::from));
    let mut stderr = std::io::stderr().lock();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `innorank rank ... | head`: the reader left; not an error.
        Err(Failure::Other(e)) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(Failure::Invalid(diagnostics)) => {
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
            ExitCode::from(2)
        }
        Err(failure) => {
            let _ = writeln!(stderr, "error: {}", failure.message());
            match failure {
                Failure::Inconsistent(_) => ExitCode::from(3),
                Failure::Other(_) => ExitCode::from(1),
                Failure::Invalid(_) | Failure::Rejected(_) => ExitCode::from(2),
            }
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
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
        rank_with,
        max_csv_size: common.max_csv_size,
        csv_delimiter: common.delimiter,
    };
    Problem::from_path(&common.file, &options).map_err(Failure::Invalid)
}

/// The built-in criteria library, extended by `--criteria-dir`.
fn library(dir: Option<&std::path::Path>) -> Result<Arc<CriteriaLibrary>, Failure> {
    let built_in = CriteriaLibrary::built_in();
    let Some(dir) = dir else {
        return Ok(built_in);
    };
    let mut library = (*built_in).clone();
    library.add_dir(dir).map_err(Failure::Invalid)?;
    Ok(Arc::new(library))
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

/// With `--strict`, the inconsistent nodes of `weights` as the error names
/// them (`` `node` ``); none without `--strict`.
fn strict_nodes(ahp: &AhpArgs, weights: &HierarchyWeights) -> Vec<String> {
    if !ahp.strict {
        return Vec::new();
    }
    weights
        .nodes
        .iter()
        .filter(|n| !n.consistent)
        .map(|n| format!("`{}`", n.id))
        .collect()
}

/// Ends a command whose output is written: with `--strict` and an
/// inconsistent node (`inconsistent`, from [`strict_nodes`]), exit 3 once
/// the output has reached standard output (flushed first, so that the
/// error follows the table in a terminal). An output error wins, except a
/// closed pipe: the reader left, but the judgments are still inconsistent.
fn finish(out: &mut dyn Write, written: Result<(), Failure>, inconsistent: Vec<String>) -> Result<(), Failure> {
    if inconsistent.is_empty() {
        return written;
    }
    let written = written.and_then(|()| out.flush().map_err(Failure::from));
    match written {
        Err(Failure::Other(e)) if !is_broken_pipe(&e) => Err(Failure::Other(e)),
        Err(other @ (Failure::Invalid(_) | Failure::Rejected(_))) => Err(other),
        _ => Err(Failure::Inconsistent(inconsistent)),
    }
}
