//! Judgments and scores written as intervals `[low, high]`: ranked as their
//! geometric mean (judgments) or midpoint (scores), refused where written
//! wrong, and kept by the model for analyses that draw from them.

use innorank::problem::{Judgment, LoadOptions, ScoreInterval, Weighting};
use innorank::{Problem, RankOptions};
use proptest::prelude::*;

use crate::common::{Dir, innorank, load};

/// A two-level problem with `root` as the root's judgment value,
/// `inner` as the judgment of `cost` over `risk` under `money`, and
/// `score` as p1's cost.
fn problem(root: &str, inner: &str, score: &str) -> String {
    format!(
        "name: intervals
criteria:
  - id: money
    criteria:
      - {{id: cost, direction: cost}}
      - {{id: risk, direction: cost, levels: {{low: 1, medium: 2, high: 3}}}}
    comparisons: [[cost, risk, {inner}]]
  - id: gain
comparisons: [[money, gain, {root}]]
alternatives:
  - {{id: p1, scores: {{cost: {score}, risk: low, gain: 5}}}}
  - {{id: p2, scores: {{cost: 120, risk: high, gain: 7}}}}
  - {{id: p3, scores: {{cost: 150, risk: medium, gain: 4}}}}
"
    )
}

/// `innorank ARGS -` on `yaml`, as JSON.
fn json(args: &[&str], yaml: &str) -> serde_json::Value {
    innorank(args.iter().copied().chain(["--format", "json", "-"]))
        .stdin(yaml)
        .json()
}

/// The geometric mean of the bounds, written as Rust writes it (the
/// shortest text that reads back as the same number).
fn geometric_mean(low: f64, high: f64) -> String {
    format!("{}", (low * high).sqrt())
}

#[test]
fn an_interval_judgment_ranks_as_its_geometric_mean() {
    let point = problem(&geometric_mean(2.0, 5.0), &geometric_mean(1.0 / 3.0, 3.0), "110");
    let interval = problem("[2, 5]", r#"["1/3", 3]"#, "110");
    for command in [&["rank"][..], &["weights"], &["rank", "--method", "ahp"]] {
        assert_eq!(json(command, &interval), json(command, &point), "{command:?}");
    }
}

#[test]
fn an_interval_score_ranks_as_its_midpoint() {
    let point = problem("2", "3", "125");
    let interval = problem("2", "3", "[110, 140]");
    assert_eq!(json(&["rank"], &interval), json(&["rank"], &point));
    // Screening sees the midpoint too: 125 passes `max: 130`, 140 would not.
    let screened = |yaml: String| {
        json(
            &["rank"],
            &format!("{yaml}screening: [{{criterion: cost, max: 130}}]\n"),
        )
    };
    assert_eq!(screened(interval.clone()), screened(point));
    assert_eq!(screened(interval)["screened_out"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_level_name_interval_is_the_midpoint_of_the_levels_numbers() {
    let with_levels = problem("2", "3", "110").replace("risk: low", "risk: [low, medium]");
    let with_number = problem("2", "3", "110").replace("risk: low", "risk: 1.5");
    assert_eq!(json(&["rank"], &with_levels), json(&["rank"], &with_number));
    let p = load(&with_levels);
    assert_eq!(
        p.score_intervals(),
        [ScoreInterval {
            row: 0,
            column: 1,
            low: 1.0,
            high: 2.0
        }]
    );
}

#[test]
fn a_judges_interval_enters_the_group_as_its_geometric_mean() {
    let group = |ann: &str| {
        format!(
            "name: group
criteria: [{{id: a}}, {{id: b}}, {{id: c}}]
comparisons:
  ann: [[a, b, {ann}], [b, c, 2]]
  bob: [[a, b, 3], [a, c, 5]]
judges: {{ann: 2, bob: 1}}
alternatives:
  - {{id: p, scores: {{a: 1, b: 2, c: 3}}}}
  - {{id: q, scores: {{a: 3, b: 2, c: 1}}}}
"
        )
    };
    let interval = group("[2, 8]");
    assert_eq!(json(&["weights"], &interval), json(&["weights"], &group("4")));
    let p = load(&interval);
    let Some(Weighting::Judgments(judged)) = p.criteria().weighting(0) else {
        panic!("the root is weighted by judgments")
    };
    assert!(judged.has_intervals());
    let ann = &judged.written()[0];
    assert_eq!(ann[0], Judgment::interval(0, 1, 2.0, 8.0));
    assert_eq!(ann[1], Judgment::point(1, 2, 2.0));
    assert_eq!(
        judged.written()[1],
        [Judgment::point(0, 1, 3.0), Judgment::point(0, 2, 5.0)]
    );
    assert_eq!(judged.group.as_ref().map(|g| g.sets().len()), Some(2));
}

#[test]
fn the_model_keeps_every_interval_and_rebuilds_nodes_from_other_values() {
    let yaml = problem("[2, 5]", "3", "[110, 140]").replace("gain: 7", "gain: [6, 8]")
        + "alternative_comparisons:\n  gain: [[p1, p2, [\"1/4\", 1]], [p2, p3, 2]]\n";
    let p = load(&yaml);
    let intervals: Vec<_> = p
        .score_intervals()
        .iter()
        .map(|s| (s.row, s.column, s.low, s.high))
        .collect();
    assert_eq!(intervals, [(0, 0, 110.0, 140.0), (1, 2, 6.0, 8.0)]);
    assert_eq!(p.scores().get(1, 2), 7.0);

    // The root (node 0) judges `money` against `gain`; `money` (node 1)
    // has a point judgment only.
    let Some(Weighting::Judgments(root)) = p.criteria().weighting(0) else {
        panic!("the root is weighted by judgments")
    };
    assert_eq!(root.written(), [vec![Judgment::interval(0, 1, 2.0, 5.0)]]);
    let Some(Weighting::Judgments(money)) = p.criteria().weighting(1) else {
        panic!("`money` is weighted by judgments")
    };
    assert!(!money.has_intervals());

    let rebuilt = root.with_values(&[5.0]).unwrap();
    assert_eq!(rebuilt.matrix.get(0, 1), Some(5.0));
    assert_eq!(rebuilt.written()[0][0].interval, Some((2.0, 5.0)));
    assert!(root.with_values(&[0.0]).is_err());

    let gain = p.criteria().leaf("gain").unwrap().1.column;
    let judged = p.alternative_judgments();
    assert_eq!(
        judged,
        [(
            gain,
            vec![Judgment::interval(0, 1, 0.25, 1.0), Judgment::point(1, 2, 2.0)]
        )]
    );
    // What `rank --method ahp` reads: the geometric mean.
    assert_eq!(p.alternative_comparisons()[0].1[0], (0, 1, 0.5));
}

#[test]
fn a_problem_without_intervals_has_none() {
    let p = load(&problem("2", "3", "110"));
    assert!(p.score_intervals().is_empty());
    let Some(Weighting::Judgments(root)) = p.criteria().weighting(0) else {
        panic!("the root is weighted by judgments")
    };
    assert!(!root.has_intervals());
    assert_eq!(root.written(), [vec![Judgment::point(0, 1, 2.0)]]);
}

#[test]
fn a_matrix_node_lists_its_upper_triangle_as_judgments() {
    let p = load(
        "name: m
criteria: [{id: a}, {id: b}, {id: c}]
matrix: [[1, 2, 4], [\"1/2\", 1, 2], [\"1/4\", \"1/2\", 1]]
alternatives: [{id: p, scores: {a: 1, b: 2, c: 3}}]
",
    );
    let Some(Weighting::Judgments(root)) = p.criteria().weighting(0) else {
        panic!("the root is weighted by judgments")
    };
    let written: Vec<_> = root.written()[0].iter().map(Judgment::triple).collect();
    assert_eq!(written, [(0, 1, 2.0), (0, 2, 4.0), (1, 2, 2.0)]);
    let same = root.with_values(&[2.0, 4.0, 2.0]).unwrap();
    assert_eq!(same.matrix, root.matrix);
}

#[test]
fn a_csv_interval_cell_ranks_as_its_midpoint_and_is_kept() {
    let dir = Dir::new("csv-intervals");
    let yaml = "name: csv
criteria:
  - {id: cost, direction: cost}
  - {id: risk, direction: cost, levels: {low: 1, medium: 2, high: 3}}
alternatives: {csv: alternatives.csv}
";
    dir.write("interval.yaml", yaml);
    dir.write("point.yaml", yaml.replace("alternatives.csv", "points.csv"));
    dir.write(
        "alternatives.csv",
        "id,cost,risk\np1,110..140,low..medium\np2,120,high\np3,130,low\n",
    );
    dir.write("points.csv", "id,cost,risk\np1,125,1.5\np2,120,high\np3,130,low\n");
    let run = |file: &str| dir.innorank().args(["rank", file, "--format", "json"]).json();
    assert_eq!(run("interval.yaml"), run("point.yaml"));

    let p = Problem::from_path(&dir.join("interval.yaml"), &LoadOptions::default()).unwrap();
    let intervals: Vec<_> = p
        .score_intervals()
        .iter()
        .map(|s| (s.row, s.column, s.low, s.high))
        .collect();
    assert_eq!(intervals, [(0, 0, 110.0, 140.0), (0, 1, 1.0, 2.0)]);

    // With `;` as separator, the ends take decimal commas.
    dir.write(
        "alternatives.csv",
        "id;cost;risk\np1;109,5..140,5;low..medium\np2;120;high\np3;130;low\n",
    );
    let semicolons = Problem::from_path(&dir.join("interval.yaml"), &LoadOptions::default()).unwrap();
    assert_eq!(semicolons.score_intervals()[0].low, 109.5);
    assert_eq!(semicolons.scores().get(0, 0), 125.0);

    // Quoted, the file goes through the csv crate instead: same intervals.
    dir.write(
        "alternatives.csv",
        "id,cost,risk\n\"p1\",110..140,low..medium\np2,120,high\np3,130,low\n",
    );
    let quoted = Problem::from_path(&dir.join("interval.yaml"), &LoadOptions::default()).unwrap();
    assert_eq!(quoted.score_intervals(), p.score_intervals());
}

#[test]
fn bad_csv_interval_cells_are_refused_at_their_line() {
    let dir = Dir::new("csv-bad-intervals");
    dir.write(
        "p.yaml",
        "name: csv
criteria:
  - {id: cost, direction: cost, scale: {min: 0, max: 200}}
  - {id: risk, levels: {low: 1, medium: 2, high: 3}}
alternatives: {csv: a.csv}
",
    );
    dir.write(
        "a.csv",
        "id,cost,risk\np1,140..110,low..2\np2,\"[1, 2]\",high\np3,1..300,medium..low\n",
    );
    let errors = dir.innorank().args(["check", "p.yaml"]).errors();
    assert_eq!(
        errors,
        [
            "a.csv:2: cost: interval 140..110 has low > high; write the low end first",
            "a.csv:2: risk: interval low..2 mixes a level name and a number; write both ends as numbers or both as levels of `risk`",
            "a.csv:3: cost: `[1, 2]`: an interval in a CSV cell is written LOW..HIGH, like `110..140`",
            "a.csv:4: cost: score 300 is outside the scale 0..200 of `cost`",
            "a.csv:4: risk: interval medium..low has low > high; write the low end first",
            "5 problems found; nothing was ranked",
        ]
    );
}

/// Each place a judgment is written, with an interval `[4, 2]` at a known
/// line and column.
#[test]
fn an_inverted_interval_judgment_is_refused_where_it_is_written() {
    let cases = [
        (problem("[4, 2]", "3", "110"), "<stdin>:9:29: comparisons[0][2]"),
        (
            problem("2", "[4, 2]", "110"),
            "<stdin>:7:32: criteria[0].comparisons[0][2]",
        ),
        (
            problem("2", "3", "110").replace(
                "comparisons: [[cost, risk, 3]]",
                "comparisons:\n      ann: [[cost, risk, 3]]\n      bob: [[cost, risk, [4, 2]]]",
            ),
            "<stdin>:9:26: criteria[0].comparisons.bob[0][2]",
        ),
        (
            problem("2", "3", "110") + "alternative_comparisons:\n  gain: [[p1, p2, 2], [p2, p3, [4, 2]]]\n",
            "<stdin>:15:32: alternative_comparisons.gain[1][2]",
        ),
        (
            problem("2", "3", "[140, 110]"),
            "<stdin>:11:29: alternatives[0].scores.cost",
        ),
    ];
    for (yaml, at) in cases {
        let message = if at.contains("scores") {
            "interval [140, 110] has low > high; write the low end first"
        } else {
            "interval [4, 2] has low > high; write the low end first"
        };
        for command in ["rank", "check", "weights"] {
            let errors = innorank([command, "-"]).stdin(yaml.as_str()).errors();
            assert_eq!(errors, [format!("{at}: {message}")], "{command}:\n{yaml}");
        }
    }
}

#[test]
fn malformed_intervals_are_refused_at_their_ends() {
    let yaml = problem("[2, 4, 8]", r#"["1/3", 0]"#, "[low, 130]").replace("gain: 7", "gain: [.nan, 8]");
    let errors = innorank(["check", "-"]).stdin(yaml).errors();
    assert_eq!(
        errors,
        [
            "<stdin>:7:40: criteria[0].comparisons[0][2][1]: a judgment must be positive, found 0",
            "<stdin>:9:29: comparisons[0][2]: an interval is written `[low, high]`; found 3 items",
            "<stdin>:11:30: alternatives[0].scores.cost[0]: `low` is not a number, and `cost` has no named levels",
            "<stdin>:12:53: alternatives[1].scores.gain[0]: must be a finite number, found `.nan`",
            "4 problems found; nothing was ranked",
        ]
    );
    let matrix = "name: m
criteria: [{id: a}, {id: b}]
matrix: [[1, [2, 4]], [\"1/3\", 1]]
alternatives: [{id: p, scores: {a: 1, b: 2}}]
";
    let errors = innorank(["check", "-"]).stdin(matrix).errors();
    assert_eq!(
        errors,
        [
            "<stdin>:3:14: matrix[0][1]: expected a number; an interval judgment is written in `comparisons`, as `[a, b, [low, high]]`"
        ]
    );
}

#[test]
fn an_interval_end_off_saatys_scale_is_a_warning_at_that_end() {
    let run = innorank(["check", "-"])
        .stdin(problem("[2, 12]", "3", "110"))
        .run()
        .success();
    assert!(
        run.stderr
            .contains("<stdin>:9:33: comparisons[0][2][1]: judgment 12 is outside Saaty's scale 1/9..9"),
        "{}",
        run.stderr
    );
    let errors = innorank(["check", "-"]).stdin(problem("[2, 1e7]", "3", "110")).errors();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("<stdin>:9:33: comparisons[0][2][1]: judgment 1e7 is out of range"));
}

/// Three criteria, two of their judgments intervals.
fn three(ab: &str, bc: &str) -> String {
    format!(
        "name: p
criteria: [{{id: a}}, {{id: b}}, {{id: c}}]
comparisons: [[a, b, {ab}], [b, c, {bc}], [a, c, 2]]
alternatives:
  - {{id: p, scores: {{a: 1, b: 2, c: 3}}}}
  - {{id: q, scores: {{a: 3, b: 1, c: 2}}}}
"
    )
}

/// The bits of the leaf weights `rank` computes.
fn weight_bits(yaml: &str) -> Vec<u64> {
    let p = load(yaml);
    let report = innorank::rank(&p, &RankOptions::default()).unwrap();
    report.leaf_weights().map(|(_, w)| w.to_bits()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn interval_weights_are_the_geometric_means_weights_bit_for_bit(
        a in 1.0f64 / 9.0..9.0, b in 1.0f64 / 9.0..9.0, c in 1.0f64 / 9.0..9.0, d in 1.0f64 / 9.0..9.0,
    ) {
        let ((lo1, hi1), (lo2, hi2)) = ((a.min(b), a.max(b)), (c.min(d), c.max(d)));
        let interval = three(&format!("[{lo1}, {hi1}]"), &format!("[{lo2}, {hi2}]"));
        let point = three(&geometric_mean(lo1, hi1), &geometric_mean(lo2, hi2));
        prop_assert_eq!(weight_bits(&interval), weight_bits(&point));
    }
}

#[test]
fn csv_intervals_keep_their_rows_when_the_file_is_read_in_parallel_stretches() {
    let dir = Dir::new("csv-parallel-intervals");
    dir.write(
        "p.yaml",
        "name: big\ncriteria: [{id: cost, direction: cost}, {id: gain}]\nalternatives: {csv: a.csv}\n",
    );
    // About 250 KB, well past the size read on one thread; every 7th row
    // has an interval.
    let mut csv = String::from("id,cost,gain\n");
    for i in 0..10_000 {
        let cost = if i % 7 == 0 {
            format!("{i}..{}", i + 2)
        } else {
            i.to_string()
        };
        csv.push_str(&format!("alternative-{i},{cost},{}\n", i % 13));
    }
    dir.write("a.csv", csv);
    let p = Problem::from_path(&dir.join("p.yaml"), &LoadOptions::default()).unwrap();
    let rows: Vec<usize> = p.score_intervals().iter().map(|s| s.row).collect();
    assert_eq!(rows, (0..10_000).step_by(7).collect::<Vec<_>>());
    for s in p.score_intervals() {
        assert_eq!((s.low, s.high), (s.row as f64, s.row as f64 + 2.0));
        assert_eq!(p.scores().get(s.row, 0), s.row as f64 + 1.0);
    }
}
