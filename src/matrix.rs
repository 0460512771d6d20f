//! The decision matrix: alternatives (rows) scored on leaf criteria (columns).

use crate::error::DataError;

/// Whether more, less, or a value close to a target is better.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Direction {
    /// More is better.
    Benefit,
    /// Less is better.
    Cost,
    /// The closer to the target the better; ranked on `|x - target|` as a cost.
    Target(f64),
}

impl Direction {
    /// The name used in problem files and reports.
    pub fn name(&self) -> &'static str {
        match self {
            Direction::Benefit => "benefit",
            Direction::Cost => "cost",
            Direction::Target(_) => "target",
        }
    }
}

/// A rectangular matrix of finite scores, stored column by column so each
/// criterion's values are contiguous (and a column read from a file is
/// moved in, never copied).
///
/// ```
/// use innorank::DecisionMatrix;
/// let m = DecisionMatrix::from_rows(vec![vec![1.0, 10.0], vec![2.0, 20.0]]).unwrap();
/// assert_eq!((m.rows(), m.cols()), (2, 2));
/// assert_eq!(m.column(1), &[10.0, 20.0]);
/// assert_eq!(m.get(1, 0), 2.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionMatrix {
    rows: usize,
    columns: Vec<Vec<f64>>,
}

impl DecisionMatrix {
    /// Builds a matrix from rows of scores; every row must have the same
    /// non-zero length and every score must be finite.
    pub fn from_rows(rows: Vec<Vec<f64>>) -> Result<Self, DataError> {
        let cols = rows.first().map_or(0, Vec::len);
        if rows.is_empty() || cols == 0 {
            return Err(DataError::EmptyMatrix);
        }
        let mut columns = vec![Vec::with_capacity(rows.len()); cols];
        for (r, row) in rows.iter().enumerate() {
            if row.len() != cols {
                return Err(DataError::RaggedRow {
                    row: r,
                    len: row.len(),
                    expected: cols,
                });
            }
            for (c, &value) in row.iter().enumerate() {
                if !value.is_finite() {
                    return Err(DataError::NonFinite { row: r, col: c, value });
                }
                columns[c].push(value);
            }
        }
        Ok(DecisionMatrix {
            rows: rows.len(),
            columns,
        })
    }

    /// Builds a matrix from columns of scores (the layout it is stored in).
    pub fn from_columns(columns: Vec<Vec<f64>>) -> Result<Self, DataError> {
        let rows = columns.first().map_or(0, Vec::len);
        if columns.is_empty() || rows == 0 {
            return Err(DataError::EmptyMatrix);
        }
        for (c, column) in columns.iter().enumerate() {
            if column.len() != rows {
                return Err(DataError::RaggedColumn {
                    col: c,
                    len: column.len(),
                    expected: rows,
                });
            }
            if let Some((r, &value)) = column.iter().enumerate().find(|(_, v)| !v.is_finite()) {
                return Err(DataError::NonFinite { row: r, col: c, value });
            }
        }
        Ok(DecisionMatrix { rows, columns })
    }

    /// Number of alternatives.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of criteria.
    pub fn cols(&self) -> usize {
        self.columns.len()
    }

    /// The scores of every alternative on criterion `col`.
    pub fn column(&self, col: usize) -> &[f64] {
        &self.columns[col]
    }

    /// The score of alternative `row` on criterion `col`.
    pub fn get(&self, row: usize, col: usize) -> f64 {
        self.columns[col][row]
    }
}
