//! Reading alternatives from a workbook against the same table in CSV:
//! `Problem::from_path` with 10^5 rows x 8 criteria from `alternatives.csv`
//! and from `alternatives.xlsx` (built with rust_xlsxwriter, numbers as
//! number cells), and the floor of a general reader: calamine alone
//! reading the same sheet (`worksheet_range`), no innorank work; and the
//! floor of any xlsx reader: inflating the sheet's XML alone (the zip
//! crate's reader, zlib-rs, into one 1 MiB buffer reused), no cell read.
//! The sheet is one deflate stream, so this runs on one core whatever
//! the reader does with the other.
//!
//! Run with `cargo bench --bench spreadsheet`.

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use innorank::Problem;
use innorank::problem::LoadOptions;

const ROWS: usize = 100_000;

/// A folder with the problem, `alternatives.csv` and `alternatives.xlsx`
/// holding the same `ROWS` rows.
fn write_files() -> PathBuf {
    let mut next = common::uniform(ROWS as u64);
    let mut csv = String::from("id,c1,c2,c3,c4,c5,c6,c7,c8\n");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in csv.trim_end().split(',').enumerate() {
        sheet.write_string(0, c as u16, name).expect("a cell");
    }
    for i in 0..ROWS {
        let id = format!("a{i:07}");
        let values: Vec<f64> = (0..8)
            .map(|c| ((1.0 + 8.0 * next()) * 1e4).round() / 1e4 + c as f64)
            .collect();
        csv.push_str(&id);
        let row = (i + 1) as u32;
        sheet.write_string(row, 0, &id).expect("a cell");
        for (c, v) in values.iter().enumerate() {
            let _ = write!(csv, ",{v}");
            sheet.write_number(row, c as u16 + 1, *v).expect("a cell");
        }
        csv.push('\n');
    }
    let dir = common::problem_dir("sheet", common::PROBLEM, &csv);
    book.save(dir.join("alternatives.xlsx")).expect("the workbook");
    dir
}

fn bench(c: &mut Criterion) {
    let dir = write_files();
    let problem = dir.join("problem.yaml");
    let mut group = c.benchmark_group("read_100k_rows");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for file in ["alternatives.csv", "alternatives.xlsx"] {
        let options = LoadOptions {
            alternatives_csv: Some(dir.join(file)),
            ..LoadOptions::default()
        };
        group.bench_function(file, |b| {
            b.iter(|| black_box(Problem::from_path(&problem, &options).expect("loads")));
        });
    }
    let xlsx = dir.join("alternatives.xlsx");
    group.bench_function("calamine_alone.xlsx", |b| {
        b.iter(|| {
            use calamine::Reader as _;
            let mut book = calamine::open_workbook_auto(&xlsx).expect("a workbook");
            black_box(book.worksheet_range("Sheet1").expect("the sheet"))
        });
    });
    group.bench_function("inflate_alone.xlsx", |b| {
        b.iter(|| {
            use std::io::Read as _;
            let file = std::fs::File::open(&xlsx).expect("the workbook");
            let mut zip = zip::ZipArchive::new(file).expect("a zip archive");
            let mut sheet = zip.by_name("xl/worksheets/sheet1.xml").expect("the sheet");
            let mut buffer = vec![0u8; 1 << 20];
            let mut total = 0;
            loop {
                match sheet.read(&mut buffer).expect("inflates") {
                    0 => break black_box(total),
                    n => total += n,
                }
            }
        });
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
