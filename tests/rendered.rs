//! What each command prints, in each format, as insta snapshots
//! (tests/snapshots/integration__rendered__*.snap): `cost`, `criteria`,
//! `check`, `init`, `weights --format json`, `rank --explain`,
//! `rank --method ahp` and the screened-out part, on the shipped examples
//! and fixtures. (`rank` and `weights` in their other formats: tests/cli.rs.)
//!
//! A snapshot is standard output; when the run also wrote to standard error
//! or exited non-zero, both follow it under a `--- stderr (exit N) ---` line.

use crate::common::{Cli, innorank};

const FORMATS: [&str; 4] = ["table", "json", "csv", "markdown"];

const PROPOSALS: &str = "examples/innovation-proposals.yaml";
const DIVERSIFICATION: &str = "examples/related-diversification.yaml";
const GROUP: &str = "examples/group-judgments.yaml";

/// Standard output, then standard error and the exit code unless the run
/// succeeded silently.
fn seen(cli: Cli) -> String {
    let run = cli.run();
    let code = run.code.expect("innorank exits with a code");
    if code == 0 && run.stderr.is_empty() {
        run.stdout
    } else {
        format!("{}--- stderr (exit {code}) ---\n{}", run.stdout, run.stderr)
    }
}

/// A problem given on standard input: its name in this file, and its text.
pub(crate) type Stdin<'a> = Option<(&'a str, &'a str)>;

/// The snapshot `name` of `innorank ARGS` (with `stdin`), whose header
/// gives the command line.
fn snapshot(name: &str, args: &[&str], stdin: Stdin) {
    let mut cli = innorank(args);
    let mut command = format!("innorank {}", args.join(" "));
    if let Some((what, text)) = stdin {
        cli = cli.stdin(text);
        command.push_str(&format!(" (standard input: {what} in tests/rendered.rs)"));
    }
    insta::with_settings!({ description => command, omit_expression => true }, {
        insta::assert_snapshot!(name, seen(cli));
    });
}

/// One snapshot per format, named `{name}_{format}`.
pub(crate) fn each_format(name: &str, args: &[&str], stdin: Stdin) {
    for format in FORMATS {
        let mut args = args.to_vec();
        args.extend(["--format", format]);
        snapshot(&format!("{name}_{format}"), &args, stdin);
    }
}

#[test]
fn cost_in_every_format() {
    each_format("cost", &["cost", DIVERSIFICATION], None);
}

#[test]
fn criteria_list_in_every_format() {
    each_format("criteria_list", &["criteria"], None);
}

#[test]
fn criteria_definition_in_every_format() {
    each_format("criteria_risk", &["criteria", "risk"], None);
}

#[test]
fn check_of_a_valid_file_in_every_format() {
    each_format("check_valid", &["check", PROPOSALS], None);
}

/// Two errors: `check --format json` prints its verdict on standard output,
/// the other formats print nothing there.
#[test]
fn check_of_an_invalid_file_in_every_format() {
    let broken = "name: t\ncriteria: []\nalternatives: []\n";
    each_format("check_invalid", &["check", "-"], Some(("`broken`", broken)));
}

#[test]
fn init_templates() {
    for template in ["innovation", "diversification"] {
        snapshot(&format!("init_{template}"), &["init", "--template", template], None);
    }
}

#[test]
fn weights_json() {
    snapshot("weights_json", &["weights", PROPOSALS, "--format", "json"], None);
}

/// Judges, their consistency and consensus.
#[test]
fn weights_of_group_judgments_in_every_format() {
    each_format("weights_group", &["weights", GROUP], None);
}

/// Shared assets and cost curves shown behind the derived values.
#[test]
fn rank_explain_in_every_format() {
    each_format("rank_explain", &["rank", DIVERSIFICATION, "--explain"], None);
}

#[test]
fn rank_by_ahp_with_each_synthesis() {
    for synthesis in ["distributive", "ideal"] {
        let args = ["rank", GROUP, "--method", "ahp", "--synthesis", synthesis];
        each_format(&format!("rank_ahp_{synthesis}"), &args, None);
    }
}

const SCREENING: &str = "name: Screening
criteria: [{id: gain}, {id: risk, direction: cost}]
screening: [{criterion: risk, max: 5}, {criterion: gain, min: 2}]
alternatives:
  - {id: kept, name: Kept, scores: {gain: 3, risk: 2}}
  - {id: also, scores: {gain: 2, risk: 4}}
  - {id: risky, name: Too risky, scores: {gain: 9, risk: 7}}
  - {id: both, scores: {gain: 1, risk: 6}}
";

/// Alternatives that break a rule are listed apart, with every rule they
/// break.
#[test]
fn screened_out_in_every_format() {
    each_format("rank_screened", &["rank", "-"], Some(("SCREENING", SCREENING)));
}

/// Everything screened out: an empty ranking, exit 0.
#[test]
fn all_screened_out_in_every_format() {
    let none = SCREENING.replace("min: 2", "min: 20");
    each_format(
        "rank_all_screened",
        &["rank", "-"],
        Some(("SCREENING with `min: 20`", &none)),
    );
}
