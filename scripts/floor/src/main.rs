//! `csv-floor FILE.csv`: reads a CSV with a header, parses every cell of
//! every column except `id` and `name` into f64 with `str::parse`, keeps the
//! values in one `Vec<f64>` and prints the row count.
//!
//! This is the least work any CSV-to-matrix pipeline must do, so it is the
//! floor that innorank's end-to-end time is compared to.

use std::process::ExitCode;

fn run(path: &str) -> Result<usize, Box<dyn std::error::Error>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_path(path)?;
    let numeric: Vec<usize> = reader
        .byte_headers()?
        .iter()
        .enumerate()
        .filter(|(_, name)| !matches!(*name, b"id" | b"name"))
        .map(|(i, _)| i)
        .collect();
    let mut values: Vec<f64> = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut rows = 0usize;
    while reader.read_byte_record(&mut record)? {
        for &i in &numeric {
            let cell = record
                .get(i)
                .ok_or_else(|| format!("row {}: missing column {i}", rows + 1))?;
            let text = std::str::from_utf8(cell)?;
            let value: f64 = text
                .parse()
                .map_err(|e| format!("row {}, column {i}: {text:?}: {e}", rows + 1))?;
            values.push(value);
        }
        rows += 1;
    }
    // Keep the values observable so the parse cannot be optimised away.
    let checksum: f64 = values.iter().sum();
    std::hint::black_box(checksum);
    Ok(rows)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: csv-floor FILE.csv");
        return ExitCode::from(2);
    };
    match run(&path) {
        Ok(rows) => {
            println!("{rows}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("csv-floor: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
