//! Alternatives from CSV: `{csv: FILE}`, `--alternatives`, and every CSV
//! error located by file, line and column header.

use assert_cmd::assert::Assert;

use crate::common::Dir;

/// A folder with `p.yaml` holding `yaml` and the given CSV files.
fn fixture(name: &str, yaml: &str, files: &[(&str, &[u8])]) -> Dir {
    let dir = Dir::new(name);
    dir.write("p.yaml", yaml);
    dir.write_all(files);
    dir
}

/// `rank p.yaml --format csv` in `dir` with `extra` arguments.
fn rank(dir: &Dir, extra: &[&str]) -> Assert {
    dir.innorank()
        .args(["rank", "p.yaml", "--format", "csv"])
        .args(extra)
        .assert()
}

const PROBLEM: &str = "name: c\ncriteria:\n  - {id: gain}\n  - {id: risk, direction: cost, levels: {low: 1, high: 5}, scale: {min: 1, max: 5}}\nalternatives: {csv: alts.csv}\n";

fn stderr_lines(a: Assert) -> Vec<String> {
    let out = a.code(2).stdout("").get_output().stderr.clone();
    String::from_utf8(out).unwrap().lines().map(str::to_owned).collect()
}

#[test]
fn csv_with_bom_names_levels_and_any_column_order_ranks() {
    let dir = fixture(
        "ok",
        PROBLEM,
        &[(
            "alts.csv",
            b"\xEF\xBB\xBFrisk,id,name,gain\n low ,a,\"Alpha, Inc\",3\nhigh,b,,4\n2,c,Gamma,1.5\n",
        )],
    );
    let out = rank(&dir, &[]).success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "rank,id,name,score,d_plus,d_minus,gain,risk");
    assert!(lines[1].starts_with("1,a,\"Alpha, Inc\","), "{text}");
    assert!(lines[1].ends_with(",3,1"), "level `low` read as 1: {text}");
}

#[test]
fn command_line_csv_replaces_the_problem_alternatives() {
    let dir = fixture(
        "override",
        PROBLEM,
        &[
            ("alts.csv", b"id,gain,risk\na,1,1\n"),
            ("other.csv", b"id,gain,risk\nx,1,5\ny,2,1\n"),
        ],
    );
    let out = rank(&dir, &["--alternatives", "other.csv"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().nth(1).unwrap().starts_with("1,y,"), "{text}");
}

#[test]
fn every_cell_error_is_located_by_line_and_column() {
    let csv = b"id,gain,risk\na,1,low\nb,x,1\nc,NaN,2\nd,1e400,2\ne,,2\nf,1,medium\ng,1,9\nh,1\na,2,2\nbad id,1,1\n";
    let dir = fixture("cells", PROBLEM, &[("alts.csv", csv)]);
    let lines = stderr_lines(rank(&dir, &[]));
    let expected = [
        "gain: `x` is not a number, and `gain` has no named levels".to_owned(),
        "gain: must be a finite number, found `NaN`".to_owned(),
        "gain: number `1e400` is out of range".to_owned(),
        "gain: empty cell".to_owned(),
        "risk: `medium` is not a level of `risk`; its levels are `low`, `high`".to_owned(),
        "risk: score 9 is outside the scale 1..5 of `risk`".to_owned(),
        "the row has 2 fields, the header has 3".to_owned(),
        "id: alternative id `bad id` must be 1-64 letters, digits, `_`, `-` or `.`".to_owned(),
        "id: duplicate id `a` (also at line 2)".to_owned(),
    ];
    let line_numbers = [3, 4, 5, 6, 7, 8, 9, 11, 10];
    assert_eq!(lines.len(), expected.len() + 1, "{lines:#?}");
    // The CSV is named as the problem file names it, relative to its folder.
    for ((got, want), line) in lines.iter().zip(&expected).zip(line_numbers) {
        assert_eq!(got, &format!("error: alts.csv:{line}: {want}"));
    }
    assert_eq!(
        lines.last().unwrap(),
        &format!("error: {} problems found; nothing was ranked", expected.len())
    );
}

#[test]
fn header_problems_are_reported_and_extra_columns_can_be_ignored() {
    let dir = fixture("header", PROBLEM, &[("alts.csv", b"id,gain,gain,notes\na,1,2,x\n")]);
    let lines = stderr_lines(rank(&dir, &[]));
    let file = "alts.csv";
    assert_eq!(
        lines,
        [
            format!("error: {file}:1: gain: duplicate column `gain` (also column 2)"),
            format!(
                "error: {file}:1: notes: unknown column `notes`; columns are `id`, `name` and the leaf criteria (or pass --ignore-extra-columns)"
            ),
            format!("error: {file}:1: missing column `risk`"),
            "error: 3 problems found; nothing was ranked".to_owned(),
        ]
    );
    let ok = fixture(
        "extra",
        PROBLEM,
        &[("alts.csv", b"id,gain,risk,notes\na,1,2,x\nb,2,1,y\n")],
    );
    rank(&ok, &["--ignore-extra-columns"]).success();
}

#[test]
fn a_misspelt_column_is_one_error_with_a_suggestion() {
    let dir = fixture("misspelt", PROBLEM, &[("alts.csv", b"idd,gian,risk,zzz\na,1,2,x\n")]);
    assert_eq!(
        stderr_lines(rank(&dir, &[])),
        [
            "error: alts.csv:1: idd: unknown column `idd` (did you mean `id`?); columns are `id`, `name` and the leaf criteria (or pass --ignore-extra-columns)",
            "error: alts.csv:1: gian: unknown column `gian` (did you mean `gain`?); columns are `id`, `name` and the leaf criteria (or pass --ignore-extra-columns)",
            "error: alts.csv:1: zzz: unknown column `zzz`; columns are `id`, `name` and the leaf criteria (or pass --ignore-extra-columns)",
            "error: 3 problems found; nothing was ranked",
        ]
    );
    // A level name gets its suggestion too.
    let dir = fixture("level", PROBLEM, &[("alts.csv", b"id,gain,risk\na,1,hihg\n")]);
    assert_eq!(
        stderr_lines(rank(&dir, &[])),
        [
            "error: alts.csv:2: risk: `hihg` is not a level of `risk` (did you mean `high`?); its levels are `low`, `high`"
        ]
    );
}

#[test]
fn csv_paths_stay_inside_the_problem_folder_unless_allowed() {
    let yaml = PROBLEM.replace("alts.csv", "../outside.csv");
    let dir = fixture("outside", &yaml, &[]);
    let lines = stderr_lines(rank(&dir, &[]));
    assert_eq!(
        lines,
        [
            "error: p.yaml:5:21: alternatives.csv: `../outside.csv` is outside the problem file's folder; pass --allow-outside-paths to allow it"
        ]
    );
    let missing = rank(&dir, &["--allow-outside-paths"])
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8(missing)
            .unwrap()
            .contains("outside.csv: cannot read the file")
    );
}

#[test]
fn derived_criteria_need_alternatives_in_yaml() {
    let yaml = "name: d\ncore: {markets: [a]}\ncriteria:\n  - {id: s, derive: {shared: markets}}\nalternatives: {csv: alts.csv}\n";
    let dir = fixture("derived", yaml, &[("alts.csv", b"id,s\na,1\n")]);
    let lines = stderr_lines(rank(&dir, &[]));
    assert_eq!(
        lines,
        [
            "error: p.yaml:5:15: alternatives: criteria derived from `assets` or cost curves need the alternatives written in the problem file, not in CSV"
        ]
    );
}

#[test]
fn large_files_read_in_parallel_keep_order_and_line_numbers() {
    // Without quotes and over 64 KiB: read in stretches on several threads.
    let make = |broken: bool| {
        let mut csv = String::from("id,gain,risk\n");
        for i in 0..80_000 {
            let gain = if broken && i == 29_999 {
                "oops".to_owned()
            } else {
                format!("{}.25", i % 97)
            };
            let id = if broken && i == 35_000 {
                "r17".to_owned()
            } else {
                format!("r{i}")
            };
            csv.push_str(&format!("{id},{gain},{}\n", 1 + i % 5));
        }
        csv
    };
    let csv = make(true);
    assert!(csv.len() > 1 << 20);
    let dir = fixture("parallel", PROBLEM, &[("alts.csv", csv.as_bytes())]);
    let lines = stderr_lines(rank(&dir, &[]));
    assert_eq!(
        lines,
        [
            "error: alts.csv:30001: gain: `oops` is not a number, and `gain` has no named levels",
            "error: alts.csv:35002: id: duplicate id `r17` (also at line 19)",
            "error: 2 problems found; nothing was ranked",
        ]
    );
    // Without the errors the ranking covers every row, in the same order as
    // a one-thread read: equal scores keep input order.
    let fixed = make(false);
    let dir = fixture("parallel-ok", PROBLEM, &[("alts.csv", fixed.as_bytes())]);
    let out = rank(&dir, &[]).success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 80_001);
    let tied: Vec<&str> = text
        .lines()
        .skip(1)
        .filter(|l| l.ends_with(",96.25,2"))
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    let mut sorted = tied.clone();
    sorted.sort_by_key(|id| id[1..].parse::<u32>().unwrap());
    assert_eq!(tied, sorted, "tied rows keep input order");
    assert!(tied.len() > 10);
}

#[test]
fn one_thread_and_many_give_identical_output() {
    let mut csv = String::from("id,gain,risk\n");
    for i in 0..60_000u64 {
        // Deterministic, varied values with many near-ties.
        let gain = (i * 7919 % 1000) as f64 / 8.0;
        csv.push_str(&format!("r{i},{gain},{}\n", 1 + (i * 31) % 5));
    }
    let dir = fixture("threads", PROBLEM, &[("alts.csv", csv.as_bytes())]);
    let run = |threads: &str| {
        dir.innorank()
            .env("RAYON_NUM_THREADS", threads)
            .args(["rank", "p.yaml", "--format", "csv"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
}

/// The CSV output of `rank` on `csv` with `PROBLEM`, and its exit code.
fn rank_csv(name: &str, csv: &[u8], extra: &[&str]) -> (i32, String, String) {
    let dir = fixture(name, PROBLEM, &[("alts.csv", csv)]);
    let out = rank(&dir, extra).get_output().clone();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
}

#[test]
fn quoted_files_read_by_the_csv_crate_give_the_same_errors() {
    // The first file has no quote and is read by innorank's own splitter;
    // quoting one id sends the second to the csv crate. Both must agree.
    let plain = b"id,gain,risk\na,1,low\nb,x,1\nh,1\ni,1,2,3\na,2,2\nbad id,1,1\nc,-0.50,6\n".to_vec();
    let mut quoted = plain.clone();
    quoted.splice(13..14, b"\"a\"".iter().copied());
    assert!(quoted.starts_with(b"id,gain,risk\n\"a\",1,low\n"));
    let (code, out, plain_errors) = rank_csv("split-plain", &plain, &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    let (_, _, quoted_errors) = rank_csv("split-quoted", &quoted, &[]);
    assert_eq!(plain_errors, quoted_errors);
    assert_eq!(
        plain_errors.lines().collect::<Vec<_>>(),
        [
            "error: alts.csv:3: gain: `x` is not a number, and `gain` has no named levels",
            "error: alts.csv:4: the row has 2 fields, the header has 3",
            "error: alts.csv:5: the row has 4 fields, the header has 3",
            "error: alts.csv:7: id: alternative id `bad id` must be 1-64 letters, digits, `_`, `-` or `.`",
            "error: alts.csv:8: risk: score 6 is outside the scale 1..5 of `risk`",
            "error: alts.csv:6: id: duplicate id `a` (also at line 2)",
            "error: 6 problems found; nothing was ranked",
        ]
    );
}

#[test]
fn line_ends_and_blank_lines_follow_the_csv_rules() {
    let lf = b"id,gain,risk\na,1,low\n\nb,2.5,high\nc,3,2\n".to_vec();
    let crlf = b"id,gain,risk\r\na,1,low\r\n\r\nb,2.5,high\r\nc,3,2".to_vec();
    // A lone CR ends a record for the csv crate, which then reads the file.
    let cr = b"id,gain,risk\ra,1,low\r\rb,2.5,high\rc,3,2\r".to_vec();
    let (code, expected, _) = rank_csv("lf", &lf, &[]);
    assert_eq!(code, 0);
    assert_eq!(expected.lines().count(), 4, "{expected}");
    for (name, csv) in [("crlf", crlf), ("cr", cr)] {
        let (code, out, err) = rank_csv(name, &csv, &[]);
        assert_eq!((code, out.as_str()), (0, expected.as_str()), "{name}: {err}");
    }
    // Line numbers count the blank line.
    let broken = b"id,gain,risk\r\na,1,low\r\n\r\nb,oops,high\r\n";
    let (_, _, err) = rank_csv("crlf-error", broken, &[]);
    assert!(err.starts_with("error: alts.csv:4: gain: `oops`"), "{err}");
}

#[test]
fn plain_decimals_are_echoed_as_written_and_others_formatted() {
    // Row a: plain decimals, echoed with their trailing zeros. Row b: a
    // level name, row c: a padded cell and an exponent: formatted from the
    // value. JSON always gives numbers.
    let csv = b"id,gain,risk\na,2.50,3.0\nb,1.25,high\nc, 4 ,1e0\n";
    let (code, out, err) = rank_csv("echo", csv, &[]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<(&str, &str)> = out
        .lines()
        .skip(1)
        .map(|l| {
            let fields: Vec<&str> = l.splitn(7, ',').collect();
            (fields[1], fields[6])
        })
        .collect();
    assert_eq!(rows.len(), 3);
    for (id, values) in rows {
        let want = match id {
            "a" => "2.50,3.0",
            "b" => "1.25,5",
            "c" => "4,1",
            other => panic!("unexpected id {other}"),
        };
        assert_eq!(values, want, "row {id}");
    }
    let dir = fixture("echo-json", PROBLEM, &[("alts.csv", csv)]);
    let out = dir
        .innorank()
        .args(["rank", "p.yaml", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let a = json["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "a")
        .unwrap();
    assert_eq!(a["values"], serde_json::json!({"gain": 2.5, "risk": 3.0}));
}

#[test]
fn leaf_columns_apart_or_out_of_order_are_formatted() {
    for (name, csv) in [
        ("apart", &b"id,gain,name,risk\na,2.50,A,3.0\nb,1,B,2\n"[..]),
        ("swapped", &b"risk,id,gain\n3.0,a,2.50\n2,b,1\n"[..]),
    ] {
        let (code, out, err) = rank_csv(name, csv, &[]);
        assert_eq!(code, 0, "{err}");
        let a = out.lines().find(|l| l.contains(",a,")).unwrap();
        assert!(a.ends_with(",2.5,3"), "{name}: {a}");
    }
}

#[test]
fn error_lists_are_capped_and_ragged_rows_never_count_as_repeats() {
    // 6,000 rows over 64 KiB, so read in parallel stretches; every 20th
    // row is broken, and ragged rows reuse the id of a good row.
    let mut plain = String::from("id,gain,risk\n");
    for i in 0..6_000 {
        match i % 20 {
            7 => plain.push_str(&format!("r{i},oops,1\n")),
            13 => plain.push_str("r0,1\n"),
            _ => plain.push_str(&format!("r{i},{}.5,{}\n", i % 89, 1 + i % 5)),
        }
    }
    assert!(plain.len() > 1 << 16);
    let quoted = plain.replacen("r0,", "\"r0\",", 1);
    let (code, out, errors) = rank_csv("cap-plain", plain.as_bytes(), &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    let (_, _, quoted_errors) = rank_csv("cap-quoted", quoted.as_bytes(), &[]);
    assert_eq!(errors, quoted_errors);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 52, "{errors}");
    assert_eq!(
        lines[0],
        "error: alts.csv:9: gain: `oops` is not a number, and `gain` has no named levels"
    );
    assert_eq!(lines[1], "error: alts.csv:15: the row has 2 fields, the header has 3");
    assert!(!errors.contains("duplicate"), "{errors}");
    assert!(lines[50].contains("50"), "{}", lines[50]);
}

/// One generated CSV row: id, cells, and fields added or dropped.
type GenRow = (&'static str, &'static str, &'static str, i8);

/// `id,gain,risk` CSV text from generated rows, fields separated by `sep`;
/// `quote_first` quotes the first row's id, which sends the file to the
/// csv crate.
fn generated_csv(rows: &[GenRow], sep: &str, crlf: bool, blanks: &[usize], quote_first: bool) -> String {
    let end = if crlf { "\r\n" } else { "\n" };
    let mut csv = format!("id{sep}gain{sep}risk{end}");
    for (i, (id, gain, risk, extra)) in rows.iter().enumerate() {
        if blanks.contains(&i) {
            csv.push_str(end);
        }
        let id = if i == 0 && quote_first {
            format!("\"{id}\"")
        } else {
            (*id).to_owned()
        };
        let mut fields = vec![id, (*gain).to_owned(), (*risk).to_owned()];
        match extra {
            1 => fields.push("9".to_owned()),
            -1 => {
                fields.pop();
            }
            _ => {}
        }
        csv.push_str(&fields.join(sep));
        csv.push_str(end);
    }
    csv
}

/// A generated cell as a `;` file might write it: most decimal points as
/// commas, some kept (an error there), and a thousands separator.
fn comma(cell: &'static str) -> &'static str {
    match cell {
        "2.50" => "2,50",
        "-0.5" => "-0,5",
        "0.000" => "0.5",
        "3." => "3,",
        ".5" => ",5",
        "2.0" => "2,0",
        "1e3" => "1,5e3",
        "12345678901234567" => "12345678901234567,25",
        "x" => "1.234,5",
        other => other,
    }
}

/// One alternative as loaded: id, name and the bits of its values.
type Loaded = (String, Option<String>, Vec<u64>);

/// What loading gave, comparable across the two readers: the alternatives,
/// or the error messages.
fn load_summary(dir: &std::path::Path) -> Result<Vec<Loaded>, String> {
    let problem = innorank::Problem::from_path(&dir.join("p.yaml"), &Default::default()).map_err(|e| e.to_string())?;
    Ok((0..problem.alternatives().len())
        .map(|i| {
            let a = &problem.alternatives();
            let values = problem.scores().row(i).iter().map(|v| v.to_bits()).collect();
            (a.id(i).to_owned(), a.name(i).map(str::to_owned), values)
        })
        .collect())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// innorank's quote-free reader and the csv crate agree on every file:
    /// same alternatives and values, or the same errors at the same lines.
    /// Cells are written for comma files, and for `;` files with decimal
    /// commas (where a dot is an error); the separator is told from the
    /// header.
    #[test]
    fn both_readers_agree(
        semicolon: bool,
        rows in proptest::collection::vec(
            (
                proptest::sample::select(vec!["a", "b", "c", "a1", "bad id", ""]),
                proptest::sample::select(vec!["1", "2.50", "-0.5", "007", "1e3", " 4 ", "", "x", "0.000", "12345678901234567", "3.", ".5", "NaN"]),
                proptest::sample::select(vec!["1", "5", "low", "high", "2.0", "6", " 3", "medium"]),
                proptest::sample::select(vec![0i8, 0, 0, 0, 1, -1]),
            ),
            1..12,
        ),
        crlf: bool,
        blanks in proptest::collection::vec(0usize..12, 0..3),
        // Repeated rows make big files, read in parallel stretches.
        repeat in proptest::sample::select(vec![1usize, 1, 1, 1000]),
    ) {
        let dir = fixture("agree", PROBLEM, &[]);
        let rows = rows.repeat(repeat);
        let mut results = Vec::new();
        for quote in [false, true] {
            let csv = if semicolon {
                let rows: Vec<GenRow> = rows.iter().map(|&(id, gain, risk, extra)| (id, comma(gain), comma(risk), extra)).collect();
                generated_csv(&rows, ";", crlf, &blanks, quote)
            } else {
                generated_csv(&rows, ",", crlf, &blanks, quote)
            };
            std::fs::write(dir.join("alts.csv"), csv).unwrap();
            results.push(load_summary(dir.path()));
        }
        proptest::prop_assert_eq!(&results[0], &results[1]);
    }
}

#[test]
fn json_of_a_big_ranking_is_what_serde_gives_for_the_whole_report() {
    // List entries are serialised on all cores and spliced into the
    // report's JSON: the result must be exactly serde_json's pretty print
    // of the report.
    let mut csv = String::from("id,name,gain,risk\n");
    for i in 0..5_000u64 {
        let name = match i % 4 {
            0 => String::new(),
            1 => format!("\"Q{i}, \"\"quoted\"\"\""),
            2 => format!("Zoë {i}"),
            _ => format!("line {i}"),
        };
        csv.push_str(&format!(
            "r{i},{name},{},{}\n",
            (i * 7919 % 1000) as f64 / 8.0,
            1 + i % 5
        ));
    }
    // A screening rule sends about a fifth of the rows to `screened_out`.
    let problem = format!("{PROBLEM}screening: [{{criterion: gain, min: 25}}]\n");
    let dir = fixture("json-big", &problem, &[("alts.csv", csv.as_bytes())]);
    let problem = innorank::Problem::from_path(&dir.join("p.yaml"), &Default::default()).unwrap();
    let options = innorank::RankOptions {
        satisfactory: Some(0.5),
        ..Default::default()
    };
    let report = innorank::rank(&problem, &options).unwrap();
    assert!(report.screened_out.len() > 500 && report.ranking.len() > 3_000);
    let expected = serde_json::to_string_pretty(&report).unwrap() + "\n";
    for threads in ["1", "3"] {
        let out = dir
            .innorank()
            .env("RAYON_NUM_THREADS", threads)
            .args(["rank", "p.yaml", "--format", "json", "--satisfactory", "0.5"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(String::from_utf8(out).unwrap() == expected, "{threads} threads");
    }
}
