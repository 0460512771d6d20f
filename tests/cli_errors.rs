//! Invalid problem files as a user meets them on the command line: every
//! error the format lists and every edge rule, each checked for exit code 2,
//! nothing on standard output and the exact located `error:` lines on
//! standard error (`FILE:LINE:COLUMN: PATH: MESSAGE`).
//!
//! Inputs are inline YAML given on standard input (`-`, named `<stdin>` in
//! messages) unless the test is about files.

use std::time::Duration;

use crate::common::{Dir, TempFile, assert_errors, innorank};

use assert_cmd::assert::Assert;

/// The keys each mapping accepts, as listed in unknown-key messages.
const PROBLEM_KEYS: &str = "`version`, `name`, `description`, `core`, `criteria`, `comparisons`, `judges`, `matrix`, `alternative_comparisons`, `alternatives`, `screening`, `portfolio`";
const CRITERION_KEYS: &str = "`id`, `use`, `name`, `description`, `direction`, `unit`, `scale`, `target`, `levels`, `rubric`, `weight`, `criteria`, `comparisons`, `judges`, `matrix`, `derive`, `baseline`";
const ALTERNATIVE_KEYS: &str = "`id`, `name`, `description`, `scores`, `assets`, `platforms`, `volume`, `uses`";
const RULE_KEYS: &str = "`criterion`, `min`, `max`";

/// `innorank ARGS` with `input` on standard input.
fn run(args: &[&str], input: impl Into<Vec<u8>>) -> Assert {
    innorank(args).stdin(input).timeout(Duration::from_secs(20)).assert()
}

/// `innorank check -` with `input` on standard input.
fn check(input: impl Into<Vec<u8>>) -> Assert {
    run(&["check", "-"], input)
}

/// `check -` on `yaml` fails with exactly these errors.
fn rejects(yaml: impl Into<Vec<u8>>, expected: &[&str]) {
    assert_errors(check(yaml), expected);
}

/// `check -` on `yaml` succeeds with nothing on standard error.
fn accepts(yaml: impl Into<Vec<u8>>) {
    let assert = check(yaml);
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr:\n{stderr}");
    assert!(stderr.is_empty(), "stderr:\n{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("ok"));
}

// ---------------------------------------------------------------------------
// Non-finite and out-of-range numbers

/// Two leaves; `risk`'s score for `p1` is `value`, which lands on line 8,
/// column 29.
fn with_risk_score(value: &str) -> String {
    format!(
        "name: t
criteria:
  - id: gain
  - id: risk
    direction: cost
alternatives:
  - id: p1
    scores: {{gain: 3, risk: {value}}}
  - id: p2
    scores: {{gain: 4, risk: 2}}
"
    )
}

#[test]
fn nan_score_is_located_and_rejected() {
    rejects(
        with_risk_score(".nan"),
        &["<stdin>:8:29: alternatives[0].scores.risk: must be a finite number, found `.nan`"],
    );
}

#[test]
fn inf_score_is_located_and_rejected() {
    rejects(
        with_risk_score(".inf"),
        &["<stdin>:8:29: alternatives[0].scores.risk: must be a finite number, found `.inf`"],
    );
}

#[test]
fn negative_inf_score_is_located_and_rejected() {
    rejects(
        with_risk_score("-.inf"),
        &["<stdin>:8:29: alternatives[0].scores.risk: must be a finite number, found `-.inf`"],
    );
}

#[test]
fn quoted_nan_score_is_rejected_as_non_finite() {
    rejects(
        with_risk_score("\"NaN\""),
        &["<stdin>:8:29: alternatives[0].scores.risk: must be a finite number, found `NaN`"],
    );
}

#[test]
fn overflowing_score_is_out_of_range_not_an_unknown_level() {
    rejects(
        with_risk_score("1e400"),
        &["<stdin>:8:29: alternatives[0].scores.risk: number `1e400` is out of range"],
    );
}

#[test]
fn overflowing_negative_score_is_out_of_range() {
    rejects(
        with_risk_score("-1e400"),
        &["<stdin>:8:29: alternatives[0].scores.risk: number `-1e400` is out of range"],
    );
}

/// A target leaf whose `target` is `value` (line 6, column 13).
fn with_target(value: &str) -> String {
    format!(
        "name: t
criteria:
  - id: gain
  - id: balance
    direction: target
    target: {value}
alternatives:
  - id: p1
    scores: {{gain: 3, balance: 0.5}}
"
    )
}

#[test]
fn nan_target_is_located_and_rejected() {
    rejects(
        with_target(".nan"),
        &["<stdin>:6:13: criteria[1].target: must be a finite number, found `.nan`"],
    );
}

#[test]
fn inf_target_is_located_and_rejected() {
    rejects(
        with_target(".inf"),
        &["<stdin>:6:13: criteria[1].target: must be a finite number, found `.inf`"],
    );
}

#[test]
fn negative_inf_target_is_located_and_rejected() {
    rejects(
        with_target("-.inf"),
        &["<stdin>:6:13: criteria[1].target: must be a finite number, found `-.inf`"],
    );
}

#[test]
fn overflowing_target_is_out_of_range() {
    rejects(
        with_target("1e400"),
        &["<stdin>:6:13: criteria[1].target: number `1e400` is out of range"],
    );
}

/// Two weighted leaves; the first weight is `value` (line 4, column 13).
fn with_weight(value: &str) -> String {
    format!(
        "name: t
criteria:
  - id: gain
    weight: {value}
  - id: risk
    weight: 1
alternatives:
  - id: p1
    scores: {{gain: 3, risk: 2}}
"
    )
}

#[test]
fn nan_weight_is_located_and_rejected() {
    rejects(
        with_weight(".nan"),
        &["<stdin>:4:13: criteria[0].weight: must be a finite number, found `.nan`"],
    );
}

#[test]
fn inf_weight_is_located_and_rejected() {
    rejects(
        with_weight(".inf"),
        &["<stdin>:4:13: criteria[0].weight: must be a finite number, found `.inf`"],
    );
}

#[test]
fn negative_inf_weight_is_located_and_rejected() {
    rejects(
        with_weight("-.inf"),
        &["<stdin>:4:13: criteria[0].weight: must be a finite number, found `-.inf`"],
    );
}

#[test]
fn overflowing_weight_is_out_of_range() {
    rejects(
        with_weight("1e400"),
        &["<stdin>:4:13: criteria[0].weight: number `1e400` is out of range"],
    );
}

#[test]
fn negative_weight_is_rejected() {
    rejects(
        with_weight("-2"),
        &["<stdin>:4:13: criteria[0].weight: weight must be >= 0, found -2"],
    );
}

// ---------------------------------------------------------------------------
// Scores and ids

#[test]
fn missing_score_names_the_leaf() {
    rejects(
        "name: t
criteria:
  - id: gain
  - id: risk
alternatives:
  - id: p1
    scores: {gain: 3}
",
        &["<stdin>:7:13: alternatives[0].scores: missing score for `risk`"],
    );
}

#[test]
fn score_for_unknown_criterion_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
alternatives:
  - id: p1
    scores: {gain: 3, gian: 4}
",
        &["<stdin>:6:29: alternatives[0].scores.gian: `gian` is not a leaf criterion (did you mean `gain`?)"],
    );
}

#[test]
fn score_for_parent_criterion_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: market
    criteria:
      - id: demand
      - id: channel
alternatives:
  - id: p1
    scores: {demand: 3, channel: 4, market: 5}
",
        &["<stdin>:9:45: alternatives[0].scores.market: `market` has sub-criteria; score its leaves instead"],
    );
}

#[test]
fn duplicate_criterion_id_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
  - id: gain
alternatives:
  - id: p1
    scores: {gain: 3}
",
        &["<stdin>:4:9: criteria[1].id: duplicate id `gain` (also at criteria[0].id)"],
    );
}

#[test]
fn duplicate_criterion_id_nested_in_sub_criteria_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: demand
  - id: market
    criteria:
      - id: demand
      - id: channel
alternatives:
  - id: p1
    scores: {demand: 3, channel: 4}
",
        &["<stdin>:6:13: criteria[1].criteria[0].id: duplicate id `demand` (also at criteria[0].id)"],
    );
}

#[test]
fn duplicate_alternative_id_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
alternatives:
  - id: p1
    scores: {gain: 3}
  - id: p1
    scores: {gain: 4}
",
        &["<stdin>:7:9: alternatives[1].id: duplicate id `p1` (also at alternatives[0].id)"],
    );
}

#[test]
fn uppercase_criterion_id_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: Risk
alternatives:
  - id: p1
    scores: {Risk: 3}
",
        &["<stdin>:3:9: criteria[0].id: criterion id `Risk` must be lowercase letters, digits, `_` or `-`"],
    );
}

#[test]
fn criterion_id_with_space_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: my risk
alternatives:
  - id: p1
    scores: {my risk: 3}
",
        &["<stdin>:3:9: criteria[0].id: criterion id `my risk` must be lowercase letters, digits, `_` or `-`"],
    );
}

#[test]
fn alternative_id_of_65_characters_is_rejected() {
    let id = "a".repeat(65);
    rejects(
        format!(
            "name: t
criteria:
  - id: gain
alternatives:
  - id: {id}
    scores: {{gain: 3}}
"
        ),
        &[&format!(
            "<stdin>:5:9: alternatives[0].id: alternative id `{id}` must be 1-64 letters, digits, `_`, `-` or `.`"
        )],
    );
}

#[test]
fn alternative_id_of_64_characters_is_accepted() {
    accepts(format!(
        "name: t
criteria:
  - id: gain
alternatives:
  - id: {}
    scores: {{gain: 3}}
  - id: v1.2_final-B
    scores: {{gain: 4}}
",
        "a".repeat(64)
    ));
}

#[test]
fn alternative_id_with_bad_characters_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
alternatives:
  - id: p 1/x
    scores: {gain: 3}
",
        &["<stdin>:5:9: alternatives[0].id: alternative id `p 1/x` must be 1-64 letters, digits, `_`, `-` or `.`"],
    );
}

// ---------------------------------------------------------------------------
// Judgments

/// Three leaves `a`, `b`, `c` and root `comparisons` from line 8 on.
fn with_comparisons(triples: &str) -> String {
    format!(
        "name: t
criteria:
  - id: a
  - id: b
  - id: c
alternatives:
  - {{id: p1, scores: {{a: 1, b: 2, c: 3}}}}
comparisons:
{triples}"
    )
}

#[test]
fn zero_judgment_is_rejected() {
    rejects(
        with_comparisons("  - [a, b, 0]\n  - [b, c, 2]\n"),
        &["<stdin>:9:12: comparisons[0][2]: a judgment must be positive, found 0"],
    );
}

#[test]
fn negative_judgment_is_rejected() {
    rejects(
        with_comparisons("  - [a, b, 2]\n  - [b, c, -3]\n"),
        &["<stdin>:10:12: comparisons[1][2]: a judgment must be positive, found -3"],
    );
}

#[test]
fn bad_fraction_string_is_rejected() {
    rejects(
        with_comparisons("  - [a, b, \"1/x\"]\n  - [b, c, 2]\n"),
        &["<stdin>:9:12: comparisons[0][2]: `1/x` is not a number or a fraction like \"1/3\""],
    );
}

#[test]
fn fraction_judgments_quoted_or_plain_are_accepted() {
    accepts(with_comparisons(
        "  - [a, b, \"1/3\"]\n  - [b, c, 1/2]\n  - [a, c, 0.25]\n",
    ));
}

#[test]
fn non_finite_judgment_is_rejected() {
    rejects(
        with_comparisons("  - [a, b, .inf]\n  - [b, c, 2]\n"),
        &["<stdin>:9:12: comparisons[0][2]: must be a finite number, found `.inf`"],
    );
}

#[test]
fn self_comparison_is_rejected() {
    rejects(
        with_comparisons("  - [a, b, 2]\n  - [b, b, 1]\n"),
        &["<stdin>:10:5: comparisons[1]: `b` is compared with itself"],
    );
}

#[test]
fn pair_stated_twice_in_same_order_is_rejected() {
    rejects(
        with_comparisons("  - [a, b, 2]\n  - [b, c, 2]\n  - [a, b, 3]\n"),
        &["<stdin>:11:5: comparisons[2]: the pair `a`, `b` is already judged at comparisons[0]"],
    );
}

#[test]
fn pair_stated_twice_reversed_is_rejected() {
    rejects(
        with_comparisons("  - [a, b, 2]\n  - [b, c, 2]\n  - [b, a, \"1/2\"]\n"),
        &["<stdin>:11:5: comparisons[2]: the pair `b`, `a` is already judged at comparisons[0]"],
    );
}

#[test]
fn judgment_naming_a_criterion_of_another_node_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: risk
  - id: market
    criteria:
      - id: demand
      - id: channel
    comparisons:
      - [demand, risk, 2]
alternatives:
  - {id: p1, scores: {risk: 1, demand: 2, channel: 3}}
comparisons:
  - [risk, demand, 3]
",
        &[
            "<stdin>:9:18: criteria[1].comparisons[0][1]: `risk` is not compared here; this node's criteria are `demand`, `channel`",
            "<stdin>:13:12: comparisons[0][1]: `demand` is not compared here; this node's criteria are `risk`, `market`",
        ],
    );
}

#[test]
fn judgment_with_two_items_is_rejected() {
    rejects(
        with_comparisons("  - [a, b]\n"),
        &["<stdin>:9:5: comparisons[0]: a judgment is a list `[a, b, value]`; found 2 items"],
    );
}

#[test]
fn judgment_with_four_items_is_rejected() {
    rejects(
        with_comparisons("  - [a, b, 2, 3]\n"),
        &["<stdin>:9:5: comparisons[0]: a judgment is a list `[a, b, value]`; found 4 items"],
    );
}

#[test]
fn disconnected_judgments_name_the_groups() {
    rejects(
        "name: t
criteria:
  - id: a
  - id: b
  - id: c
  - id: d
alternatives:
  - {id: p1, scores: {a: 1, b: 2, c: 3, d: 4}}
comparisons:
  - [a, b, 2]
  - [d, c, 3]
",
        &[
            "<stdin>:10:3: comparisons: the judgments do not link all criteria: [a, b] and [c, d] are not compared with each other; add a judgment between the groups",
        ],
    );
}

#[test]
fn incomplete_but_connected_judgments_are_accepted() {
    let assert = check(with_comparisons("  - [a, b, 2]\n  - [b, c, 3]\n"));
    assert.success();
}

// ---------------------------------------------------------------------------
// Matrices

/// Three leaves and a root `matrix` from line 8 on.
fn with_matrix(rows: &str) -> String {
    format!(
        "name: t
criteria:
  - id: a
  - id: b
  - id: c
alternatives:
  - {{id: p1, scores: {{a: 1, b: 2, c: 3}}}}
matrix:
{rows}"
    )
}

#[test]
fn matrix_with_too_few_rows_is_rejected() {
    rejects(
        with_matrix("  - [1, 2, 4]\n  - [\"1/2\", 1, 2]\n"),
        &["<stdin>:9:3: matrix: the matrix has 2 rows; this node has 3 criteria"],
    );
}

#[test]
fn matrix_with_a_short_row_is_rejected() {
    rejects(
        with_matrix("  - [1, 2, 4]\n  - [\"1/2\", 1]\n  - [\"1/4\", \"1/2\", 1]\n"),
        &["<stdin>:10:5: matrix[1]: row has 2 entries, expected 3"],
    );
}

#[test]
fn matrix_with_non_positive_entry_is_rejected() {
    rejects(
        with_matrix("  - [1, 2, 0]\n  - [\"1/2\", 1, 2]\n  - [4, \"1/2\", 1]\n"),
        &["<stdin>:9:12: matrix[0][2]: a judgment must be positive, found 0"],
    );
}

#[test]
fn matrix_diagonal_other_than_one_is_rejected() {
    rejects(
        with_matrix("  - [1, 2, 4]\n  - [\"1/2\", 3, 2]\n  - [\"1/4\", \"1/2\", 1]\n"),
        &["<stdin>:10:13: matrix[1][1]: a diagonal entry must be 1, found 3"],
    );
}

#[test]
fn matrix_not_reciprocal_is_rejected() {
    rejects(
        with_matrix("  - [1, 2, 4]\n  - [\"1/2\", 1, 2]\n  - [\"1/4\", 0.4, 1]\n"),
        &["<stdin>:11:13: matrix[2][1]: must be the reciprocal of `b` over `c` (2), found 0.4"],
    );
}

#[test]
fn consistent_matrix_is_accepted() {
    accepts(with_matrix("  - [1, 2, 4]\n  - [\"1/2\", 1, 2]\n  - [0.25, 0.5, 1]\n"));
}

#[test]
fn matrix_and_comparisons_at_one_node_are_rejected() {
    rejects(
        with_matrix("  - [1, 2, 4]\n  - [\"1/2\", 1, 2]\n  - [\"1/4\", \"1/2\", 1]\ncomparisons:\n  - [a, b, 2]\n"),
        &["<stdin>:9:3: matrix: give `comparisons` or `matrix`, not both"],
    );
}

// ---------------------------------------------------------------------------
// Weights

#[test]
fn weight_on_some_children_only_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: market
    criteria:
      - {id: demand, weight: 2}
      - {id: channel}
alternatives:
  - {id: p1, scores: {demand: 1, channel: 2}}
",
        &[
            "<stdin>:6:9: criteria[0].criteria[1]: `weight` is given on some sub-criteria of this node but not on `channel`; give it on all or none",
        ],
    );
}

#[test]
fn all_zero_weights_are_rejected() {
    rejects(
        "name: t
criteria:
  - {id: gain, weight: 0}
  - {id: risk, weight: 0.0}
alternatives:
  - {id: p1, scores: {gain: 3, risk: 2}}
",
        &["<stdin>:3:3: criteria: the weights of this node are all zero"],
    );
}

#[test]
fn weights_and_comparisons_at_one_node_are_rejected() {
    rejects(
        "name: t
criteria:
  - {id: gain, weight: 2}
  - {id: risk, weight: 1}
comparisons:
  - [gain, risk, 3]
alternatives:
  - {id: p1, scores: {gain: 3, risk: 2}}
",
        &[
            "<stdin>:6:3: comparisons: `comparisons` and `weight:` on sub-criteria both set this node's weights; keep one",
        ],
    );
}

// ---------------------------------------------------------------------------
// Leaves, parents and directions

#[test]
fn target_leaf_without_target_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: balance
    direction: target
alternatives:
  - {id: p1, scores: {balance: 0.5}}
",
        &["<stdin>:4:16: criteria[0].direction: a target criterion needs `target`"],
    );
}

#[test]
fn target_on_a_cost_leaf_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: cost
    direction: cost
    target: 3
alternatives:
  - {id: p1, scores: {cost: 1}}
",
        &["<stdin>:5:13: criteria[0].target: `target` is only allowed with `direction: target`"],
    );
}

#[test]
fn target_without_direction_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: balance
    target: 0.5
alternatives:
  - {id: p1, scores: {balance: 1}}
",
        &["<stdin>:4:13: criteria[0].target: `target` is only allowed with `direction: target`"],
    );
}

#[test]
fn direction_on_a_parent_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: market
    direction: benefit
    criteria:
      - id: demand
alternatives:
  - {id: p1, scores: {demand: 1}}
",
        &[
            "<stdin>:4:16: criteria[0].direction: `direction` is not allowed on a parent criterion (one with sub-criteria)",
        ],
    );
}

#[test]
fn comparisons_on_a_leaf_are_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
    comparisons:
      - [a, b, 2]
alternatives:
  - {id: p1, scores: {gain: 1}}
",
        &["<stdin>:5:7: criteria[0].comparisons: `comparisons` is only allowed on a criterion with sub-criteria"],
    );
}

#[test]
fn empty_criteria_list_is_rejected() {
    rejects(
        "name: t
criteria: []
alternatives:
  - {id: p1, scores: {}}
",
        &["<stdin>:2:11: criteria: must list at least one criterion"],
    );
}

#[test]
fn criteria_key_without_value_is_located_on_its_own_line() {
    // `criteria:` with nothing after it is null; the error must point at
    // line 2, not at the `alternatives:` key on line 3.
    rejects(
        "name: t
criteria:
alternatives:
  - {id: p1, scores: {}}
",
        &["<stdin>:2:1: criteria: must list at least one criterion"],
    );
}

#[test]
fn empty_alternatives_list_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
alternatives: []
",
        &["<stdin>:4:15: alternatives: must list at least one alternative"],
    );
}

#[test]
fn empty_sub_criteria_list_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
  - id: market
    criteria: []
alternatives:
  - {id: p1, scores: {gain: 1}}
",
        &["<stdin>:5:15: criteria[1].criteria: must list at least one sub-criterion"],
    );
}

// ---------------------------------------------------------------------------
// Scales and levels

/// `a` has a 1..9 scale, `b` levels low/high, `c` neither; `p1`'s scores
/// are on line 7.
fn with_scored(scores: &str) -> String {
    format!(
        "name: t
criteria:
  - {{id: a, scale: {{min: 1, max: 9}}}}
  - {{id: b, levels: {{low: 1, high: 5}}}}
  - {{id: c}}
alternatives:
  - {{id: p1, scores: {{{scores}}}}}
"
    )
}

#[test]
fn score_outside_scale_is_rejected() {
    rejects(
        with_scored("a: 10, b: low, c: 1"),
        &["<stdin>:7:26: alternatives[0].scores.a: score 10 is outside the scale 1..9 of `a`"],
    );
}

#[test]
fn scale_bounds_are_inclusive() {
    accepts(with_scored("a: 9, b: high, c: 1"));
}

#[test]
fn unknown_level_name_lists_the_levels() {
    rejects(
        with_scored("a: 5, b: medium, c: 1"),
        &["<stdin>:7:32: alternatives[0].scores.b: `medium` is not a level of `b`; its levels are `low`, `high`"],
    );
}

#[test]
fn level_name_on_criterion_without_levels_is_rejected() {
    rejects(
        with_scored("a: 5, b: low, c: high"),
        &["<stdin>:7:40: alternatives[0].scores.c: `high` is not a number, and `c` has no named levels"],
    );
}

// ---------------------------------------------------------------------------
// Screening rules

/// Leaves `a` (levels low/high) and `b`, parent `m` over `c`; screening
/// rules from line 10 on.
fn with_rules(rules: &str) -> String {
    format!(
        "name: t
criteria:
  - {{id: a, levels: {{low: 1, high: 5}}}}
  - {{id: b}}
  - id: m
    criteria: [{{id: c}}]
alternatives:
  - {{id: p1, scores: {{a: low, b: 2, c: 3}}}}
screening:
{rules}"
    )
}

#[test]
fn screening_rule_on_unknown_criterion_is_rejected() {
    rejects(
        with_rules("  - {criterion: z, max: 3}\n"),
        &["<stdin>:10:17: screening[0].criterion: `z` is not a leaf criterion"],
    );
}

#[test]
fn screening_rule_on_a_parent_is_rejected() {
    rejects(
        with_rules("  - {criterion: m, max: 3}\n"),
        &["<stdin>:10:17: screening[0].criterion: `m` has sub-criteria; a screening rule must name a leaf criterion"],
    );
}

#[test]
fn screening_rule_without_bounds_is_rejected() {
    rejects(
        with_rules("  - {criterion: b}\n"),
        &["<stdin>:10:5: screening[0]: a screening rule needs `min`, `max` or both"],
    );
}

#[test]
fn screening_rule_with_min_above_max_is_rejected() {
    rejects(
        with_rules("  - {criterion: b, min: 5, max: 3}\n"),
        &["<stdin>:10:5: screening[0]: min 5 is greater than max 3"],
    );
}

#[test]
fn screening_rule_with_levels_min_above_max_is_rejected() {
    rejects(
        with_rules("  - {criterion: a, min: high, max: low}\n"),
        &["<stdin>:10:5: screening[0]: min 5 is greater than max 1"],
    );
}

#[test]
fn screening_rule_with_unknown_level_is_rejected() {
    rejects(
        with_rules("  - {criterion: a, min: medium}\n"),
        &["<stdin>:10:25: screening[0].min: `medium` is not a level of `a`; its levels are `low`, `high`"],
    );
}

#[test]
fn screening_rule_with_level_on_criterion_without_levels_is_rejected() {
    rejects(
        with_rules("  - {criterion: b, max: high}\n"),
        &["<stdin>:10:25: screening[0].max: `high` is not a number, and `b` has no named levels"],
    );
}

#[test]
fn screening_rule_with_equal_bounds_and_levels_is_accepted() {
    accepts(with_rules(
        "  - {criterion: b, min: 2, max: 2}\n  - {criterion: a, min: low}\n",
    ));
}

// ---------------------------------------------------------------------------
// Unknown and duplicate keys

#[test]
fn unknown_top_level_key_is_rejected_with_a_suggestion() {
    rejects(
        "name: t
critera: []
criteria:
  - id: gain
alternatives:
  - {id: p1, scores: {gain: 1}}
",
        &[&format!(
            "<stdin>:2:1: critera: unknown key `critera` (did you mean `criteria`?); expected one of {PROBLEM_KEYS}"
        )],
    );
}

#[test]
fn unknown_key_in_a_criterion_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
    directon: cost
alternatives:
  - {id: p1, scores: {gain: 1}}
",
        &[&format!(
            "<stdin>:4:5: criteria[0].directon: unknown key `directon` (did you mean `direction`?); expected one of {CRITERION_KEYS}"
        )],
    );
}

#[test]
fn unknown_key_in_a_sub_criterion_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: market
    criteria:
      - {id: demand, wieght: 2}
alternatives:
  - {id: p1, scores: {demand: 1}}
",
        &[&format!(
            "<stdin>:5:22: criteria[0].criteria[0].wieght: unknown key `wieght` (did you mean `weight`?); expected one of {CRITERION_KEYS}"
        )],
    );
}

#[test]
fn unknown_key_in_an_alternative_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
alternatives:
  - id: p1
    score: {gain: 1}
",
        &[&format!(
            "<stdin>:6:5: alternatives[0].score: unknown key `score` (did you mean `scores`?); expected one of {ALTERNATIVE_KEYS}"
        )],
    );
}

#[test]
fn unknown_key_in_a_screening_rule_is_rejected() {
    rejects(
        with_rules("  - {criterion: b, maximum: 3}\n"),
        &[&format!(
            "<stdin>:10:20: screening[0].maximum: unknown key `maximum`; expected one of {RULE_KEYS}"
        )],
    );
}

#[test]
fn duplicate_top_level_key_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
alternatives:
  - {id: p1, scores: {gain: 1}}
name: u
",
        &["<stdin>:6:1: name: duplicate key `name` (first given on line 1)"],
    );
}

#[test]
fn duplicate_key_in_a_criterion_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
    direction: cost
    direction: benefit
alternatives:
  - {id: p1, scores: {gain: 1}}
",
        &["<stdin>:5:5: criteria[0].direction: duplicate key `direction` (first given on line 4)"],
    );
}

#[test]
fn duplicate_key_in_scores_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
alternatives:
  - id: p1
    scores:
      gain: 1
      gain: 2
",
        &["<stdin>:8:7: alternatives[0].scores.gain: duplicate key `gain` (first given on line 7)"],
    );
}

#[test]
fn duplicate_key_in_levels_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: fit
    levels:
      low: 1
      high: 5
      low: 2
alternatives:
  - {id: p1, scores: {fit: low}}
",
        &["<stdin>:7:7: criteria[0].levels.low: duplicate key `low` (first given on line 5)"],
    );
}

#[test]
fn duplicate_judge_in_group_comparisons_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: a
  - id: b
comparisons:
  ann: [[a, b, 2]]
  bob: [[a, b, 3]]
  ann: [[a, b, 4]]
alternatives:
  - {id: p1, scores: {a: 1, b: 2}}
",
        &["<stdin>:8:3: comparisons.ann: duplicate key `ann` (first given on line 6)"],
    );
}

// ---------------------------------------------------------------------------
// The document itself

const VALID: &str = "name: t
criteria:
  - id: gain
alternatives:
  - {id: p1, scores: {gain: 1}}
";

#[test]
fn unsupported_version_is_rejected() {
    rejects(
        format!("version: 2\n{VALID}"),
        &["<stdin>:1:10: version: unsupported format version `2`; only 1 exists"],
    );
}

#[test]
fn version_1_is_accepted() {
    accepts(format!("version: 1\n{VALID}"));
}

#[test]
fn empty_file_is_rejected() {
    rejects("", &["<stdin>: the file is empty"]);
}

#[test]
fn file_of_only_comments_is_rejected_as_empty() {
    rejects("# a problem\n\n   # to be written\n", &["<stdin>: the file is empty"]);
}

#[test]
fn second_document_is_rejected() {
    rejects(
        format!("{VALID}---\nname: u\n"),
        &["<stdin>:6:1: a problem file holds one YAML document; found another here"],
    );
}

#[test]
fn trailing_document_marker_is_rejected() {
    rejects(
        format!("{VALID}---\n"),
        &["<stdin>:6:1: a problem file holds one YAML document; found another here"],
    );
}

#[test]
fn leading_document_marker_is_accepted() {
    accepts(format!("---\n{VALID}...\n"));
}

#[test]
fn merge_key_in_scores_is_rejected() {
    rejects(
        "name: t
criteria:
  - id: gain
  - id: risk
alternatives:
  - id: p1
    scores: &typical {gain: 1, risk: 2}
  - id: p2
    scores: {<<: *typical, risk: 3}
",
        &["<stdin>:9:14: alternatives[1].scores: merge keys (`<<`) are not supported; write the fields out"],
    );
}

#[test]
fn merge_key_in_a_criterion_is_reported_once() {
    // One problem, one message: not also "unknown key `<<`".
    rejects(
        "name: t
criteria:
  - &cost {id: a, direction: cost}
  - {<<: *cost, id: b}
alternatives:
  - {id: p1, scores: {a: 1, b: 2}}
",
        &["<stdin>:4:6: criteria[1]: merge keys (`<<`) are not supported; write the fields out"],
    );
}

#[test]
fn custom_tag_is_rejected() {
    // Located at the tag itself (column 29), where the user must edit.
    rejects(
        "name: t
criteria:
  - id: cost
alternatives:
  - {id: p1, scores: {cost: !money 90}}
",
        &["<stdin>:5:29: alternatives[0].scores.cost: tags such as `!money` are not supported"],
    );
}

#[test]
fn wrong_shapes_are_explained_without_rust_type_names() {
    // Where a mapping is expected and something else is found, the message
    // is located and speaks the format's words, not the loader's types
    // (`expected struct RawCriterion`). The wording itself is not fixed here.
    for (yaml, located) in [
        ("- name: t\n- criteria: []\n", "error: <stdin>:1:1: "),
        ("just a sentence\n", "error: <stdin>:1:1: "),
        (
            "name: t\ncriteria: [5]\nalternatives:\n  - {id: p1, scores: {a: 1}}\n",
            "error: <stdin>:2:12: criteria[0]: ",
        ),
        (
            "name: t\ncriteria:\n  - {id: a, scale: 5}\nalternatives:\n  - {id: p1, scores: {a: 1}}\n",
            "error: <stdin>:3:20: criteria[0].scale: ",
        ),
        (
            "name: t\ncriteria:\n  - {id: a}\nalternatives:\n  - 5\n",
            "error: <stdin>:5:5: alternatives[0]: ",
        ),
        (
            "name: t\ncriteria:\n  - {id: a}\nalternatives:\n  - {id: p1, scores: {a: 1}}\nscreening: [5]\n",
            "error: <stdin>:6:13: screening[0]: ",
        ),
    ] {
        let assert = check(yaml);
        let output = assert.get_output();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{yaml}");
        assert!(output.stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with(located), "expected `{located}...`, got: {stderr}");
        assert!(
            !stderr.contains("Raw") && !stderr.contains("struct"),
            "the message names a Rust type: {stderr}"
        );
    }
}

// ---------------------------------------------------------------------------
// Encoding

#[test]
fn invalid_utf8_is_located_at_the_bad_byte() {
    let mut bytes = b"name: t\ncriteria:\n  - id: gain\nalternatives:\n  - {id: p1, name: \"caf".to_vec();
    bytes.push(0xE9); // Latin-1 e-acute
    bytes.extend_from_slice(b"\", scores: {gain: 1}}\n");
    rejects(bytes, &["<stdin>:5:24: the file is not valid UTF-8 (save it as UTF-8)"]);
}

#[test]
fn invalid_utf8_column_counts_characters_not_bytes() {
    let mut bytes = "name: t\ncriteria:\n  - id: gain\nalternatives:\n  - {id: p1, name: \"ééé"
        .as_bytes()
        .to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(b"\", scores: {gain: 1}}\n");
    rejects(bytes, &["<stdin>:5:24: the file is not valid UTF-8 (save it as UTF-8)"]);
}

#[test]
fn nul_byte_is_located() {
    let bytes = b"name: t\ncriteria:\n  - id: gain\nalternatives:\n  - {id: p1, name: \"ab\0c\", scores: {gain: 1}}\n";
    rejects(bytes.to_vec(), &["<stdin>:5:23: the file contains a NUL byte"]);
}

#[test]
fn utf8_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(VALID.as_bytes());
    accepts(bytes);
}

#[test]
fn byte_order_mark_does_not_shift_columns() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(b"name: t\ncriteria:\n  - {id: gain}\nalternatives:\n  - {id: p1, scores: {gain: .nan}}\n");
    rejects(
        bytes,
        &["<stdin>:5:29: alternatives[0].scores.gain: must be a finite number, found `.nan`"],
    );
}

// ---------------------------------------------------------------------------
// Files and sizes

#[test]
fn file_larger_than_max_size_is_refused() {
    let file = TempFile::new("big.yaml", VALID.as_bytes());
    let path = file.path();
    let limit = (VALID.len() - 1).to_string();
    assert_errors(
        run(&["check", path, "--max-size", &limit], ""),
        &[&format!(
            "{path}: the file is larger than {limit} bytes; raise the limit with --max-size or put alternatives in a CSV file"
        )],
    );
}

#[test]
fn file_of_exactly_max_size_is_accepted() {
    let file = TempFile::new("exact.yaml", VALID.as_bytes());
    let limit = VALID.len().to_string();
    run(&["check", file.path(), "--max-size", &limit], "").success();
}

#[test]
fn stdin_larger_than_max_size_is_refused() {
    assert_errors(
        run(&["check", "-", "--max-size", "20"], VALID),
        &[
            "<stdin>: the file is larger than 20 bytes; raise the limit with --max-size or put alternatives in a CSV file",
        ],
    );
}

#[test]
fn nonexistent_file_is_named() {
    let dir = Dir::new("missing");
    let path = dir.join("missing.yaml");
    let path = path.to_str().unwrap();
    assert_errors(
        run(&["check", path], ""),
        &[&format!(
            "{path}: cannot read the file: No such file or directory (os error 2)"
        )],
    );
}

#[test]
fn errors_in_a_file_are_prefixed_with_its_path() {
    let file = TempFile::new("nan.yaml", with_risk_score(".nan").as_bytes());
    let path = file.path();
    assert_errors(
        run(&["check", path], ""),
        &[&format!(
            "{path}:8:29: alternatives[0].scores.risk: must be a finite number, found `.nan`"
        )],
    );
}

#[test]
fn every_command_rejects_invalid_input_with_nothing_on_stdout() {
    for args in [
        &["rank", "-"][..],
        &["rank", "-", "--format", "json"],
        &["rank", "-", "--format", "csv"],
        &["weights", "-", "--format", "json"],
        // `check --format json` prints its verdict (`"valid": false`) on
        // stdout: tests/overflow.rs.
    ] {
        assert_errors(
            run(args, with_risk_score(".nan")),
            &["<stdin>:8:29: alternatives[0].scores.risk: must be a finite number, found `.nan`"],
        );
    }
}

// ---------------------------------------------------------------------------
// Several problems at once

#[test]
fn all_value_errors_are_reported_together_with_a_count() {
    rejects(
        "name: t
criteria:
  - id: gain
  - id: risk
    direction: target
  - id: gain
alternatives:
  - id: p1
    scores: {gain: .nan, risk: 1}
  - id: p1
    scores: {gain: 2}
comparisons:
  - [gain, risk, 0]
screening:
  - {criterion: risk, min: 5, max: 3}
",
        &[
            "<stdin>:5:16: criteria[1].direction: a target criterion needs `target`",
            "<stdin>:6:9: criteria[2].id: duplicate id `gain` (also at criteria[0].id)",
            "<stdin>:13:18: comparisons[0][2]: a judgment must be positive, found 0",
            "<stdin>:9:20: alternatives[0].scores.gain: must be a finite number, found `.nan`",
            "<stdin>:10:9: alternatives[1].id: duplicate id `p1` (also at alternatives[0].id)",
            "<stdin>:11:13: alternatives[1].scores: missing score for `risk`",
            "<stdin>:15:5: screening[0]: min 5 is greater than max 3",
        ],
    );
}

#[test]
fn all_key_errors_are_reported_together_with_a_count() {
    rejects(
        "name: t
criteria:
  - id: gain
    unit: kCNY
    unit: CNY
  - {id: risk, directon: cost}
alternatives:
  - id: p1
    scores: {gain: 1, risk: 2, gain: 3}
  - {id: p2, nmae: two, scores: {gain: 1, risk: 2}}
",
        &[
            "<stdin>:5:5: criteria[0].unit: duplicate key `unit` (first given on line 4)",
            &format!(
                "<stdin>:6:16: criteria[1].directon: unknown key `directon` (did you mean `direction`?); expected one of {CRITERION_KEYS}"
            ),
            "<stdin>:9:32: alternatives[0].scores.gain: duplicate key `gain` (first given on line 9)",
            &format!(
                "<stdin>:10:14: alternatives[1].nmae: unknown key `nmae` (did you mean `name`?); expected one of {ALTERNATIVE_KEYS}"
            ),
        ],
    );
}

#[test]
fn key_errors_and_value_errors_are_reported_together() {
    // A typo'd key must not hide a `.nan` score: the spec collects every
    // semantic problem in one run. Order is not prescribed here.
    let assert = check(
        "name: t
criteria:
  - {id: gain, unti: kCNY}
alternatives:
  - {id: p1, scores: {gain: .nan}}
",
    );
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut got: Vec<&str> = stderr.lines().collect();
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "error: 2 problems found; nothing was ranked",
            &format!(
                "error: <stdin>:3:16: criteria[0].unti: unknown key `unti` (did you mean `unit`?); expected one of {CRITERION_KEYS}"
            ),
            "error: <stdin>:5:29: alternatives[0].scores.gain: must be a finite number, found `.nan`",
        ],
        "\nstderr was:\n{stderr}"
    );
    assert!(stderr.ends_with("error: 2 problems found; nothing was ranked\n"));
    assert!(output.stdout.is_empty());
    assert_eq!(output.status.code(), Some(2));
}

// ---------------------------------------------------------------------------
// One mistake, one error: no follow-up errors, and "did you mean"

/// The shipped example with the first line equal to `line` replaced by
/// `with`, and the 1-based number of that line.
fn example_with(line: &str, with: &str) -> (String, usize) {
    let text = include_str!("../examples/innovation-proposals.yaml");
    let at = text.lines().position(|l| l == line).expect("the example has the line");
    let edited: Vec<&str> = text
        .lines()
        .enumerate()
        .map(|(i, l)| if i == at { with } else { l })
        .collect();
    (edited.join("\n") + "\n", at + 1)
}

#[test]
fn misspelt_id_key_on_a_leaf_gives_one_error() {
    // Was 26: every judgment, score and rule naming `relatedness`, and a
    // "missing score for ``" per alternative.
    let (yaml, line) = example_with("  - id: relatedness", "  - idd: relatedness");
    rejects(
        yaml,
        &[&format!(
            "<stdin>:{line}:5: criteria[2].idd: unknown key `idd` (did you mean `id`?); expected one of {CRITERION_KEYS}"
        )],
    );
}

#[test]
fn misspelt_id_key_on_a_parent_gives_one_error() {
    // Was 5: every top-level judgment naming `risk`, with `` among the
    // node's criteria.
    let (yaml, line) = example_with("  - id: risk", "  - idd: risk");
    rejects(
        yaml,
        &[&format!(
            "<stdin>:{line}:5: criteria[0].idd: unknown key `idd` (did you mean `id`?); expected one of {CRITERION_KEYS}"
        )],
    );
}

#[test]
fn misspelt_id_key_on_a_sub_criterion_gives_one_error() {
    let (yaml, line) = example_with("      - id: technical_risk", "      - idd: technical_risk");
    rejects(
        yaml,
        &[&format!(
            "<stdin>:{line}:9: criteria[0].criteria[0].idd: unknown key `idd` (did you mean `id`?); expected one of {CRITERION_KEYS}"
        )],
    );
}

/// A problem whose first criterion is `{use: NAME}`: the family `risk`
/// brings the three leaves the alternatives score and a rule screens on.
fn with_use(name: &str) -> String {
    format!(
        "name: t
criteria:
  - use: {name}
  - id: cost
    direction: cost
comparisons:
  - [risk, cost, 3]
alternatives:
  - {{id: p1, scores: {{technical_risk: 3, market_risk: 2, financial_exposure: 3, cost: 650}}}}
  - {{id: p2, scores: {{technical_risk: 6, market_risk: 5, financial_exposure: 6, cost: 2200}}}}
  - {{id: p3, scores: {{technical_risk: 5, market_risk: 4, financial_exposure: 4, cost: 1100}}}}
screening:
  - {{criterion: financial_exposure, max: 8}}
"
    )
}

#[test]
fn unknown_library_criterion_gives_one_error_with_a_suggestion() {
    accepts(with_use("risk"));
    // Was 12: the judgment naming `risk`, three scores per alternative for
    // the family's leaves, and the rule on one of them.
    rejects(
        with_use("riks"),
        &[
            "<stdin>:3:10: criteria[0].use: `riks` is not in the criteria library (did you mean `risk`?); it has `cost`, `depth_breadth`, `knowledge_reuse`, `market_demand`, `relatedness`, `risk`, `time_to_market`",
        ],
    );
}

#[test]
fn unknown_library_criterion_with_csv_alternatives_gives_one_error() {
    // Was 5: the CSV header checked against criteria that are not known.
    let csv = TempFile::new(
        "riks.csv",
        b"id,technical_risk,market_risk,financial_exposure,cost\np1,3,2,3,650\np2,6,5,6,2200\n",
    );
    let name = std::path::Path::new(csv.path()).file_name().unwrap().to_str().unwrap();
    let yaml = format!(
        "name: t\ncriteria:\n  - use: riks\n  - {{id: cost, direction: cost}}\nalternatives: {{csv: {name}}}\n"
    );
    let problem = TempFile::new("riks.yaml", yaml.as_bytes());
    let path = problem.path();
    assert_errors(
        run(&["check", path], ""),
        &[&format!(
            "{path}:3:10: criteria[0].use: `riks` is not in the criteria library (did you mean `risk`?); it has `cost`, `depth_breadth`, `knowledge_reuse`, `market_demand`, `relatedness`, `risk`, `time_to_market`"
        )],
    );
}

/// Two leaves `gain` and `cost`, judged, scored and screened by name; the
/// first criterion is written `first`.
fn naming_gain(first: &str) -> String {
    format!(
        "name: t
criteria:
  - {first}
  - {{id: cost, direction: cost}}
comparisons: [[gain, cost, 2]]
alternatives:
  - {{id: p1, scores: {{gain: 1, cost: 3}}}}
  - {{id: p2, scores: {{gain: 2, cost: 4}}}}
screening: [{{criterion: gain, min: 1}}]
alternative_comparisons: {{gain: [[p1, p2, 2]]}}
"
    )
}

#[test]
fn criterion_without_id_is_reported_once() {
    // Was 8: the judgment, a score and a missing score for `` per
    // alternative, the rule and the comparisons of alternatives.
    rejects(
        naming_gain("{name: Gain}"),
        &["<stdin>:3:5: criteria[0]: missing `id` (or `use` to take a criterion from the library)"],
    );
}

#[test]
fn criterion_without_id_is_not_reported_as_unlinked_or_unweighted() {
    // Each was 2: "[] and [b, c] are not compared", "not on ``".
    rejects(
        "name: t\ncriteria: [{name: A}, {id: b}, {id: c}]\ncomparisons: [[b, c, 2]]\nalternatives: [{id: p1, scores: {b: 1, c: 2}}]\n",
        &["<stdin>:2:12: criteria[0]: missing `id` (or `use` to take a criterion from the library)"],
    );
    rejects(
        "name: t\ncriteria: [{name: A}, {id: b, weight: 1}, {id: c, weight: 2}]\nalternatives: [{id: p1, scores: {b: 1, c: 2}}]\n",
        &["<stdin>:2:12: criteria[0]: missing `id` (or `use` to take a criterion from the library)"],
    );
}

#[test]
fn invalid_criterion_id_is_reported_once() {
    // Was 8, as without an id.
    rejects(
        naming_gain("{id: Gain}"),
        &["<stdin>:3:10: criteria[0].id: criterion id `Gain` must be lowercase letters, digits, `_` or `-`"],
    );
}

#[test]
fn two_criteria_without_id_are_not_duplicates() {
    rejects(
        "name: t\ncriteria: [{name: A}, {name: B}]\nalternatives: [{id: p1, scores: {}}]\n",
        &[
            "<stdin>:2:12: criteria[0]: missing `id` (or `use` to take a criterion from the library)",
            "<stdin>:2:23: criteria[1]: missing `id` (or `use` to take a criterion from the library)",
        ],
    );
}

#[test]
fn misspelt_id_key_on_an_alternative_is_not_echoed_as_missing() {
    // Was 2, "missing field `id`" after the typo; now its judgments are
    // not reported either.
    rejects(
        naming_gain("{id: gain}").replace("{id: p1,", "{idd: p1,"),
        &[&format!(
            "<stdin>:7:6: alternatives[0].idd: unknown key `idd` (did you mean `id`?); expected one of {ALTERNATIVE_KEYS}"
        )],
    );
}

#[test]
fn misspelt_required_keys_are_not_echoed_as_missing() {
    // Each was 2: the typo, then serde's "missing field".
    rejects(
        with_rules("  - {criterio: b, max: 3}\n"),
        &[&format!(
            "<stdin>:10:6: screening[0].criterio: unknown key `criterio` (did you mean `criterion`?); expected one of {RULE_KEYS}"
        )],
    );
    rejects(
        "name: t\ncriteria:\n  - {id: gain, scale: {mn: 1, max: 9}}\nalternatives: [{id: p1, scores: {gain: 1}}]\n",
        &["<stdin>:3:24: criteria[0].scale.mn: unknown key `mn` (did you mean `min`?); expected one of `min`, `max`"],
    );
    rejects(
        "nmae: t\ncriteria: [{id: gain}]\nalternatives: [{id: p1, scores: {gain: 1}}]\n",
        &[&format!(
            "<stdin>:1:1: nmae: unknown key `nmae` (did you mean `name`?); expected one of {PROBLEM_KEYS}"
        )],
    );
    // Without criteria, the names the alternatives use are not reported.
    rejects(
        "name: t\ncriterai: [{id: gain}]\nalternatives: [{id: p1, scores: {gain: 1}}]\nscreening: [{criterion: gain, min: 0}]\n",
        &[&format!(
            "<stdin>:2:1: criterai: unknown key `criterai` (did you mean `criteria`?); expected one of {PROBLEM_KEYS}"
        )],
    );
}

#[test]
fn absent_required_keys_are_reported_by_name() {
    rejects(
        "criteria: [{id: gain}]\nalternatives: [{id: p1, scores: {gain: 1}}]\n",
        &["<stdin>:1:1: missing `name`"],
    );
    rejects(
        "name: t\ncriteria:\n  - {id: gain, scale: {max: 9}}\nalternatives:\n  - scores: {gain: 1}\nscreening:\n  - {max: 3}\n",
        &[
            "<stdin>:3:23: criteria[0].scale: missing `min`",
            "<stdin>:5:5: alternatives[0]: missing `id`",
            "<stdin>:7:5: screening[0]: missing `criterion`",
        ],
    );
}

#[test]
fn misspelt_score_key_is_not_also_a_missing_score() {
    // Was 2: the unknown key and "missing score for `cost`".
    rejects(
        "name: t\ncriteria: [{id: gain}, {id: cost}]\nalternatives:\n  - {id: p1, scores: {gain: 1, cots: 3}}\n",
        &["<stdin>:4:38: alternatives[0].scores.cots: `cots` is not a leaf criterion (did you mean `cost`?)"],
    );
}

#[test]
fn unknown_ids_get_a_suggestion_everywhere() {
    rejects(
        "name: t
criteria:
  - id: gain
  - {id: cost, direction: cost}
comparisons: [[gian, cost, 2]]
alternatives:
  - {id: p1, scores: {gain: 1, cost: 3}}
  - {id: p2, scores: {gain: 2, cost: 4}}
screening: [{criterion: gani, min: 1}]
alternative_comparisons: {gan: [[p1, p2, 2]], cost: [[p1, p3, 2]]}
",
        &[
            "<stdin>:5:16: comparisons[0][0]: `gian` is not compared here (did you mean `gain`?); this node's criteria are `gain`, `cost`",
            "<stdin>:10:32: alternative_comparisons.gan: `gan` is not a leaf criterion (did you mean `gain`?)",
            "<stdin>:10:59: alternative_comparisons.cost[0][1]: `p3` is not an alternative (did you mean `p1`?); the alternatives are `p1`, `p2`",
            "<stdin>:9:25: screening[0].criterion: `gani` is not a leaf criterion (did you mean `gain`?)",
        ],
    );
}

#[test]
fn unknown_ids_of_judges_get_a_suggestion() {
    let group = |judges: &str| {
        format!(
            "name: t
criteria: [{{id: gain}}, {{id: cost, direction: cost}}]
comparisons: {{alice: [[gain, cost, 2]], bob: [[gain, {judges}, 3]]}}
judges: {{alcie: 1, bob: 2}}
alternatives: [{{id: p1, scores: {{gain: 1, cost: 3}}}}]
"
        )
    };
    rejects(
        group("cots"),
        &[
            "<stdin>:3:54: comparisons.bob[0][1]: `cots` is not compared here (did you mean `cost`?); this node's criteria are `gain`, `cost`",
        ],
    );
    // Not also "`judges` gives no weight for `alice`".
    rejects(
        group("cost"),
        &["<stdin>:4:17: judges.alcie: `alcie` is not one of the judges in `comparisons` (did you mean `alice`?)"],
    );
}

#[test]
fn unknown_names_in_derived_criteria_get_a_suggestion() {
    rejects(
        "name: t
core: {technologies: [hydraulics]}
criteria:
  - {id: tech, derive: {shared: technolgies}}
  - {id: unit, derive: learning_curve, baseline: {fixed: 1, unit_cots: 2, learning_rate: 0.9}}
alternatives:
  - id: p1
    assets: {technologis: [hydraulics]}
    scores: {unit: {fixed: 1, unit_cost: 1, volume: 2, learnig_rate: 0.9}}
",
        &[
            "<stdin>:4:24: criteria[0].derive: `technolgies` is not a dimension of `core` (did you mean `technologies`?); it has `technologies`",
            "<stdin>:5:72: criteria[1].baseline.unit_cots: unknown key `unit_cots` (did you mean `unit_cost`?); expected one of `fixed`, `unit_cost`, `learning_rate`",
            "<stdin>:8:27: alternatives[0].assets.technologis: `technologis` is not a dimension of `core` (did you mean `technologies`?); it has `technologies`",
            "<stdin>:9:70: alternatives[0].scores.unit.learnig_rate: unknown key `learnig_rate` (did you mean `learning_rate`?); expected one of `fixed`, `unit_cost`, `volume`, `learning_rate`",
        ],
    );
}

#[test]
fn misspelt_csv_key_gets_a_suggestion() {
    rejects(
        "name: t\ncriteria: [{id: gain}]\nalternatives: {cvs: a.csv}\n",
        &[
            "<stdin>:3:15: alternatives: unknown key `cvs` (did you mean `csv`?); alternatives in a file are written `{csv: FILE}`",
        ],
    );
}

// ---------------------------------------------------------------------------
// Tabs

const TAB_MESSAGE: &str = "tabs are not allowed in YAML indentation; use spaces";

#[test]
fn tab_indenting_a_key_is_reported_on_its_own_line() {
    // Was `3:9: while scanning a plain scalar, found a tab`.
    rejects(
        "name: t\ncriteria:\n  - id: gain\n\tdirection: cost\nalternatives:\n  - {id: p1, scores: {gain: 1}}\n",
        &[&format!("<stdin>:4:1: {TAB_MESSAGE}")],
    );
    // After a blank line, and after spaces.
    rejects(
        "name: t\ncriteria:\n  - id: gain\n\n  \tdirection: cost\nalternatives:\n  - {id: p1, scores: {gain: 1}}\n",
        &[&format!("<stdin>:5:3: {TAB_MESSAGE}")],
    );
    rejects(
        "name: t\n\tcriteria:\n  - id: gain\nalternatives:\n  - {id: p1, scores: {gain: 1}}\n",
        &[&format!("<stdin>:2:1: {TAB_MESSAGE}")],
    );
}

#[test]
fn tab_in_other_indentation_is_reported_where_it_is() {
    // yaml-rust2 refuses these itself.
    rejects(
        "name: t\ncriteria:\n\t- id: gain\nalternatives:\n  - {id: p1, scores: {gain: 1}}\n",
        &[&format!("<stdin>:3:1: {TAB_MESSAGE}")],
    );
    rejects(
        "name: t\ncriteria: [{id: gain}]\nalternatives:\n  - id: p1\n    scores:\n\t  gain: 1\n",
        &[&format!("<stdin>:6:1: {TAB_MESSAGE}")],
    );
    // libyaml refuses these after yaml-rust2 let them through.
    rejects(
        "name: t\ncriteria:\n  -\tid: gain\nalternatives:\n  - {id: p1, scores: {gain: 1}}\n",
        &[&format!("<stdin>:3:4: {TAB_MESSAGE}")],
    );
    rejects(
        "name: t\ncriteria:\n  - id: gain\n\t# a comment\nalternatives:\n  - {id: p1, scores: {gain: 1}}\n",
        &[&format!("<stdin>:4:1: {TAB_MESSAGE}")],
    );
}

#[test]
fn tabs_outside_indentation_are_accepted() {
    accepts(
        "name: t\ncriteria:\n  - id: gain\t# a comment\n    description: |\n      a\n      \tb\nalternatives:\n  - {id: p1, scores: {gain: 1}}\n",
    );
}

// ---------------------------------------------------------------------------
// Warnings do not fail

/// Two leaves judged 12 to 1 (outside Saaty's 1/9..9).
const OFF_SCALE: &str = "name: t
criteria:
  - id: a
  - id: b
comparisons:
  - [a, b, 12]
alternatives:
  - {id: p1, scores: {a: 1, b: 2}}
  - {id: p2, scores: {a: 2, b: 1}}
";

#[test]
fn off_scale_judgment_warns_and_exits_zero() {
    for command in ["check", "rank", "weights"] {
        let assert = run(&[command, "-"], OFF_SCALE).success();
        let output = assert.get_output();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.lines().collect::<Vec<_>>(),
            ["warning: <stdin>:6:12: comparisons[0][2]: judgment 12 is outside Saaty's scale 1/9..9"],
            "{command}"
        );
        assert!(!output.stdout.is_empty(), "{command}");
    }
}

#[test]
fn quiet_suppresses_warnings() {
    for command in ["check", "rank", "weights"] {
        for flag in ["--quiet", "-q"] {
            let assert = run(&[command, "-", flag], OFF_SCALE).success();
            let output = assert.get_output();
            assert!(
                output.stderr.is_empty(),
                "{command} {flag}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(!output.stdout.is_empty());
        }
    }
}

#[test]
fn every_bad_judge_weight_is_reported_not_only_the_first() {
    // Validation used to stop at the first bad weight (code review F3, the
    // "lossy" shape).
    rejects(
        "name: g
criteria: [{id: a}, {id: b}]
comparisons:
  ann: [[a, b, 2]]
  bob: [[a, b, 3]]
judges: {ann: 0, bob: -1}
alternatives:
  - {id: x, scores: {a: 1, b: 2}}
",
        &[
            "<stdin>:6:15: judges.ann: a judge's weight must be > 0, found 0",
            "<stdin>:6:23: judges.bob: a judge's weight must be > 0, found -1",
        ],
    );
}

#[test]
fn a_non_finite_derived_value_is_reported_at_its_score_not_as_an_empty_list() {
    // Code review F3: a cost curve whose average cost overflowed gave
    // "alternatives: must list at least one alternative".
    rejects(
        "name: c
criteria:
  - {id: unit_cost, derive: learning_curve}
alternatives:
  - {id: a, scores: {unit_cost: {fixed: 1e308, unit_cost: 9e307, volume: 2, learning_rate: 1}}}
  - {id: b, scores: {unit_cost: {fixed: 1, unit_cost: 2, volume: 2, learning_rate: 1}}}
",
        &[
            "<stdin>:5:59: alternatives[0].scores.unit_cost.unit_cost: `fixed` + `unit_cost` must be at most 1.7976931348623157e308 (the largest finite number, the average cost of the first unit), found 1e308 + 9e307",
        ],
    );
}
