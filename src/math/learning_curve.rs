//! Cost curves with learning: the average cost of an innovation as volume
//! grows.
//!
//! Innovating raises fixed cost (R&D, equipment, systems) but lowers
//! variable cost, and variable cost keeps falling with cumulative output
//! (learning). With fixed cost `F`, first-unit cost `c1` and learning rate
//! `r` (each doubling of cumulative output multiplies unit cost by `r`), the
//! k-th unit costs `c1 k^b` with `b = log2(r)`, and the average cost per
//! unit at volume `Q` is
//!
//! ```text
//! AC(Q) = F/Q + (c1/Q) * sum_{k=1..Q} k^b
//! ```
//!
//! (Wright 1936, "Factors affecting the cost of airplanes", J. Aeronautical
//! Sciences 3.) Past some volume an innovation's average-cost curve can lie
//! below the current product's: [`crossing`] finds that volume.
//!
//! The sum is added term by term up to [`DIRECT_TERMS`] and continued beyond
//! by the Euler-Maclaurin formula with four Bernoulli corrections, whose
//! remainder there is below `1e-20` relative; so `AC(Q)` is exact to
//! rounding (far inside 1e-9 relative) for any `Q` up to `u64::MAX`.
//!
//! ```
//! use innorank::learning_curve::CostCurve;
//! let curve = CostCurve::new(2_000_000.0, 120.0, 0.85).unwrap();
//! let ac = curve.average_cost(50_000);
//! assert!(ac > 40.0 && ac < 120.0 + 2_000_000.0 / 50_000.0);
//! // No learning: the average cost is F/Q + c1.
//! let flat = CostCurve::new(1000.0, 5.0, 1.0).unwrap();
//! assert!((flat.average_cost(100) - 15.0).abs() < 1e-12);
//! ```

use std::fmt;

use crate::readable::Readable;

/// Terms summed one by one before Euler-Maclaurin takes over.
pub const DIRECT_TERMS: u64 = 1000;

/// Highest volume searched for a crossing (`10^12` units).
pub const MAX_VOLUME: u64 = 1_000_000_000_000;

/// A cost curve: fixed cost, first-unit cost and learning rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostCurve {
    fixed: f64,
    unit_cost: f64,
    learning_rate: f64,
}

/// Why cost-curve parameters are invalid.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CurveError {
    /// `fixed` is negative or not finite.
    #[error("`fixed` must be a finite number >= 0, found {0}")]
    Fixed(f64),
    /// `unit_cost` is not positive and finite.
    #[error("`unit_cost` must be a finite number > 0, found {0}")]
    UnitCost(f64),
    /// `learning_rate` outside `(0, 1]`.
    #[error("`learning_rate` must be in (0, 1], found {0}")]
    LearningRate(f64),
    /// `fixed + unit_cost` is beyond the largest finite number: the average
    /// cost at volume 1 (the highest on the curve) would be infinite.
    #[error(
        "`fixed` + `unit_cost` must be at most {max:e} (the largest finite number, the average cost of the first unit), found {} + {}",
        Readable(*.fixed),
        Readable(*.unit_cost),
        max = f64::MAX
    )]
    TooLarge {
        /// The fixed cost.
        fixed: f64,
        /// The first-unit cost.
        unit_cost: f64,
    },
}

impl CostCurve {
    /// A curve with fixed cost `fixed >= 0`, first-unit cost
    /// `unit_cost > 0` and learning rate `0 < learning_rate <= 1`, whose
    /// sum `fixed + unit_cost` is finite.
    ///
    /// That sum bounds the average cost at every volume (it is the average
    /// cost of the first unit, and the curve only falls), so every curve
    /// accepted here has finite average costs and crossings.
    ///
    /// ```
    /// use innorank::learning_curve::{CostCurve, CurveError};
    /// assert!(CostCurve::new(1e308, 7e307, 0.9).is_ok());
    /// assert_eq!(
    ///     CostCurve::new(1e308, 1e308, 0.9),
    ///     Err(CurveError::TooLarge { fixed: 1e308, unit_cost: 1e308 })
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// A [`CurveError`] naming the parameter out of range: a negative or
    /// non-finite fixed cost, a unit cost that is not positive and finite, a
    /// learning rate outside `(0, 1]`, or `fixed + unit_cost` overflowing.
    pub fn new(fixed: f64, unit_cost: f64, learning_rate: f64) -> Result<Self, CurveError> {
        if !(fixed.is_finite() && fixed >= 0.0) {
            return Err(CurveError::Fixed(fixed));
        }
        if !(unit_cost.is_finite() && unit_cost > 0.0) {
            return Err(CurveError::UnitCost(unit_cost));
        }
        if !(learning_rate > 0.0 && learning_rate <= 1.0) {
            return Err(CurveError::LearningRate(learning_rate));
        }
        if !(fixed + unit_cost).is_finite() {
            return Err(CurveError::TooLarge { fixed, unit_cost });
        }
        Ok(CostCurve {
            fixed,
            unit_cost,
            learning_rate,
        })
    }

    /// Fixed cost.
    pub fn fixed(&self) -> f64 {
        self.fixed
    }

    /// Cost of the first unit.
    pub fn unit_cost(&self) -> f64 {
        self.unit_cost
    }

    /// Learning rate `r`.
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    /// Average cost per unit at volume `volume` (at least 1).
    ///
    /// Computed as `F/Q + c1 * (S/Q)`, with the mean `S/Q` of `k^b` (at
    /// most one) taken first: dividing before multiplying keeps each term
    /// at most `F` or `c1`, so the result is finite whenever `F + c1` is,
    /// which [`CostCurve::new`] makes sure of. `(F + c1 S)/Q` would
    /// overflow for a first-unit cost above `f64::MAX / Q`.
    ///
    /// ```
    /// use innorank::learning_curve::CostCurve;
    /// let huge = CostCurve::new(0.0, 1e308, 1.0).unwrap();
    /// assert_eq!(huge.average_cost(1_000_000), 1e308);
    /// ```
    pub fn average_cost(&self, volume: u64) -> f64 {
        let q = volume.max(1);
        let b = self.learning_rate.log2();
        // Rounding in the sum must not lift the mean above its bound of 1.
        let mean = (learning_sum(b, q) / q as f64).min(1.0);
        self.fixed / q as f64 + self.unit_cost * mean
    }
}

impl fmt::Display for CostCurve {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "fixed {}, unit cost {}, learning rate {}",
            Readable(self.fixed),
            Readable(self.unit_cost),
            Readable(self.learning_rate)
        )
    }
}

/// `sum_{k=1..q} k^b` for `b <= 0`.
///
/// ```
/// let direct: f64 = (1..=5000u64).map(|k| (k as f64).powf(-0.3)).sum();
/// let fast = innorank::learning_curve::learning_sum(-0.3, 5000);
/// assert!((fast - direct).abs() / direct < 1e-12);
/// ```
pub fn learning_sum(b: f64, q: u64) -> f64 {
    if b == 0.0 {
        return q as f64;
    }
    let direct_end = q.min(DIRECT_TERMS);
    // Small terms last would be better for rounding, but the terms shrink
    // slowly; Neumaier summation keeps the error at one rounding.
    let (mut sum, mut compensation) = (0.0_f64, 0.0_f64);
    for k in 1..=direct_end {
        let term = (k as f64).powf(b);
        let t = sum + term;
        compensation += if sum.abs() >= term.abs() {
            (sum - t) + term
        } else {
            (term - t) + sum
        };
        sum = t;
    }
    if q <= DIRECT_TERMS {
        return sum + compensation;
    }
    sum + compensation + euler_maclaurin_tail(b, DIRECT_TERMS as f64, q as f64)
}

/// `sum_{k=n+1..q} k^b` by Euler-Maclaurin on `[n, q]`:
/// `integral + (f(q) - f(n))/2 + sum_j B_2j/(2j)! (f^(2j-1)(q) - f^(2j-1)(n))`.
fn euler_maclaurin_tail(b: f64, n: f64, q: f64) -> f64 {
    // B_2j / (2j)! for j = 1..4 (Bernoulli numbers 1/6, -1/30, 1/42, -1/30).
    const COEFFICIENTS: [f64; 4] = [1.0 / 12.0, -1.0 / 720.0, 1.0 / 30240.0, -1.0 / 1209600.0];
    let integral = if (b + 1.0).abs() < 1e-300 {
        (q / n).ln()
    } else {
        // n^(b+1) (exp((b+1) ln(q/n)) - 1) / (b+1), stable near b = -1.
        n.powf(b + 1.0) * ((b + 1.0) * (q / n).ln()).exp_m1() / (b + 1.0)
    };
    let mut total = integral + (q.powf(b) - n.powf(b)) / 2.0;
    // f^(m)(x) = b (b-1) ... (b-m+1) x^(b-m); odd m = 1, 3, 5, 7.
    let mut falling = b; // b (b-1) ... (b-m+1) for m = 1
    let mut m = 1.0;
    for c in COEFFICIENTS {
        total += c * falling * (q.powf(b - m) - n.powf(b - m));
        falling *= (b - m) * (b - m - 1.0);
        m += 2.0;
    }
    total
}

/// How an alternative's average-cost curve lies against the baseline's,
/// judged by where it ends up at large volumes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Crossing {
    /// Below the baseline at every volume from 1 to [`MAX_VOLUME`].
    Always,
    /// Below the baseline from this volume on (and not at the volume
    /// before): the innovation pays off past it.
    From(u64),
    /// Below the baseline at small volumes, but not beyond this one (it
    /// learns more slowly than the baseline): cheaper only up to here.
    Until(u64),
    /// Never below the baseline up to [`MAX_VOLUME`].
    Never,
}

/// Where `curve`'s average cost lies below `baseline`'s.
///
/// The difference is sampled on a geometric grid of volumes (ratio about
/// 1.01) up to [`MAX_VOLUME`]; the last change of side is refined by
/// bisection to the exact integer volume. Two crossings closer together
/// than one grid step would be seen as none.
///
/// ```
/// use innorank::learning_curve::{crossing, CostCurve, Crossing};
/// let old = CostCurve::new(1_000.0, 10.0, 1.0).unwrap();
/// let new = CostCurve::new(5_000.0, 6.0, 1.0).unwrap();
/// // 5000/Q + 6 < 1000/Q + 10  <=>  Q > 1000.
/// assert_eq!(crossing(&new, &old), Crossing::From(1001));
/// // The other way round: cheaper only while Q < 1000.
/// assert_eq!(crossing(&old, &new), Crossing::Until(999));
/// ```
pub fn crossing(curve: &CostCurve, baseline: &CostCurve) -> Crossing {
    let below = |q: u64| curve.average_cost(q) < baseline.average_cost(q);
    let mut grid = vec![1u64];
    while let Some(&last) = grid.last() {
        if last >= MAX_VOLUME {
            break;
        }
        grid.push(((last as f64 * 1.01).ceil() as u64).max(last + 1).min(MAX_VOLUME));
    }
    let end = below(MAX_VOLUME);
    // The last sampled volume on the other side than the end.
    let Some(i) = grid.iter().rposition(|&q| below(q) != end) else {
        return if end { Crossing::Always } else { Crossing::Never };
    };
    let (mut lo, mut hi) = (grid[i], grid[i + 1]); // below(lo) != end, below(hi) == end
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if below(mid) == end {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    if end { Crossing::From(hi) } else { Crossing::Until(lo) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn direct(b: f64, q: u64) -> f64 {
        (1..=q).map(|k| (k as f64).powf(b)).sum()
    }

    #[test]
    fn euler_maclaurin_matches_direct_summation() {
        for r in [0.5, 0.7, 0.85, 0.95, 0.999] {
            let b = f64::log2(r);
            for q in [1001, 1500, 20_000, 300_000] {
                let (fast, slow) = (learning_sum(b, q), direct(b, q));
                assert!((fast - slow).abs() / slow < 1e-12, "r={r} q={q}: {fast} vs {slow}");
            }
        }
    }

    #[test]
    #[allow(clippy::excessive_precision)] // the digits as mpmath printed them
    fn learning_sum_matches_hurwitz_zeta_to_1e12_relative() {
        // zeta(-b, 1) - zeta(-b, Q + 1) (harmonic number for r = 0.5) with
        // mpmath 1.3 at 40 digits.
        let cases = [
            (0.85, 1_000_000_000, 10135560.6393216880457797),
            (0.5, 1_000_000_000, 21.3004815023479440166851),
            (0.9, 123_456_789, 8574037.323741926711423876),
            (0.999, 1_000_000_000, 971933539.4402114619472925),
            (0.7, 1_000_000, 1682.849940917912468836437),
        ];
        for (r, q, expected) in cases {
            let got = learning_sum(f64::log2(r), q);
            assert!(
                (got - expected).abs() / expected < 1e-12,
                "r={r} q={q}: {got} vs {expected}"
            );
        }
    }

    #[test]
    fn average_cost_falls_with_volume_and_learning() {
        let c = CostCurve::new(1e6, 100.0, 0.8).unwrap();
        assert!(c.average_cost(1000) > c.average_cost(10_000));
        // With F = 0 the first unit costs c1.
        let d = CostCurve::new(0.0, 100.0, 0.8).unwrap();
        assert_eq!(d.average_cost(1), 100.0);
        // Doubling the volume multiplies the *marginal* cost by r.
        let m = |q: u64| d.average_cost(q) * q as f64 - d.average_cost(q - 1) * (q - 1) as f64;
        assert!((m(2000) / m(1000) - 0.8).abs() < 1e-9);
    }

    #[test]
    fn invalid_parameters_are_refused() {
        assert_eq!(CostCurve::new(-1.0, 1.0, 0.9), Err(CurveError::Fixed(-1.0)));
        assert_eq!(CostCurve::new(0.0, 0.0, 0.9), Err(CurveError::UnitCost(0.0)));
        assert_eq!(CostCurve::new(0.0, 1.0, 1.5), Err(CurveError::LearningRate(1.5)));
        assert!(CostCurve::new(0.0, 1.0, 0.0).is_err());
    }

    #[test]
    fn huge_finite_curves_have_finite_average_costs() {
        // (F + c1 S)/Q overflowed here: c1 S is 7e307 * 1e6.
        let c = CostCurve::new(1e308, 7e307, 1.0).unwrap();
        assert_eq!(c.average_cost(1_000_000), 1e308 / 1e6 + 7e307);
        assert_eq!(c.average_cost(1), 1e308 + 7e307);
        let learning = CostCurve::new(f64::MAX / 2.0, f64::MAX / 2.0, 0.5).unwrap();
        for q in [1, 2, 1000, 1001, 1 << 40, u64::MAX] {
            let ac = learning.average_cost(q);
            assert!(ac.is_finite() && ac > 0.0, "AC({q}) = {ac}");
        }
        // The steepest learning rate accepted.
        let steep = CostCurve::new(0.0, 1.0, 5e-324).unwrap();
        assert_eq!(steep.average_cost(1), 1.0);
        assert!(steep.average_cost(u64::MAX).is_finite());
    }

    #[test]
    fn a_first_unit_cost_that_overflows_is_refused_with_the_bound() {
        let e = CostCurve::new(1e308, 1e308, 0.9).unwrap_err();
        assert_eq!(
            e,
            CurveError::TooLarge {
                fixed: 1e308,
                unit_cost: 1e308
            }
        );
        assert_eq!(
            e.to_string(),
            "`fixed` + `unit_cost` must be at most 1.7976931348623157e308 (the largest finite number, the average cost of the first unit), found 1e308 + 1e308"
        );
        assert!(CostCurve::new(0.0, f64::MAX, 1.0).is_ok());
    }

    #[test]
    fn crossings_of_huge_curves_are_found() {
        // 1.5e308/Q + 1e307 < 1e308/Q + 2e307 <=> Q > 5e307/1e307 = 5.
        let old = CostCurve::new(1e308, 2e307, 1.0).unwrap();
        let new = CostCurve::new(1.5e308, 1e307, 1.0).unwrap();
        assert_eq!(crossing(&new, &old), Crossing::From(6));
    }

    #[test]
    fn crossing_is_exact_for_linear_curves() {
        let old = CostCurve::new(1000.0, 10.0, 1.0).unwrap();
        let cheaper = CostCurve::new(500.0, 9.0, 1.0).unwrap();
        assert_eq!(crossing(&cheaper, &old), Crossing::Always);
        let dearer = CostCurve::new(500.0, 11.0, 1.0).unwrap();
        // 500/Q + 11 < 1000/Q + 10  <=>  Q < 500.
        assert_eq!(crossing(&dearer, &old), Crossing::Until(499));
        let worse = CostCurve::new(2000.0, 11.0, 1.0).unwrap();
        assert_eq!(crossing(&worse, &old), Crossing::Never);
        let later = CostCurve::new(100_000.0, 9.0, 1.0).unwrap();
        // 100000/Q + 9 < 1000/Q + 10  <=>  Q > 99000.
        assert_eq!(crossing(&later, &old), Crossing::From(99_001));
    }
}
