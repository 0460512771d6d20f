//! The command line as a user runs it: outputs, formats and exit codes.
//! Rendered outputs are insta snapshots (tests/snapshots/).

use crate::common::{Cli, Dir, binary, innorank};

const EXAMPLE: &str = "examples/innovation-proposals.yaml";

/// The header of every column of every table in a table output, its lines
/// joined without spaces (`technical_` + `risk`).
fn column_headers(text: &str) -> Vec<String> {
    let mut headers = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        // A table starts with a border line followed by its header lines.
        if !line.starts_with("+-") || !lines.peek().is_some_and(|l| l.starts_with("| ")) {
            continue;
        }
        let mut columns: Vec<String> = Vec::new();
        while let Some(l) = lines.next_if(|l| l.starts_with("| ")) {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            columns.resize(cells.len(), String::new());
            for (column, cell) in columns.iter_mut().zip(cells) {
                column.push_str(cell);
            }
        }
        // Skip the rows, up to the closing border.
        lines.next();
        while lines.next_if(|l| l.starts_with("| ")).is_some() {}
        headers.extend(columns);
    }
    headers
}

/// The widest line, in characters (every table character is one column wide).
fn widest_line(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn example_ranks_as_computed_independently() {
    // Expected closeness computed with numpy from the same file (vector
    // normalisation, AHP eigenvector weights), by a script kept outside the
    // repository, to 6 decimals.
    let report = innorank(["rank", EXAMPLE, "--format", "json"]).json();
    let expected = [
        ("p06", 0.769422),
        ("p01", 0.676882),
        ("p03", 0.658496),
        ("p08", 0.642309),
        ("p05", 0.553537),
        ("p04", 0.546611),
        ("p02", 0.473464),
        ("p09", 0.451505),
    ];
    let ranking = report["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), expected.len());
    for (i, (row, (id, score))) in ranking.iter().zip(expected).enumerate() {
        assert_eq!(row["id"], id);
        assert_eq!(row["rank"], i + 1);
        assert!((row["score"].as_f64().unwrap() - score).abs() < 5e-7, "{id}");
    }
    let screened: Vec<&str> = report["screened_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(screened, ["p07", "p10"]);
    assert_eq!(
        report["screened_out"][0]["reasons"],
        serde_json::json!(["financial_exposure 9 > max 8", "cost 2900 > max 2500"])
    );
    let total: f64 = report["weights"]
        .as_object()
        .unwrap()
        .values()
        .map(|w| w.as_f64().unwrap())
        .sum();
    assert!((total - 1.0).abs() < 1e-12);
    assert_eq!(report["warnings"], serde_json::json!([]));
}

#[test]
fn rank_table_snapshot_at_80_columns() {
    // Seven criteria do not fit 80 columns: the value columns go on in a
    // second table with the same rows, names are shortened, headers are
    // wrapped at `_` and numbers right-aligned.
    let table = innorank(["rank", EXAMPLE]).env("COLUMNS", "80").stdout();
    assert!(widest_line(&table) <= 80, "{table}");
    insta::assert_snapshot!(table);
}

#[test]
fn rank_table_snapshot_wide() {
    // --wide: one table whatever the width, as before fitting existed.
    let table = innorank(["rank", EXAMPLE, "--wide"]).env("COLUMNS", "80").stdout();
    assert!(widest_line(&table) > 80);
    assert!(!table.contains("(continued)") && !table.contains('…'));
    insta::assert_snapshot!(table);
}

#[test]
fn table_fits_every_width_and_drops_nothing() {
    let examples = [
        EXAMPLE,
        "examples/related-diversification.yaml",
        "examples/group-judgments.yaml",
        "tests/fixtures/inconsistent.yaml",
    ];
    for file in examples {
        let wide = innorank(["rank", file, "--wide", "--format", "json", "--quiet"])
            .env("COLUMNS", "80")
            .stdout();
        let report: serde_json::Value = serde_json::from_str(&wide).unwrap();
        let criteria: Vec<String> = report["weights"].as_object().unwrap().keys().cloned().collect();
        let ranked = report["ranking"].as_array().unwrap().len();
        for columns in [60, 80, 100, 120, 200] {
            for extra in [&[][..], &["--satisfactory", "0.5"]] {
                let mut args = vec!["rank", file, "--quiet"];
                args.extend_from_slice(extra);
                let table = innorank(&args).env("COLUMNS", columns.to_string()).stdout();
                assert!(widest_line(&table) <= columns, "{file} at {columns}:\n{table}");
                // Every criterion keeps a column (its id may be wrapped at `_`).
                let headers = column_headers(&table);
                for id in &criteria {
                    assert!(
                        headers.iter().any(|h| h.starts_with(id.as_str())),
                        "{file} at {columns}: {id} missing from {headers:?}\n{table}"
                    );
                }
                // Every part lists every ranked alternative.
                let parts = 1 + table.matches("(continued)").count();
                let rank_rows = table
                    .lines()
                    .filter(|l| l.trim_start_matches("|").trim_start().starts_with(char::is_numeric))
                    .count();
                assert!(rank_rows >= parts * ranked, "{file} at {columns}:\n{table}");
            }
        }
    }
}

#[test]
fn width_comes_from_columns_else_100_when_piped() {
    // COLUMNS wide enough: one table, names whole.
    let table = innorank(["rank", EXAMPLE]).env("COLUMNS", "200").stdout();
    assert!(!table.contains("(continued)") && !table.contains('…'), "{table}");
    // No COLUMNS and no terminal (pipes): 100 columns.
    let piped = innorank(["rank", EXAMPLE]).stdout();
    assert!(widest_line(&piped) <= 100, "{piped}");
    assert!(piped.contains("split into 2 tables and names shortened to fit 100 columns (--wide: one table)"));
    // A COLUMNS that is not a positive number is ignored.
    for junk in ["", "0", "wide", "-80"] {
        assert_eq!(
            innorank(["rank", EXAMPLE]).env("COLUMNS", junk).stdout(),
            piped,
            "COLUMNS={junk:?}"
        );
    }
    // Only tables are fitted: CSV and JSON do not change.
    for format in ["csv", "json", "markdown"] {
        assert_eq!(
            innorank(["rank", EXAMPLE, "--format", format])
                .env("COLUMNS", "40")
                .stdout(),
            innorank(["rank", EXAMPLE, "--format", format]).stdout(),
            "{format}"
        );
    }
}

#[test]
fn a_table_that_fits_is_left_whole() {
    let table = innorank(["rank", "tests/fixtures/inconsistent.yaml", "--quiet"])
        .env("COLUMNS", "120")
        .stdout();
    assert_eq!(
        table,
        innorank(["rank", "tests/fixtures/inconsistent.yaml", "--quiet", "--wide"])
            .env("COLUMNS", "120")
            .stdout()
    );
    assert!(table.contains("| max, w=0.362 |"), "{table}");
}

#[test]
fn rank_markdown_snapshot() {
    insta::assert_snapshot!(innorank(["rank", EXAMPLE, "--format", "markdown", "--satisfactory", "0.6"]).stdout());
}

#[test]
fn rank_csv_snapshot() {
    insta::assert_snapshot!(innorank(["rank", EXAMPLE, "--format", "csv"]).stdout());
}

#[test]
fn rank_json_snapshot() {
    insta::assert_snapshot!(innorank(["rank", EXAMPLE, "--format", "json", "--top", "2"]).stdout());
}

#[test]
fn weights_table_snapshot_of_inconsistent_node() {
    insta::assert_snapshot!(innorank(["weights", "tests/fixtures/inconsistent.yaml"]).stdout());
}

#[test]
fn weights_markdown_snapshot() {
    insta::assert_snapshot!(innorank(["weights", EXAMPLE, "--format", "markdown"]).stdout());
}

#[test]
fn weights_csv_snapshot() {
    insta::assert_snapshot!(innorank(["weights", EXAMPLE, "--format", "csv"]).stdout());
}

#[test]
fn weights_json_lists_worst_judgments_with_fitting_values() {
    let w = innorank(["weights", "tests/fixtures/inconsistent.yaml", "--format", "json"]).json();
    let node = &w["nodes"][0];
    assert_eq!(node["consistent"], false);
    let worst = node["worst_judgments"].as_array().unwrap();
    assert_eq!(worst.len(), 3);
    // [c, a, 3] is stored as a_ac = 1/3; the weights imply a/c > 1.
    assert_eq!((worst[0]["a"].as_str(), worst[0]["b"].as_str()), (Some("a"), Some("c")));
    assert!((worst[0]["judged"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    // 1.483 is nearer to 2 than to 1 as a ratio.
    assert_eq!(worst[0]["nearest_scale_value"], 2.0);
    assert!(node["cr"].as_f64().unwrap() > 0.1);
}

#[test]
fn weights_json_lists_estimated_judgments() {
    let w = innorank(["weights", "tests/fixtures/incomplete.yaml", "--format", "json"]).json();
    let estimated = w["nodes"][0]["estimated"].as_array().unwrap();
    let pairs: Vec<(&str, &str, f64)> = estimated
        .iter()
        .map(|e| {
            (
                e["a"].as_str().unwrap(),
                e["b"].as_str().unwrap(),
                e["value"].as_f64().unwrap(),
            )
        })
        .collect();
    // The judgments are consistent (a = 2b, b = 3c, c = 2d), so the
    // estimates are exact.
    let expected = [("a", "c", 6.0), ("a", "d", 12.0), ("b", "d", 6.0)];
    for ((a, b, v), (ea, eb, ev)) in pairs.iter().zip(expected) {
        assert_eq!((*a, *b), (ea, eb));
        assert!((v - ev).abs() < 1e-9);
    }
    assert_eq!(pairs.len(), 3);
}

#[test]
fn inconsistency_warns_and_exits_zero_without_strict() {
    innorank(["rank", "tests/fixtures/inconsistent.yaml", "--format", "json"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "warning: node `(root)` is inconsistent: CR 0.7777 > 0.1 (see `innorank weights`)",
        ));
    let report = innorank([
        "rank",
        "tests/fixtures/inconsistent.yaml",
        "--format",
        "json",
        "--quiet",
    ])
    .json();
    assert_eq!(report["consistency"][0]["consistent"], false);
    assert_eq!(
        report["warnings"][0],
        "node `(root)` is inconsistent: CR 0.7777 > 0.1 (see `innorank weights`)"
    );
}

#[test]
fn strict_prints_the_output_then_exits_3() {
    // The output is printed as without --strict; only the exit code and
    // the error on standard error differ.
    for command in ["rank", "weights"] {
        for format in ["table", "markdown", "csv", "json"] {
            let file = "tests/fixtures/inconsistent.yaml";
            let plain = innorank([command, file, "--format", format]).stdout();
            let strict = innorank([command, file, "--format", format, "--strict"])
                .assert()
                .code(3)
                .stderr(predicates::str::ends_with(
                    "error: --strict: inconsistent judgments at `(root)`; see `innorank weights`\n",
                ))
                .get_output()
                .stdout
                .clone();
            assert!(!plain.is_empty());
            assert_eq!(String::from_utf8(strict).unwrap(), plain, "{command} {format}");
        }
    }
    // A looser threshold accepts the same judgments.
    innorank([
        "rank",
        "tests/fixtures/inconsistent.yaml",
        "--strict",
        "--cr-threshold",
        "0.8",
    ])
    .assert()
    .code(0);
}

#[test]
fn top_limits_every_format() {
    let report = innorank(["rank", EXAMPLE, "--format", "json", "--top", "3"]).json();
    assert_eq!(report["ranking"].as_array().unwrap().len(), 3);
    let csv = innorank(["rank", EXAMPLE, "--format", "csv", "--top", "3"]).stdout();
    assert_eq!(csv.lines().count(), 4);
    let table = innorank(["rank", EXAMPLE, "--top", "3"]).stdout();
    assert!(table.contains("showing the top 3 of 8 ranked alternatives"));
}

#[test]
fn satisfactory_marks_scores_at_or_above_the_level() {
    let report = innorank(["rank", EXAMPLE, "--format", "json", "--satisfactory", "0.6"]).json();
    for row in report["ranking"].as_array().unwrap() {
        let expected = row["score"].as_f64().unwrap() >= 0.6;
        assert_eq!(row["satisfactory"], expected);
    }
    let csv = innorank(["rank", EXAMPLE, "--format", "csv", "--satisfactory", "0.6"]).stdout();
    assert!(csv.starts_with("rank,id,name,score,d_plus,d_minus,satisfactory,"));
    assert_eq!(csv.matches(",true,").count(), 4);
    let table = innorank(["rank", EXAMPLE, "--satisfactory", "0.6", "--wide"]).stdout();
    assert!(table.contains("| Satisfactory (>= 0.6) |"), "{table}");
    // Fitted to 80 columns, the header is wrapped but still says it.
    let table = innorank(["rank", EXAMPLE, "--satisfactory", "0.6"])
        .env("COLUMNS", "80")
        .stdout();
    assert!(
        table.contains("| Satisfactory |") && table.contains("| (>= 0.6)     |"),
        "{table}"
    );
    // Without the option the field is absent.
    let report = innorank(["rank", EXAMPLE, "--format", "json"]).json();
    assert!(report["ranking"][0].get("satisfactory").is_none());
}

#[test]
fn standard_input_is_read_with_dash() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let out = Cli::new()
        .args(["rank", "-", "--format", "csv", "--top", "1"])
        .stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("1,p06,")
    );
}

#[test]
fn normalization_is_echoed_and_changes_scores() {
    let vector = innorank(["rank", EXAMPLE, "--format", "json"]).json();
    let minmax = innorank(["rank", EXAMPLE, "--format", "json", "--normalization", "minmax"]).json();
    assert_eq!(vector["normalization"], "vector");
    assert_eq!(minmax["normalization"], "minmax");
    assert_ne!(vector["ranking"][0]["score"], minmax["ranking"][0]["score"]);
}

#[test]
fn geometric_ahp_method_is_echoed() {
    let report = innorank(["rank", EXAMPLE, "--format", "json", "--ahp-method", "geometric"]).json();
    assert_eq!(report["ahp_method"], "geometric");
    let total: f64 = report["weights"]
        .as_object()
        .unwrap()
        .values()
        .map(|w| w.as_f64().unwrap())
        .sum();
    assert!((total - 1.0).abs() < 1e-12);
}

#[test]
fn degenerate_columns_stay_finite_and_are_named() {
    let report = innorank(["rank", "tests/fixtures/degenerate.yaml", "--format", "json", "--quiet"]).json();
    let scores: Vec<f64> = report["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    for (got, want) in scores.iter().zip([1.0, 0.5, 0.0]) {
        assert!((got - want).abs() < 1e-15, "{scores:?}");
    }
    assert_eq!(
        report["warnings"],
        serde_json::json!([
            "criterion `same` has the same value for every alternative; it does not affect the ranking",
            "criterion `zeros` is zero for every alternative; it does not affect the ranking"
        ])
    );
}

#[test]
fn single_alternative_ranks_with_a_warning() {
    let yaml = "name: one\ncriteria: [{id: a}, {id: b, direction: cost}]\nalternatives:\n  - {id: only, scores: {a: 3, b: 4}}\n";
    let out = Cli::new()
        .args(["rank", "-", "--format", "json"])
        .stdin(yaml)
        .assert()
        .success()
        .stderr("warning: only one alternative to rank (`only`); its score says nothing about the others\n")
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["ranking"][0]["score"], 0.5);
    assert_eq!(report["ranking"][0]["rank"], 1);
}

#[test]
fn nothing_left_after_screening_is_an_empty_ranking_and_exit_0() {
    let yaml = "name: none\ncriteria: [{id: a}]\nscreening: [{criterion: a, min: 10}]\nalternatives:\n  - {id: p, scores: {a: 3}}\n  - {id: q, scores: {a: 4}}\n";
    let out = Cli::new()
        .args(["rank", "-", "--format", "json", "--quiet"])
        .stdin(yaml)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["ranking"], serde_json::json!([]));
    assert_eq!(report["screened_out"].as_array().unwrap().len(), 2);
    assert_eq!(
        report["screened_out"][1]["reasons"],
        serde_json::json!(["a 4 < min 10"])
    );
}

#[test]
fn ties_share_the_smaller_rank() {
    let yaml = "name: ties\ncriteria: [{id: a}]\nalternatives:\n  - {id: p, scores: {a: 1}}\n  - {id: q, scores: {a: 3}}\n  - {id: r, scores: {a: 3}}\n  - {id: s, scores: {a: 2}}\n";
    let out = Cli::new()
        .args(["rank", "-", "--format", "csv"])
        .stdin(yaml)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ranks: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(ranks, ["1 q", "1 r", "3 s", "4 p"]);
}

#[test]
fn check_prints_a_one_line_summary() {
    innorank(["check", EXAMPLE]).assert().success().stdout(
        "examples/innovation-proposals.yaml: ok: `Hydraulic machinery innovation proposals 2026`, 8 criteria (7 leaves), 10 alternatives, 3 screening rules\n",
    );
    let summary = innorank(["check", EXAMPLE, "--format", "json"]).json();
    assert_eq!(summary["valid"], true);
    assert_eq!(summary["alternatives"], 10);
}

#[test]
fn every_command_help_has_an_example() {
    for command in ["rank", "weights", "check", "cost", "criteria", "init"] {
        innorank([command, "--help"])
            .assert()
            .success()
            .stdout(predicates::str::contains("Examples:\n  innorank "));
    }
}

#[test]
fn usage_errors_exit_2() {
    innorank(["rank", EXAMPLE, "--format", "yaml"])
        .assert()
        .code(2)
        .stdout("");
    innorank(["rank", EXAMPLE, "--satisfactory", "NaN"])
        .assert()
        .code(2)
        .stdout("");
    innorank(["rank", EXAMPLE, "--cr-threshold", "-1"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn closed_pipe_is_not_an_error() {
    // `innorank rank ... | head -1`: the reader goes away early.
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; {} rank {EXAMPLE} --format csv | head -c 10 >/dev/null",
            binary().display()
        ))
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn weights_strict_snapshot_and_exit_3() {
    let out = innorank(["weights", "tests/fixtures/inconsistent.yaml", "--strict"])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    insta::assert_snapshot!(format!("{stdout}--- stderr (exit 3) ---\n{stderr}"));
}

#[test]
fn table_and_markdown_name_each_inconsistent_node() {
    let line = "inconsistent: (root) CR 0.7777 > 0.1 (see innorank weights)";
    let file = "tests/fixtures/inconsistent.yaml";
    let table = innorank(["rank", file, "--quiet"]).stdout();
    assert!(table.lines().any(|l| l == line), "{table}");
    let markdown = innorank(["rank", file, "--quiet", "--format", "markdown"]).stdout();
    assert!(markdown.lines().any(|l| l == format!("- {line}")), "{markdown}");
    // Two nodes over a stricter threshold: one line each, in node order.
    let table = innorank(["rank", EXAMPLE, "--quiet", "--cr-threshold", "0.005"]).stdout();
    let lines: Vec<&str> = table.lines().filter(|l| l.starts_with("inconsistent: ")).collect();
    assert_eq!(
        lines,
        [
            "inconsistent: (root) CR 0.0095 > 0.005 (see innorank weights)",
            "inconsistent: risk CR 0.0079 > 0.005 (see innorank weights)"
        ]
    );
    // None when consistent.
    assert!(!innorank(["rank", EXAMPLE]).stdout().contains("inconsistent"));
}

#[test]
fn rank_markdown_snapshot_of_inconsistent_node() {
    insta::assert_snapshot!(
        innorank([
            "rank",
            "tests/fixtures/inconsistent.yaml",
            "--format",
            "markdown",
            "--quiet"
        ])
        .stdout()
    );
}

/// The footer line that lists the options changed from the defaults.
fn options_line(text: &str) -> Option<String> {
    text.lines()
        .find(|l| l.starts_with("options: ") || l.starts_with("- options: "))
        .map(|l| l.trim_start_matches("- ").to_owned())
}

#[test]
fn footer_names_every_option_that_changed_the_result() {
    let table = innorank([
        "rank",
        "tests/fixtures/incomplete.yaml",
        "--method",
        "ahp",
        "--synthesis",
        "ideal",
        "--ahp-method",
        "geometric",
        "--ri",
        "donegan-dodd",
        "--cr-threshold",
        "0.2",
        "--satisfactory",
        "0.5",
        "--top",
        "3",
    ])
    .env("COLUMNS", "200")
    .stdout();
    assert_eq!(
        options_line(&table).as_deref(),
        Some(
            "options: --method ahp --synthesis ideal --ahp-method geometric --ri donegan-dodd --cr-threshold 0.2 --satisfactory 0.5 --top 3"
        ),
        "{table}"
    );
    // Aggregation (judges) and completion (missing judgments), in table and Markdown.
    for format in ["table", "markdown"] {
        let out = innorank([
            "rank",
            "examples/group-judgments.yaml",
            "--aggregate",
            "aip",
            "--normalization",
            "minmax",
            "--format",
            format,
        ])
        .stdout();
        assert_eq!(
            options_line(&out).as_deref(),
            Some("options: --normalization minmax --aggregate aip"),
            "{out}"
        );
        assert!(out.contains("saaty RI, aip aggregation)"), "{out}");
        let out = innorank([
            "rank",
            "tests/fixtures/incomplete.yaml",
            "--completion",
            "lambda-min",
            "--format",
            format,
        ])
        .stdout();
        assert_eq!(
            options_line(&out).as_deref(),
            Some("options: --completion lambda-min"),
            "{out}"
        );
    }
    // Defaults, typed or not, and options that cannot change this result
    // are not listed: completion without missing
    // judgments, aggregation without judges.
    let out = innorank([
        "rank",
        EXAMPLE,
        "--ri",
        "saaty",
        "--cr-threshold",
        "0.1",
        "--completion",
        "lambda-min",
        "--aggregate",
        "aip",
    ])
    .stdout();
    assert_eq!(options_line(&out), None, "{out}");
}

#[test]
fn footer_names_the_alternatives_file() {
    let dir = Dir::new("footer");
    let csv = dir.write("more.csv", "id,a,b,c,d\nu,1,1,1,1\nv,2,2,2,2\n");
    let csv = csv.to_str().unwrap().to_owned();
    let out = innorank(["rank", "tests/fixtures/incomplete.yaml", "--alternatives", &csv]).stdout();
    assert_eq!(
        options_line(&out),
        Some(format!("options: --alternatives {csv}")),
        "{out}"
    );
}

#[test]
fn wide_and_strict_are_documented() {
    let help = innorank(["rank", "--help"]).stdout();
    assert!(help.contains("--wide"), "{help}");
    assert!(help.contains("COLUMNS"), "{help}");
    let help = innorank(["weights", "--help"]).stdout();
    assert!(help.contains("the output is printed"), "{help}");
}

/// Runs innorank and returns its exit code, standard output and standard
/// error.
fn run(args: &[&str], stdin: &str) -> (Option<i32>, String, String) {
    let run = innorank(args).stdin(stdin).run();
    (run.code, run.stdout, run.stderr)
}

#[test]
fn options_that_do_not_apply_are_refused_with_exit_2() {
    for (args, message) in [
        (
            &["rank", EXAMPLE, "--synthesis", "ideal"][..],
            "error: --synthesis applies to --method ahp only\n",
        ),
        (
            &["rank", EXAMPLE, "--method", "topsis", "--synthesis", "distributive"][..],
            "error: --synthesis applies to --method ahp only\n",
        ),
        (
            &["rank", EXAMPLE, "--method", "ahp", "--normalization", "minmax"][..],
            "error: --normalization applies to --method topsis only\n",
        ),
        (
            &["weights", EXAMPLE, "--suggest", "--format", "csv"][..],
            "error: --suggest is not shown in --format csv; use --format json, table or markdown\n",
        ),
        (
            &["rank", EXAMPLE, "--top", "0"][..],
            "error: invalid value '0' for '--top <N>': expected a whole number >= 1, found `0`\n\nFor more information, try '--help'.\n",
        ),
        (
            &["rank", EXAMPLE, "--satisfactory", "2"][..],
            "error: invalid value '2' for '--satisfactory <X>': expected a number in [0, 1] (the range of scores), found `2`\n\nFor more information, try '--help'.\n",
        ),
        (
            &[
                "rank",
                EXAMPLE,
                "--method",
                "ahp",
                "--synthesis",
                "ideal",
                "--satisfactory",
                "-0.5",
            ][..],
            "error: invalid value '-0.5' for '--satisfactory <X>': expected a number in [0, 1] (the range of scores), found `-0.5`\n\nFor more information, try '--help'.\n",
        ),
    ] {
        assert_eq!(run(args, ""), (Some(2), String::new(), message.to_owned()), "{args:?}");
    }
    // The same options where they apply.
    for args in [
        &[
            "rank",
            "examples/group-judgments.yaml",
            "--method",
            "ahp",
            "--synthesis",
            "ideal",
        ][..],
        &[
            "rank",
            EXAMPLE,
            "--normalization",
            "minmax",
            "--top",
            "1",
            "--satisfactory",
            "1",
        ][..],
        &["weights", EXAMPLE, "--suggest", "--format", "json"][..],
    ] {
        innorank(args).assert().success();
    }
}

#[test]
fn init_force_without_output_warns_and_writes_the_template() {
    let (code, stdout, stderr) = run(&["init", "--template", "innovation", "--force"], "");
    assert_eq!(code, Some(0));
    assert_eq!(stderr, "warning: --force applies with --output only; ignored\n");
    assert_eq!(stdout, innorank(["init", "--template", "innovation"]).stdout());
}

#[test]
fn cost_volumes_default_shown_in_help_is_accepted() {
    let help = innorank(["cost", "--help"]).stdout();
    let option = help.split("--volumes").nth(1).unwrap();
    let default = option
        .split("[default: ")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap();
    assert_eq!(default, "1000,10000,100000,1000000");
    let example = "examples/related-diversification.yaml";
    assert_eq!(
        innorank(["cost", example, "--volumes", default, "--format", "csv"]).stdout(),
        innorank(["cost", example, "--format", "csv"]).stdout()
    );
}

#[test]
fn huge_and_tiny_values_print_readably_in_every_format() {
    let yaml = "name: big\ncriteria: [{id: a}, {id: b, direction: cost}]\nalternatives:\n  - {id: p, scores: {a: 1e308, b: 1.5e308}}\n  - {id: q, scores: {a: -1.7e308, b: 4}}\n  - {id: r, scores: {a: 3, b: 1e-300}}\n";
    let out = |format: &str| {
        let (code, stdout, _) = run(&["rank", "-", "--format", format], yaml);
        assert_eq!(code, Some(0));
        stdout
    };
    let csv = out("csv");
    assert!(csv.contains(",3,1e-300\n"), "{csv}");
    assert!(
        csv.contains(",1e308,1.5e308\n") && csv.contains(",-1.7e308,4\n"),
        "{csv}"
    );
    for format in ["table", "markdown"] {
        let text = out(format);
        for cell in [" 1e-300 ", " 1e308 ", " 1.5e308 ", " -1.7e308 "] {
            assert!(text.contains(cell), "{format}: {cell}\n{text}");
        }
        assert!(text.lines().all(|l| l.len() < 120), "{format}:\n{text}");
    }
    let json: serde_json::Value = serde_json::from_str(&out("json")).unwrap();
    let values: Vec<f64> = json["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| [r["values"]["a"].as_f64().unwrap(), r["values"]["b"].as_f64().unwrap()])
        .collect();
    assert_eq!(values, [3.0, 1e-300, 1e308, 1.5e308, -1.7e308, 4.0]);
    // A CR threshold typed huge is echoed in exponent form too.
    let (_, table, _) = run(&["rank", "-", "--cr-threshold", "1e300", "--wide"], yaml);
    assert!(table.contains("CR threshold 1e300\n"), "{table}");
    assert!(table.contains("\noptions: --cr-threshold 1e300\n"), "{table}");
}

#[test]
fn screening_reasons_write_huge_numbers_readably() {
    let yaml = "name: big\ncriteria: [{id: a}, {id: b}]\nalternatives:\n  - {id: p, scores: {a: 1e308, b: 1}}\n  - {id: q, scores: {a: 1, b: 2}}\n  - {id: r, scores: {a: 2, b: 1e-300}}\nscreening:\n  - {criterion: a, max: 1e300}\n  - {criterion: b, min: 1e-200}\n";
    let (code, stdout, _) = run(&["rank", "-", "--format", "json"], yaml);
    assert_eq!(code, Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let reasons: Vec<&str> = json["screened_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reasons"][0].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["a 1e308 > max 1e300", "b 1e-300 < min 1e-200"]);
}
