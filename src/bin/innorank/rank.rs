//! `innorank rank`: screen, weigh, rank.

use std::io::IsTerminal as _;

use innorank::pipeline::{HeadToHead, VersusError};
use innorank::{RankOptions, RankReport};

use crate::cli::{Format, RankArgs};
use crate::failure::{Failure, finish, strict_nodes};
use crate::format::view::RankView;
pub use crate::format::width::{table_width, terminal_width};
use crate::{format, load_for, warn};

/// Rows a table shows when `--top` is not given.
const TABLE_ROWS: usize = 50;

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
    // The head-to-head and the chart see every ranked alternative, before
    // the table is cut to --top.
    let versus = head_to_head(args, &report)?;
    crate::plot::write(&args.plot, || {
        innorank::present::chart::rank_and_versus(&report, versus.as_ref())
    })?;
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
    // With --explain, the head-to-head follows the ranking in every format.
    let view = format::versus::RankAndVersus {
        rank: &view,
        versus: versus
            .as_ref()
            .filter(|_| args.explain)
            .map(|h| format::versus::VersusView {
                head_to_head: h,
                problem: &problem,
                width: table_width(args.wide),
            }),
    };
    let written = match args.common.format {
        Format::Xlsx => format::xlsx::rank(out, &report),
        other => format::emit(out, &view, other),
    }
    .map_err(Failure::from);
    let written = written.and_then(|()| out.flush().map_err(Failure::from));
    finish(out, written, inconsistent)
}

/// `-o FILE`, created or truncated.
fn create(path: &std::path::Path) -> Result<std::io::BufWriter<std::fs::File>, Failure> {
    let file = std::fs::File::create(path)
        .map_err(|e| anyhow::Error::new(e).context(format!("cannot create `{}`", path.display())))?;
    Ok(std::io::BufWriter::with_capacity(1 << 16, file))
}

/// The head-to-head that `--explain` prints and `--plot` draws: of
/// `--versus A,B`, else of the top two when two are ranked.
fn head_to_head(args: &RankArgs, report: &RankReport<'_>) -> Result<Option<HeadToHead>, Failure> {
    let pair = crate::report::pair(args.versus.as_deref())?;
    if !(args.explain || args.plot.plot.is_some()) {
        if pair.is_some() {
            warn(&args.common, ["--versus applies with --explain or --plot; ignored"]);
        }
        return Ok(None);
    }
    let pair = pair.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
    match innorank::pipeline::head_to_head(report, pair) {
        Ok(h) => Ok(Some(h)),
        Err(VersusError::TooFew { .. }) if pair.is_none() => Ok(None),
        Err(e) => Err(Failure::Rejected(e.to_string())),
    }
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
