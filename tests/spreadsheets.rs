//! `--alternatives FILE.xlsx`: workbooks, built here with rust_xlsxwriter,
//! read with the CSV reader's rules and located at their cells.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;

use crate::common::{Dir, innorank};

/// Writes `csv` (comma-separated, no quotes) as sheet `sheet` of a new
/// workbook at `path`, numbers as number cells and the rest as text; more
/// sheets before it with `before`.
fn workbook(path: &Path, sheet: &str, csv: &str, before: &[&str]) {
    let mut book = Workbook::new();
    for name in before {
        book.add_worksheet()
            .set_name(*name)
            .unwrap()
            .write_string(0, 0, "not this one")
            .unwrap();
    }
    let ws = book.add_worksheet().set_name(sheet).unwrap();
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(v) => ws.write_number(r, c, v).unwrap(),
                Err(_) if cell.is_empty() => ws,
                Err(_) => ws.write_string(r, c, cell).unwrap(),
            };
        }
    }
    book.save(path).unwrap();
}

fn large_csv_head(rows: usize) -> String {
    let text = std::fs::read_to_string("examples/large.csv").unwrap();
    text.lines().take(rows + 1).map(|l| format!("{l}\n")).collect()
}

fn rank_json(alternatives: &PathBuf, extra: &[&str]) -> serde_json::Value {
    innorank([
        "rank",
        "examples/large.yaml",
        "--format",
        "json",
        "--quiet",
        "--alternatives",
    ])
    .arg(alternatives)
    .args(extra)
    .json()
}

/// Asserts that `check p.yaml` on `table` saved as `a.csv` in `dir` gives
/// the messages of `errors` (each message's text after its location).
fn same_messages_as_csv(dir: &Dir, errors: &[String], table: &str) {
    dir.write("a.csv", table);
    let csv_errors = dir
        .innorank()
        .args(["check", "p.yaml", "--alternatives", "a.csv"])
        .errors();
    let message = |e: &String| e.rsplit(": ").next().unwrap().to_owned();
    assert_eq!(
        errors.iter().map(message).collect::<Vec<_>>(),
        csv_errors.iter().map(message).collect::<Vec<_>>()
    );
}

#[test]
fn a_workbook_ranks_as_the_same_table_in_csv() {
    let dir = Dir::new("xlsx-same");
    let csv = large_csv_head(300);
    let csv_path = dir.write("alts.csv", &csv);
    let xlsx = dir.join("alts.xlsx");
    workbook(&xlsx, "Proposals", &csv, &[]);
    let from_csv = rank_json(&csv_path, &[]);
    let count = |list: &str| from_csv[list].as_array().unwrap().len();
    assert_eq!(count("ranking") + count("screened_out"), 300);
    assert_eq!(rank_json(&xlsx, &[]), from_csv);
    // Another sheet first: --sheet picks the table.
    let two = dir.join("two.xlsx");
    workbook(&two, "Proposals", &csv, &["Notes"]);
    assert_eq!(rank_json(&two, &["--sheet", "Proposals"]), from_csv);
}

#[test]
fn levels_intervals_and_ids_written_as_numbers_read_as_in_csv() {
    let dir = Dir::new("xlsx-levels");
    let problem =
        "name: x\ncriteria:\n  - {id: risk, direction: cost}\n  - {id: fit, levels: {low: 1, mid: 3, high: 5}}\n";
    dir.write("p.yaml", problem);
    let csv = "id,name,risk,fit\n7,Seven,2..4,high\nb,Bee,3,low..mid\n";
    dir.write("a.csv", csv);
    workbook(&dir.join("a.xlsx"), "Sheet1", csv, &[]);
    let run = |file: &str| {
        dir.innorank()
            .args(["rank", "p.yaml", "--format", "json", "--alternatives", file])
            .json()
    };
    let from_csv = run("a.csv");
    assert_eq!(run("a.xlsx"), from_csv);
    assert_eq!(from_csv["ranking"].as_array().unwrap().len(), 2);
    // Named by the problem file itself, as `{csv: FILE}`.
    dir.write("q.yaml", format!("{problem}alternatives: {{csv: a.xlsx}}\n"));
    let named = dir.innorank().args(["rank", "q.yaml", "--format", "json"]).json();
    assert_eq!(named["ranking"], from_csv["ranking"]);
}

#[test]
fn problems_are_located_at_their_cell() {
    let dir = Dir::new("xlsx-errors");
    dir.write(
        "p.yaml",
        "name: x\ncriteria:\n  - {id: risk, scale: {min: 1, max: 9}}\n  - {id: cost}\n",
    );
    workbook(
        &dir.join("a.xlsx"),
        "Sheet1",
        "id,risk,cost\np1,3,10\np2,12,20\np3,4,lots\n",
        &[],
    );
    let errors = dir
        .innorank()
        .args(["check", "p.yaml", "--alternatives", "a.xlsx"])
        .errors();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_eq!(errors[2], "2 problems found; nothing was ranked");
    assert!(errors[0].starts_with("a.xlsx!Sheet1!B3: "), "{errors:?}");
    assert!(errors[1].starts_with("a.xlsx!Sheet1!C4: "), "{errors:?}");
    // The same table in CSV reports the same problems, at lines.
    same_messages_as_csv(&dir, &errors, "id,risk,cost\np1,3,10\np2,12,20\np3,4,lots\n");
    // A misspelt header cell, a missing sheet, a file that is no workbook.
    workbook(&dir.join("h.xlsx"), "Sheet1", "id,rsik,cost\np1,3,10\n", &[]);
    let errors = dir
        .innorank()
        .args(["check", "p.yaml", "--alternatives", "h.xlsx"])
        .errors();
    assert!(
        errors[0].starts_with("h.xlsx!Sheet1!B1: ") && errors[0].contains("`risk`"),
        "{errors:?}"
    );
    let errors = dir
        .innorank()
        .args(["check", "p.yaml", "--alternatives", "h.xlsx", "--sheet", "Data"])
        .errors();
    assert_eq!(errors, ["h.xlsx: no sheet `Data`; the sheets are `Sheet1`"]);
    dir.write("bad.xlsx", "id,risk,cost\n");
    let errors = dir
        .innorank()
        .args(["check", "p.yaml", "--alternatives", "bad.xlsx"])
        .errors();
    assert!(
        errors[0].starts_with("bad.xlsx: cannot read the spreadsheet"),
        "{errors:?}"
    );
}

/// The cells of sheet `name` of the workbook at `path`, as text (numbers
/// as the shortest text that reads back the same).
fn sheet_cells(path: &Path, name: &str) -> Vec<Vec<String>> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Float(v) => v.to_string(),
                    Data::Bool(b) => b.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn rank_writes_the_csv_table_as_a_workbook() {
    let dir = Dir::new("xlsx-out");
    let out = dir.join("ranking.xlsx");
    let args = [
        "rank",
        "examples/innovation-proposals.yaml",
        "--satisfactory",
        "0.5",
        "--quiet",
    ];
    let run = innorank(args)
        .args(["--format", "xlsx", "-o"])
        .arg(&out)
        .run()
        .success();
    assert!(run.stdout.is_empty());
    let csv = innorank(args).args(["--format", "csv"]).stdout();
    let from_csv: Vec<Vec<String>> = csv
        .lines()
        .map(|l| {
            // Names here hold no commas or quotes.
            l.split(',')
                .map(|cell| cell.parse::<f64>().map_or(cell.to_owned(), |v| v.to_string()))
                .collect()
        })
        .collect();
    assert_eq!(sheet_cells(&out, "Ranking"), from_csv);
    let weights = sheet_cells(&out, "Weights");
    assert_eq!(weights[0], ["criterion", "weight"]);
    assert_eq!(weights.len(), from_csv[0].len() - 7 + 1, "one row per leaf");
    // Redirected, the workbook goes to standard output; other commands
    // refuse the format.
    let assert = innorank(args).args(["--format", "xlsx"]).assert().success();
    let bytes = &assert.get_output().stdout;
    assert!(bytes.starts_with(b"PK"), "a zip archive");
    let errors = innorank(["weights", "examples/innovation-proposals.yaml", "--format", "xlsx"]).errors();
    assert_eq!(errors, ["--format xlsx applies to rank only"]);
}

#[test]
fn portfolio_columns_read_as_in_csv_and_are_located_at_their_cell() {
    let dir = Dir::new("xlsx-portfolio");
    let problem = "name: sheet portfolio
criteria: [{id: npv}, {id: cost, direction: cost}]
portfolio:
  budget: 10
  cost: cost
  value: npv
  platforms:
    - {id: lab, fixed_cost: 3}
    - {id: line, fixed_cost: 1, learning: {unit_cost: 1, learning_rate: 0.8}}
  resources: [{id: eng, capacity: 5}]
";
    dir.write("p.yaml", problem);
    let run = |file: &str| {
        dir.innorank()
            .args(["portfolio", "p.yaml", "--format", "json", "--alternatives", file])
            .json()
    };
    let csv = "id,npv,cost,platforms,volume,uses.eng\na,6,3,lab;line,100,2\nb,5,3,lab,,2\nc,4,2,,,\nd,3,1,line,50,3\n";
    dir.write("c.csv", csv);
    workbook(&dir.join("c.xlsx"), "Sheet1", csv, &[]);
    let from_csv = run("c.csv");
    assert_eq!(from_csv["funded"].as_array().unwrap().len(), 3, "{from_csv}");
    assert_eq!(run("c.xlsx"), from_csv);
    // The same mistakes, at their cells instead of their lines.
    let bad = "id,npv,cost,platforms,volume,uses.engg\na,6,3,lab;lbo,100,2\nb,5,3,lab,x,\n";
    dir.write("c.csv", bad);
    workbook(&dir.join("c.xlsx"), "Sheet1", bad, &[]);
    let errors = |file: &str| {
        dir.innorank()
            .args(["portfolio", "p.yaml", "--alternatives", file])
            .errors()
    };
    let from_csv = errors("c.csv");
    assert_eq!(
        from_csv[..3],
        [
            "c.csv:2: platforms: `lbo` is not a platform (did you mean `lab`?)",
            "c.csv:2: uses.engg: `engg` is not a resource (did you mean `eng`?)",
            "c.csv:3: volume: expected a number, found `x`",
        ]
    );
    let cells: Vec<String> = from_csv
        .iter()
        .map(|e| {
            e.replace("c.csv:2: platforms", "c.xlsx!Sheet1!D2: platforms")
                .replace("c.csv:2: uses.engg", "c.xlsx!Sheet1!F2: uses.engg")
                .replace("c.csv:3: volume", "c.xlsx!Sheet1!E3: volume")
        })
        .collect();
    assert_eq!(errors("c.xlsx"), cells);
}

/// Writes an OpenDocument spreadsheet at `path` with one sheet per
/// `(name, csv)`: a zip of `mimetype`, a manifest and `content.xml`,
/// numbers as float cells and the rest as string cells.
fn ods(path: &Path, sheets: &[(&str, &str)]) {
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let sheets: Vec<(&str, String)> = sheets
        .iter()
        .map(|(name, csv)| {
            let mut rows = String::new();
            for line in csv.lines() {
                rows += "<table:table-row>";
                for cell in line.split(',') {
                    rows += &match cell.parse::<f64>() {
                        Ok(v) => format!(
                            r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{cell}</text:p></table:table-cell>"#
                        ),
                        Err(_) if cell.is_empty() => "<table:table-cell/>".to_owned(),
                        Err(_) => format!(
                            r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                            escape(cell)
                        ),
                    };
                }
                rows += "</table:table-row>";
            }
            (*name, rows)
        })
        .collect();
    ods_xml(path, &sheets);
}

/// Writes an ods workbook at `path` whose sheets are these names and the
/// XML of their rows.
fn ods_xml(path: &Path, sheets: &[(&str, String)]) {
    use std::io::Write as _;
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut content = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content"#,
        r#" xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0""#,
        r#" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0""#,
        r#" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">"#,
        "<office:body><office:spreadsheet>"
    ));
    for (name, rows) in sheets {
        content += &format!(r#"<table:table table:name="{}">{rows}</table:table>"#, escape(name));
    }
    content += "</office:spreadsheet></office:body></office:document-content>";
    let manifest = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest"#,
        r#" xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#,
        r#"<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>"#,
        r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#,
        "</manifest:manifest>"
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", &content),
    ];
    for (name, text) in parts {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn an_ods_ranks_as_the_same_table_in_csv_with_problems_at_their_cell() {
    let dir = Dir::new("ods");
    let csv = large_csv_head(200);
    let csv_path = dir.write("alts.csv", &csv);
    let path = dir.join("alts.ods");
    ods(&path, &[("Notes", "nothing,here\n"), ("Proposals", &csv)]);
    let from_csv = rank_json(&csv_path, &[]);
    assert_eq!(rank_json(&path, &["--sheet", "Proposals"]), from_csv);
    // The first sheet by default: here a table of the wrong columns.
    let errors = innorank(["check", "examples/large.yaml", "--quiet", "--alternatives"])
        .arg(&path)
        .errors();
    assert!(
        errors[0].contains("alts.ods!Notes!A1: nothing: unknown column"),
        "{errors:?}"
    );
    dir.write(
        "p.yaml",
        "name: x\ncriteria:\n  - {id: risk, scale: {min: 1, max: 9}}\n  - {id: cost}\n",
    );
    let table = "id,risk,cost\np1,3,10\np2,12,20\np3,4,lots\n";
    ods(&dir.join("a.ods"), &[("Sheet1", table)]);
    let errors = dir
        .innorank()
        .args(["check", "p.yaml", "--alternatives", "a.ods"])
        .errors();
    assert!(errors[0].starts_with("a.ods!Sheet1!B3: "), "{errors:?}");
    assert!(errors[1].starts_with("a.ods!Sheet1!C4: "), "{errors:?}");
    same_messages_as_csv(&dir, &errors, table);
}

/// `tests/fixtures/alternatives.xls` (BIFF8; how it was made: see
/// tests/fixtures/README.md) holds sheet `Proposals`, the table below,
/// and sheet `Bad`, with mistakes.
const XLS_TABLE: &str =
    "id,name,risk,fit,cost\np1,Sensor line,2,high,120.5\np2,Valve retrofit,3..5,low..mid,80\n7,Seven,4,mid,99.25\n";

#[test]
fn an_xls_reads_as_the_same_table_in_csv_with_problems_at_their_cell() {
    let dir = Dir::new("xls");
    dir.write(
        "p.yaml",
        "name: x\ncriteria:\n  - {id: risk, direction: cost, scale: {min: 1, max: 9}}\n  \
         - {id: fit, levels: {low: 1, mid: 3, high: 5}}\n  - {id: cost, direction: cost}\n",
    );
    dir.write("a.csv", XLS_TABLE);
    let xls = dir.join("alternatives.xls");
    std::fs::copy("tests/fixtures/alternatives.xls", &xls).unwrap();
    let run = |file: &Path| {
        dir.innorank()
            .args(["rank", "p.yaml", "--format", "json", "--alternatives"])
            .arg(file)
            .json()
    };
    let from_csv = run(&dir.join("a.csv"));
    assert_eq!(from_csv["ranking"].as_array().unwrap().len(), 3);
    assert_eq!(run(&xls), from_csv);
    let errors = dir
        .innorank()
        .args([
            "check",
            "p.yaml",
            "--sheet",
            "Bad",
            "--alternatives",
            "alternatives.xls",
        ])
        .errors();
    let at: Vec<&str> = errors.iter().map(|e| e.split(": ").next().unwrap()).collect();
    assert_eq!(
        at,
        [
            "alternatives.xls!Bad!C2",
            "alternatives.xls!Bad!D3",
            "alternatives.xls!Bad!E3",
            "3 problems found; nothing was ranked"
        ],
        "{errors:?}"
    );
}

/// A longer sheet (more than one inflated piece): values, intervals, levels
/// and problems come out as from the same table in CSV, in row order.
#[test]
fn long_sheets_read_as_in_csv() {
    let dir = Dir::new("xlsx-stretches");
    let problem = "name: x\ncriteria:\n  - {id: risk, direction: cost, scale: {min: 0, max: 99}}\n  - {id: fit, levels: {low: 1, mid: 3, high: 5}}\n";
    dir.write("p.yaml", problem);
    let table = |bad: &[usize]| {
        let mut csv = String::from("id,name,risk,fit\n");
        for i in 0..9000 {
            let risk = match i {
                _ if bad.contains(&i) => "lots".to_owned(),
                _ if i % 997 == 0 => format!("{}..{}", i % 50, i % 50 + 3),
                _ => format!("{}", (i * 37) % 90),
            };
            let fit = ["low", "mid", "high", "low..high"][i % 4];
            csv.push_str(&format!("a{i},Name {i},{risk},{fit}\n"));
        }
        csv
    };
    let clean = table(&[]);
    dir.write("a.csv", &clean);
    workbook(&dir.join("a.xlsx"), "Sheet1", &clean, &[]);
    let run = |file: &str| {
        dir.innorank()
            .args(["rank", "p.yaml", "--format", "json", "--quiet", "--alternatives", file])
            .json()
    };
    let from_csv = run("a.csv");
    assert_eq!(from_csv["ranking"].as_array().unwrap().len(), 9000);
    assert_eq!(run("a.xlsx"), from_csv);
    let bad = table(&[3, 4100, 8999]);
    workbook(&dir.join("b.xlsx"), "Sheet1", &bad, &[]);
    let errors = dir
        .innorank()
        .args(["check", "p.yaml", "--alternatives", "b.xlsx"])
        .errors();
    let cells: Vec<&str> = errors.iter().filter_map(|e| e.split(": ").next()).collect();
    assert_eq!(
        cells[..3],
        ["b.xlsx!Sheet1!C5", "b.xlsx!Sheet1!C4102", "b.xlsx!Sheet1!C9001"],
        "{errors:?}"
    );
    same_messages_as_csv(&dir, &errors, &bad);
}

#[test]
fn a_stray_cell_far_from_the_table_is_refused_not_laid_out() {
    // A table of two rows and a cell at the sheet's last place: laid out
    // from A1, 17 billion places (the reader aborted on the allocation).
    let dir = Dir::new("xlsx-far");
    dir.write(
        "p.yaml",
        "name: x\ncriteria:\n  - {id: risk, direction: cost}\n  - {id: cost}\n",
    );
    let far = |name: &str, error_cell: bool| {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        for (r, row) in [["id", "risk", "cost"], ["p1", "3", "10"], ["p2", "4", "20"]]
            .iter()
            .enumerate()
        {
            for (c, cell) in row.iter().enumerate() {
                match cell.parse::<f64>() {
                    Ok(v) => ws.write_number(r as u32, c as u16, v).unwrap(),
                    Err(_) => ws.write_string(r as u32, c as u16, *cell).unwrap(),
                };
            }
        }
        ws.write_string(1_048_575, 16_383, "stray").unwrap();
        if error_cell {
            // An error value: left by innorank's reader to calamine.
            let formula = rust_xlsxwriter::Formula::new("1/0").set_result("#DIV/0!");
            ws.write_formula(5, 0, formula).unwrap();
        }
        book.save(dir.join(name)).unwrap();
    };
    far("far.xlsx", false);
    far("far-calamine.xlsx", true);
    for (file, cells) in [("far.xlsx", 10), ("far-calamine.xlsx", 11)] {
        let errors = dir.innorank().args(["rank", "p.yaml", "--alternatives", file]).errors();
        assert_eq!(
            errors,
            [format!(
                "{file}: cannot read the spreadsheet: the cells of sheet `Sheet1` lie between A1 and XFD1048576 \
                 (1048576 rows x 16384 columns) but only {cells} hold anything: delete the stray cells far from \
                 the table (Ctrl+End shows the last one), or save the sheet as CSV"
            )]
        );
    }
}

#[test]
fn max_csv_size_bounds_what_a_workbook_unpacks_to() {
    // The limit held only for innorank's own xlsx reader, which then left
    // a larger sheet to calamine, unbounded.
    let dir = Dir::new("xlsx-limit");
    dir.write(
        "p.yaml",
        "name: x\ncriteria:\n  - {id: risk, direction: cost}\n  - {id: cost}\n",
    );
    let csv: String = std::iter::once("id,risk,cost\n".to_owned())
        .chain((0..200).map(|i| format!("p{i},{},{}\n", i % 7 + 1, i * 10)))
        .collect();
    workbook(&dir.join("a.xlsx"), "Sheet1", &csv, &[]);
    let unpacked = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(dir.join("a.xlsx")).unwrap()).unwrap();
        (0..zip.len()).map(|i| zip.by_index(i).unwrap().size()).sum::<u64>()
    };
    let rank = |limit: u64| {
        dir.innorank()
            .args([
                "rank",
                "p.yaml",
                "--quiet",
                "--format",
                "csv",
                "--alternatives",
                "a.xlsx",
                "--max-csv-size",
            ])
            .arg(limit.to_string())
            .run()
    };
    let errors = rank(unpacked - 1).refused().errors();
    assert_eq!(
        errors,
        [format!(
            "a.xlsx: cannot read the spreadsheet: the workbook unpacks to {unpacked} bytes, more than the limit of {} \
             bytes; raise it with --max-csv-size",
            unpacked - 1
        )]
    );
    assert_eq!(rank(unpacked).success().stdout.lines().count(), 201);
}

#[test]
fn an_ods_whose_rows_repeat_a_million_times_is_refused_before_calamine_lays_it_out() {
    // 2 KB that calamine laid out as 10^8 cells: 13 s and 6.2 GB here
    // before the table was refused.
    let dir = Dir::new("ods-bomb");
    dir.write(
        "p.yaml",
        "name: x\ncriteria:\n  - {id: risk, direction: cost}\n  - {id: cost}\n",
    );
    let cell = r#"<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>"#;
    let rows = format!(
        r#"<table:table-row>{cell}</table:table-row><table:table-row table:number-rows-repeated="990000"><table:table-cell table:number-columns-repeated="99"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="99"/>{cell}</table:table-row>"#
    );
    ods_xml(&dir.join("bomb.ods"), &[("Data", rows)]);
    // Within 1 GiB of address space: calamine's range would not fit, and
    // the run would abort rather than refuse.
    let run = std::process::Command::new("sh")
        .args(["-c", "ulimit -v 1048576 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_innorank"))
        .args(["rank", "p.yaml", "--alternatives", "bomb.ods"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stdout.is_empty());
    assert_eq!(
        String::from_utf8(run.stderr).unwrap(),
        "error: bomb.ods: cannot read the spreadsheet: the cells of sheet `Data` lie between A1 and CV990002 \
         (990002 rows x 100 columns) but only 2 hold anything: delete the stray cells far from the table \
         (Ctrl+End shows the last one), or save the sheet as CSV\n"
    );
}
