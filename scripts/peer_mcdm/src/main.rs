//! `peer-mcdm FILE.csv [--types 1,-1,...]`: the Rust peer. Reads the CSV
//! with the csv crate (every column except `id` and `name` parsed with
//! `str::parse`), ranks it with the `mcdm` crate's TOPSIS (vector
//! normalisation, min-max if a cell is 0, equal weights; `--types` gives each criterion as a
//! benefit `1` or a cost `-1`, all benefits by default), sorts the
//! alternatives by score and prints the row count and the best id. It
//! prints no ranking: writing one would only add to its time.

use std::process::ExitCode;

use mcdm::{CriteriaTypes, Normalize, Rank, Weight};
use nalgebra::DMatrix;

type Failure = Box<dyn std::error::Error>;

fn run(path: &str, types: Option<&str>) -> Result<(usize, String), Failure> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_path(path)?;
    let header = reader.byte_headers()?.clone();
    let id_column = header.iter().position(|h| h == b"id").ok_or("no `id` column")?;
    let numeric: Vec<usize> = (0..header.len())
        .filter(|&i| !matches!(&header[i], b"id" | b"name"))
        .collect();
    let (mut values, mut ids) = (Vec::new(), Vec::new());
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        ids.push(record.get(id_column).unwrap_or_default().to_owned());
        for &i in &numeric {
            values.push(record.get(i).ok_or("missing column")?.parse::<f64>()?);
        }
    }
    let types = match types {
        Some(list) => {
            let signs: Vec<i8> = list.split(',').map(str::parse).collect::<Result<_, _>>()?;
            CriteriaTypes::from_slice(&signs)?
        }
        None => CriteriaTypes::all_profits(numeric.len()),
    };
    let matrix = DMatrix::from_row_slice(ids.len(), numeric.len(), &values);
    // The crate's vector normalisation refuses any cell of 0; such files
    // are ranked on min-max normalised values, at about the same cost.
    let normalized = match matrix.normalize_vector(&types) {
        Ok(normalized) => normalized,
        Err(_) => matrix.normalize_min_max(&types)?,
    };
    let weights = normalized.weight_equal()?;
    let scores = normalized.rank_topsis(&weights)?;
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let best = order.first().map(|&i| ids[i].clone()).unwrap_or_default();
    Ok((ids.len(), best))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, types) = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [path] => (path.to_owned(), None),
        [path, "--types", list] => (path.to_owned(), Some(list.to_owned())),
        _ => {
            eprintln!("usage: peer-mcdm FILE.csv [--types 1,-1,...]");
            return ExitCode::from(2);
        }
    };
    match run(&path, types.as_deref()) {
        Ok((rows, best)) => {
            println!("{rows} rows ranked; best: {best}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peer-mcdm: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
