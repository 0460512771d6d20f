//! CSV alternatives from the sources and encodings a new user actually has:
//! pipes and devices, endless streams, UTF-16 and Latin-1 files, European
//! spreadsheets (`;` and decimal commas).

use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use innorank::problem::{DiagnosticKind, LoadOptions};

use crate::common::{Cli, Dir, binary};

/// A folder with `p.yaml` ([`PROBLEM`]) and the given files.
fn fixture(name: &str, files: &[(&str, &[u8])]) -> Dir {
    let dir = Dir::new(name);
    dir.write("p.yaml", PROBLEM);
    dir.write_all(files);
    dir
}

/// `rank p.yaml --format csv` in `dir` with `extra` arguments.
fn rank(dir: &Dir, extra: &[&str]) -> Cli {
    dir.innorank().args(["rank", "p.yaml", "--format", "csv"]).args(extra)
}

/// The problem file: `{csv: alts.csv}` unless `--alternatives` says else.
const PROBLEM: &str = "name: c\ncriteria:\n  - {id: gain}\n  - {id: risk, direction: cost, levels: {low: 1, high: 5}, scale: {min: 1, max: 5}}\nalternatives: {csv: alts.csv}\n";

const CSV: &[u8] = b"id,name,gain,risk\na,Alpha,1.5,low\nb,Beta,2.25,3\nc,,0.75,high\n";

/// Standard output of a successful run.
fn success(command: Cli) -> String {
    command.stdout()
}

/// Standard error of a run that must fail with exit 2 and print nothing.
fn refused(command: Cli) -> String {
    let out = command.assert().code(2).stdout("").get_output().stderr.clone();
    assert!(
        !out.iter().any(|&b| b < 0x20 && b != b'\n'),
        "control bytes on the terminal: {out:?}"
    );
    String::from_utf8(out).unwrap()
}

#[test]
fn a_csv_from_a_pipe_ranks_like_the_file() {
    let dir = fixture("pipe", &[("alts.csv", CSV)]);
    let expected = success(rank(&dir, &[]));
    assert_eq!(expected.lines().count(), 4, "{expected}");
    for name in ["/dev/stdin", "-"] {
        let piped = success(rank(&dir, &["--alternatives", name]).stdin(CSV));
        assert_eq!(piped, expected, "{name}");
    }
    // The same errors at the same lines as from the file.
    let broken = b"id,gain,risk\na,1,low\nb,x,1\nc,2\n";
    let dir = fixture("pipe-broken", &[("alts.csv", broken)]);
    let from_file = refused(rank(&dir, &[]));
    let from_pipe = refused(rank(&dir, &["--alternatives", "/dev/stdin"]).stdin(&broken[..]));
    assert_eq!(from_pipe, from_file.replace("alts.csv", "/dev/stdin"));
    assert_eq!(
        from_file,
        "error: alts.csv:3: gain: `x` is not a number, and `gain` has no named levels\n\
         error: alts.csv:4: the row has 2 fields, the header has 3\n\
         error: 2 problems found; nothing was ranked\n"
    );
}

#[cfg(unix)]
#[test]
fn a_csv_from_a_fifo_ranks_like_the_file() {
    let dir = fixture("fifo", &[("alts.csv", CSV)]);
    let expected = success(rank(&dir, &[]));
    let fifo = dir.join("alts.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    // Without mkfifo there is nothing to test.
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, CSV).unwrap())
    };
    let out = success(rank(&dir, &["--alternatives", fifo.to_str().unwrap()]));
    writer.join().unwrap();
    assert_eq!(out, expected);
}

/// Runs `rank` on alternatives from standard input fed by `feed` until the
/// command stops reading; returns its exit code, stdout and stderr, and
/// how long it took.
fn rank_fed(
    dir: &Dir,
    extra: &[&str],
    feed: impl FnOnce(&mut dyn Write) + Send + 'static,
) -> (i32, String, String, Duration) {
    let start = Instant::now();
    let mut child = std::process::Command::new(binary())
        .current_dir(dir.path())
        .args(["rank", "p.yaml", "--format", "csv", "--alternatives", "-"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The feeder stops when the command closes the pipe.
    let feeder = std::thread::spawn(move || feed(&mut stdin));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
        start.elapsed(),
    )
}

#[test]
fn an_endless_stream_of_rows_stops_at_the_byte_limit() {
    let dir = fixture("endless", &[]);
    let (code, out, err, took) = rank_fed(&dir, &["--max-csv-size", "2000000"], |w| {
        let _ = w.write_all(b"id,gain,risk\n");
        let row = b"a,1,2\n".repeat(10_000);
        while w.write_all(&row).is_ok() {}
    });
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "error: <stdin>: the CSV file is larger than 2000000 bytes; raise the limit with --max-csv-size\n"
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
    // A regular file over the limit gives the same message, unread.
    let big = fixture("limit-file", &[("alts.csv", CSV)]);
    let err = refused(rank(&big, &["--max-csv-size", "20"]));
    assert_eq!(
        err,
        "error: alts.csv: the CSV file is larger than 20 bytes; raise the limit with --max-csv-size\n"
    );
}

#[test]
fn a_stream_without_line_breaks_stops_at_the_line_limit() {
    let dir = fixture("one-line", &[]);
    let (code, out, err, took) = rank_fed(&dir, &[], |w| {
        let _ = w.write_all(b"id,gain,risk\n");
        let bytes = vec![b'y'; 1 << 16];
        while w.write_all(&bytes).is_ok() {}
    });
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "error: <stdin>:2: the line is longer than 16777216 bytes; break it into several lines\n"
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[cfg(unix)]
#[test]
fn devices_fail_fast_with_one_line() {
    let dir = fixture("devices", &[]);
    for device in ["/dev/zero", "/dev/urandom"] {
        if !Path::new(device).exists() {
            continue;
        }
        let start = Instant::now();
        let err = refused(rank(&dir, &["--alternatives", device]));
        assert_eq!(
            err,
            format!(
                "error: {device}: the file is not text: it holds NUL bytes; save it as \"CSV UTF-8\" and try again\n"
            )
        );
        assert!(start.elapsed() < Duration::from_secs(20));
    }
}

#[test]
fn standard_input_cannot_give_both_the_problem_and_the_alternatives() {
    let dir = fixture("stdin-twice", &[]);
    for csv in ["-", "/dev/stdin"] {
        let err = refused(dir.innorank().args(["rank", "-", "--alternatives", csv]).stdin(PROBLEM));
        assert_eq!(
            err,
            "error: <stdin>: standard input cannot give both the problem and the alternatives (`--alternatives -`); save one of them to a file\n"
        );
    }
}

/// `text` in UTF-16, little- or big-endian, with or without a byte-order mark.
fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    units
        .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
        .collect()
}

#[test]
fn utf16_and_other_encodings_give_one_line() {
    let text = std::str::from_utf8(CSV).unwrap();
    let utf16_line =
        "error: alts.csv: the file is UTF-16 (Excel \"Unicode Text\"); save it as \"CSV UTF-8\" and try again\n";
    for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
        let dir = fixture("utf16", &[("alts.csv", &utf16(text, big_endian, bom))]);
        assert_eq!(refused(rank(&dir, &[])), utf16_line, "{big_endian} {bom}");
    }
    // Latin-1 (Windows-1252) in the header, or in a row far down the file.
    let dir = fixture("latin1-header", &[("alts.csv", b"id,gain,risk,pr\xE9vu\na,1,1,x\n")]);
    assert_eq!(
        refused(rank(&dir, &["--ignore-extra-columns"])),
        "error: alts.csv:1: the file is not UTF-8 (perhaps Windows-1252 or Latin-1); save it as \"CSV UTF-8\" and try again\n"
    );
    let mut late = b"id,name,gain,risk\n".to_vec();
    for i in 0..3000 {
        late.extend(format!("r{i},Zurich,1,2\n").bytes());
    }
    late.extend(b"z,Z\xFCrich,1,2\nz2,M\xFCnchen,x,2\n");
    let dir = fixture("latin1-row", &[("alts.csv", &late)]);
    assert_eq!(
        refused(rank(&dir, &[])),
        "error: alts.csv:3002: the file is not UTF-8 (perhaps Windows-1252 or Latin-1); save it as \"CSV UTF-8\" and try again\n"
    );
    let dir = fixture("xlsx", &[("alts.csv", b"PK\x03\x04\x14\0\x06\0\0\0")]);
    assert_eq!(
        refused(rank(&dir, &[])),
        "error: alts.csv: the file is an Excel workbook, not a CSV file; save it as \"CSV UTF-8\" and try again\n"
    );
}

#[test]
fn a_utf16_problem_file_gets_the_same_one_line() {
    let dir = fixture("utf16-yaml", &[]);
    std::fs::write(dir.join("p.yaml"), utf16(PROBLEM, false, true)).unwrap();
    assert_eq!(
        refused(rank(&dir, &[])),
        "error: p.yaml: the file is UTF-16 (Excel \"Unicode Text\"); save it as UTF-8 and try again\n"
    );
}

#[test]
fn control_characters_in_cells_are_escaped_in_messages() {
    let csv = b"id,gain,risk\na,\x1b[31mred,1\nb\x07,1,1\n";
    let dir = fixture("control", &[("alts.csv", csv)]);
    assert_eq!(
        refused(rank(&dir, &[])),
        "error: alts.csv:2: gain: `\\u{1b}[31mred` is not a number, and `gain` has no named levels\n\
         error: alts.csv:3: id: alternative id `b\\u{7}` must be 1-64 letters, digits, `_`, `-` or `.`\n\
         error: 2 problems found; nothing was ranked\n"
    );
    let dir = fixture(
        "control-header",
        &[("alts.csv", b"id,gain,risk,\x1b]0;x\x07\na,1,1,2\n")],
    );
    let err = refused(rank(&dir, &[]));
    assert!(err.contains("unknown column `\\u{1b}]0;x\\u{7}`"), "{err}");
}

/// The comma-separated [`CSV`] as a European spreadsheet exports it.
const SEMICOLON_CSV: &[u8] = b"id;name;gain;risk\na;Alpha;1,5;low\nb;Beta;2,25;3\nc;;0,75;high\n";

#[test]
fn semicolon_files_with_decimal_commas_rank_like_comma_files() {
    let dir = fixture("semicolon", &[("alts.csv", CSV), ("semi.csv", SEMICOLON_CSV)]);
    let expected = success(rank(&dir, &[]));
    // Told from the header, given, or from a pipe: the same ranking, and
    // the output stays comma-separated with decimal points.
    assert_eq!(success(rank(&dir, &["--alternatives", "semi.csv"])), expected);
    assert_eq!(
        success(rank(&dir, &["--alternatives", "semi.csv", "--delimiter", ";"])),
        expected
    );
    assert_eq!(
        success(rank(&dir, &["--alternatives", "-"]).stdin(SEMICOLON_CSV)),
        expected
    );
    assert!(
        expected.contains(",Alpha,") && expected.contains(",1.5,1\n"),
        "{expected}"
    );
    let tab = std::str::from_utf8(CSV).unwrap().replace(',', "\t");
    std::fs::write(dir.join("tab.csv"), &tab).unwrap();
    assert_eq!(success(rank(&dir, &["--alternatives", "tab.csv"])), expected);
    let pipes = std::str::from_utf8(CSV).unwrap().replace(',', "|");
    std::fs::write(dir.join("pipes.csv"), &pipes).unwrap();
    assert_eq!(
        success(rank(&dir, &["--alternatives", "pipes.csv", "--delimiter", "|"])),
        expected
    );
}

#[test]
fn decimal_commas_take_no_dots_and_one_column_headers_get_advice() {
    let csv = b"id;gain;risk\na;1.234,5;1\nb;2.5;2\nc;1,5e3;3\nd;1,2,3;4\n";
    let dir = fixture("decimal", &[("alts.csv", csv)]);
    assert_eq!(
        refused(rank(&dir, &[])),
        "error: alts.csv:2: gain: `1.234,5` is not a number: a `;`-separated file writes decimals with a comma and no thousands separator, like `1234,5`\n\
         error: alts.csv:3: gain: `2.5` is not a number: a `;`-separated file writes decimals with a comma and no thousands separator, like `1234,5`\n\
         error: alts.csv:5: gain: `1,2,3` is not a number, and `gain` has no named levels\n\
         error: 3 problems found; nothing was ranked\n"
    );
    let dir = fixture("one-column", &[("alts.csv", SEMICOLON_CSV)]);
    assert_eq!(
        refused(rank(&dir, &["--delimiter", ","])),
        "error: alts.csv:1: the header is one column, `id;name;gain;risk`; the file looks separated by `;`: pass --delimiter ';'\n"
    );
    let err = refused(rank(&dir, &["--delimiter", "x"]));
    assert!(err.contains("expected `,`, `;`, `|` or `tab`, found `x`"), "{err}");
}

/// Loads `p.yaml` in `dir` with `options`.
fn load(dir: &Dir, options: LoadOptions) -> Result<innorank::Problem, innorank::problem::Diagnostics> {
    innorank::Problem::from_path(&dir.join("p.yaml"), &options)
}

#[test]
fn the_library_reads_delimiters_and_refuses_by_kind() {
    let dir = fixture("library", &[("alts.csv", SEMICOLON_CSV)]);
    let problem = load(&dir, LoadOptions::default()).unwrap();
    assert_eq!(problem.scores().row(1), [2.25, 3.0]);
    // Values not written as comma-file decimals are not echoed.
    assert!(problem.score_text().is_none());

    let err = load(
        &dir,
        LoadOptions {
            csv_delimiter: Some(b','),
            ..LoadOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err.iter().as_slice(), [d] if matches!(d.kind, DiagnosticKind::OneColumn { flag: "';'", .. })));

    let err = load(
        &dir,
        LoadOptions {
            max_csv_size: 10,
            ..LoadOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        err.iter().next().unwrap().kind,
        DiagnosticKind::CsvTooLarge { limit: 10 }
    );

    let err = load(
        &dir,
        LoadOptions {
            csv_delimiter: Some(b'.'),
            ..LoadOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: unsupported delimiter `.`; use `,`, `;`, `|` or tab",
            dir.join("alts.csv").display()
        )
    );

    std::fs::write(dir.join("alts.csv"), utf16("id,gain,risk\na,1,1\n", false, true)).unwrap();
    let err = load(&dir, LoadOptions::default()).unwrap_err();
    assert!(matches!(
        err.iter().next().unwrap().kind,
        DiagnosticKind::Encoding {
            found: "UTF-16 (Excel \"Unicode Text\")",
            ..
        }
    ));
}
