//! The analyst's tools: the JSON Schemas (`innorank schema`), the `init`
//! modeline, shell completions, man pages and the documented exit codes.

use crate::common::{Dir, innorank};
use crate::docs::yaml_blocks;

const SCHEMA_FILE: &str = "schema/problem.schema.json";

/// The commands, as `innorank --help` lists them.
const COMMANDS: &[&str] = &[
    "rank",
    "weights",
    "cost",
    "criteria",
    "init",
    "check",
    "compare",
    "reversal",
    "robustness",
    "sensitivity",
    "completions",
    "man",
    "schema",
];

fn validator(schema: &serde_json::Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema).expect("a valid draft 2020-12 schema")
}

fn problem_validator() -> jsonschema::Validator {
    validator(&innorank::problem::problem_schema())
}

/// A YAML problem as the JSON the YAML language server checks.
fn as_json(yaml: &str) -> serde_json::Value {
    serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("{e}:\n{yaml}"))
}

/// The schema errors of a YAML problem, one line each.
fn schema_errors(v: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let json = as_json(yaml);
    v.iter_errors(&json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_checked_in_schema_is_the_one_the_code_generates() {
    let generated = innorank::problem::problem_schema();
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA_FILE).unwrap()).unwrap();
    assert!(
        written == generated,
        "{SCHEMA_FILE} is out of date with src/input/raw.rs; regenerate it with\n  \
         cargo run -q -- schema > {SCHEMA_FILE}\nand commit it"
    );
    // And `innorank schema` prints exactly that.
    assert_eq!(innorank(["schema"]).json(), generated);
}

#[test]
fn every_example_validates() {
    let v = problem_validator();
    let mut checked = 0;
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let errors = schema_errors(&v, &text);
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 3, "{checked} examples");
}

#[test]
fn every_problem_in_the_docs_and_every_template_validates() {
    let v = problem_validator();
    let mut checked = 0;
    for file in ["README.md", "docs/problem-format.md", "docs/cli.md"] {
        let text = std::fs::read_to_string(file).unwrap();
        for block in yaml_blocks(&text) {
            // Whole problems only, as `docs::complete_problem_examples_in_the_docs_load`.
            if !(block.starts_with("name:") || block.contains("\nname:")) || !block.contains("alternatives:") {
                continue;
            }
            let errors = schema_errors(&v, &block);
            assert!(errors.is_empty(), "{file}:\n{block}\n{errors:#?}");
            checked += 1;
        }
    }
    assert!(checked >= 2, "{checked} problems in the docs");
    for template in ["innovation", "diversification"] {
        let text = innorank(["init", "--template", template]).stdout();
        assert_eq!(schema_errors(&v, &text), Vec::<String>::new(), "{template}");
    }
}

#[test]
fn interval_judgments_scores_groups_and_csv_alternatives_validate() {
    let v = problem_validator();
    let yaml = "name: x\ncriteria:\n  - {id: a, scale: {min: 0, max: 10}}\n  - {id: b, direction: cost, levels: {low: 1, high: 3}}\n\
                comparisons: {ann: [[a, b, [2, 4]]], bob: [[a, b, \"1/3\"]]}\njudges: {ann: 2, bob: 1}\n\
                alternatives:\n  - {id: p, scores: {a: [3, 5], b: high}}\nscreening:\n  - {criterion: a, min: 1}\n";
    assert_eq!(schema_errors(&v, yaml), Vec::<String>::new());
    let csv = "name: x\ncriteria: [{id: a}]\nalternatives: {csv: proposals.csv}\n";
    assert_eq!(schema_errors(&v, csv), Vec::<String>::new());
}

#[test]
fn typical_mistakes_do_not_validate() {
    let v = problem_validator();
    let good = "name: x\ncriteria:\n  - {id: a, direction: cost}\n  - {id: b}\nalternatives:\n  - {id: p, scores: {a: 1, b: 2}}\n";
    assert_eq!(schema_errors(&v, good), Vec::<String>::new());
    let mistakes = [
        ("a misspelt top-level key", good.replace("criteria:", "critera:"), ""),
        (
            "a misspelt criterion key",
            good.replace("direction: cost", "dierction: cost"),
            "/criteria/0",
        ),
        (
            "a bad direction",
            good.replace("direction: cost", "direction: costs"),
            "/criteria/0/direction",
        ),
        (
            "a misspelt alternative key",
            good.replace("scores:", "score:"),
            "/alternatives",
        ),
        (
            "alternatives in a file misspelt",
            good.replace(
                "alternatives:\n  - {id: p, scores: {a: 1, b: 2}}",
                "alternatives: {cvs: p.csv}",
            ),
            "/alternatives",
        ),
        (
            "a judgment with a missing value",
            format!("{good}comparisons:\n  - [a, b]\n"),
            "/comparisons",
        ),
        (
            "a scale that is a list",
            good.replace("{id: b}", "{id: b, scale: [1, 9]}"),
            "/criteria/1/scale",
        ),
        (
            "screening rules as a mapping",
            format!("{good}screening: {{criterion: a}}\n"),
            "/screening",
        ),
    ];
    for (what, yaml, path) in mistakes {
        let errors = schema_errors(&v, &yaml);
        assert!(
            errors.iter().any(|e| e.starts_with(path)),
            "{what}: expected an error at `{path}`, got {errors:#?}"
        );
        // Loading refuses it too: the schema flags nothing innorank accepts.
        innorank(["check", "-"]).stdin(yaml.clone()).run().refused();
    }
}

#[test]
fn real_rank_output_matches_the_rank_schema() {
    let schema = innorank(["schema", "--output", "rank"]).json();
    assert_eq!(schema, innorank::pipeline::rank_schema());
    let v = validator(&schema);
    let runs: &[&[&str]] = &[
        &[],
        &["--method", "ahp", "--synthesis", "ideal"],
        &["--satisfactory", "0.5", "--explain"],
        &["--method", "ahp", "--explain"],
        &["--normalization", "minmax", "--top", "2"],
    ];
    let mut checked = 0;
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        for extra in runs {
            let run = innorank(["rank", path.to_str().unwrap(), "--format", "json", "--quiet"])
                .args(*extra)
                .run();
            // Some examples cannot be ranked with AHP; those runs are refused.
            if run.code != Some(0) {
                continue;
            }
            let json = run.json();
            let errors: Vec<String> = v
                .iter_errors(&json)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{} {extra:?}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked} outputs checked");
    // A report with a key the schema does not know fails.
    let mut json = innorank([
        "rank",
        "examples/innovation-proposals.yaml",
        "--format",
        "json",
        "--quiet",
    ])
    .json();
    json["rankings"] = serde_json::json!([]);
    assert!(!v.is_valid(&json));
}

#[test]
fn init_points_editors_at_the_schema() {
    let text = innorank(["init", "--template", "innovation"]).stdout();
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=problem.schema.json")
    );
    let text = innorank([
        "init",
        "--template",
        "diversification",
        "--schema",
        "https://example.org/p.json",
    ])
    .stdout();
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=https://example.org/p.json")
    );
    // Beside the new file, the schema it names is one command away.
    let dir = Dir::new("init-schema");
    let run = dir
        .innorank()
        .args(["init", "--template", "innovation", "-o", "p.yaml"])
        .run()
        .success();
    assert!(
        run.stderr.contains("innorank schema > problem.schema.json"),
        "{}",
        run.stderr
    );
    dir.innorank().args(["check", "p.yaml"]).run().success();
}

#[test]
fn completions_name_every_command_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = innorank(["completions", shell]).stdout();
        for command in COMMANDS {
            assert!(script.contains(command), "{shell}: no `{command}`");
        }
        // An option of a command, and the AHP completion option.
        assert!(script.contains("normalization"), "{shell}");
        assert!(script.contains("completion"), "{shell}");
    }
    innorank(["completions", "tcsh"]).run().refused();
}

/// The long options of `command`, from its `--help`.
fn long_options(command: &str) -> Vec<String> {
    let help = innorank([command, "--help"]).stdout();
    help.lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let start = line.find("--")?;
            (start <= 4).then(|| {
                line[start + 2..]
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .next()
                    .unwrap()
                    .to_owned()
            })
        })
        .filter(|o| !o.is_empty())
        .collect()
}

#[test]
fn man_writes_one_page_per_command_with_every_option_and_the_exit_codes() {
    let dir = Dir::new("man");
    let run = innorank(["man", "--dir"]).arg(dir.join("man1")).run().success();
    assert!(run.stdout.is_empty());
    for name in std::iter::once("innorank".to_owned()).chain(COMMANDS.iter().map(|c| format!("innorank-{c}"))) {
        let page = std::fs::read_to_string(dir.join("man1").join(format!("{name}.1")))
            .unwrap_or_else(|e| panic!("{name}.1: {e}"));
        assert!(page.lines().any(|l| l.starts_with(".TH ")), "{name}: no .TH");
        assert!(page.contains("Exit codes:"), "{name}: no exit codes");
        if let Some(command) = name.strip_prefix("innorank-") {
            let options = long_options(command);
            assert!(options.iter().any(|o| o == "help"), "{command}: {options:?}");
            for option in options {
                let roff = format!("\\-\\-{}", option.replace('-', "\\-"));
                assert!(page.contains(&roff), "{name}.1 lacks --{option}");
            }
        }
    }
    // One page on standard output: the main one, or a command's.
    let main = innorank(["man"]).stdout();
    assert!(main.contains(".TH innorank 1"), "{main}");
    let rank = innorank(["man", "rank"]).stdout();
    assert!(rank.contains(".TH innorank-rank 1"));
    assert!(rank.contains("\\-\\-normalization"));
    let errors = innorank(["man", "rnak"]).errors();
    assert!(errors[0].contains("no command `rnak`"), "{errors:?}");
}

#[test]
fn every_command_documents_its_exit_codes() {
    for command in COMMANDS {
        let help = innorank([command, "--help"]).stdout();
        assert!(help.contains("Exit codes:\n  0  success"), "{command}:\n{help}");
        assert!(help.contains("\n  2  invalid input"), "{command}");
        // Exit code 3 only where --strict exists.
        let strict = long_options(command).iter().any(|o| o == "strict");
        assert_eq!(help.contains("\n  3  --strict"), strict, "{command}");
    }
    assert!(innorank(["--help"]).stdout().contains("Exit codes:"));
}

#[test]
fn every_command_that_reads_a_problem_reads_standard_input() {
    let problem = std::fs::read_to_string("examples/related-diversification.yaml").unwrap();
    let commands: &[&[&str]] = &[
        &["rank"],
        &["weights"],
        &["cost"],
        &["check"],
        &["compare"],
        &["reversal"],
        &["robustness", "--draws", "200"],
        &["sensitivity"],
    ];
    for command in commands {
        let mut from_file = innorank(*command)
            .args(["examples/related-diversification.yaml", "--format", "json", "--quiet"])
            .json();
        let from_stdin = innorank(*command)
            .args(["-", "--format", "json", "--quiet"])
            .stdin(problem.clone())
            .json();
        // `check` names the file it read.
        if let Some(file) = from_file.get_mut("file") {
            *file = "<stdin>".into();
        }
        assert_eq!(from_stdin, from_file, "{command:?}");
    }
}
