//! `innorank rank`: screen, weigh, rank.

use std::io::IsTerminal as _;

use innorank::{RankOptions, RankReport};

use crate::cli::{Format, RankArgs};
use crate::failure::{Failure, finish, strict_nodes};
use crate::format::view::RankView;
use crate::{format, load_for, warn};

/// Rows a table shows when `--top` is not given.
const TABLE_ROWS: usize = 50;

/// The width a table is fitted to when neither `COLUMNS` nor a terminal
/// tells: a table written to a file or a CI log is still read by people,
/// and 100 columns fit a laptop's terminal, an editor and a code review.
const DEFAULT_WIDTH: usize = 100;

pub fn run(args: &RankArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let options = RankOptions {
        satisfactory: args.satisfactory,
        ..args.ranking.options(&args.ahp)
    };
    let problem = load_for(&args.common, Some(options))?;
    let mut report = innorank::rank(&problem, &options).map_err(Failure::from_rank)?;
    warn(&args.common, &report.warnings);
    // With --strict the ranking is still printed (its footer names the
    // inconsistent nodes); the exit code says it must not be used.
    let inconsistent = strict_nodes(&args.ahp, &report.weights);
    // A table for people shows the top rows unless told otherwise; CSV and
    // JSON are for programs and get every row.
    let shown = match (args.top, args.common.format) {
        (Some(n), _) => Some(n),
        (None, Format::Table | Format::Markdown) => Some(TABLE_ROWS),
        (None, Format::Csv | Format::Json | Format::Xlsx) => None,
    };
    if let Some(n) = shown {
        report.ranking.truncate(n);
    }
    if args.common.format == Format::Csv && !report.screened_out.is_empty() {
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
    let view = RankView {
        changed: changed_options(args, &report),
        width: table_width(args.wide),
        report: &report,
        explain: args.explain,
    };
    let mut file = match &args.output {
        Some(path) => Some(create(path)?),
        None if args.common.format == Format::Xlsx && std::io::stdout().is_terminal() => {
            return Err(Failure::Rejected(
                "--format xlsx writes a workbook: name the file with -o FILE".to_owned(),
            ));
        }
        None => None,
    };
    let out: &mut dyn std::io::Write = match file.as_mut() {
        Some(file) => file,
        None => out,
    };
    let written = match args.common.format {
        Format::Xlsx => format::xlsx::rank(out, &report),
        other => format::emit(out, &view, other),
    }
    .map_err(Failure::from)
    .and_then(|()| out.flush().map_err(Failure::from));
    finish(out, written, inconsistent)
}

/// `-o FILE`, created or truncated.
fn create(path: &std::path::Path) -> Result<std::io::BufWriter<std::fs::File>, Failure> {
    let file = std::fs::File::create(path)
        .map_err(|e| anyhow::Error::new(e).context(format!("cannot create `{}`", path.display())))?;
    Ok(std::io::BufWriter::with_capacity(1 << 16, file))
}

/// The width the table is fitted to: none with `--wide`; else `COLUMNS`
/// when it holds a positive number; else the terminal's width, from
/// standard output or, when that is piped or redirected
/// (`innorank rank ... | less`), from standard error; else
/// [`DEFAULT_WIDTH`].
pub fn table_width(wide: bool) -> Option<usize> {
    if wide {
        return None;
    }
    Some(terminal_width())
}

/// `COLUMNS` when it holds a positive number, else the terminal's width,
/// else [`DEFAULT_WIDTH`] (see [`table_width`]).
pub fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| w > 0);
    let terminal = || {
        terminal_size::terminal_size_of(std::io::stdout())
            .or_else(|| terminal_size::terminal_size_of(std::io::stderr()))
            .map(|(terminal_size::Width(w), _)| usize::from(w))
            .filter(|&w| w > 0)
    };
    columns.or_else(terminal).unwrap_or(DEFAULT_WIDTH)
}

/// The options that changed the result from their defaults, as typed on
/// the command line, for the table's footer. An option that cannot change
/// this result is left out: `--normalization` with `--method ahp`,
/// `--synthesis` with TOPSIS, `--completion` when no judgment was missing,
/// `--aggregate` without judges.
fn changed_options(args: &RankArgs, report: &RankReport<'_>) -> Vec<String> {
    let o = &report.options;
    let d = RankOptions::default();
    let nodes = &report.weights.nodes;
    let mut changed = Vec::new();
    if o.method != d.method {
        changed.push(format!("--method {}", o.method.name()));
    }
    if o.method == innorank::Method::Topsis && o.normalization != d.normalization {
        changed.push(format!("--normalization {}", o.normalization.name()));
    }
    if o.method == innorank::Method::Ahp && o.synthesis != d.synthesis {
        changed.push(format!("--synthesis {}", o.synthesis.name()));
    }
    let (w, dw) = (&o.weighing, &d.weighing);
    if w.ahp.method != dw.ahp.method {
        changed.push(format!("--ahp-method {}", w.ahp.method.name()));
    }
    if w.ahp.completion != dw.ahp.completion && nodes.iter().any(|n| !n.estimated.is_empty()) {
        changed.push(format!("--completion {}", w.ahp.completion.name()));
    }
    if w.ahp.random_index != dw.ahp.random_index {
        changed.push(format!("--ri {}", w.ahp.random_index.name()));
    }
    if w.aggregation != dw.aggregation && nodes.iter().any(|n| !n.judges.is_empty()) {
        changed.push(format!("--aggregate {}", w.aggregation.name()));
    }
    if w.cr_threshold != dw.cr_threshold {
        changed.push(format!("--cr-threshold {}", format::number::exact(w.cr_threshold)));
    }
    if let Some(x) = o.satisfactory {
        changed.push(format!("--satisfactory {}", format::number::exact(x)));
    }
    if let Some(n) = args.top {
        changed.push(format!("--top {n}"));
    }
    if let Some(file) = &args.common.alternatives {
        changed.push(format!("--alternatives {}", file.display()));
    }
    if let Some(dir) = &args.common.criteria_dir {
        changed.push(format!("--criteria-dir {}", dir.display()));
    }
    changed
}
