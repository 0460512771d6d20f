//! `innorank sensitivity`: how far each weight can move, one at a time.

use innorank::pipeline::sensitivity::{SensitivityError, SensitivityOptions, curve, sensitivity};

use crate::cli::SensitivityArgs;
use crate::failure::{Failure, finish, strict_nodes};
use crate::format::sensitivity::{CurveView, SensitivityView};
use crate::rank::terminal_width;
use crate::{format, load_for, warn};

pub fn run(args: &SensitivityArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let rank = args.ranking.options(&args.ahp);
    let problem = load_for(&args.common, Some(rank))?;
    let width = Some(terminal_width());
    let (written, weights) = match &args.curve {
        Some(node) => {
            let curve = curve(&problem, &rank, node, args.steps as usize).map_err(failure)?;
            warn(&args.common, &curve.warnings);
            crate::plot::write(&args.plot, || innorank::present::chart::curve(&curve))?;
            let view = CurveView { curve: &curve, width };
            (format::emit(out, &view, args.common.format), curve.weights)
        }
        None => {
            let options = SensitivityOptions {
                rank,
                shortlist: args.shortlist,
                judgments: args.judgments,
            };
            let report = sensitivity(&problem, &options).map_err(failure)?;
            warn(&args.common, &report.warnings);
            crate::plot::write(&args.plot, || innorank::present::chart::sensitivity(&report))?;
            let view = SensitivityView { report: &report, width };
            (format::emit(out, &view, args.common.format), report.weights)
        }
    };
    // With --strict the analysis is still printed; the exit code says it
    // rests on inconsistent judgments.
    finish(out, written.map_err(Failure::from), strict_nodes(&args.ahp, &weights))
}

/// Data the options cannot rank and a node that is not there or cannot
/// move are refused (exit 2), like invalid input.
fn failure(e: SensitivityError) -> Failure {
    match e {
        SensitivityError::Rank(e) => Failure::from_rank(e),
        e => Failure::Rejected(e.to_string()),
    }
}
