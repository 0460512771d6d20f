//! The innovation-cluster domain: the criteria library, `use`, derived
//! criteria, `cost`, `criteria` and `init`.

use innorank::problem::{CriteriaLibrary, CriterionKind, Derivation, Derive};
use innorank::{Direction, Problem};

use crate::common::{Cli, Dir, load};

/// `innorank` (without `COLUMNS`, as every run of the harness).
fn innorank() -> Cli {
    Cli::new()
}

fn errors(yaml: &str) -> Vec<String> {
    Problem::from_yaml_str(yaml, "t.yaml")
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn built_in_library_has_every_family_with_full_rubrics() {
    let library = CriteriaLibrary::built_in();
    let ids: Vec<&str> = library.entries().iter().map(|e| e.id.as_str()).collect();
    for family in [
        "risk",
        "depth_breadth",
        "relatedness",
        "cost",
        "knowledge_reuse",
        "market_demand",
        "time_to_market",
    ] {
        assert!(ids.contains(&family), "{family} missing from {ids:?}");
    }
    let mut seen = std::collections::HashSet::new();
    for entry in library.entries() {
        let top = entry.criteria.node(1);
        assert!(
            top.description.as_deref().is_some_and(|d| !d.trim().is_empty()),
            "{}",
            top.id
        );
        for (c, leaf) in entry.criteria.leaves() {
            assert!(seen.insert(c.id.clone()), "leaf id {} used twice in the library", c.id);
            let keys: Vec<&str> = leaf.rubric.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(keys, ["1", "3", "5", "7", "9"], "rubric of {}", c.id);
            assert!(leaf.scale.is_some() && c.description.is_some(), "{}", c.id);
        }
    }
    let sub = |family: &str| -> Vec<String> {
        library
            .get(family)
            .unwrap()
            .criteria
            .leaves()
            .map(|(c, _)| c.id.clone())
            .collect()
    };
    assert_eq!(sub("risk"), ["technical_risk", "market_risk", "financial_exposure"]);
    assert_eq!(
        sub("relatedness"),
        [
            "shared_technology",
            "shared_markets",
            "shared_resources",
            "core_competences"
        ]
    );
    assert_eq!(sub("cost"), ["fixed_cost", "variable_cost_effect", "scale_needed"]);
    let (_, depth) = library.get("depth_breadth").unwrap().criteria.leaves().next().unwrap();
    assert!(matches!(depth.direction, Direction::Target(_)));
}

#[test]
fn library_families_default_judgments_are_consistent() {
    for entry in CriteriaLibrary::built_in().entries() {
        let w = innorank::pipeline::weigh_with(
            &entry.criteria,
            &innorank::pipeline::WeighOptions::with_method(innorank::ahp::PriorityMethod::Eigen),
        )
        .unwrap();
        for node in &w.nodes {
            assert!(
                node.consistent,
                "{} node {} has CR {}",
                entry.id, node.id, node.consistency.cr
            );
        }
    }
}

#[test]
fn use_pulls_a_library_criterion_and_keys_beside_it_override() {
    let p = load(
        r#"
name: u
criteria:
  - {use: risk, weight: 3}
  - {use: depth_breadth, target: 3, weight: 2}
  - {use: market_demand, weight: 1}
alternatives:
  - id: a
    scores: {technical_risk: 3, market_risk: low, financial_exposure: 5, depth_breadth: 3, market_demand: 7}
"#,
    );
    let (_, depth) = p.criteria().leaf("depth_breadth").unwrap();
    assert_eq!(depth.direction, Direction::Target(3.0));
    let (_, market) = p.criteria().leaf("market_risk").unwrap();
    assert_eq!(market.rubric.len(), 5);
    // The level name from the library works in scores.
    assert_eq!(p.scores().get(0, market.column), 3.0);
    // `risk` brings its sub-criteria and its default judgments.
    let risk = p.criteria().nodes().iter().find(|n| n.id == "risk").unwrap();
    assert!(
        matches!(&risk.kind, CriterionKind::Parent(parent) if matches!(parent.weighting, innorank::problem::Weighting::Judgments(_)))
    );
}

#[test]
fn use_of_a_sub_criterion_works_on_its_own() {
    let p = load(
        "name: s\ncriteria: [{use: financial_exposure}, {use: core_competences}]\nalternatives:\n  - {id: a, scores: {financial_exposure: 3, core_competences: 7}}\n",
    );
    assert_eq!(p.criteria().leaves().count(), 2);
}

#[test]
fn unknown_library_name_is_an_error_listing_the_library() {
    let e = errors("name: s\ncriteria: [{use: riks}]\nalternatives: [{id: a, scores: {}}]\n");
    assert_eq!(
        e,
        [
            "t.yaml:2:18: criteria[0].use: `riks` is not in the criteria library (did you mean `risk`?); it has `cost`, `depth_breadth`, `knowledge_reuse`, `market_demand`, `relatedness`, `risk`, `time_to_market`"
        ],
        "one error, with the nearest library id, and no follow-up errors"
    );
}

#[test]
fn criteria_dir_definitions_win_over_built_in_ones() {
    let dir = Dir::new("criteria");
    dir.write(
        "risk.yaml",
        "id: risk\nname: Our risk\ndirection: cost\nscale: {min: 0, max: 100}\nrubric: {0: none, 100: fatal}\n",
    );
    // The problem file sits outside the criteria folder.
    let problem_dir = Dir::new("criteria-problem");
    let problem = problem_dir.write("p.yaml", "name: d\ncriteria: [{use: risk}, {id: gain}]\nalternatives:\n  - {id: a, scores: {risk: 40, gain: 2}}\n  - {id: b, scores: {risk: 60, gain: 3}}\n");
    let dir_arg = dir.path().to_str().unwrap();
    innorank()
        .args([
            "rank",
            problem.to_str().unwrap(),
            "--criteria-dir",
            dir_arg,
            "--format",
            "csv",
        ])
        .assert()
        .success();
    // Without the folder the built-in risk (a parent) applies and `risk` cannot be scored.
    innorank()
        .args(["check", problem.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`risk` has sub-criteria; score its leaves instead",
        ));
    let listing = innorank()
        .args(["criteria", "--criteria-dir", dir_arg])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listing = String::from_utf8(listing).unwrap();
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("risk") && l.contains("Our risk") && l.contains("risk.yaml")),
        "{listing}"
    );
}

#[test]
fn criteria_command_lists_and_shows_rubrics() {
    let out = innorank()
        .arg("criteria")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), CriteriaLibrary::built_in().entries().len());
    assert!(
        out.lines()
            .any(|l| l.starts_with("risk ") && l.contains("technical_risk, market_risk, financial_exposure"))
    );
    let shown = innorank()
        .args(["criteria", "risk"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let shown = String::from_utf8(shown).unwrap();
    let library = CriteriaLibrary::built_in();
    let (_, leaf) = library.get("risk").unwrap().criteria.leaves().next().unwrap();
    for (_, sentence) in &leaf.rubric {
        assert!(shown.contains(sentence.as_str()), "rubric line missing: {sentence}");
    }
    let json = innorank()
        .args(["criteria", "technical_risk", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["id"], "technical_risk");
    assert_eq!(json["rubric"].as_array().unwrap().len(), 5);
    innorank()
        .args(["criteria", "nope"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("`nope` is not in the criteria library"));
}

const DIVERSIFICATION: &str = r#"
name: Diversification
core:
  technologies: [Hydraulics, gear machining, embedded control]
  markets: [construction, mining]
criteria:
  - id: relatedness
    criteria:
      - {id: shared_tech, derive: {shared: technologies}}
      - {id: shared_markets, derive: {shared: markets}}
  - {id: unit_cost, direction: cost, derive: learning_curve, baseline: {fixed: 1000, unit_cost: 10, learning_rate: 1}}
alternatives:
  - id: d1
    assets: {technologies: [hydraulics, battery packs], markets: [mining]}
    scores: {unit_cost: {fixed: 5000, unit_cost: 6, volume: 2000, learning_rate: 1}}
  - id: d2
    assets: {technologies: ["  HYDRAULICS ", hydraulics, Gear Machining, sensors], markets: [agriculture, construction, forestry]}
    scores: {unit_cost: {fixed: 2000000, unit_cost: 120, volume: 50000, learning_rate: 0.85}}
"#;

#[test]
fn shared_assets_are_counted_after_trimming_folding_and_deduplication() {
    let p = load(DIVERSIFICATION);
    let col = |id: &str| p.criteria().leaf(id).unwrap().1.column;
    assert_eq!(p.scores().get(0, col("shared_tech")), 0.5);
    assert_eq!(p.scores().get(0, col("shared_markets")), 1.0);
    // d2: {hydraulics, gear machining, sensors}: 2 of 3 shared.
    assert!((p.scores().get(1, col("shared_tech")) - 2.0 / 3.0).abs() < 1e-15);
    assert!((p.scores().get(1, col("shared_markets")) - 1.0 / 3.0).abs() < 1e-15);
    match p.derivation(1, col("shared_tech")) {
        Some(Derivation::Shared(s)) => {
            assert_eq!(s.shared, ["HYDRAULICS", "Gear Machining"]);
            assert_eq!(s.new, ["sensors"]);
        }
        other => panic!("{other:?}"),
    }
    let (_, leaf) = p.criteria().leaf("shared_tech").unwrap();
    assert_eq!(leaf.direction, Direction::Benefit);
    assert!(matches!(leaf.derive, Some(Derive::Shared { .. })));
}

#[test]
fn learning_curve_values_are_average_costs_at_the_volume() {
    let p = load(DIVERSIFICATION);
    let col = p.criteria().leaf("unit_cost").unwrap().1.column;
    // r = 1: no learning, AC = F/Q + c1.
    assert_eq!(p.scores().get(0, col), 5000.0 / 2000.0 + 6.0);
    // r = 0.85, Q = 50000: F/Q + c1/Q * sum k^log2(0.85); the sum is
    // zeta(-b, 1) - zeta(-b, 50001) = 5166.50720787752712656795 (mpmath 1.3,
    // 30 digits).
    let expected = 2_000_000.0 / 50_000.0 + 120.0 / 50_000.0 * 5166.507207877527;
    let got = p.scores().get(1, col);
    assert!((got - expected).abs() / expected < 1e-12, "{got} vs {expected}");
}

#[test]
fn derived_criteria_errors_are_located() {
    let e = errors(
        r#"name: x
core: {technologies: [a]}
criteria:
  - {id: t, derive: {shared: markets}}
  - {id: u, derive: {shared: technologies}}
  - {id: c, derive: learning_curve, direction: benefit}
alternatives:
  - id: p
    assets: {technologies: [], channels: [x]}
    scores: {u: 1, c: {fixed: 1, unit_cost: 0, volume: 2.5, learning_rate: 0.9}}
"#,
    );
    let expected = [
        "t.yaml:4:21: criteria[0].derive: `markets` is not a dimension of `core`; it has `technologies`",
        "t.yaml:6:48: criteria[2].direction: a `learning_curve` criterion is a cost criterion; remove `direction` or set it to `cost`",
        "t.yaml:9:42: alternatives[0].assets.channels: `channels` is not a dimension of `core`; it has `technologies`",
        "t.yaml:10:17: alternatives[0].scores.u: `u` is computed from `assets`; do not score it",
        "t.yaml:10:56: alternatives[0].scores.c.volume: `volume` must be a whole number >= 1, found 2.5",
        "t.yaml:9:13: alternatives[0].assets: `u` needs this alternative's `assets.technologies`, which lists nothing",
    ];
    assert_eq!(e, expected);
}

#[test]
fn cost_command_finds_where_the_curve_falls_below_the_baseline() {
    let out = innorank()
        .args(["cost", "-", "--format", "json", "--volumes", "100,10000"])
        .stdin(DIVERSIFICATION)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let d1 = &v["criteria"][0]["alternatives"][0];
    // 5000/Q + 6 < 1000/Q + 10 from Q = 1001 on.
    assert_eq!(d1["below_baseline"], serde_json::json!({"from": 1001}));
    assert_eq!(d1["average_cost"], serde_json::json!([56.0, 6.5]));
    assert_eq!(
        v["criteria"][0]["baseline"]["average_cost"],
        serde_json::json!([20.0, 10.1])
    );
    let table = innorank()
        .args(["cost", "-"])
        .stdin(DIVERSIFICATION)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(table).unwrap().contains("from 1001"));
    innorank()
        .args(["cost", "examples/innovation-proposals.yaml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "has no criterion with `derive: learning_curve`",
        ));
}

#[test]
fn explain_lists_shared_assets_in_every_format() {
    let json = innorank()
        .args(["rank", "-", "--format", "json", "--explain"])
        .stdin(DIVERSIFICATION)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let d1 = v["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "d1")
        .unwrap();
    assert_eq!(
        d1["explain"]["shared_tech"]["shared"],
        serde_json::json!(["hydraulics"])
    );
    assert_eq!(
        d1["explain"]["shared_tech"]["new"],
        serde_json::json!(["battery packs"])
    );
    assert_eq!(d1["values"]["shared_tech"], 0.5);
    let table = innorank()
        .args(["rank", "-", "--explain"])
        .stdin(DIVERSIFICATION)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(table)
            .unwrap()
            .contains("shared: hydraulics; new: battery packs")
    );
    let csv = innorank()
        .args(["rank", "-", "--explain", "--format", "csv"])
        .stdin(DIVERSIFICATION)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(csv)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .ends_with("shared_tech_from,shared_markets_from,unit_cost_from")
    );
}

#[test]
fn init_templates_check_and_rank() {
    let dir = Dir::new("init");
    for template in ["innovation", "diversification"] {
        let file = dir.join(format!("{template}.yaml"));
        let path = file.to_str().unwrap();
        innorank()
            .args(["init", "--template", template, "-o", path])
            .assert()
            .success()
            .stdout("");
        innorank().args(["check", path]).assert().success();
        let out = innorank()
            .args(["rank", path, "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert!(!v["ranking"].as_array().unwrap().is_empty());
        // Refuses to overwrite without --force.
        innorank()
            .args(["init", "--template", template, "-o", path])
            .assert()
            .code(1)
            .stderr(predicates::str::contains("already exists; use --force to overwrite it"));
        innorank()
            .args(["init", "--template", template, "-o", path, "--force"])
            .assert()
            .success();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("# ") && text.contains("use: risk"),
            "commented and built from the library"
        );
    }
}

#[test]
fn builder_reports_an_unknown_library_criterion_once_with_a_suggestion() {
    use innorank::problem::{CriterionBuilder, ProblemBuilder};
    let e = ProblemBuilder::new("b")
        .criterion(CriterionBuilder::from_library("riks"))
        .criterion(CriterionBuilder::leaf("cost").cost())
        .compare("risk", "cost", 3.0)
        .alternative("a", &[("technical_risk", 3.0), ("cost", 1.0)])
        .screen("financial_exposure", None, Some(8.0))
        .build()
        .unwrap_err();
    let e: Vec<String> = e.iter().map(ToString::to_string).collect();
    assert_eq!(
        e,
        [
            "(builder): criteria[0].use: `riks` is not in the criteria library (did you mean `risk`?); it has `cost`, `depth_breadth`, `knowledge_reuse`, `market_demand`, `relatedness`, `risk`, `time_to_market`"
        ]
    );
}

#[test]
fn unknown_score_key_suggests_the_nearest_leaf_in_code_too() {
    let e =
        errors("name: s\ncriteria: [{id: gain}, {id: cost}]\nalternatives:\n  - {id: a, scores: {gain: 1, cots: 2}}\n");
    assert_eq!(
        e,
        ["t.yaml:4:37: alternatives[0].scores.cots: `cots` is not a leaf criterion (did you mean `cost`?)"]
    );
}
