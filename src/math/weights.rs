//! Criterion weights: non-negative numbers that sum to one.

use crate::math::matrix::DataError;

/// Weights of a set of criteria, validated once: finite, non-negative, not
/// all zero, and normalised so they sum to one.
///
/// ```
/// use innorank::Weights;
/// let w = Weights::new(vec![2.0, 1.0, 1.0]).unwrap();
/// assert_eq!(w.as_slice(), &[0.5, 0.25, 0.25]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Weights(Vec<f64>);

impl Weights {
    /// Normalises relative weights so they sum to one.
    ///
    /// Fails on an empty list, a negative or non-finite value, or all zeros.
    ///
    /// # Errors
    ///
    /// [`DataError::NoWeights`], [`DataError::InvalidWeight`] or
    /// [`DataError::AllZeroWeights`].
    pub fn new(relative: Vec<f64>) -> Result<Self, DataError> {
        if relative.is_empty() {
            return Err(DataError::NoWeights);
        }
        if let Some((index, &value)) = relative.iter().enumerate().find(|(_, v)| !v.is_finite() || **v < 0.0) {
            return Err(DataError::InvalidWeight { index, value });
        }
        // Divide by the largest first so the sum cannot overflow.
        let largest = relative.iter().copied().fold(0.0_f64, f64::max);
        if largest == 0.0 {
            return Err(DataError::AllZeroWeights);
        }
        let scaled: Vec<f64> = relative.iter().map(|v| v / largest).collect();
        let sum: f64 = scaled.iter().sum();
        Ok(Weights(scaled.into_iter().map(|v| v / sum).collect()))
    }

    /// Equal weights `1/n` for `n` criteria.
    ///
    /// ```
    /// assert_eq!(innorank::Weights::equal(4).as_slice(), &[0.25; 4]);
    /// ```
    pub fn equal(n: usize) -> Self {
        Weights(vec![1.0 / n as f64; n])
    }

    /// Wraps priorities that already sum to one (AHP output).
    pub(crate) fn from_normalized(values: Vec<f64>) -> Self {
        Weights(values)
    }

    /// The weights, in criterion order.
    pub fn as_slice(&self) -> &[f64] {
        &self.0
    }

    /// Number of criteria weighted.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are no weights (never the case for a validated value).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
