//! Weight vectors written to and read from CSV (`--draws-out`,
//! `--weights-from`): a header of leaf ids, one row per draw.

use std::io::Write;

/// Weight vectors to replay, one row per draw, columns in leaf order, each
/// row summing to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightRows {
    leaves: usize,
    values: Vec<f64>,
}

/// Why a weights file cannot be replayed; `line` and `column` count from 1.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// The file has no header line.
    #[error("line 1: empty file; expected a header of leaf ids")]
    Empty,
    /// A header column is not a leaf id.
    #[error("line 1, column {column}: `{name}` is not a leaf criterion (leaves: {leaves})")]
    UnknownLeaf {
        /// The column.
        column: usize,
        /// What the header says.
        name: String,
        /// The leaf ids, comma-separated.
        leaves: String,
    },
    /// A leaf is named twice.
    #[error("line 1, column {column}: leaf `{name}` appears twice")]
    Repeated {
        /// The second column naming it.
        column: usize,
        /// The leaf.
        name: String,
    },
    /// A leaf has no column.
    #[error("line 1: no column for leaf `{name}`")]
    MissingLeaf {
        /// The leaf.
        name: String,
    },
    /// A row has the wrong number of values.
    #[error("line {line}: {found} values, expected {expected}")]
    Width {
        /// The line.
        line: usize,
        /// Values found.
        found: usize,
        /// One per leaf.
        expected: usize,
    },
    /// A value is not a finite number `>= 0`.
    #[error("line {line}, column {column}: `{text}` is not a weight (a finite number >= 0)")]
    Value {
        /// The line.
        line: usize,
        /// The column.
        column: usize,
        /// The text found.
        text: String,
    },
    /// A row has every weight 0.
    #[error("line {line}: every weight is 0")]
    AllZero {
        /// The line.
        line: usize,
    },
    /// No row after the header.
    #[error("no weight rows after the header")]
    NoRows,
}

impl WeightRows {
    /// Reads `text`: a header naming every leaf of `leaves` once, in any
    /// order, then one row of weights per draw, comma-separated; values
    /// `>= 0`, not all 0; each row is scaled to sum 1 (a row already
    /// summing to 1 within 1e-12 is kept as written, so replaying a
    /// `--draws-out` file reproduces the run bit for bit). Blank lines are
    /// skipped.
    ///
    /// ```
    /// use innorank::pipeline::robustness::WeightRows;
    /// let rows = WeightRows::parse("b,a\n1,3\n0,2\n", &["a", "b"]).unwrap();
    /// assert_eq!((rows.len(), rows.row(0), rows.row(1)), (2, &[0.75, 0.25][..], &[1.0, 0.0][..]));
    /// assert!(WeightRows::parse("a,c\n1,1\n", &["a", "b"]).unwrap_err().to_string().contains("`c`"));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ReplayError`], located by line and column.
    pub fn parse(text: &str, leaves: &[&str]) -> Result<Self, ReplayError> {
        let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
        let (_, header) = lines.next().ok_or(ReplayError::Empty)?;
        let columns = header_columns(header.trim_start_matches('\u{feff}'), leaves)?;
        let n = leaves.len();
        let mut values = Vec::new();
        let mut row = vec![0.0; n];
        for (index, line) in lines {
            let line_no = index + 1;
            let cells: Vec<&str> = line.split(',').map(str::trim).collect();
            if cells.len() != n {
                return Err(ReplayError::Width {
                    line: line_no,
                    found: cells.len(),
                    expected: n,
                });
            }
            for (c, (cell, &leaf)) in cells.iter().zip(&columns).enumerate() {
                row[leaf] = cell
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v >= 0.0)
                    .ok_or_else(|| ReplayError::Value {
                        line: line_no,
                        column: c + 1,
                        text: (*cell).to_owned(),
                    })?;
            }
            if row.iter().all(|&w| w == 0.0) {
                return Err(ReplayError::AllZero { line: line_no });
            }
            settle(&mut row);
            values.extend_from_slice(&row);
        }
        if values.is_empty() {
            return Err(ReplayError::NoRows);
        }
        Ok(WeightRows { leaves: n, values })
    }

    /// The number of rows (draws).
    pub fn len(&self) -> usize {
        self.values.len() / self.leaves.max(1)
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Row `k`, in leaf order.
    ///
    /// # Panics
    ///
    /// If `k` is not below [`WeightRows::len`].
    pub fn row(&self, k: usize) -> &[f64] {
        &self.values[k * self.leaves..(k + 1) * self.leaves]
    }
}

/// For each header column, the leaf it names.
fn header_columns(header: &str, leaves: &[&str]) -> Result<Vec<usize>, ReplayError> {
    let mut seen = vec![false; leaves.len()];
    let mut columns = Vec::new();
    for (c, name) in header.split(',').map(|s| s.trim().trim_matches('"')).enumerate() {
        let Some(leaf) = leaves.iter().position(|&l| l == name) else {
            return Err(ReplayError::UnknownLeaf {
                column: c + 1,
                name: name.to_owned(),
                leaves: leaves.join(", "),
            });
        };
        if std::mem::replace(&mut seen[leaf], true) {
            return Err(ReplayError::Repeated {
                column: c + 1,
                name: name.to_owned(),
            });
        }
        columns.push(leaf);
    }
    if let Some(missing) = seen.iter().position(|&s| !s) {
        return Err(ReplayError::MissingLeaf {
            name: leaves[missing].to_owned(),
        });
    }
    Ok(columns)
}

/// Writes one weight vector as a line [`WeightRows::parse`] reads back
/// bit for bit: every number in the shortest text that parses to the same
/// `f64` (Rust's `Display` for `f64`).
pub(super) fn write_row(out: &mut dyn Write, row: &[f64]) -> std::io::Result<()> {
    let mut line = String::new();
    for (j, w) in row.iter().enumerate() {
        if j > 0 {
            line.push(',');
        }
        line.push_str(&w.to_string());
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// Scales `w` to sum 1 unless it already does to 1e-12: applying it twice
/// changes nothing, so weights written by `--draws-out` and read back by
/// `--weights-from` are used bit for bit as drawn.
pub(super) fn settle(w: &mut [f64]) {
    let sum: f64 = w.iter().sum();
    if (sum - 1.0).abs() > 1e-12 && sum > 0.0 {
        for x in w.iter_mut() {
            *x /= sum;
        }
    }
}
