//! Use the built-in criteria library from code: take the `risk` and
//! `relatedness` families with their default judgments between their
//! sub-criteria, weigh the two families, and rank:
//! `cargo run --example library_criteria`.

#![allow(clippy::print_stdout)] // an example shows its result

use innorank::problem::{CriterionBuilder, Problem, ProblemBuilder};

/// Three diversification options scored on two library families.
///
/// # Panics
///
/// Never: the problem is valid (`tests/examples.rs` builds it).
pub fn problem() -> Problem {
    let leaves = [
        "technical_risk",
        "market_risk",
        "financial_exposure",
        "shared_technology",
        "shared_markets",
        "shared_resources",
        "core_competences",
    ];
    let option = |values: [f64; 7]| -> Vec<(&'static str, f64)> { leaves.iter().copied().zip(values).collect() };
    ProblemBuilder::new("Diversification options")
        .criterion(CriterionBuilder::from_library("risk"))
        .criterion(CriterionBuilder::from_library("relatedness"))
        .compare("relatedness", "risk", 2.0)
        .alternative("attachments", &option([3.0, 3.0, 3.0, 9.0, 7.0, 7.0, 9.0]))
        .alternative("e-drives", &option([7.0, 5.0, 5.0, 5.0, 7.0, 5.0, 5.0]))
        .alternative("services", &option([3.0, 7.0, 3.0, 3.0, 9.0, 3.0, 5.0]))
        .build()
        .unwrap_or_else(|e| panic!("the example problem is valid: {e}"))
}

#[allow(dead_code)] // also compiled into tests/examples.rs
fn main() {
    let problem = problem();
    let report = innorank::rank(&problem, &Default::default()).expect("a validated problem ranks");
    for node in &report.weights.nodes {
        println!("{:<12} CR {:.4}", node.id, node.consistency.cr);
    }
    for r in &report.ranking {
        println!("{}. {} {:.4}", r.rank, r.id, r.score);
    }
}
