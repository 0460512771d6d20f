//! TOPSIS in two passes, for engines that split the rows (Dask, Spark,
//! Polars, a database): per-column statistics of each block of rows,
//! merged, then every block scored with the merged statistics.
//!
//! TOPSIS needs, for each column, numbers over all the rows before it can
//! score one row (see [`crate::topsis`]): the best and worst value (min and
//! max) for the ideal and anti-ideal, and the norm `sqrt(sum x^2)` (vector
//! normalisation) or the range `max - min` (min-max normalisation). All of
//! these are folds whose partial results combine, so:
//!
//! 1. **pass 1**: [`ColumnStats::of_block`] on every block (partition) of
//!    rows, anywhere, in any number of blocks; [`ColumnStats::merge`] them in
//!    any order and grouping (it is associative and commutative);
//! 2. **pass 2**: [`Topsis::score_block`] on every block with the merged
//!    statistics. Each row's score depends only on that row and the merged
//!    statistics, so blocks are scored independently.
//!
//! The scores are those of [`Topsis::rank`] on the whole matrix, to
//! rounding (1e-12 in the tests). Both normalisations innorank offers
//! (vector and min-max) take two passes; none needs a third.
//!
//! The sum of squares is kept as a scale (the column's largest magnitude)
//! and a sum of squares of the values divided by it, as LAPACK's `dnrm2`
//! does, so it neither overflows near `f64::MAX` nor loses subnormals; the
//! one-pass path divides by the same largest magnitude.
//!
//! ```
//! use innorank::column_stats::ColumnStats;
//! use innorank::topsis::{Normalization, Topsis};
//! use innorank::{DecisionMatrix, Direction, Weights};
//!
//! let d = [Direction::Benefit, Direction::Cost];
//! let rows = [7.0, 300.0, 5.0, 120.0, 9.0, 500.0, 6.0, 250.0];
//! // Two partitions of two rows each: pass 1, then merge.
//! let (a, b) = rows.split_at(4);
//! let stats = ColumnStats::of_block(a, &d)?.merge(&ColumnStats::of_block(b, &d)?)?;
//! // Pass 2, per partition.
//! let w = Weights::new(vec![0.6, 0.4])?;
//! let topsis = Topsis::new(Normalization::Vector);
//! let first = topsis.score_block(a, &stats, &w)?;
//! let whole = topsis.rank(&DecisionMatrix::from_row_major(2, rows.to_vec())?, &w, &d)?;
//! assert!((first.closeness[1] - whole.closeness[1]).abs() < 1e-12);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::math::matrix::DataError;
use crate::math::topsis::{CHUNK, Column, Degenerate, Distances, Topsis, TopsisScores, distances};
use crate::{Direction, Weights};

/// Why statistics cannot be computed, merged or scored with.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum StatsError {
    /// Bad numbers: a non-finite value, a block that is not whole rows, or
    /// weights of the wrong length.
    #[error(transparent)]
    Data(#[from] DataError),
    /// Statistics of different columns cannot be merged or used together.
    #[error("column {col} is ranked as {ours} here but as {theirs} in the other statistics")]
    DirectionsDiffer {
        /// 0-based column.
        col: usize,
        /// This side's direction.
        ours: String,
        /// The other side's direction.
        theirs: String,
    },
    /// Statistics of no rows: no ideal exists.
    #[error("the statistics cover no rows; compute them over at least one")]
    NoRows,
    /// Parts given to [`ColumnStats::from_parts`] that no rows can give.
    #[error("column {col}: {what}")]
    Invalid {
        /// 0-based column.
        col: usize,
        /// What is wrong.
        what: &'static str,
    },
}

/// One column's statistics of the value ranked (`x`, or for a target
/// column `|x - target| / 2`, halved so it cannot overflow).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnSummary {
    /// The smallest value; `+inf` over no rows.
    pub min: f64,
    /// The largest value; `-inf` over no rows.
    pub max: f64,
    /// The largest magnitude, `max |value|`; 0 over no rows.
    pub largest: f64,
    /// `sum (value / largest)^2`; 0 when `largest` is 0.
    pub squares: f64,
}

impl ColumnSummary {
    /// The summary of no values: the identity of [`ColumnSummary::merge`].
    pub const EMPTY: ColumnSummary = ColumnSummary {
        min: f64::INFINITY,
        max: f64::NEG_INFINITY,
        largest: 0.0,
        squares: 0.0,
    };

    /// The sum of squares of the values, `largest^2 * squares` (infinite if
    /// it exceeds `f64::MAX`; scoring never forms it).
    pub fn sum_of_squares(&self) -> f64 {
        self.largest * self.largest * self.squares
    }

    /// Both summaries together: min of mins, max of maxes, and the sums of
    /// squares rescaled to the larger of the two largest magnitudes.
    pub fn merge(&self, other: &ColumnSummary) -> ColumnSummary {
        let largest = self.largest.max(other.largest);
        let rescaled = |s: &ColumnSummary| {
            if s.largest == 0.0 {
                0.0
            } else {
                s.squares * (s.largest / largest).powi(2)
            }
        };
        ColumnSummary {
            min: self.min.min(other.min),
            max: self.max.max(other.max),
            largest,
            squares: rescaled(self) + rescaled(other),
        }
    }
}

/// Per-column statistics of some rows for TOPSIS: how many rows, and for
/// each column its [`ColumnSummary`], with the directions they were
/// computed for (a target column summarises `|x - target|`).
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnStats {
    directions: Vec<Direction>,
    count: u64,
    columns: Vec<ColumnSummary>,
}

impl ColumnStats {
    /// The statistics of no rows: the identity of [`ColumnStats::merge`].
    pub fn empty(directions: &[Direction]) -> ColumnStats {
        ColumnStats {
            directions: directions.to_vec(),
            count: 0,
            columns: vec![ColumnSummary::EMPTY; directions.len()],
        }
    }

    /// The statistics of `block`: rows of `directions.len()` values each,
    /// back to back (row-major). An empty block gives
    /// [`ColumnStats::empty`].
    ///
    /// # Errors
    ///
    /// [`DataError::EmptyMatrix`] for no directions, [`DataError::RaggedRow`]
    /// for a block that is not whole rows, [`DataError::NonFinite`] for a
    /// NaN or infinite value (its row within the block), all as
    /// [`StatsError::Data`].
    pub fn of_block(block: &[f64], directions: &[Direction]) -> Result<ColumnStats, StatsError> {
        use rayon::prelude::*;

        let cols = check_block(block, directions.len())?;
        let columns: Vec<Column> = directions.iter().map(|&d| Column::new(d)).collect();
        // Fixed pieces on all cores, merged in order: the same numbers on
        // any number of threads.
        let pieces: Vec<ColumnStats> = block
            .par_chunks(CHUNK * cols)
            .map(|piece| ColumnStats::of_rows(piece, &columns, directions))
            .collect();
        let mut out = ColumnStats::empty(directions);
        for piece in &pieces {
            out.merge_in(piece);
        }
        Ok(out)
    }

    /// The statistics of checked rows, in two passes: the largest
    /// magnitudes, then the rest.
    fn of_rows(block: &[f64], columns: &[Column], directions: &[Direction]) -> ColumnStats {
        let cols = columns.len();
        let mut largest = vec![0.0_f64; cols];
        let mut out = ColumnStats::empty(directions);
        for row in block.chunks_exact(cols) {
            for ((l, column), &x) in largest.iter_mut().zip(columns).zip(row) {
                *l = l.max(column.raw(x).abs());
            }
        }
        for row in block.chunks_exact(cols) {
            for (((s, column), &l), &x) in out.columns.iter_mut().zip(columns).zip(&largest).zip(row) {
                let r = column.raw(x);
                s.min = s.min.min(r);
                s.max = s.max.max(r);
                if l > 0.0 {
                    s.squares += (r / l) * (r / l);
                }
            }
        }
        for (s, l) in out.columns.iter_mut().zip(largest) {
            s.largest = l;
        }
        out.count = (block.len() / cols) as u64;
        out
    }

    /// Takes in statistics of the same columns.
    fn merge_in(&mut self, other: &ColumnStats) {
        self.count += other.count;
        for (a, b) in self.columns.iter_mut().zip(&other.columns) {
            *a = a.merge(b);
        }
    }

    /// Statistics from their parts, as another engine stored them (see
    /// [`ColumnStats::summaries`]).
    ///
    /// # Errors
    ///
    /// [`DataError::CountMismatch`] when `columns` and `directions` differ
    /// in length; [`StatsError::Invalid`] for a summary no rows can give
    /// (NaN, `min > max` over some rows, a negative largest magnitude or
    /// sum).
    pub fn from_parts(
        directions: &[Direction],
        count: u64,
        columns: Vec<ColumnSummary>,
    ) -> Result<ColumnStats, StatsError> {
        if columns.len() != directions.len() {
            return Err(count_mismatch("summaries", columns.len(), directions.len()));
        }
        for (col, s) in columns.iter().enumerate() {
            let invalid = |what| Err(StatsError::Invalid { col, what });
            if [s.min, s.max, s.largest, s.squares].iter().any(|v| v.is_nan()) {
                return invalid("a statistic is NaN");
            }
            if s.largest < 0.0 || s.squares < 0.0 || !s.largest.is_finite() || !s.squares.is_finite() {
                return invalid("the largest magnitude and the sum of squares must be finite and >= 0");
            }
            if count > 0 && !(s.min <= s.max && s.min.is_finite() && s.max.is_finite()) {
                return invalid("min and max must be finite with min <= max");
            }
        }
        Ok(ColumnStats {
            directions: directions.to_vec(),
            count,
            columns,
        })
    }

    /// The statistics of the rows of both: associative and commutative, with
    /// [`ColumnStats::empty`] as identity. Count, min, max and largest
    /// magnitude are exact; the sums of squares agree with those of the
    /// whole to rounding.
    ///
    /// # Errors
    ///
    /// [`DataError::CountMismatch`] for a different number of columns,
    /// [`StatsError::DirectionsDiffer`] for columns ranked differently.
    pub fn merge(&self, other: &ColumnStats) -> Result<ColumnStats, StatsError> {
        self.check_same(&other.directions)?;
        let mut out = self.clone();
        out.merge_in(other);
        Ok(out)
    }

    /// The number of rows summarised.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The number of columns.
    pub fn cols(&self) -> usize {
        self.directions.len()
    }

    /// The directions the statistics were computed for.
    pub fn directions(&self) -> &[Direction] {
        &self.directions
    }

    /// Every column's summary, in column order.
    pub fn summaries(&self) -> &[ColumnSummary] {
        &self.columns
    }

    /// [`StatsError::DirectionsDiffer`] or a count mismatch unless
    /// `directions` are these statistics' own.
    fn check_same(&self, directions: &[Direction]) -> Result<(), StatsError> {
        if directions.len() != self.cols() {
            return Err(count_mismatch("statistics", directions.len(), self.cols()));
        }
        match self.directions.iter().zip(directions).position(|(a, b)| a != b) {
            Some(col) => Err(StatsError::DirectionsDiffer {
                col,
                ours: describe(self.directions[col]),
                theirs: describe(directions[col]),
            }),
            None => Ok(()),
        }
    }
}

impl Topsis {
    /// Pass 2: scores the rows of `block` (row-major, one value per column
    /// of `stats`) with the statistics of all the rows, merged. A row's
    /// scores are those [`Topsis::rank`] gives it on the whole matrix, to
    /// rounding; `degenerate` is the whole matrix's.
    ///
    /// # Errors
    ///
    /// [`StatsError::NoRows`] for statistics of no rows;
    /// [`DataError::CountMismatch`] for weights of another length,
    /// [`DataError::RaggedRow`] or [`DataError::NonFinite`] for the block
    /// (as [`StatsError::Data`]).
    pub fn score_block(
        &self,
        block: &[f64],
        stats: &ColumnStats,
        weights: &Weights,
    ) -> Result<TopsisScores, StatsError> {
        let (rows, degenerate) = self.score_map(block, stats, weights, |d| d)?;
        Ok(TopsisScores {
            closeness: rows.iter().map(|d| d.closeness).collect(),
            d_plus: rows.iter().map(|d| d.d_plus).collect(),
            d_minus: rows.iter().map(|d| d.d_minus).collect(),
            degenerate,
        })
    }

    /// [`Topsis::score_block`] giving only the closeness of each row, with
    /// no room for the distances: what a caller that keeps the scores alone
    /// needs.
    ///
    /// # Errors
    ///
    /// As [`Topsis::score_block`].
    pub fn closeness_block(
        &self,
        block: &[f64],
        stats: &ColumnStats,
        weights: &Weights,
    ) -> Result<Vec<f64>, StatsError> {
        Ok(self.score_map(block, stats, weights, |d| d.closeness)?.0)
    }

    /// Each row's `make(distances)`, and the degenerate columns.
    fn score_map<T: Send>(
        &self,
        block: &[f64],
        stats: &ColumnStats,
        weights: &Weights,
        make: impl Fn(Distances) -> T + Sync,
    ) -> Result<(Vec<T>, Vec<Degenerate>), StatsError> {
        use rayon::prelude::*;

        if stats.count == 0 {
            return Err(StatsError::NoRows);
        }
        let cols = check_block(block, stats.cols())?;
        if weights.len() != cols {
            return Err(count_mismatch("weights", weights.len(), cols));
        }
        let mut degenerate = Vec::new();
        let mut columns = Vec::with_capacity(cols);
        for (col, ((&direction, s), &weight)) in stats
            .directions
            .iter()
            .zip(&stats.columns)
            .zip(weights.as_slice())
            .enumerate()
        {
            let mut column = Column::new(direction);
            column.divisor = s.largest;
            let d = s.largest;
            degenerate.extend(self.finish_column(
                &mut column,
                col,
                (s.min / d, s.max / d, s.squares),
                direction,
                weight,
            ));
            columns.push(column);
        }
        let active: Vec<(usize, &Column)> = columns.iter().enumerate().filter(|(_, c)| c.scale != 0.0).collect();
        if active.is_empty() {
            degenerate.push(Degenerate::NoDiscrimination);
        }
        let rows = block
            .par_chunks(cols)
            .with_min_len(CHUNK)
            .map(|row| make(distances(&active, row)))
            .collect();
        Ok((rows, degenerate))
    }
}

/// The number of columns of a block of `cols` columns, once it is whole
/// rows of finite values.
fn check_block(block: &[f64], cols: usize) -> Result<usize, StatsError> {
    if cols == 0 {
        return Err(DataError::EmptyMatrix.into());
    }
    if !block.len().is_multiple_of(cols) {
        return Err(DataError::RaggedRow {
            row: block.len() / cols,
            len: block.len() % cols,
            expected: cols,
        }
        .into());
    }
    if let Some(i) = super::matrix::first_non_finite(block) {
        return Err(DataError::NonFinite {
            row: i / cols,
            col: i % cols,
            value: block[i],
        }
        .into());
    }
    Ok(cols)
}

fn count_mismatch(what: &'static str, found: usize, expected: usize) -> StatsError {
    DataError::CountMismatch { what, found, expected }.into()
}

/// `benefit`, `cost` or `target 0.6`.
fn describe(d: Direction) -> String {
    match d {
        Direction::Target(t) => format!("target {}", crate::readable::Readable(t)),
        other => other.name().to_owned(),
    }
}
