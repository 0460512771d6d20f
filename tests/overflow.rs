//! Sturdy at the edges: finite inputs give finite outputs or a located
//! error (cost curves, AHP priorities from scores, `init` scores), and
//! `check` finds every error `rank` finds, located, with a JSON verdict
//! whose `valid` can be false.

use std::time::Duration;

use assert_cmd::assert::Assert;
use proptest::prelude::*;
use serde_json::json;

use innorank::Problem;
use innorank::learning_curve::{CostCurve, crossing, learning_sum};

use crate::common::{Dir, TempFile, assert_errors, innorank};

/// `innorank ARGS` with `input` on standard input.
fn run(args: &[&str], input: &str) -> Assert {
    innorank(args).stdin(input).timeout(Duration::from_secs(30)).assert()
}

fn stdout(assert: &Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

fn stderr(assert: &Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

// ---------------------------------------------------------------------------
// Cost curves

/// A learning-curve problem whose first alternative has this curve.
fn curve_problem(curve: &str) -> String {
    format!(
        "name: c
criteria:
  - {{id: unit_cost, derive: learning_curve, baseline: {{fixed: 1000, unit_cost: 10, learning_rate: 0.9}}}}
  - {{id: q}}
alternatives:
  - {{id: a, scores: {{unit_cost: {curve}, q: 1}}}}
  - {{id: b, scores: {{unit_cost: {{fixed: 10, unit_cost: 5, volume: 10, learning_rate: 0.9}}, q: 2}}}}
"
    )
}

const TOO_LARGE: &str = "{fixed: 1e308, unit_cost: 1e308, volume: 10, learning_rate: 1}";
const TOO_LARGE_ERROR: &str = "<stdin>:6:59: alternatives[0].scores.unit_cost.unit_cost: `fixed` + `unit_cost` must be at most 1.7976931348623157e308 (the largest finite number, the average cost of the first unit), found 1e308 + 1e308";

#[test]
fn a_curve_whose_first_unit_cost_overflows_is_refused_where_it_is_written() {
    // Was: "alternatives: must list at least one alternative" (code review F3).
    for command in ["check", "rank", "cost"] {
        assert_errors(run(&[command, "-"], &curve_problem(TOO_LARGE)), &[TOO_LARGE_ERROR]);
    }
}

#[test]
fn a_huge_but_finite_curve_gives_finite_costs_everywhere() {
    // (F + c1 * sum k^b) / Q overflowed to inf for these; F/Q + c1 * mean does not.
    let yaml = curve_problem("{fixed: 1e308, unit_cost: 7e307, volume: 1000000, learning_rate: 1}");
    let cost = run(&["cost", "-", "--format", "json"], &yaml).success();
    let text = stdout(&cost);
    assert!(!text.contains("null"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let a = &json["criteria"][0]["alternatives"][0];
    assert_eq!(a["average_cost_at_volume"], json!(1e308 / 1e6 + 7e307));
    for v in a["average_cost"].as_array().unwrap() {
        assert!(v.as_f64().is_some_and(f64::is_finite), "{a}");
    }
    for format in ["table", "csv", "markdown"] {
        let out = stdout(&run(&["cost", "-", "--format", format], &yaml).success());
        assert!(!out.contains("inf") && !out.contains("NaN"), "{format}: {out}");
    }
    let rank = run(&["rank", "-", "--format", "json"], &yaml).success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&rank)).unwrap();
    for row in json["ranking"].as_array().unwrap() {
        assert!(row["values"]["unit_cost"].as_f64().is_some_and(f64::is_finite), "{row}");
    }
}

#[test]
fn a_baseline_whose_first_unit_cost_overflows_is_refused_where_it_is_written() {
    let yaml = "name: c
criteria:
  - {id: unit_cost, derive: learning_curve, baseline: {fixed: 1.7e308, unit_cost: 1e307, learning_rate: 0.9}}
alternatives:
  - {id: a, scores: {unit_cost: {fixed: 10, unit_cost: 5, volume: 10, learning_rate: 0.9}}}
";
    assert_errors(
        run(&["check", "-"], yaml),
        &[
            "<stdin>:3:83: criteria[0].baseline.unit_cost: `fixed` + `unit_cost` must be at most 1.7976931348623157e308 (the largest finite number, the average cost of the first unit), found 1.7e308 + 1e307",
        ],
    );
}

/// Positive finite numbers of every magnitude, subnormals included.
fn magnitude() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        (-1074i32..=1023, 1.0f64..2.0).prop_map(|(e, m)| (m * 2f64.powi(e)).min(f64::MAX)),
    ]
}

/// Learning rates in (0, 1], the ends included.
fn learning_rate() -> impl Strategy<Value = f64> {
    prop_oneof![Just(1.0), Just(5e-324), Just(f64::EPSILON), 1e-6f64..=1.0]
}

fn volume() -> impl Strategy<Value = u64> {
    prop_oneof![Just(1u64), Just(u64::MAX), 1u64..5000, any::<u64>()]
}

proptest! {
    #[test]
    fn accepted_cost_curves_have_finite_average_costs(
        fixed in magnitude(), unit_cost in magnitude(), rate in learning_rate(), q in volume()
    ) {
        let Ok(curve) = CostCurve::new(fixed, unit_cost, rate) else {
            // Refused: only where the first unit's average cost overflows.
            prop_assert!(!(fixed + unit_cost).is_finite() || unit_cost == 0.0);
            return Ok(());
        };
        let ac = curve.average_cost(q);
        prop_assert!(ac.is_finite() && ac >= 0.0, "{curve}: AC({q}) = {ac}");
        prop_assert!(ac <= fixed + unit_cost, "{curve}: AC({q}) = {ac} above the first unit's");
        prop_assert!(learning_sum(rate.log2(), q).is_finite());
    }

    #[test]
    fn accepted_curves_load_as_finite_derived_values_or_are_refused_located(
        fixed in magnitude(), unit_cost in magnitude(), rate in learning_rate(), q in 1u64..1_000_000_000
    ) {
        let curve = format!("{{fixed: {fixed:e}, unit_cost: {unit_cost:e}, volume: {q}, learning_rate: {rate:e}}}");
        match Problem::from_yaml_str(&curve_problem(&curve), "c.yaml") {
            Ok(problem) => {
                for v in problem.scores().as_row_major() {
                    prop_assert!(v.is_finite(), "{curve}: {v}");
                }
                let report = innorank::rank(&problem, &Default::default()).unwrap();
                for r in report.ranking.iter() {
                    prop_assert!(r.score.is_finite());
                }
            }
            Err(errors) => {
                for e in errors.iter() {
                    let text = e.to_string();
                    prop_assert!(text.starts_with("c.yaml:6:"), "{text}");
                    prop_assert!(text.contains("alternatives[0].scores.unit_cost."), "{text}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn crossings_of_accepted_curves_are_found_without_overflow(
        a in (magnitude(), magnitude(), learning_rate()),
        b in (magnitude(), magnitude(), learning_rate()),
    ) {
        let (Ok(curve), Ok(baseline)) = (CostCurve::new(a.0, a.1, a.2), CostCurve::new(b.0, b.1, b.2)) else {
            return Ok(());
        };
        // Any answer will do; it must come without NaN comparisons or panics.
        let _ = crossing(&curve, &baseline);
    }
}

// ---------------------------------------------------------------------------
// AHP ranking from scores

const EXTREME: &str = "name: big
criteria:
  - {id: gain}
  - {id: price, direction: cost}
alternatives:
  - {id: a, scores: {gain: 1e308, price: 5e-324}}
  - {id: b, scores: {gain: 1.5e308, price: 1e-323}}
";

#[test]
fn ahp_ranks_extreme_finite_scores_with_exact_priorities() {
    for synthesis in ["distributive", "ideal"] {
        let assert = run(
            &[
                "rank",
                "-",
                "--method",
                "ahp",
                "--synthesis",
                synthesis,
                "--format",
                "json",
            ],
            EXTREME,
        )
        .success();
        let json: serde_json::Value = serde_json::from_str(&stdout(&assert)).unwrap();
        let score = |i: usize| json["ranking"][i]["score"].as_f64().unwrap();
        assert_eq!(json["ranking"][0]["id"], "a");
        // gain priorities 0.4 / 0.6, price 2/3 / 1/3, equal weights.
        let want = match synthesis {
            "distributive" => [0.5 * 0.4 + 0.5 * 2.0 / 3.0, 0.5 * 0.6 + 0.5 / 3.0],
            _ => {
                let (a, b) = (0.5 * (0.4 / 0.6) + 0.5, 0.5 + 0.5 * 0.5);
                [a / (a + b), b / (a + b)]
            }
        };
        for (i, w) in want.iter().enumerate() {
            assert!((score(i) - w).abs() < 1e-12, "{synthesis}: {} vs {w}", score(i));
        }
    }
}

const UNRANKABLE: &str = "name: neg
criteria:
  - {id: gain}
  - {id: price, direction: cost}
  - {id: fit, direction: target, target: 3}
alternatives:
  - {id: a, scores: {gain: -1, price: 0, fit: 1}}
  - {id: b, scores: {gain: 2, price: 3, fit: 2}}
  - {id: c, scores: {gain: -2, price: -1, fit: 4}}
";

const UNRANKABLE_ERRORS: [&str; 5] = [
    "<stdin>:5:5: criteria[2]: `--method ahp` cannot rank target criterion `fit` from scores; compare the alternatives under it in `alternative_comparisons`",
    "<stdin>:7:28: alternatives[0].scores.gain: `--method ahp` needs scores >= 0 under benefit criterion `gain` (its priorities are x / sum(x)), found -1",
    "<stdin>:9:28: alternatives[2].scores.gain: `--method ahp` needs scores >= 0 under benefit criterion `gain` (its priorities are x / sum(x)), found -2",
    "<stdin>:7:39: alternatives[0].scores.price: `--method ahp` needs scores > 0 under cost criterion `price` (its priorities are (1/x) / sum(1/x)), found 0",
    "<stdin>:9:39: alternatives[2].scores.price: `--method ahp` needs scores > 0 under cost criterion `price` (its priorities are (1/x) / sum(1/x)), found -1",
];

#[test]
fn data_ahp_cannot_rank_is_reported_located_by_rank_and_check() {
    let mut want = UNRANKABLE_ERRORS.to_vec();
    // In leaf order: gain, price, then the target leaf.
    want.rotate_left(1);
    for command in ["rank", "check"] {
        assert_errors(run(&[command, "-", "--method", "ahp"], UNRANKABLE), &want);
    }
    // TOPSIS ranks the same data: plain `check` and `rank` accept it.
    run(&["check", "-"], UNRANKABLE).success();
    run(&["rank", "-", "--format", "csv"], UNRANKABLE).success();
}

#[test]
fn screened_out_alternatives_do_not_block_ahp_ranking() {
    // `rank --method ahp` ranks the survivors only: c's scores do not count.
    let yaml = "name: s
criteria:
  - {id: gain}
  - {id: price, direction: cost}
screening: [{criterion: gain, min: 0}]
alternatives:
  - {id: a, scores: {gain: 1, price: 2}}
  - {id: b, scores: {gain: 2, price: 3}}
  - {id: c, scores: {gain: -2, price: 0}}
";
    run(&["check", "-", "--method", "ahp"], yaml).success();
    run(&["rank", "-", "--method", "ahp"], yaml).success();
}

#[test]
fn comparisons_that_screening_disconnects_are_reported_located() {
    let yaml = "name: s
criteria:
  - {id: gain}
  - {id: fit, direction: target, target: 1}
screening: [{criterion: gain, min: 1}]
alternative_comparisons:
  fit: [[a, b, 2], [b, c, 3]]
alternatives:
  - {id: a, scores: {gain: 1, fit: 1}}
  - {id: b, scores: {gain: 0, fit: 2}}
  - {id: c, scores: {gain: 3, fit: 3}}
";
    let expected = [
        "<stdin>:7:8: alternative_comparisons.fit: `--method ahp` under `fit`: among the alternatives left after screening, the judgments leave 2 groups unlinked",
    ];
    for command in ["rank", "check"] {
        assert_errors(run(&[command, "-", "--method", "ahp"], yaml), &expected);
    }
}

#[test]
fn check_finds_weighting_errors_of_the_aggregation_asked_for() {
    let yaml = "name: g
criteria: [{id: a}, {id: b}, {id: c}]
comparisons:
  ann: [[a, b, 2]]
  bob: [[b, c, 3]]
alternatives:
  - {id: x, scores: {a: 1, b: 2, c: 3}}
  - {id: y, scores: {a: 2, b: 1, c: 3}}
";
    let expected = [
        "<stdin>:4:3: comparisons: `--aggregate aip`: judge `ann`'s judgments leave 2 groups unlinked, so they have no priorities of their own",
    ];
    for command in ["rank", "check"] {
        assert_errors(run(&[command, "-", "--aggregate", "aip"], yaml), &expected);
    }
    run(&["check", "-"], yaml).success();
}

#[test]
fn check_strict_fails_like_rank_strict() {
    let yaml = "name: i
criteria: [{id: a}, {id: b}, {id: c}]
comparisons: [[a, b, 9], [b, c, 9], [c, a, 9]]
alternatives:
  - {id: x, scores: {a: 1, b: 2, c: 3}}
  - {id: y, scores: {a: 2, b: 1, c: 3}}
";
    for command in ["rank", "check"] {
        let assert = run(&[command, "-", "--strict"], yaml);
        assert_eq!(assert.get_output().status.code(), Some(3), "{command}");
    }
    run(&["check", "-"], yaml).success();
}

// ---------------------------------------------------------------------------
// `check --format json`

#[test]
fn check_json_says_valid_false_with_every_error_located() {
    let assert = run(&["check", "-", "--method", "ahp", "--format", "json"], UNRANKABLE);
    assert_eq!(assert.get_output().status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_str(&stdout(&assert)).unwrap();
    let entry = |file: &str, line: u64, column: u64, path: &str, message: &str| json!({"file": file, "line": line, "column": column, "path": path, "message": message});
    let mut errors: Vec<serde_json::Value> = UNRANKABLE_ERRORS
        .iter()
        .map(|e| {
            let mut parts = e.splitn(5, ": ");
            let (place, path, message) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
            let mut place = place.split(':');
            let (file, line, column) = (place.next().unwrap(), place.next().unwrap(), place.next().unwrap());
            entry(file, line.parse().unwrap(), column.parse().unwrap(), path, message)
        })
        .collect();
    errors.rotate_left(1);
    assert_eq!(json, json!({"valid": false, "errors": errors}));
    // The errors also go to standard error.
    assert_eq!(stderr(&assert).lines().count(), UNRANKABLE_ERRORS.len() + 1);
}

#[test]
fn check_json_of_a_broken_file_is_a_complete_verdict() {
    let file = TempFile::new("broken.yaml", b"name: t\ncriteria: []\nalternatives: []\n");
    let assert = innorank(["check", file.path(), "--format", "json"]).assert().code(2);
    let json: serde_json::Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(
        json,
        json!({"valid": false, "errors": [
            {"file": file.path(), "line": 2, "column": 11, "path": "criteria", "message": "must list at least one criterion"},
            {"file": file.path(), "line": 3, "column": 15, "path": "alternatives", "message": "must list at least one alternative"},
        ]})
    );
}

#[test]
fn check_json_of_a_valid_file_keeps_its_shape_with_valid_true() {
    let assert = run(&["check", "-", "--method", "ahp", "--format", "json"], EXTREME).success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(
        json,
        json!({"file": "<stdin>", "valid": true, "problem": "big", "criteria": 2, "leaves": 2,
               "alternatives": 2, "screening_rules": 0, "warnings": []})
    );
}

#[test]
fn check_help_says_what_it_checks_with_and_without_method() {
    let assert = run(&["check", "--help"], "").success();
    let help = stdout(&assert);
    for needle in [
        "--method",
        "--synthesis",
        "Without --method",
        "TOPSIS",
        "\"valid\": false",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}

// ---------------------------------------------------------------------------
// `init`

#[test]
fn init_with_a_library_scale_up_to_1e308_writes_finite_scores_that_check() {
    let dir = Dir::new("overflow-criteria");
    dir.write(
        "time_to_market.yaml",
        "id: time_to_market\nname: Time to market\ndirection: cost\nscale: {min: 0, max: 1e308}\nrubric: {0: now, 1e308: never}\n",
    );
    let dir_arg = dir.path().to_str().unwrap();
    let init = run(&["init", "--template", "innovation", "--criteria-dir", dir_arg], "").success();
    let text = stdout(&init);
    assert!(!text.contains("inf"), "{text}");
    assert!(text.contains("time_to_market: 7.5e307"), "{text}");
    run(&["check", "-", "--criteria-dir", dir_arg], &text).success();
}

#[test]
fn ahp_data_errors_in_csv_alternatives_are_located_at_their_row() {
    let yaml = "name: t\ncriteria: [{id: gain}, {id: cost, direction: cost}]\nalternatives:\n  - {id: x, scores: {gain: 1, cost: 1}}\n";
    let csv = TempFile::new("ahp.csv", b"id,gain,cost\na,1,2\n\nb,-1,0\nc,3,4\n");
    let shown = csv.path().to_owned();
    let expected = [
        format!(
            "{shown}:4: gain: `--method ahp` needs scores >= 0 under benefit criterion `gain` (its priorities are x / sum(x)), found -1"
        ),
        format!(
            "{shown}:4: cost: `--method ahp` needs scores > 0 under cost criterion `cost` (its priorities are (1/x) / sum(1/x)), found 0"
        ),
    ];
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    for command in ["rank", "check"] {
        assert_errors(
            run(&[command, "-", "--alternatives", csv.path(), "--method", "ahp"], yaml),
            &expected,
        );
    }
    run(&["check", "-", "--alternatives", csv.path()], yaml).success();
}
