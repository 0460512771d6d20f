//! `innorank reversal`: the four rank-reversal checks, on a problem where
//! min-max TOPSIS provably reverses ranks and on one where nothing can.

use crate::common::{innorank, load};
use crate::rendered::each_format;

const PROPOSALS: &str = "examples/innovation-proposals.yaml";

/// Three benefit criteria, equal weights. Min-max TOPSIS, by hand (each
/// weight 1/3 scales every distance alike, so it is left out):
///
/// With c, the ranges are c1 [2, 7], c2 [1, 9], c3 [1, 10]:
/// a = (0, 1, 0): D+ = sqrt 2, D- = 1, closeness 1 / (1 + sqrt 2) = 0.4142;
/// b = (0.4, 0, 2/3): D+ = sqrt(0.36 + 1 + 1/9) = 1.2129,
/// D- = sqrt(0.16 + 4/9) = 0.7775, closeness 0.3906; c = (1, 0.75, 1)
/// first. So c > a > b.
///
/// Without c, each column is 0 or 1: a = (0, 1, 0) scores
/// 1 / (1 + sqrt 2) = 0.4142 and b = (1, 0, 1) scores
/// sqrt 2 / (1 + sqrt 2) = 0.5858: b > a, the pair [a, b] flips. Alone, b
/// beats a, so the order by pairwise wins is c, b, a: recomposition fails.
const FLIP: &str = "name: Min-max reversal
criteria: [{id: c1}, {id: c2}, {id: c3}]
alternatives:
  - {id: a, scores: {c1: 2, c2: 9, c3: 1}}
  - {id: b, scores: {c1: 4, c2: 1, c3: 7}}
  - {id: c, scores: {c1: 7, c2: 7, c3: 10}}
";

/// Each alternative beats the next on every criterion (benefit, cost and
/// target alike): every normalisation keeps a dominated alternative below
/// its dominator, so no check can fail under any method.
const CHAIN: &str = "name: Dominance chain
criteria: [{id: gain}, {id: price, direction: cost}, {id: fit, direction: target, target: 5}]
comparisons:
  - [gain, price, 2]
  - [gain, fit, 3]
  - [price, fit, 2]
alternatives:
  - {id: p, scores: {gain: 9, price: 2, fit: 5}}
  - {id: q, scores: {gain: 7, price: 3, fit: 6}}
  - {id: r, scores: {gain: 4, price: 5, fit: 8}}
  - {id: s, scores: {gain: 2, price: 8, fit: 1}}
";

/// A Condorcet triple: each alternative is best on one criterion, middle
/// on one, worst on one; alone, x beats z, z beats y, y beats x.
const CYCLE: &str = "name: Cycle
criteria: [{id: c1}, {id: c2}, {id: c3}]
alternatives:
  - {id: x, scores: {c1: 3, c2: 2, c3: 1}}
  - {id: y, scores: {c1: 1, c2: 3, c3: 2}}
  - {id: z, scores: {c1: 2, c2: 1, c3: 3}}
";

fn checks(json: &serde_json::Value) -> Vec<(String, bool)> {
    json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap().to_owned(), c["passed"].as_bool().unwrap()))
        .collect()
}

#[test]
fn min_max_topsis_flips_the_pair_when_the_leader_leaves() {
    let json = innorank(["reversal", "-", "--normalization", "minmax", "--format", "json"])
        .stdin(FLIP)
        .json();
    assert_eq!(
        checks(&json),
        [
            ("leave_one_out".to_owned(), false),
            ("worse_copy".to_owned(), true),
            ("transitivity".to_owned(), true),
            ("recomposition".to_owned(), false)
        ]
    );
    let removals = &json["checks"][0]["evidence"]["removals"];
    assert_eq!(
        *removals,
        serde_json::json!([
            {"removed": "c", "flips": [["a", "b"]]},
            {"removed": "a", "flips": []},
            {"removed": "b", "flips": []},
        ])
    );
    assert_eq!(
        json["checks"][3]["evidence"],
        serde_json::json!({"order": ["c", "b", "a"], "base": ["c", "a", "b"]})
    );
}

#[test]
fn strict_exits_3_on_a_failed_check_after_printing() {
    let run = innorank(["reversal", "-", "--normalization", "minmax", "--strict"])
        .stdin(FLIP)
        .run()
        .code(3);
    assert!(run.stdout.contains("FAIL"), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "error: --strict: failed check(s): leave_one_out, recomposition\n"
    );
    // Findings are not errors without --strict.
    innorank(["reversal", "-", "--normalization", "minmax"])
        .stdin(FLIP)
        .run()
        .success();
}

#[test]
fn a_dominance_chain_passes_every_check_under_every_method() {
    let variants: [&[&str]; 4] = [
        &["--normalization", "vector"],
        &["--normalization", "minmax"],
        &["--method", "ahp", "--synthesis", "distributive"],
        &["--method", "ahp", "--synthesis", "ideal"],
    ];
    // AHP needs comparisons for the target leaf: drop it there.
    let ahp_chain = CHAIN
        .replace(", {id: fit, direction: target, target: 5}", "")
        .replace("  - [gain, fit, 3]\n  - [price, fit, 2]\n", "")
        .replace(", fit: 5}", "}")
        .replace(", fit: 6}", "}")
        .replace(", fit: 8}", "}")
        .replace(", fit: 1}", "}");
    for options in variants {
        let yaml: &str = if options.contains(&"ahp") { &ahp_chain } else { CHAIN };
        let args = ["reversal", "-", "--strict", "--format", "json"].iter().chain(options);
        let json = innorank(args).stdin(yaml.to_owned()).json();
        assert!(checks(&json).iter().all(|(_, passed)| *passed), "{options:?}: {json}");
        assert_eq!(
            json["checks"][2]["evidence"],
            serde_json::json!({"count": 0, "cycles": []})
        );
    }
}

#[test]
fn a_condorcet_triple_is_a_3_cycle() {
    let json = innorank(["reversal", "-", "--normalization", "minmax", "--format", "json"])
        .stdin(CYCLE)
        .json();
    let transitivity = &json["checks"][2];
    assert_eq!(transitivity["passed"], false);
    assert_eq!(transitivity["evidence"]["count"], 1);
    // The cycle starts at its member ranked highest in the base ranking.
    let base = json["checks"][3]["evidence"]["base"].clone();
    let cycle = transitivity["evidence"]["cycles"][0].as_array().unwrap().clone();
    assert_eq!(cycle[0], base[0]);
    assert_eq!(cycle.len(), 3);
}

#[test]
fn json_has_the_contract_shape() {
    let json = innorank(["reversal", PROPOSALS, "--format", "json", "-q"]).json();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect(); // serde_json sorts keys
    assert_eq!(keys, ["checks", "method", "normalization", "problem", "warnings"]);
    let names: Vec<String> = checks(&json).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["leave_one_out", "worse_copy", "transitivity", "recomposition"]);
    let evidence: Vec<Vec<&str>> = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["evidence"].as_object().unwrap().keys().map(String::as_str).collect())
        .collect();
    assert_eq!(
        evidence,
        [
            vec!["removals"],
            vec!["cases"],
            vec!["count", "cycles"],
            vec!["base", "order"]
        ]
    );
    let ahp = load(
        "name: a\ncriteria: [{id: gain}]\nalternatives:\n  - {id: a, scores: {gain: 1}}\n  - {id: b, scores: {gain: 2}}\n",
    );
    let options = innorank::pipeline::ReversalOptions {
        rank: innorank::RankOptions {
            method: innorank::Method::Ahp,
            ..Default::default()
        },
        ..Default::default()
    };
    let report = innorank::pipeline::reversal(&ahp, &options).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["synthesis"], "distributive");
    assert!(json.get("normalization").is_none());
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let run = |threads: &str| {
        innorank(["reversal", PROPOSALS, "--format", "json", "-q"])
            .env("RAYON_NUM_THREADS", threads)
            .stdout()
    };
    assert_eq!(run("1"), run("3"));
}

#[test]
fn more_alternatives_than_the_cap_are_refused() {
    let errors = innorank(["reversal", PROPOSALS, "--max-alternatives", "5"]).errors();
    assert_eq!(
        errors,
        [
            "8 alternatives are ranked, more than the 5 the rank-reversal checks take by default (they take time quadratic in the count); raise the cap with --max-alternatives N"
        ]
    );
    innorank(["reversal", PROPOSALS, "--max-alternatives", "8", "-q"])
        .run()
        .success();
    assert_eq!(innorank::pipeline::DEFAULT_MAX_ALTERNATIVES, 5_000);
}

#[test]
fn one_or_no_alternative_passes_with_a_warning() {
    let one = "name: one\ncriteria: [{id: gain}]\nalternatives:\n  - {id: a, scores: {gain: 3}}\n";
    let run = innorank(["reversal", "-", "--format", "json"])
        .stdin(one)
        .run()
        .success();
    assert!(run.stderr.contains("only one alternative"), "{}", run.stderr);
    assert!(checks(&run.json()).iter().all(|(_, p)| *p));
    let none = "name: none\ncriteria: [{id: gain}]\nscreening: [{criterion: gain, min: 5}]\nalternatives:\n  - {id: a, scores: {gain: 3}}\n";
    let run = innorank(["reversal", "-", "--format", "json"])
        .stdin(none)
        .run()
        .success();
    assert!(run.stderr.contains("nothing to rank"), "{}", run.stderr);
}

#[test]
fn options_that_do_not_apply_are_refused() {
    innorank(["reversal", PROPOSALS, "--synthesis", "ideal"])
        .run()
        .refused();
    // AHP cannot rank the proposals (a target leaf without comparisons).
    innorank(["reversal", PROPOSALS, "--method", "ahp"]).run().refused();
}

#[test]
fn reversal_in_every_format() {
    each_format("reversal", &["reversal", PROPOSALS], None);
    each_format(
        "reversal_minmax",
        &["reversal", PROPOSALS, "--normalization", "minmax"],
        None,
    );
}
