//! Hostile inputs: alias bombs, deep nesting, huge files, bad bytes. Each
//! must end with exit code 2, nothing on standard output and one located
//! `error:` line, never a panic, an abort or a hang. The 20-second timeout
//! is a hang guard, not a performance assertion (timings and memory are
//! measured by hand with a release build).

use std::fmt::Write as _;
use std::time::Duration;

use crate::common::{Cli, TempFile};

/// Runs `innorank check FILE` (`-` reads `stdin`) and returns standard
/// error after checking exit code 2, an empty standard output and no panic.
fn refused(file: &str, stdin: Option<Vec<u8>>) -> String {
    let mut command = Cli::new().args(["check", file]).timeout(Duration::from_secs(20));
    if let Some(input) = stdin {
        command = command.stdin(input);
    }
    let assert = command.assert();
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let shown: String = stderr.chars().take(2000).collect();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("fatal runtime error"),
        "crashed: {shown}"
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "status {:?}; stderr: {shown}",
        output.status
    );
    assert!(output.stdout.is_empty(), "stdout must be empty");
    stderr
}

/// Checks that `stderr` is exactly one line
/// `error: SOURCE:LINE:COLUMN: ...MESSAGE...`, with the given line if any.
fn assert_located(stderr: &str, source: &str, line: Option<usize>, message: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one error line, got:\n{stderr}");
    let rest = lines[0]
        .strip_prefix(&format!("error: {source}:"))
        .unwrap_or_else(|| panic!("not an error about {source}: {stderr}"));
    let mut parts = rest.splitn(3, ':');
    let found_line: usize = parts
        .next()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| panic!("no line number: {stderr}"));
    let column_ok = parts.next().is_some_and(|c| c.parse::<usize>().is_ok());
    assert!(column_ok, "no column number: {stderr}");
    if let Some(line) = line {
        assert_eq!(found_line, line, "{stderr}");
    }
    assert!(lines[0].contains(message), "expected `{message}` in: {stderr}");
}

const ALIAS_BUDGET: &str = "aliases expand to more than";

/// The classic "billion laughs": nine levels of nine aliases each.
fn billion_laughs() -> String {
    let mut yaml = String::from("name: t\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..=9 {
        let items = vec![format!("*l{}", level - 1); 9].join(", ");
        writeln!(yaml, "lol{level}: &l{level} [{items}]").unwrap();
    }
    yaml
}

#[test]
fn billion_laughs_is_refused() {
    let stderr = refused("-", Some(billion_laughs().into_bytes()));
    assert_located(&stderr, "<stdin>", None, ALIAS_BUDGET);
}

/// About 400 KB whose anchors are wide lists of long strings, nested eight
/// levels deep, each level aliasing the one below ten times.
fn padded_bomb() -> String {
    let long = "x".repeat(1000);
    let mut yaml = String::from("name: t\n");
    let strings = vec![format!("\"{long}\""); 100].join(", ");
    writeln!(yaml, "pad0: &p0 [{strings}]").unwrap();
    for level in 1..8 {
        let aliases = vec![format!("*p{}", level - 1); 10].join(", ");
        let padding = vec![format!("\"{long}\""); 40].join(", ");
        writeln!(yaml, "pad{level}: &p{level} [{aliases}, {padding}]").unwrap();
    }
    yaml
}

#[test]
fn padded_bomb_is_refused() {
    let yaml = padded_bomb();
    assert!((350_000..450_000).contains(&yaml.len()), "{}", yaml.len());
    let stderr = refused("-", Some(yaml.into_bytes()));
    assert_located(&stderr, "<stdin>", None, ALIAS_BUDGET);
}

/// One 1 MiB string aliased 20,000 times.
fn big_string_bomb() -> String {
    // A 1 MiB string written as a literal block (short lines), so only the
    // alias budget can stop it.
    let line = format!("  {}\n", "x".repeat(63));
    let mut yaml = format!("name: t\ndescription: &big |\n{}alternatives: [", line.repeat(1 << 14));
    yaml.push_str(&vec!["*big"; 20_000].join(", "));
    yaml.push_str("]\n");
    yaml
}

#[test]
fn big_string_aliased_many_times_is_refused() {
    let stderr = refused("-", Some(big_string_bomb().into_bytes()));
    assert_located(&stderr, "<stdin>", Some((1 << 14) + 3), ALIAS_BUDGET);
}

#[test]
fn one_huge_line_is_refused_before_parsing() {
    // The YAML scanner holds every token of a line in a flow collection: a
    // 16 MB one-line list would cost gigabytes.
    let yaml = format!("name: t\nmatrix: [{}]\n", vec!["1"; 5_000_000].join(", "));
    let stderr = refused("-", Some(yaml.into_bytes()));
    assert_located(&stderr, "<stdin>", Some(2), "the line is longer than 1048576 bytes");
}

#[test]
fn a_million_values_is_the_limit() {
    // Over a million values the problem belongs in CSV; the walk stops at
    // the value that crosses the limit, before the YAML reader keeps them.
    let yaml = format!("name: t\nmatrix:\n{}", "  - 1\n".repeat(1_100_000));
    let stderr = refused("-", Some(yaml.into_bytes()));
    assert_located(&stderr, "<stdin>", None, "the file holds more than 1000000 values");
}

/// `{a: {a: ... }}` nested 100,000 deep (about 500 KB).
fn deep_flow_mappings() -> String {
    format!("{}x{}\n", "{a: ".repeat(100_000), "}".repeat(100_000))
}

#[test]
fn deep_flow_mappings_are_refused() {
    let stderr = refused("-", Some(deep_flow_mappings().into_bytes()));
    assert_located(&stderr, "<stdin>", Some(1), "nested more than");
}

/// `[[[[ ... ]]]]` nested 100,000 deep.
fn deep_flow_sequences() -> String {
    format!("{}{}\n", "[".repeat(100_000), "]".repeat(100_000))
}

#[test]
fn deep_flow_sequences_are_refused() {
    let stderr = refused("-", Some(deep_flow_sequences().into_bytes()));
    assert_located(&stderr, "<stdin>", Some(1), "nested more than");
}

/// Brackets after a quote inside a plain scalar (`rock 'n roll`): the
/// quote does not start a string in YAML, so the nesting is real even
/// though a naive bracket count would skip it as quoted.
fn deep_flow_after_stray_quote() -> String {
    format!(
        "name: rock 'n roll\ndescription: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    )
}

#[test]
fn deep_flow_after_a_stray_quote_is_refused() {
    let stderr = refused("-", Some(deep_flow_after_stray_quote().into_bytes()));
    assert_located(&stderr, "<stdin>", Some(2), "");
}

/// Block sequences nested 100,000 deep on one line: `- - - - ... x`
/// (200 KB, no brackets at all).
fn deep_block_sequences() -> String {
    format!("{}x\n", "- ".repeat(100_000))
}

#[test]
fn deep_block_sequences_are_refused() {
    let stderr = refused("-", Some(deep_block_sequences().into_bytes()));
    assert_located(&stderr, "<stdin>", Some(1), "nested more than");
}

/// Explicit keys nested 100,000 deep on one line: `? ? ? ... x`.
fn deep_explicit_keys() -> String {
    format!("{}x\n", "? ".repeat(100_000))
}

#[test]
fn deep_explicit_keys_are_refused() {
    let stderr = refused("-", Some(deep_explicit_keys().into_bytes()));
    assert_located(&stderr, "<stdin>", Some(1), "nested more than");
}

#[test]
fn hundred_megabyte_file_is_refused_by_the_default_cap() {
    // A valid start followed by 100 MB of comment lines.
    let mut bytes = b"name: t\ncriteria:\n  - id: gain\nalternatives:\n  - {id: p1, scores: {gain: 1}}\n".to_vec();
    let line = format!("# {}\n", "padding ".repeat(12));
    while bytes.len() < 100_000_000 {
        bytes.extend_from_slice(line.as_bytes());
    }
    let file = TempFile::new("100mb.yaml", &bytes);
    drop(bytes);
    let stderr = refused(file.path(), None);
    assert_eq!(
        stderr,
        format!(
            "error: {}: the file is larger than 16777216 bytes; raise the limit with --max-size or put alternatives in a CSV file\n",
            file.path()
        )
    );
}

/// A ten-line problem with `bad` in the middle of line 7.
fn with_bad_bytes_on_line_7(bad: &[u8]) -> Vec<u8> {
    let mut bytes = b"name: t
criteria:
  - id: gain
  - id: risk
    direction: cost
alternatives:
  - {id: p1, name: \"Gear"
        .to_vec();
    bytes.extend_from_slice(bad);
    bytes.extend_from_slice(
        b"box platform\", scores: {gain: 1, risk: 2}}
  - {id: p2, scores: {gain: 2, risk: 1}}
screening:
  - {criterion: risk, max: 8}
",
    );
    bytes
}

#[test]
fn invalid_utf8_in_the_middle_of_line_7_is_located() {
    // Column 25 is the first bad byte: `  - {id: p1, name: "Gear` is 24
    // characters.
    let stderr = refused("-", Some(with_bad_bytes_on_line_7(b"\xC3\x28\xFF")));
    assert_eq!(
        stderr,
        "error: <stdin>:7:25: the file is not valid UTF-8 (save it as UTF-8)\n"
    );
}

#[test]
fn nul_byte_is_located() {
    let stderr = refused("-", Some(with_bad_bytes_on_line_7(b"\0")));
    assert_eq!(stderr, "error: <stdin>:7:25: the file contains a NUL byte\n");
}

#[test]
fn nul_byte_in_a_file_is_located() {
    let file = TempFile::new("nul.yaml", &with_bad_bytes_on_line_7(b"\0"));
    let stderr = refused(file.path(), None);
    assert_eq!(
        stderr,
        format!("error: {}:7:25: the file contains a NUL byte\n", file.path())
    );
}

#[test]
fn legitimate_anchors_and_aliases_still_load() {
    let yaml = "name: Anchors
criteria:
  - id: gain
  - id: risk
    direction: cost
    scale: &rubric {min: 1, max: 9}
  - id: fit
    scale: *rubric
alternatives:
  - id: p1
    scores: &typical {gain: 3, risk: 4, fit: 5}
  - id: p2
    scores: *typical
  - id: p3
    scores: {gain: 5, risk: 2, fit: 7}
";
    for command in ["check", "rank"] {
        let assert = Cli::new()
            .args([command, "-", "--format", "json"])
            .stdin(yaml)
            .timeout(Duration::from_secs(20))
            .assert();
        let output = assert.get_output();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{command}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    }
}
