//! `--plot FILE.svg`: writes a command's chart (drawn by
//! `innorank::present::chart`) beside its usual output.

use crate::cli::PlotArgs;
use crate::failure::Failure;

/// Writes the chart `draw` makes to the `--plot` file, if one was named;
/// the chart is drawn only then.
pub fn write(args: &PlotArgs, draw: impl FnOnce() -> String) -> Result<(), Failure> {
    match &args.plot {
        Some(path) => write_file(path, &draw()),
        None => Ok(()),
    }
}

/// Writes `text` to `path`, with the path in the error.
pub fn write_file(path: &std::path::Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()).into())
}
