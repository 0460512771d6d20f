//! One function per fuzz target: feed the bytes to the library and assert
//! what must hold. An `Err` is always an acceptable answer; a panic, a
//! hang, a memory blow-up or a result that breaks an invariant (NaN scores,
//! weights not summing to 1) is a finding.
//!
//! Only the public API of innorank, std and the zip crate (a dependency of
//! both crates, to build workbooks) are used, so the same file compiles in
//! the fuzz crate (nightly, libFuzzer) and in the main crate's ordinary
//! test suite (stable).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use innorank::ahp::{Aggregation, AhpOptions, Completion, PriorityMethod, RandomIndex, Synthesis};
use innorank::pipeline::WeighOptions;
use innorank::topsis::Normalization;
use innorank::{LoadOptions, Method, Problem, RankOptions};

/// How far weights may sum from 1.
const SUM_TOLERANCE: f64 = 1e-9;

/// A folder that does not exist: `alternatives: {csv: FILE}` in a fuzzed
/// problem must not read whatever files the fuzzer runs next to.
const NO_DIR: &str = "/nonexistent/innorank-fuzz";

/// The criteria tree every CSV input is read against: a parent with AHP
/// judgments, a leaf with a scale, one with named levels, a cost and a
/// target leaf, and a screening rule by level name. Leaves in column order:
/// demand, risk, cost, fit.
pub const CSV_PROBLEM: &str = "\
name: CSV fuzz
criteria:
  - id: market
    criteria:
      - {id: demand, scale: {min: 0, max: 10}}
      - {id: risk, direction: cost, levels: {low: 1, medium: 3, high: 5}}
    comparisons:
      - [demand, risk, 3]
  - {id: cost, direction: cost}
  - {id: fit, direction: target, target: 0.6}
comparisons:
  - [market, cost, 2]
  - [cost, fit, 3]
screening:
  - {criterion: risk, max: high}
";

/// `yaml_loader`: arbitrary bytes as a problem file.
pub fn yaml_loader(data: &[u8]) {
    if let Some(problem) = load(data) {
        check_problem(&problem);
    }
}

/// `csv_reader`: arbitrary bytes as the alternatives CSV of
/// [`CSV_PROBLEM`], written to `scratch` (the library reads CSV from files
/// only), without `ignore_extra_columns` and, if that is refused, with it
/// (a file it accepts reads the same either way). A problem that loads is
/// also ranked.
pub fn csv_reader(data: &[u8], scratch: &Path) {
    std::fs::write(scratch, data).expect("write the scratch CSV file");
    for ignore_extra_columns in [false, true] {
        let options = LoadOptions {
            alternatives_csv: Some(scratch.to_path_buf()),
            ignore_extra_columns,
            base_dir: Some(PathBuf::from(NO_DIR)),
            ..LoadOptions::default()
        };
        match Problem::from_bytes(CSV_PROBLEM.as_bytes(), "csv-fuzz.yaml", &options) {
            Ok(problem) => {
                check_problem(&problem);
                for normalization in [Normalization::Vector, Normalization::MinMax] {
                    let options = RankOptions {
                        normalization,
                        satisfactory: Some(0.5),
                        ..RankOptions::default()
                    };
                    rank_and_check(&problem, &options);
                }
                return;
            }
            Err(diagnostics) => check_diagnostics(&diagnostics),
        }
    }
}

/// `sheet_reader`: arbitrary bytes as the first sheet of an xlsx workbook
/// (after a NUL byte, if there is one; the bytes before it are then the
/// workbook's shared strings part), or, if they name `office:`, as the
/// `content.xml` of an ods workbook; written next to `scratch` and read
/// as the alternatives of [`CSV_PROBLEM`]. The zip around them is well
/// formed and stored, not deflated, so the time goes to innorank's own
/// readers and, for what they leave, calamine (whose dense ranges the
/// fuzzer's memory limit would catch). A problem that loads is also
/// ranked. Whether it loaded, for the tests of the seeds.
pub fn sheet_reader(data: &[u8], scratch: &Path) -> bool {
    let is_ods = data.windows(7).any(|w| w == b"office:");
    let path = if is_ods {
        scratch.with_extension("ods")
    } else {
        scratch.to_path_buf()
    };
    let bytes = if is_ods {
        ods(data)
    } else {
        match data.iter().position(|&b| b == 0) {
            Some(nul) => workbook(Some(&data[..nul]), &data[nul + 1..]),
            None => workbook(None, data),
        }
    };
    std::fs::write(&path, bytes).expect("write the scratch workbook");
    let options = LoadOptions {
        alternatives_csv: Some(path.clone()),
        base_dir: Some(PathBuf::from(NO_DIR)),
        ..LoadOptions::default()
    };
    let loaded = match Problem::from_bytes(CSV_PROBLEM.as_bytes(), "sheet-fuzz.yaml", &options) {
        Ok(problem) => {
            check_problem(&problem);
            rank_and_check(&problem, &RankOptions::default());
            true
        }
        Err(diagnostics) => {
            check_diagnostics(&diagnostics);
            false
        }
    };
    if is_ods {
        let _ = std::fs::remove_file(&path);
    }
    loaded
}

/// An ods workbook whose `content.xml` is `content`.
fn ods(content: &[u8]) -> Vec<u8> {
    let manifest = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest"#,
        r#" xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#,
        r#"<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>"#,
        r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#,
        "</manifest:manifest>"
    );
    zipped(vec![
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        ("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
        ("content.xml", content.to_vec()),
    ])
}

/// An xlsx workbook of one sheet, `Data`, whose XML is `sheet`, with a
/// shared strings part holding `strings` if given.
fn workbook(strings: Option<&[u8]>, sheet: &[u8]) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org";
    const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let shared = if strings.is_some() {
        format!(r#"<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>"#)
    } else {
        String::new()
    };
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        (
            "[Content_Types].xml",
            format!(
                r#"<?xml version="1.0"?><Types xmlns="{MAIN}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#
            )
            .into_bytes(),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0"?><Relationships xmlns="{MAIN}/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            )
            .into_bytes(),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0"?><workbook xmlns="{MAIN}/spreadsheetml/2006/main" xmlns:r="{RELS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            )
            .into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0"?><Relationships xmlns="{MAIN}/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>{shared}</Relationships>"#
            )
            .into_bytes(),
        ),
        ("xl/worksheets/sheet1.xml", sheet.to_vec()),
    ];
    if let Some(strings) = strings {
        parts.push(("xl/sharedStrings.xml", strings.to_vec()));
    }
    zipped(parts)
}

/// A zip archive of `parts` (name and bytes), stored, not deflated.
fn zipped(parts: Vec<(&str, Vec<u8>)>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        zip.start_file(name, stored).expect("a zip entry");
        std::io::Write::write_all(&mut zip, &bytes).expect("written to memory");
    }
    zip.finish().expect("a zip archive").into_inner()
}

/// `rank_pipeline`: arbitrary bytes as a problem file, then every method,
/// normalisation or synthesis, completion, priority method and aggregation
/// (the random-index tables in turn), and `weigh` with both methods.
pub fn rank_pipeline(data: &[u8]) {
    let Some(problem) = load(data) else { return };
    check_problem(&problem);
    let mut turn = 0;
    for method in [Method::Topsis, Method::Ahp] {
        for variant in 0..2 {
            for completion in Completion::ALL {
                for priority in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
                    for aggregation in Aggregation::ALL {
                        let options = RankOptions {
                            method,
                            normalization: [Normalization::Vector, Normalization::MinMax][variant],
                            synthesis: Synthesis::ALL[variant],
                            weighing: WeighOptions {
                                ahp: AhpOptions {
                                    method: priority,
                                    completion,
                                    random_index: RandomIndex::ALL[turn % RandomIndex::ALL.len()],
                                },
                                aggregation,
                                ..WeighOptions::new()
                            },
                            satisfactory: (turn % 2 == 0).then_some(0.5),
                        };
                        turn += 1;
                        rank_and_check(&problem, &options);
                    }
                }
            }
        }
    }
    for priority in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
        let weights = innorank::pipeline::weigh_with(
            problem.criteria(),
            &innorank::pipeline::WeighOptions::with_method(priority),
        )
        .unwrap();
        check_weights(
            &weights,
            problem.criteria().leaves().len(),
            &format!("weigh({priority:?})"),
        );
    }
}

/// Loads `data` as a problem file; an error must come with at least one
/// diagnostic, each of which must format.
fn load(data: &[u8]) -> Option<Problem> {
    let options = LoadOptions {
        base_dir: Some(PathBuf::from(NO_DIR)),
        ..LoadOptions::default()
    };
    match Problem::from_bytes(data, "fuzz.yaml", &options) {
        Ok(problem) => Some(problem),
        Err(diagnostics) => {
            check_diagnostics(&diagnostics);
            None
        }
    }
}

fn check_diagnostics(diagnostics: &innorank::problem::Diagnostics) {
    assert!(!diagnostics.is_empty(), "a refused input must say why");
    for d in diagnostics.iter() {
        assert!(!d.to_string().is_empty(), "empty diagnostic");
    }
    let _ = diagnostics.to_string();
}

/// What a loaded problem promises: a value for every alternative and leaf,
/// finite and within the leaf's scale, unique ids, and echoed CSV text
/// that reads back as exactly the value.
pub fn check_problem(problem: &Problem) {
    let leaves: Vec<_> = problem.criteria().leaves().collect();
    let rows = problem.alternatives().len();
    assert!(rows > 0, "a problem has alternatives");
    assert_eq!(problem.scores().rows(), rows, "one row of scores per alternative");
    assert_eq!(problem.scores().cols(), leaves.len(), "one column per leaf");
    let mut ids = HashSet::new();
    for row in 0..rows {
        let id = problem.alternatives().id(row);
        assert!(ids.insert(id), "duplicate alternative id {id:?}");
        for (col, (criterion, leaf)) in leaves.iter().enumerate() {
            let value = problem.scores().get(row, col);
            assert!(
                value.is_finite(),
                "alternative {id:?} has value {value} on leaf {:?}",
                criterion.id
            );
            if let Some((min, max)) = leaf.scale {
                assert!(
                    (min..=max).contains(&value),
                    "alternative {id:?}: {value} on {:?} outside its scale [{min}, {max}]",
                    criterion.id
                );
            }
        }
    }
    if let Some(text) = &problem.score_text() {
        assert_eq!(text.len(), rows, "score text for every row");
        for row in 0..rows {
            let Some(cells) = text.get(row) else { continue };
            let cells: Vec<&str> = cells.split(',').collect();
            assert_eq!(cells.len(), leaves.len(), "row {row}: echoed text {cells:?}");
            for (col, cell) in cells.iter().enumerate() {
                let read: f64 = cell
                    .parse()
                    .unwrap_or_else(|e| panic!("row {row}: echoed {cell:?}: {e}"));
                let value = problem.scores().get(row, col);
                assert!(
                    read.to_bits() == value.to_bits() || read == value,
                    "row {row} col {col}: text {cell:?} reads {read:e}, ranked {value:e}"
                );
            }
        }
    }
}

/// Ranks and checks the report; an error is fine but must format.
pub fn rank_and_check(problem: &Problem, options: &RankOptions) {
    let report = match innorank::rank(problem, options) {
        Ok(report) => report,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let what = format!("{options:?}");
    check_weights(&report.weights, problem.criteria().leaves().len(), &what);
    assert_eq!(
        report.ranking.len() + report.screened_out.len(),
        problem.alternatives().len(),
        "{what}: every alternative ranked or screened out"
    );
    let mut previous: Option<(usize, f64)> = None;
    for entry in &report.ranking {
        let score = entry.score;
        assert!(
            score.is_finite() && (0.0..=1.0).contains(&score),
            "{what}: {:?} scored {score}",
            entry.id
        );
        for d in [entry.d_plus, entry.d_minus].into_iter().flatten() {
            assert!(d.is_finite() && d >= 0.0, "{what}: {:?} has distance {d}", entry.id);
        }
        match previous {
            None => assert_eq!(entry.rank, 1, "{what}: the first is ranked 1"),
            Some((rank, best)) => {
                assert!(score <= best, "{what}: scores out of order: {best} then {score}");
                assert!(entry.rank >= rank, "{what}: ranks out of order");
            }
        }
        previous = Some((entry.rank, score));
    }
    for out in &report.screened_out {
        let _ = out.reasons();
    }
    let _ = report.has_inconsistency();
    let _ = report.leaf_weights().count();
    // Every part of the report through the code of the CLI's JSON output.
    serde_json::to_string(&report).unwrap_or_else(|e| panic!("{what}: JSON: {e}"));
}

/// Weights finite, non-negative, summing to 1 at every node and over the
/// leaves; consistency figures finite.
fn check_weights(weights: &innorank::pipeline::HierarchyWeights, leaves: usize, what: &str) {
    let sum_is_one = |w: &[f64], whose: &str| {
        for &x in w {
            assert!(x.is_finite() && x >= 0.0, "{what}: {whose} weight {x} in {w:?}");
        }
        let sum: f64 = w.iter().sum();
        assert!(
            (sum - 1.0).abs() <= SUM_TOLERANCE,
            "{what}: {whose} weights sum to {sum}: {w:?}"
        );
    };
    assert_eq!(weights.leaves.len(), leaves, "{what}: one weight per leaf");
    sum_is_one(weights.leaves.as_slice(), "leaf");
    for node in &weights.nodes {
        sum_is_one(&node.local, &format!("node {:?} local", node.id));
        let c = &node.consistency;
        assert!(
            c.lambda_max.is_finite() && c.ci.is_finite() && c.cr.is_finite(),
            "{what}: node {:?} consistency {c:?}",
            node.id
        );
        for e in &node.estimated {
            assert!(
                e.value.is_finite() && e.value > 0.0,
                "{what}: node {:?} estimate {e:?}",
                node.id
            );
        }
    }
    for &g in &weights.global {
        assert!(
            g.is_finite() && (0.0..=1.0 + SUM_TOLERANCE).contains(&g),
            "{what}: global weight {g}"
        );
    }
}
