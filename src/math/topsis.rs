//! TOPSIS: rank alternatives by relative closeness to the ideal solution.
//!
//! Hwang & Yoon (1981), *Multiple Attribute Decision Making*, Springer. For
//! a decision matrix `x` (alternatives by criteria), weights `w` and
//! directions:
//!
//! 1. A target criterion becomes the cost column `|x - target|`.
//! 2. Each column is normalised: vector `r = x / sqrt(sum x^2)` (default) or
//!    min-max `r = (x - min) / (max - min)`.
//! 3. Weighted `v = w r`; the ideal takes the best value observed in each
//!    column (max for benefit, min for cost), the anti-ideal the worst.
//! 4. `D+` and `D-` are the Euclidean distances to the ideal and anti-ideal;
//!    the score is the relative closeness `C = D- / (D+ + D-)`, in `[0, 1]`.
//!
//! Min-max normalisation is often written as `(max - x) / (max - min)` for
//! cost columns and vector normalisation as `1 - x / |x|` (pymcdm); those
//! shift or mirror a column, which leaves every distance unchanged.
//!
//! A column that cannot be normalised (all zeros under vector, constant
//! under min-max) contributes nothing; if no column separates the
//! alternatives, every score is 0.5. Both are reported in
//! [`TopsisScores::degenerate`].
//!
//! ```
//! use innorank::{DecisionMatrix, Direction, Weights};
//! use innorank::topsis::{Normalization, Topsis};
//!
//! let m = DecisionMatrix::from_rows(vec![
//!     vec![7.0, 300.0],
//!     vec![5.0, 120.0],
//!     vec![9.0, 500.0],
//! ]).unwrap();
//! let w = Weights::new(vec![0.6, 0.4]).unwrap();
//! let r = Topsis::new(Normalization::Vector)
//!     .rank(&m, &w, &[Direction::Benefit, Direction::Cost])
//!     .unwrap();
//! assert!(r.closeness.iter().all(|c| (0.0..=1.0).contains(c)));
//! ```

use crate::math::matrix::DataError;
use crate::{DecisionMatrix, Direction, Weights};

/// How TOPSIS makes columns comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Normalization {
    /// `x / sqrt(sum x^2)`; the classic choice, invariant to column scale.
    #[default]
    Vector,
    /// `(x - min) / (max - min)`.
    MinMax,
}

crate::math::names::named_choices!(Normalization, "normalization", {
    Vector => "vector",
    MinMax => "minmax",
});

/// Why a column or the whole matrix could not separate alternatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Degenerate {
    /// Every value in the column is zero (vector normalisation undefined).
    AllZero {
        /// 0-based column.
        col: usize,
    },
    /// Every value in the column is the same.
    Constant {
        /// 0-based column.
        col: usize,
    },
    /// No column separates the alternatives: every score is 0.5.
    NoDiscrimination,
}

/// TOPSIS results, one entry per alternative in input order.
#[derive(Debug, Clone, PartialEq)]
pub struct TopsisScores {
    /// Relative closeness `D- / (D+ + D-)`, in `[0, 1]`.
    pub closeness: Vec<f64>,
    /// Distance to the ideal solution.
    pub d_plus: Vec<f64>,
    /// Distance to the anti-ideal solution.
    pub d_minus: Vec<f64>,
    /// Columns that contributed nothing, and whether nothing discriminated.
    pub degenerate: Vec<Degenerate>,
}

/// Rows per block of parallel work.
pub(crate) const CHUNK: usize = 8192;

/// One alternative's distances and closeness.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Distances {
    pub d_plus: f64,
    pub d_minus: f64,
    pub closeness: f64,
}

/// The TOPSIS method with its options.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Topsis {
    normalization: Normalization,
}

/// One column ready for the distance pass: `v = scale * t(x) / divisor`,
/// with the best and worst of `t(x) / divisor`.
///
/// Dividing by the column's largest magnitude first keeps every quantity in
/// `[-1, 1]` (norms, differences, ranges), so columns near `f64::MAX` or
/// made of subnormals cannot overflow or lose their spread. TOPSIS does not
/// change when a column is multiplied by a positive constant, so this costs
/// nothing in accuracy.
pub(crate) struct Column {
    target: Option<f64>,
    pub(crate) divisor: f64,
    pub(crate) scale: f64,
    best: f64,
    worst: f64,
}

impl Column {
    /// A column ranked in `direction`, before its statistics are known.
    pub(crate) fn new(direction: Direction) -> Column {
        Column {
            target: match direction {
                Direction::Target(t) => Some(t),
                _ => None,
            },
            divisor: 0.0,
            scale: 0.0,
            best: 0.0,
            worst: 0.0,
        }
    }

    /// The value ranked, up to the column's constant factor: `x`, or for a
    /// target `|x/2 - target/2|` (halved so it cannot overflow).
    pub(crate) fn raw(&self, x: f64) -> f64 {
        match self.target {
            Some(t) => (x / 2.0 - t / 2.0).abs(),
            None => x,
        }
    }

    pub(crate) fn transform(&self, x: f64) -> f64 {
        self.raw(x) / self.divisor
    }
}

impl Topsis {
    /// TOPSIS with the given normalisation.
    pub fn new(normalization: Normalization) -> Self {
        Topsis { normalization }
    }

    /// The normalisation this TOPSIS uses.
    pub fn normalization(&self) -> Normalization {
        self.normalization
    }

    /// Scores every alternative (row) of `matrix`.
    ///
    /// The distance pass runs on all cores (rayon); every number is the same
    /// as on one thread, since each row is computed on its own.
    ///
    /// Fails when `weights` or `directions` do not have one entry per
    /// column.
    ///
    /// # Errors
    ///
    /// [`DataError::CountMismatch`], as said above.
    pub fn rank(
        &self,
        matrix: &DecisionMatrix,
        weights: &Weights,
        directions: &[Direction],
    ) -> Result<TopsisScores, DataError> {
        let (rows, degenerate) = self.rank_map(matrix, weights, directions, |_, d| d)?;
        Ok(TopsisScores {
            closeness: rows.iter().map(|d| d.closeness).collect(),
            d_plus: rows.iter().map(|d| d.d_plus).collect(),
            d_minus: rows.iter().map(|d| d.d_minus).collect(),
            degenerate,
        })
    }

    /// [`Topsis::rank`] giving `make(row, distances)` for each row, so
    /// callers get the results in the form they need without another pass.
    pub(crate) fn rank_map<T: Send>(
        &self,
        matrix: &DecisionMatrix,
        weights: &Weights,
        directions: &[Direction],
        make: impl Fn(usize, Distances) -> T + Sync,
    ) -> Result<(Vec<T>, Vec<Degenerate>), DataError> {
        use rayon::prelude::*;

        let cols = matrix.cols();
        for (what, found) in [("weights", weights.len()), ("directions", directions.len())] {
            if found != cols {
                return Err(DataError::CountMismatch {
                    what,
                    found,
                    expected: cols,
                });
            }
        }
        let (columns, mut degenerate) = self.prepare(matrix, weights.as_slice(), directions);
        // Columns that count, as (position, column).
        let active: Vec<(usize, &Column)> = columns.iter().enumerate().filter(|(_, c)| c.scale != 0.0).collect();

        let out = (0..matrix.rows())
            .into_par_iter()
            .with_min_len(CHUNK)
            .map(|r| make(r, distances(&active, matrix.row(r))))
            .collect();
        // D+ + D- = 0 for one row means ideal = anti-ideal on every column
        // that counts, hence for every row.
        if active.is_empty() {
            degenerate.push(Degenerate::NoDiscrimination);
        }
        Ok((out, degenerate))
    }

    /// Each column's scale, best and worst values, in two passes over the
    /// rows: the largest magnitude first, then the spread of the values
    /// divided by it.
    /// The weight-free part of every distance: for each cell, its squared
    /// normalised distance to the column's ideal and anti-ideal value.
    ///
    /// With weights `w >= 0` the normalised matrix and the ideal points do
    /// not depend on the weights, so `D+^2 = sum_j w_j^2 plus_ij` and
    /// `D-^2 = sum_j w_j^2 minus_ij`: scoring under many weight vectors
    /// (sensitivity, SMAA) needs this once, then O(n) per alternative.
    /// Degenerate columns (see [`TopsisScores::degenerate`]) have zero
    /// terms, as they count for nothing in [`Topsis::rank`].
    ///
    /// ```
    /// use innorank::{DecisionMatrix, Direction, Weights};
    /// use innorank::topsis::{Normalization, Topsis};
    ///
    /// let m = DecisionMatrix::from_rows(vec![vec![7.0, 300.0], vec![5.0, 120.0], vec![9.0, 500.0]]).unwrap();
    /// let d = [Direction::Benefit, Direction::Cost];
    /// let topsis = Topsis::new(Normalization::Vector);
    /// let terms = topsis.deviations(&m, &d).unwrap();
    /// let w = [0.6, 0.4];
    /// let direct = topsis.rank(&m, &Weights::new(w.to_vec()).unwrap(), &d).unwrap();
    /// for row in 0..3 {
    ///     assert!((terms.closeness(row, &w) - direct.closeness[row]).abs() < 1e-12);
    /// }
    /// ```
    ///
    /// # Errors
    ///
    /// [`DataError::CountMismatch`] if `directions` does not have one entry
    /// per column.
    pub fn deviations(&self, matrix: &DecisionMatrix, directions: &[Direction]) -> Result<Deviations, DataError> {
        use rayon::prelude::*;

        let cols = matrix.cols();
        if directions.len() != cols {
            return Err(DataError::CountMismatch {
                what: "directions",
                found: directions.len(),
                expected: cols,
            });
        }
        let (columns, degenerate) = self.prepare(matrix, &vec![1.0; cols], directions);
        let mut plus = vec![0.0; matrix.rows() * cols];
        let mut minus = vec![0.0; matrix.rows() * cols];
        plus.par_chunks_mut(cols.max(1))
            .zip(minus.par_chunks_mut(cols.max(1)))
            .enumerate()
            .with_min_len(CHUNK)
            .for_each(|(r, (p, m))| {
                for (c, column) in columns.iter().enumerate().filter(|(_, c)| c.scale != 0.0) {
                    let t = column.transform(matrix.row(r)[c]);
                    p[c] = (column.scale * (t - column.best)).powi(2);
                    m[c] = (column.scale * (t - column.worst)).powi(2);
                }
            });
        Ok(Deviations {
            cols,
            plus,
            minus,
            degenerate,
        })
    }

    fn prepare(
        &self,
        matrix: &DecisionMatrix,
        weights: &[f64],
        directions: &[Direction],
    ) -> (Vec<Column>, Vec<Degenerate>) {
        let mut columns: Vec<Column> = directions.iter().map(|&d| Column::new(d)).collect();
        // Both passes run on all cores over fixed blocks of rows whose
        // results are combined in block order, so every sum is the same on
        // any number of threads.
        set_divisors(matrix, &mut columns);
        let stats = column_stats(matrix, &columns);
        let degenerate = self.finish_columns(&mut columns, &stats, weights, directions);
        (columns, degenerate)
    }

    /// Sets each column's best and worst values and scale from its
    /// statistics; returns the degenerate columns.
    fn finish_columns(
        &self,
        columns: &mut [Column],
        stats: &[ColumnStats],
        weights: &[f64],
        directions: &[Direction],
    ) -> Vec<Degenerate> {
        let mut degenerate = Vec::new();
        for (col, ((column, &ColumnStats { min, max, squares }), (&direction, &weight))) in columns
            .iter_mut()
            .zip(stats)
            .zip(directions.iter().zip(weights))
            .enumerate()
        {
            degenerate.extend(self.finish_column(column, col, (min, max, squares), direction, weight));
        }
        degenerate
    }

    /// Sets one column's best and worst values and scale from the
    /// smallest, largest and sum of squares of its transformed values
    /// (`raw / divisor`); returns why it counts for nothing, if it does not.
    pub(crate) fn finish_column(
        &self,
        column: &mut Column,
        col: usize,
        (min, max, squares): (f64, f64, f64),
        direction: Direction,
        weight: f64,
    ) -> Option<Degenerate> {
        if column.divisor == 0.0 {
            return Some(match self.normalization {
                Normalization::Vector => Degenerate::AllZero { col },
                Normalization::MinMax => Degenerate::Constant { col },
            });
        }
        (column.best, column.worst) = match direction {
            Direction::Benefit => (max, min),
            Direction::Cost | Direction::Target(_) => (min, max),
        };
        if min == max {
            return Some(Degenerate::Constant { col });
        }
        column.scale = weight
            / match self.normalization {
                Normalization::Vector => squares.sqrt(),
                Normalization::MinMax => max - min,
            };
        None
    }
}

/// One row's distances to the ideal and anti-ideal over the columns that
/// count, as (position, column), and its closeness.
pub(crate) fn distances(active: &[(usize, &Column)], row: &[f64]) -> Distances {
    let (mut p, mut m) = (0.0, 0.0);
    for &(c, column) in active {
        let t = column.transform(row[c]);
        p += (column.scale * (t - column.best)).powi(2);
        m += (column.scale * (t - column.worst)).powi(2);
    }
    let (p, m) = (p.sqrt(), m.sqrt());
    Distances {
        d_plus: p,
        d_minus: m,
        closeness: closeness(p, m),
    }
}

/// Squared normalised distances of every cell to its column's ideal and
/// anti-ideal values, from [`Topsis::deviations`]: TOPSIS with the
/// weights left out, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Deviations {
    cols: usize,
    plus: Vec<f64>,
    minus: Vec<f64>,
    degenerate: Vec<Degenerate>,
}

impl Deviations {
    /// The number of alternatives.
    pub fn rows(&self) -> usize {
        self.plus.len().checked_div(self.cols).unwrap_or(0)
    }

    /// Row `row`'s squared distances to the ideal, one per column
    /// (`D+^2 = sum_j w_j^2 plus_j`).
    pub fn plus(&self, row: usize) -> &[f64] {
        &self.plus[row * self.cols..(row + 1) * self.cols]
    }

    /// Row `row`'s squared distances to the anti-ideal, one per column.
    pub fn minus(&self, row: usize) -> &[f64] {
        &self.minus[row * self.cols..(row + 1) * self.cols]
    }

    /// The columns that cannot separate the alternatives.
    pub fn degenerate(&self) -> &[Degenerate] {
        &self.degenerate
    }

    /// Row `row`'s relative closeness under `weights` (non-negative, one
    /// per column; they need not sum to 1, closeness is scale-free):
    /// `D- / (D+ + D-)`, or 0.5 where both are 0, as in [`Topsis::rank`].
    pub fn closeness(&self, row: usize, weights: &[f64]) -> f64 {
        let (mut p, mut m) = (0.0, 0.0);
        for ((w, dp), dm) in weights.iter().zip(self.plus(row)).zip(self.minus(row)) {
            let w2 = w * w;
            p += w2 * dp;
            m += w2 * dm;
        }
        closeness(p.sqrt(), m.sqrt())
    }
}

/// `D- / (D+ + D-)`, 0.5 when the alternative is at once ideal and
/// anti-ideal (no column separates it).
fn closeness(p: f64, m: f64) -> f64 {
    if p + m > 0.0 { m / (p + m) } else { 0.5 }
}

/// One column's transformed values over a block of rows, or all of them:
/// the smallest, the largest and the sum of squares.
#[derive(Debug, Clone, Copy)]
struct ColumnStats {
    min: f64,
    max: f64,
    squares: f64,
}

impl ColumnStats {
    /// The statistics of no values.
    const EMPTY: ColumnStats = ColumnStats {
        min: f64::INFINITY,
        max: f64::NEG_INFINITY,
        squares: 0.0,
    };

    /// Takes in one more value.
    #[inline]
    fn add(&mut self, t: f64) {
        self.min = self.min.min(t);
        self.max = self.max.max(t);
        self.squares += t * t;
    }

    /// Takes in the statistics of the next block.
    fn merge(&mut self, other: ColumnStats) {
        *self = ColumnStats {
            min: self.min.min(other.min),
            max: self.max.max(other.max),
            squares: self.squares + other.squares,
        };
    }
}

/// First pass: each column's divisor, the largest magnitude of its raw
/// values, from fixed blocks of rows combined in block order.
fn set_divisors(matrix: &DecisionMatrix, columns: &mut [Column]) {
    use rayon::prelude::*;

    let cols = matrix.cols();
    let divisors: Vec<Vec<f64>> = matrix
        .as_row_major()
        .par_chunks(CHUNK * cols)
        .map(|block| {
            let mut largest = vec![0.0_f64; cols];
            for row in block.chunks_exact(cols) {
                for ((m, column), &x) in largest.iter_mut().zip(&*columns).zip(row) {
                    *m = m.max(column.raw(x).abs());
                }
            }
            largest
        })
        .collect();
    for largest in divisors {
        for (column, m) in columns.iter_mut().zip(largest) {
            column.divisor = column.divisor.max(m);
        }
    }
}

/// Second pass: each column's statistics of its transformed values (none
/// for a column whose divisor is 0), from fixed blocks of rows combined in
/// block order.
fn column_stats(matrix: &DecisionMatrix, columns: &[Column]) -> Vec<ColumnStats> {
    use rayon::prelude::*;

    let cols = matrix.cols();
    let partial: Vec<Vec<ColumnStats>> = matrix
        .as_row_major()
        .par_chunks(CHUNK * cols)
        .map(|block| {
            let mut stats = vec![ColumnStats::EMPTY; cols];
            for row in block.chunks_exact(cols) {
                for ((column, stat), &x) in columns.iter().zip(&mut stats).zip(row) {
                    if column.divisor > 0.0 {
                        stat.add(column.transform(x));
                    }
                }
            }
            stats
        })
        .collect();
    let mut stats = vec![ColumnStats::EMPTY; cols];
    for block in partial {
        for (stat, other) in stats.iter_mut().zip(block) {
            stat.merge(other);
        }
    }
    stats
}
