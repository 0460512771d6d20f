//! AHP in full through the command line: completion and random-index
//! options, group judgments with judge weights and AIP, consistency repair,
//! and AHP as a ranking method with both synthesis modes.

use crate::common::{Cli, innorank};

/// The JSON report of `innorank ARGS - --format json --quiet` on `yaml`.
fn json(args: &[&str], yaml: &str) -> serde_json::Value {
    innorank(args)
        .args(["-", "--format", "json", "--quiet"])
        .stdin(yaml)
        .json()
}

const INCOMPLETE: &str = "name: i
criteria: [{id: a}, {id: b}, {id: c}, {id: d}]
comparisons: [[a, b, 2], [b, c, 3], [c, d, 4], [a, c, 5]]
alternatives: [{id: x, scores: {a: 1, b: 2, c: 3, d: 4}}, {id: y, scores: {a: 4, b: 3, c: 2, d: 1}}]
";

#[test]
fn completion_option_changes_the_estimates_and_is_echoed() {
    let harker = json(&["weights"], INCOMPLETE);
    let lambda = json(&["weights", "--completion", "lambda-min"], INCOMPLETE);
    assert_eq!(harker["completion"], "harker");
    assert_eq!(lambda["completion"], "lambda-min");
    let estimate = |v: &serde_json::Value| v["nodes"][0]["estimated"][0]["value"].as_f64().unwrap();
    assert_ne!(estimate(&harker), estimate(&lambda));
    // lambda-min minimises lambda_max over the missing entries.
    let lmax = |v: &serde_json::Value| v["nodes"][0]["lambda_max"].as_f64().unwrap();
    assert!(lmax(&lambda) <= lmax(&harker) + 1e-12);
}

#[test]
fn random_index_tables_change_cr_only() {
    let yaml = "name: r\ncriteria: [{id: a}, {id: b}, {id: c}]\ncomparisons: [[a, b, 3], [b, c, 3], [a, c, 5]]\nalternatives: [{id: x, scores: {a: 1, b: 1, c: 1}}]\n";
    let saaty = json(&["weights"], yaml);
    let dd = json(&["weights", "--ri", "donegan-dodd"], yaml);
    let n = |v: &serde_json::Value, k: &str| v["nodes"][0][k].as_f64().unwrap();
    assert_eq!(n(&saaty, "ri"), 0.58);
    // Donegan & Dodd (1991) tabulate RI(3) = 0.4914.
    assert!((n(&dd, "ri") - 0.4914).abs() < 1e-9);
    assert_eq!(n(&saaty, "ci"), n(&dd, "ci"));
    assert!((n(&dd, "cr") - n(&dd, "ci") / 0.4914).abs() < 1e-12);
    Cli::new()
        .args(["weights", "-", "--ri", "dd"])
        .stdin(yaml)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown random index `dd`"));
}

const GROUP: &str = "name: g
criteria: [{id: a}, {id: b}, {id: c}]
comparisons:
  alice: [[a, b, 3], [a, c, 5], [b, c, 2]]
  bob: [[a, b, 1], [a, c, 2], [b, c, 2]]
judges: {alice: 3, bob: 1}
alternatives: [{id: x, scores: {a: 1, b: 1, c: 1}}]
";

#[test]
fn judge_weights_enter_the_geometric_mean() {
    let w = json(&["weights"], GROUP);
    let node = &w["nodes"][0];
    assert_eq!(node["source"], "group comparisons");
    // a_ab = 3^(3/4) * 1^(1/4), a_ac = 5^(3/4) * 2^(1/4), a_bc = 2.
    let (ab, ac, bc) = (3f64.powf(0.75), 5f64.powf(0.75) * 2f64.powf(0.25), 2.0);
    let m = innorank::ahp::PairwiseMatrix::from_rows(vec![
        vec![1.0, ab, ac],
        vec![1.0 / ab, 1.0, bc],
        vec![1.0 / ac, 1.0 / bc, 1.0],
    ])
    .unwrap();
    let expected = m.priorities(innorank::ahp::PriorityMethod::Eigen).weights;
    for (child, want) in node["children"].as_array().unwrap().iter().zip(expected) {
        assert!((child["local"].as_f64().unwrap() - want).abs() < 1e-12);
    }
    assert_eq!(node["judges"][0]["weight"], 0.75);
    assert_eq!(node["disagreement"]["judge"], "bob");
    assert!(node["consensus"].as_f64().unwrap() > 0.0);
}

#[test]
fn aip_aggregates_the_judges_priorities() {
    // Four criteria: for 3x3 matrices the eigenvector is the row geometric
    // mean, and AIJ and AIP would coincide.
    let group = "name: g4
criteria: [{id: a}, {id: b}, {id: c}, {id: d}]
comparisons:
  alice: [[a, b, 3], [a, c, 5], [b, c, 2], [a, d, 9], [b, d, 2], [c, d, 3]]
  bob: [[a, b, 1], [a, c, 2], [b, c, 4], [a, d, 3], [b, d, 5], [c, d, 1]]
alternatives: [{id: x, scores: {a: 1, b: 1, c: 1, d: 1}}]
";
    let aij = json(&["weights"], group);
    let aip = json(&["weights", "--aggregate", "aip"], group);
    assert_eq!(aip["aggregation"], "aip");
    let local = |v: &serde_json::Value| -> Vec<f64> {
        v["nodes"][0]["children"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["local"].as_f64().unwrap())
            .collect()
    };
    let (a, b) = (local(&aij), local(&aip));
    assert!((b.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(a.iter().zip(&b).any(|(x, y)| (x - y).abs() > 1e-6));
}

#[test]
fn judge_weight_errors_are_located() {
    let bad = GROUP.replace("judges: {alice: 3, bob: 1}", "judges: {alice: 3, carol: 1}");
    Cli::new()
        .args(["check", "-"])
        .stdin(bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "judges.carol: `carol` is not one of the judges in `comparisons`",
        ))
        .stderr(predicates::str::contains("`judges` gives no weight for `bob`"));
}

#[test]
fn suggest_brings_an_inconsistent_node_under_the_threshold() {
    let w = json(
        &["weights", "--suggest"],
        &std::fs::read_to_string("tests/fixtures/inconsistent.yaml").unwrap(),
    );
    let s = &w["nodes"][0]["suggestion"];
    assert_eq!(s["outcome"], "consistent after these revisions");
    let revisions = s["revisions"].as_array().unwrap();
    assert!(!revisions.is_empty());
    let mut previous = s["cr_before"].as_f64().unwrap();
    for r in revisions {
        let cr = r["cr_after"].as_f64().unwrap();
        assert!(cr < previous, "each step lowers CR");
        previous = cr;
        let to = r["to"].as_f64().unwrap();
        let on_scale = (1..=9).any(|k| (to - k as f64).abs() < 1e-12 || (to - 1.0 / k as f64).abs() < 1e-12);
        assert!(on_scale, "{to} is on Saaty's scale");
    }
    assert!(s["cr_after"].as_f64().unwrap() <= 0.1);
    // Without --suggest nothing is proposed.
    let plain = json(
        &["weights"],
        &std::fs::read_to_string("tests/fixtures/inconsistent.yaml").unwrap(),
    );
    assert!(plain["nodes"][0].get("suggestion").is_none());
}

/// Belton & Gear (1983): three criteria of equal weight; adding a copy of B
/// reverses A and B under distributive synthesis but not under ideal.
fn belton_gear(with_copy: bool) -> String {
    let mut yaml = String::from("name: bg\ncriteria: [{id: c1}, {id: c2}, {id: c3}]\nalternatives:\n");
    yaml.push_str("  - {id: A, scores: {c1: 1, c2: 9, c3: 8}}\n");
    yaml.push_str("  - {id: B, scores: {c1: 9, c2: 1, c3: 9}}\n");
    yaml.push_str("  - {id: C, scores: {c1: 1, c2: 1, c3: 1}}\n");
    if with_copy {
        yaml.push_str("  - {id: B2, scores: {c1: 9, c2: 1, c3: 9}}\n");
    }
    yaml
}

fn order(v: &serde_json::Value) -> Vec<String> {
    v["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn distributive_synthesis_reverses_ranks_when_a_copy_is_added_and_ideal_does_not() {
    let dist = |copy| json(&["rank", "--method", "ahp"], &belton_gear(copy));
    let ideal = |copy| json(&["rank", "--method", "ahp", "--synthesis", "ideal"], &belton_gear(copy));
    assert_eq!(dist(false)["method"], "ahp");
    assert_eq!(dist(false)["synthesis"], "distributive");
    // Exact fractions: B = 31/66 > A = 134/297 before; A = 148/405 > B = 13/45 after.
    let before = dist(false);
    assert_eq!(order(&before)[..2], ["B", "A"]);
    let score = |v: &serde_json::Value, id: &str| {
        v["ranking"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap()["score"]
            .as_f64()
            .unwrap()
    };
    assert!((score(&before, "B") - 31.0 / 66.0).abs() < 1e-12);
    assert!((score(&before, "A") - 134.0 / 297.0).abs() < 1e-12);
    let after = dist(true);
    assert_eq!(order(&after)[0], "A", "rank reversal under distributive synthesis");
    assert!((score(&after, "A") - 148.0 / 405.0).abs() < 1e-12);
    // Ideal synthesis keeps B ahead of A with or without the copy.
    for copy in [false, true] {
        let r = ideal(copy);
        let pos = |id: &str| order(&r).iter().position(|x| x == id).unwrap();
        assert!(pos("B") < pos("A"));
    }
    // AHP scores have no distances.
    assert!(before["ranking"][0].get("d_plus").is_none());
}

#[test]
fn alternative_comparisons_give_a_leafs_local_priorities() {
    let yaml = "name: ac
criteria:
  - {id: quality}
  - {id: balance, direction: target, target: 5}
alternative_comparisons:
  balance: [[x, y, 3], [y, z, 2], [x, z, 6]]
alternatives:
  - {id: x, scores: {quality: 5, balance: 5}}
  - {id: y, scores: {quality: 5, balance: 3}}
  - {id: z, scores: {quality: 5, balance: 1}}
";
    let r = json(&["rank", "--method", "ahp"], yaml);
    // Quality is equal for all; balance priorities are 6:2:1 (consistent).
    let scores: Vec<f64> = r["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["score"].as_f64().unwrap())
        .collect();
    let expected = [
        0.5 * 1.0 / 3.0 + 0.5 * 6.0 / 9.0,
        0.5 / 3.0 + 0.5 * 2.0 / 9.0,
        0.5 / 3.0 + 0.5 / 9.0,
    ];
    for (got, want) in scores.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{scores:?}");
    }
    // A target leaf without alternative comparisons cannot be ranked by AHP.
    let no = yaml.replace(
        "alternative_comparisons:\n  balance: [[x, y, 3], [y, z, 2], [x, z, 6]]\n",
        "",
    );
    Cli::new()
        .args(["rank", "-", "--method", "ahp"])
        .stdin(no)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: <stdin>:4:5: criteria[1]: `--method ahp` cannot rank target criterion `balance` from scores; \
             compare the alternatives under it in `alternative_comparisons`\n",
        );
}
