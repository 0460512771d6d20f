//! Consistency of a comparison matrix: CI, CR and the random index.

use serde::Serialize;

/// Saaty's usual threshold: a matrix with `CR <= 0.10` is consistent.
pub const DEFAULT_CR_THRESHOLD: f64 = 0.10;

/// How consistent a set of judgments is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Consistency {
    /// Number of items compared.
    pub n: usize,
    /// The principal eigenvalue (or its estimate for the geometric method).
    pub lambda_max: f64,
    /// Consistency index `(lambda_max - n) / (n - 1)`, 0 for `n <= 2`.
    pub ci: f64,
    /// The random index used, `RI(n)`.
    pub ri: f64,
    /// Consistency ratio `CI / RI`, 0 for `n <= 2`.
    pub cr: f64,
}

impl Consistency {
    /// Consistency of a matrix of `n` items with principal eigenvalue
    /// `lambda_max`, against the random index `ri`.
    pub fn new(n: usize, lambda_max: f64, ri: RandomIndex) -> Self {
        // lambda_max >= n for any positive reciprocal matrix; a value below n
        // is rounding, so CI is clamped at 0.
        let ci = if n <= 2 {
            0.0
        } else {
            ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0)
        };
        let ri_value = ri.value(n).unwrap_or(0.0);
        let cr = if ri_value > 0.0 { ci / ri_value } else { 0.0 };
        Consistency {
            n,
            lambda_max,
            ci,
            ri: ri_value,
            cr,
        }
    }

    /// Consistency of weights not derived from judgments (equal or direct
    /// weights): the implied matrix `w_i / w_j` is perfectly consistent.
    pub fn perfect(n: usize) -> Self {
        Consistency::new(n, n as f64, RandomIndex::Saaty)
    }

    /// True when `cr <= threshold`.
    pub fn is_consistent(&self, threshold: f64) -> bool {
        self.cr <= threshold
    }
}

/// A table of random indices: the mean CI of random reciprocal matrices.
///
/// ```
/// use innorank::ahp::RandomIndex;
/// assert_eq!(RandomIndex::Saaty.value(4), Some(0.90));
/// assert_eq!(RandomIndex::Saaty.value(16), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RandomIndex {
    /// Saaty's classic table (Saaty 1980, *The Analytic Hierarchy Process*,
    /// McGraw-Hill, for n = 1..10; Saaty 1994/2000, *Fundamentals of Decision
    /// Making and Priority Theory*, for n = 11..15):
    /// 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48,
    /// 1.56, 1.57, 1.59.
    #[default]
    Saaty,
}

/// Saaty's table, n = 1..15 (see [`RandomIndex::Saaty`]).
const SAATY: [f64; 15] = [
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

impl RandomIndex {
    /// The largest `n` the table covers.
    pub fn max_n(self) -> usize {
        match self {
            RandomIndex::Saaty => SAATY.len(),
        }
    }

    /// `RI(n)`, or `None` when the table has no value for `n`.
    pub fn value(self, n: usize) -> Option<f64> {
        match self {
            RandomIndex::Saaty => n.checked_sub(1).and_then(|i| SAATY.get(i)).copied(),
        }
    }
}
