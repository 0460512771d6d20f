//! Build an innovation-screening problem in code and rank it through the
//! library API: `cargo run --example rank_in_code`.

#![allow(clippy::print_stdout)] // an example shows its result

use innorank::problem::{CriterionBuilder, Problem, ProblemBuilder};
use innorank::{RankOptions, RankReport};

/// Four proposals judged on risk (two sub-criteria), relatedness, cost and
/// the balance between depth and breadth.
///
/// # Panics
///
/// Never: the problem is valid (`tests/examples.rs` builds it).
pub fn problem() -> Problem {
    ProblemBuilder::new("Platform team proposals")
        .criterion(
            CriterionBuilder::parent(
                "risk",
                vec![
                    CriterionBuilder::leaf("technical_risk").cost().scale(1.0, 9.0),
                    CriterionBuilder::leaf("financial_exposure").cost().scale(1.0, 9.0),
                ],
            )
            // A failure is carried alone: exposure matters twice as much.
            .compare("financial_exposure", "technical_risk", 2.0),
        )
        .criterion(CriterionBuilder::leaf("relatedness").scale(1.0, 9.0))
        .criterion(CriterionBuilder::leaf("cost").cost().name("Development cost (kCNY)"))
        .criterion(CriterionBuilder::leaf("depth_breadth").target(5.0).scale(1.0, 9.0))
        .compare("risk", "cost", 3.0)
        .compare("relatedness", "risk", 1.0)
        .compare("relatedness", "cost", 3.0)
        .compare("risk", "depth_breadth", 4.0)
        .compare("relatedness", "depth_breadth", 4.0)
        .compare("cost", "depth_breadth", 2.0)
        .named_alternative(
            "gearbox",
            Some("Modular gearbox platform"),
            &[
                ("technical_risk", 3.0),
                ("financial_exposure", 3.0),
                ("relatedness", 8.0),
                ("cost", 400.0),
                ("depth_breadth", 3.0),
            ],
        )
        .named_alternative(
            "e-drive",
            Some("Electric drive retrofit"),
            &[
                ("technical_risk", 6.0),
                ("financial_exposure", 5.0),
                ("relatedness", 6.0),
                ("cost", 900.0),
                ("depth_breadth", 6.0),
            ],
        )
        .named_alternative(
            "telematics",
            Some("Telematics service"),
            &[
                ("technical_risk", 4.0),
                ("financial_exposure", 2.0),
                ("relatedness", 4.0),
                ("cost", 300.0),
                ("depth_breadth", 8.0),
            ],
        )
        .named_alternative(
            "autonomy",
            Some("Autonomous loader"),
            &[
                ("technical_risk", 9.0),
                ("financial_exposure", 9.0),
                ("relatedness", 5.0),
                ("cost", 2500.0),
                ("depth_breadth", 7.0),
            ],
        )
        // Screening: the firm could not survive a total failure of this size alone.
        .screen("financial_exposure", None, Some(8.0))
        .build()
        .unwrap_or_else(|e| panic!("the example problem is valid: {e}"))
}

/// Ranks the problem with the defaults (AHP eigenvector weights, TOPSIS with
/// vector normalisation), marking scores of 0.5 or more as satisfactory.
///
/// # Panics
///
/// Never for a problem from [`problem`]: a validated problem ranks.
pub fn rank(problem: &Problem) -> RankReport<'_> {
    let options = RankOptions {
        satisfactory: Some(0.5),
        ..RankOptions::default()
    };
    innorank::rank(problem, &options).expect("a validated problem ranks")
}

#[allow(dead_code)] // also compiled into tests/examples.rs, which calls the functions above
fn main() {
    let problem = problem();
    let report = rank(&problem);
    for (leaf, weight) in report.leaf_weights() {
        println!("weight {leaf:<20} {weight:.3}");
    }
    for r in &report.ranking {
        let mark = if r.satisfactory == Some(true) {
            "satisfactory"
        } else {
            ""
        };
        println!("{:>2}. {:<12} {:.4} {mark}", r.rank, r.id, r.score);
    }
    for s in &report.screened_out {
        let reasons: Vec<String> = s.reasons().iter().map(ToString::to_string).collect();
        println!("screened out: {} ({})", s.id, reasons.join("; "));
    }
}
