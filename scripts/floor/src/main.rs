//! The floor for end-to-end speed, on one thread:
//!
//! - `csv-floor parse FILE.csv`: read the CSV with the csv crate into one
//!   reused `ByteRecord`, parse every cell except `id` and `name` with
//!   fast-float2 into one row-major `Vec<f64>`, keep the ids back to back in
//!   one byte arena, and make one pass over the columns (sum of squares,
//!   minimum, maximum). Prints the row count. That is the least work any
//!   CSV-to-ranking program must do: the **floor**.
//! - `csv-floor topsis FILE.csv [--emit]`: the same, then a plain TOPSIS
//!   (vector normalisation, equal weights, every criterion a benefit: other
//!   weights and directions cost the same), a full stable sort by score and,
//!   with `--emit`, the ranking as CSV on stdout (`rank,id,score,d_plus,
//!   d_minus`, ryu's shortest round-trip digits), roughly what `innorank rank
//!   --format csv` must print.

use std::io::Write;
use std::process::ExitCode;

type Failure = Box<dyn std::error::Error>;

/// The numeric cells, the ids and the per-column statistics of a file.
struct Table {
    cols: usize,
    /// Row-major, `cols` values a row.
    values: Vec<f64>,
    /// Every id, back to back.
    ids: Vec<u8>,
    /// Where each id ends in `ids`.
    id_ends: Vec<usize>,
    sum_squares: Vec<f64>,
    min: Vec<f64>,
    max: Vec<f64>,
}

impl Table {
    fn rows(&self) -> usize {
        self.id_ends.len()
    }

    fn id(&self, row: usize) -> &[u8] {
        let start = if row == 0 { 0 } else { self.id_ends[row - 1] };
        &self.ids[start..self.id_ends[row]]
    }
}

fn read(path: &str) -> Result<Table, Failure> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_path(path)?;
    let header = reader.byte_headers()?.clone();
    let id_column = header.iter().position(|h| h == b"id").ok_or("no `id` column")?;
    let numeric: Vec<usize> = (0..header.len())
        .filter(|&i| !matches!(&header[i], b"id" | b"name"))
        .collect();
    let cols = numeric.len();
    let (mut values, mut ids, mut id_ends) = (Vec::new(), Vec::new(), Vec::new());
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record)? {
        let row = id_ends.len() + 1;
        let id = record.get(id_column).ok_or_else(|| format!("row {row}: no id"))?;
        ids.extend_from_slice(id);
        id_ends.push(ids.len());
        for &i in &numeric {
            let cell = record.get(i).ok_or_else(|| format!("row {row}: missing column {i}"))?;
            let value: f64 = fast_float2::parse(cell).map_err(|_| format!("row {row}, column {i}: not a number"))?;
            values.push(value);
        }
    }
    let (mut sum_squares, mut min, mut max) = (
        vec![0.0; cols],
        vec![f64::INFINITY; cols],
        vec![f64::NEG_INFINITY; cols],
    );
    for row in values.chunks_exact(cols.max(1)) {
        for (c, &v) in row.iter().enumerate() {
            sum_squares[c] += v * v;
            min[c] = min[c].min(v);
            max[c] = max[c].max(v);
        }
    }
    Ok(Table {
        cols,
        values,
        ids,
        id_ends,
        sum_squares,
        min,
        max,
    })
}

/// Closeness, distance to the ideal and to the anti-ideal of every row.
fn topsis(t: &Table) -> Vec<(f64, f64, f64)> {
    let weight = 1.0 / t.cols.max(1) as f64;
    let scale: Vec<f64> = t.sum_squares.iter().map(|s| weight / s.sqrt()).collect();
    let best: Vec<f64> = (0..t.cols).map(|c| t.max[c] * scale[c]).collect();
    let worst: Vec<f64> = (0..t.cols).map(|c| t.min[c] * scale[c]).collect();
    t.values
        .chunks_exact(t.cols.max(1))
        .map(|row| {
            let (mut plus, mut minus) = (0.0, 0.0);
            for (c, &x) in row.iter().enumerate() {
                let v = x * scale[c];
                plus += (v - best[c]) * (v - best[c]);
                minus += (v - worst[c]) * (v - worst[c]);
            }
            let (plus, minus) = (plus.sqrt(), minus.sqrt());
            let total = plus + minus;
            (if total > 0.0 { minus / total } else { 0.0 }, plus, minus)
        })
        .collect()
}

fn emit(t: &Table, scores: &[(f64, f64, f64)], order: &[u32]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    out.write_all(b"rank,id,score,d_plus,d_minus\n")?;
    let (mut ints, mut floats) = (itoa::Buffer::new(), ryu::Buffer::new());
    for (position, &row) in order.iter().enumerate() {
        let (score, plus, minus) = scores[row as usize];
        out.write_all(ints.format(position + 1).as_bytes())?;
        out.write_all(b",")?;
        out.write_all(t.id(row as usize))?;
        for v in [score, plus, minus] {
            out.write_all(b",")?;
            out.write_all(floats.format(v).as_bytes())?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn run(command: &str, path: &str, emit_csv: bool) -> Result<usize, Failure> {
    let table = read(path)?;
    let checksum: f64 = table.sum_squares.iter().chain(&table.min).chain(&table.max).sum();
    std::hint::black_box((checksum, table.ids.len()));
    if command == "topsis" {
        let scores = topsis(&table);
        let mut order: Vec<u32> = (0..u32::try_from(table.rows())?).collect();
        order.sort_by(|&a, &b| scores[b as usize].0.total_cmp(&scores[a as usize].0));
        if emit_csv {
            emit(&table, &scores, &order)?;
        } else {
            std::hint::black_box(&order);
        }
    }
    Ok(table.rows())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, path, emit_csv) = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["parse", path] => ("parse", path, false),
        ["topsis", path] => ("topsis", path, false),
        ["topsis", path, "--emit"] => ("topsis", path, true),
        _ => {
            eprintln!("usage: csv-floor parse FILE.csv | csv-floor topsis FILE.csv [--emit]");
            return ExitCode::from(2);
        }
    };
    match run(command, path, emit_csv) {
        Ok(rows) => {
            if !emit_csv {
                println!("{rows}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("csv-floor: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
