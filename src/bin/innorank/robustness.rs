//! `innorank robustness`: SMAA, how often each alternative takes each rank
//! when the weights are drawn at random.

use innorank::pipeline::robustness::{RobustnessOptions, WeightRows, WeightsModel, robustness};

use crate::cli::RobustnessArgs;
use crate::failure::Failure;
use crate::format::robustness::RobustnessView;
use crate::{format, load_for, warn};

/// Rows a table shows; CSV and JSON get every row.
const TABLE_ROWS: usize = 50;

/// Below this many alternative scorings (draws times alternatives) a run
/// takes well under a second: no progress bar.
const PROGRESS_FROM: u64 = 20_000_000;

pub fn run(args: &RobustnessArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let rank = args.ranking.options(&args.ahp);
    let problem = load_for(&args.common, Some(rank))?;
    let weights = match (&args.weights_from, args.weights.as_deref()) {
        (Some(path), _) => Some(WeightsModel::Replay(replay(path, &problem)?)),
        (None, Some("judgments")) => Some(WeightsModel::Judgments),
        (None, Some("ordinal")) => Some(WeightsModel::Ordinal),
        (None, Some(_)) => Some(WeightsModel::Uniform),
        (None, None) => None,
    };
    let options = RobustnessOptions {
        rank,
        draws: args.draws,
        ranks: args.ranks.map(|r| usize::try_from(r).unwrap_or(usize::MAX)),
        seed: args.seed,
        weights,
        judgment_spread: args.judgment_spread,
        pairwise: args.pairwise,
    };
    let bar = progress_bar(args, &problem);
    let report = robustness(&problem, &options, &|done| bar.inc(done)).map_err(|e| match e {
        innorank::Error::Robustness(e) => Failure::Rejected(e.to_string()),
        e => Failure::from_rank(e),
    })?;
    bar.finish_and_clear();
    warn(&args.common, &report.warnings);
    if let Some(path) = &args.draws_out {
        let file = std::fs::File::create(path).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        let mut file = std::io::BufWriter::new(file);
        report
            .write_draws(&mut file)
            .and_then(|()| std::io::Write::flush(&mut file))
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    crate::plot::write(&args.plot, || innorank::present::chart::robustness(&report))?;
    let view = RobustnessView {
        report: &report,
        rows: match args.common.format {
            crate::cli::Format::Table | crate::cli::Format::Markdown => TABLE_ROWS,
            _ => usize::MAX,
        },
        width: crate::rank::table_width(args.wide),
    };
    format::emit(out, &view, args.common.format).map_err(Failure::from)
}

/// The weight rows of `--weights-from`, or a located error (exit 2).
fn replay(path: &std::path::Path, problem: &innorank::Problem) -> Result<WeightRows, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Rejected(format!("--weights-from {}: {e}", path.display())))?;
    let leaves: Vec<&str> = problem.criteria().leaves().map(|(c, _)| c.id.as_str()).collect();
    WeightRows::parse(&text, &leaves).map_err(|e| Failure::Rejected(format!("{}: {e}", path.display())))
}

/// A progress bar on standard error for long runs, hidden with `--quiet`
/// or when standard error is not a terminal.
fn progress_bar(args: &RobustnessArgs, problem: &innorank::Problem) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    let work = args.draws.saturating_mul(problem.alternatives().len() as u64);
    if args.common.quiet || !std::io::stderr().is_terminal() || work < PROGRESS_FROM {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(args.draws);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} draws, {eta} left") {
        bar.set_style(style);
    }
    bar
}
