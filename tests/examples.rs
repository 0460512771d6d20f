//! Every shipped example runs as it is and ranks as expected.

use crate::common::{Cli, innorank};

#[path = "../examples/rank_in_code.rs"]
mod rank_in_code;

#[path = "../examples/library_criteria.rs"]
mod library_criteria;

fn ranking(file: &str) -> Vec<(String, f64)> {
    let v = innorank(["rank", file, "--format", "json"]).json();
    v["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap().to_owned(), r["score"].as_f64().unwrap()))
        .collect()
}

#[test]
fn innovation_proposals_top_three() {
    let r = ranking("examples/innovation-proposals.yaml");
    let ids: Vec<&str> = r.iter().take(3).map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["p06", "p01", "p03"]);
}

#[test]
fn related_diversification_top_three() {
    let r = ranking("examples/related-diversification.yaml");
    let ids: Vec<&str> = r.iter().take(3).map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["d2", "d1", "d3"]);
}

#[test]
fn group_judgments_top_three() {
    let r = ranking("examples/group-judgments.yaml");
    let ids: Vec<&str> = r.iter().take(3).map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["b6", "b7", "b2"]);
}

#[test]
fn rank_in_code_example_ranks_the_gearbox_first_and_screens_the_loader() {
    let problem = rank_in_code::problem();
    let report = rank_in_code::rank(&problem);
    let ids: Vec<&str> = report.ranking.iter().map(|r| r.id).collect();
    assert_eq!(ids, ["gearbox", "telematics", "e-drive"]);
    assert_eq!(report.screened_out[0].id, "autonomy");
    assert_eq!(report.ranking.first().unwrap().satisfactory, Some(true));
}

#[test]
fn library_criteria_example_uses_library_judgments() {
    let problem = library_criteria::problem();
    let report = innorank::rank(&problem, &Default::default()).unwrap();
    assert_eq!(report.ranking.first().unwrap().id, "attachments");
    // risk and relatedness bring their sub-criteria's default judgments.
    let sources: Vec<_> = report
        .weights
        .nodes
        .iter()
        .map(|n| problem.criteria().weighting(n.node).unwrap().source())
        .collect();
    assert!(sources.iter().all(|s| *s == "comparisons"));
    assert_eq!(report.weights.nodes.len(), 3);
}

#[test]
fn large_csv_portfolio_ranks_from_any_directory() {
    // The CSV path in large.yaml is relative to the YAML file, not to the
    // working directory.
    let r = ranking("examples/large.yaml");
    assert_eq!(r.len(), 7397, "10,000 candidates minus those screened out");
    let ids: Vec<&str> = r.iter().take(3).map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["c07685", "c04404", "c07467"]);
    let out = Cli::new()
        .current_dir("examples")
        .args(["rank", "large.yaml", "--format", "csv", "--top", "1"])
        .stdout();
    assert!(out.lines().nth(1).unwrap().starts_with("1,c07685,"));
}
