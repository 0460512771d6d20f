//! Why a command did not succeed, and the exit code each reason gets.

use std::io::Write;

use innorank::pipeline::{HierarchyWeights, WeighError};
use innorank::problem::Diagnostics;

use crate::cli::AhpArgs;

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
    /// `--strict` and a failed check, named (exit 3).
    CheckFailed(Vec<&'static str>),
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

    /// The exit code of the CLI contract: 2 for input that cannot be used,
    /// 3 for `--strict` and inconsistent judgments, 1 for anything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Invalid(_) | Failure::Rejected(_) => 2,
            Failure::Inconsistent(_) | Failure::CheckFailed(_) => 3,
            Failure::Other(_) => 1,
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
            Failure::CheckFailed(checks) => format!("--strict: failed check(s): {}", checks.join(", ")),
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

/// Whether `e` is, or was caused by, writing to a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// With `--strict`, the inconsistent nodes of `weights` as the error names
/// them (`` `node` ``); none without `--strict`.
pub fn strict_nodes(ahp: &AhpArgs, weights: &HierarchyWeights) -> Vec<String> {
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
pub fn finish(out: &mut dyn Write, written: Result<(), Failure>, inconsistent: Vec<String>) -> Result<(), Failure> {
    let failure = (!inconsistent.is_empty()).then_some(Failure::Inconsistent(inconsistent));
    finish_with(out, written, failure)
}

/// Ends a command whose output is written, as [`finish`] does, with
/// `failure` (a `--strict` finding, exit 3) if any.
pub fn finish_with(out: &mut dyn Write, written: Result<(), Failure>, failure: Option<Failure>) -> Result<(), Failure> {
    let Some(failure) = failure else {
        return written;
    };
    let written = written.and_then(|()| out.flush().map_err(Failure::from));
    match written {
        Err(Failure::Other(e)) if !is_broken_pipe(&e) => Err(Failure::Other(e)),
        Err(other @ (Failure::Invalid(_) | Failure::Rejected(_))) => Err(other),
        _ => Err(failure),
    }
}
