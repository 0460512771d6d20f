//! The decision matrix: alternatives (rows) scored on leaf criteria (columns).

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

/// A rectangular matrix of finite scores, stored row by row: an
/// alternative's values sit together, which suits both the TOPSIS distance
/// pass and writing a ranking out in rank order.
///
/// ```
/// use innorank::DecisionMatrix;
/// let m = DecisionMatrix::from_rows(vec![vec![1.0, 10.0], vec![2.0, 20.0]]).unwrap();
/// assert_eq!((m.rows(), m.cols()), (2, 2));
/// assert_eq!(m.row(1), &[2.0, 20.0]);
/// assert_eq!(m.column(1).collect::<Vec<_>>(), vec![10.0, 20.0]);
/// assert_eq!(m.get(1, 0), 2.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionMatrix {
    cols: usize,
    data: Vec<f64>,
}

impl DecisionMatrix {
    /// Builds a matrix from rows of scores; every row must have the same
    /// non-zero length and every score must be finite.
    ///
    /// # Errors
    ///
    /// [`DataError::EmptyMatrix`], [`DataError::RaggedRow`] or
    /// [`DataError::NonFinite`].
    pub fn from_rows(rows: Vec<Vec<f64>>) -> Result<Self, DataError> {
        let cols = rows.first().map_or(0, Vec::len);
        let mut data = Vec::with_capacity(rows.len() * cols);
        for (r, row) in rows.iter().enumerate() {
            if row.len() != cols {
                return Err(DataError::RaggedRow {
                    row: r,
                    len: row.len(),
                    expected: cols,
                });
            }
            data.extend_from_slice(row);
        }
        DecisionMatrix::from_row_major(cols, data)
    }

    /// Builds a matrix from columns of scores.
    ///
    /// # Errors
    ///
    /// [`DataError::EmptyMatrix`], [`DataError::RaggedColumn`] or
    /// [`DataError::NonFinite`].
    pub fn from_columns(columns: Vec<Vec<f64>>) -> Result<Self, DataError> {
        let rows = columns.first().map_or(0, Vec::len);
        for (c, column) in columns.iter().enumerate() {
            if column.len() != rows {
                return Err(DataError::RaggedColumn {
                    col: c,
                    len: column.len(),
                    expected: rows,
                });
            }
        }
        let data = (0..rows).flat_map(|r| columns.iter().map(move |c| c[r])).collect();
        DecisionMatrix::from_row_major(columns.len(), data)
    }

    /// Takes `data` as rows of `cols` values each, back to back.
    ///
    /// # Errors
    ///
    /// [`DataError::EmptyMatrix`], a length that is not a multiple of `cols`
    /// ([`DataError::RaggedRow`]), or [`DataError::NonFinite`].
    pub fn from_row_major(cols: usize, data: Vec<f64>) -> Result<Self, DataError> {
        if cols == 0 || data.is_empty() {
            return Err(DataError::EmptyMatrix);
        }
        if !data.len().is_multiple_of(cols) {
            return Err(DataError::RaggedRow {
                row: data.len() / cols,
                len: data.len() % cols,
                expected: cols,
            });
        }
        if let Some(i) = first_non_finite(&data) {
            return Err(DataError::NonFinite {
                row: i / cols,
                col: i % cols,
                value: data[i],
            });
        }
        Ok(DecisionMatrix { cols, data })
    }

    /// Number of alternatives.
    pub fn rows(&self) -> usize {
        self.data.len() / self.cols
    }

    /// Number of criteria.
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Alternative `row`'s values, in criterion order.
    ///
    /// # Panics
    ///
    /// When `row` is out of range.
    pub fn row(&self, row: usize) -> &[f64] {
        &self.data[row * self.cols..(row + 1) * self.cols]
    }

    /// Every row's values, back to back.
    pub fn as_row_major(&self) -> &[f64] {
        &self.data
    }

    /// The scores of every alternative on criterion `col`.
    pub fn column(&self, col: usize) -> impl ExactSizeIterator<Item = f64> + '_ {
        self.data[col..].iter().step_by(self.cols).copied()
    }

    /// The score of alternative `row` on criterion `col`.
    ///
    /// # Panics
    ///
    /// When `row` or `col` is out of range.
    pub fn get(&self, row: usize, col: usize) -> f64 {
        self.data[row * self.cols + col]
    }

    /// The matrix of the given rows only, in that order.
    ///
    /// # Errors
    ///
    /// [`DataError::EmptyMatrix`] when `rows` is empty.
    ///
    /// # Panics
    ///
    /// When a row index is out of range.
    pub fn select_rows(&self, rows: &[usize]) -> Result<Self, DataError> {
        let mut data = Vec::with_capacity(rows.len() * self.cols);
        for &r in rows {
            data.extend_from_slice(self.row(r));
        }
        DecisionMatrix::from_row_major(self.cols, data)
    }
}

/// Invalid numbers passed to [`crate::DecisionMatrix`], [`crate::Weights`]
/// or [`crate::topsis::Topsis`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DataError {
    /// No alternatives or no criteria.
    #[error("the decision matrix is empty")]
    EmptyMatrix,
    /// More alternatives than a ranking can hold (2^32 - 1).
    #[error("{count} alternatives are more than can be ranked at once (at most 4,294,967,295)")]
    TooManyAlternatives {
        /// How many there are.
        count: usize,
    },
    /// A row of a different length than the first.
    #[error("row {row} has {len} values, expected {expected}")]
    RaggedRow {
        /// 0-based row.
        row: usize,
        /// Its length.
        len: usize,
        /// The first row's length.
        expected: usize,
    },
    /// A column of a different length than the first.
    #[error("column {col} has {len} values, expected {expected}")]
    RaggedColumn {
        /// 0-based column.
        col: usize,
        /// Its length.
        len: usize,
        /// The first column's length.
        expected: usize,
    },
    /// A NaN or infinite score.
    #[error("score at row {row}, column {col} is not finite ({value})")]
    NonFinite {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The value found.
        value: f64,
    },
    /// An empty weight list.
    #[error("no weights given")]
    NoWeights,
    /// A negative or non-finite weight.
    #[error("weight {index} is {value}, expected a finite number >= 0")]
    InvalidWeight {
        /// 0-based position.
        index: usize,
        /// The value found.
        value: f64,
    },
    /// Every weight is zero.
    #[error("all weights are zero")]
    AllZeroWeights,
    /// Weights, directions and matrix disagree on the number of criteria.
    #[error("{what} has {found} entries but the matrix has {expected} criteria")]
    CountMismatch {
        /// Which input is off.
        what: &'static str,
        /// Its length.
        found: usize,
        /// The matrix's number of columns.
        expected: usize,
    },
}

/// The position of the first value in `data` that is not finite.
///
/// A branch-free scan per piece (it vectorises), on all cores; the value
/// is located only when there is one. A million rows are checked in a few
/// milliseconds, where a scan that stops at the first bad value runs on one
/// core and cannot vectorise.
pub(crate) fn first_non_finite(data: &[f64]) -> Option<usize> {
    use rayon::prelude::*;

    let any_bad = data
        .par_chunks(1 << 16)
        .any(|piece| piece.iter().fold(false, |bad, v| bad | !v.is_finite()));
    if any_bad {
        data.iter().position(|v| !v.is_finite())
    } else {
        None
    }
}
