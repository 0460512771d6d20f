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
/// `CR = CI / RI(n)` compares a matrix's inconsistency with that of random
/// judgments of the same size. The published tables differ (they come from
/// different simulations), so the same matrix can pass under one table and
/// fail under another; reports should name the table used
/// ([`RandomIndex::name`]). Every table gives `RI(1) = RI(2) = 0` (CR is 0
/// there: a 1x1 or 2x2 reciprocal matrix is always consistent).
///
/// ```
/// use innorank::ahp::RandomIndex;
/// assert_eq!(RandomIndex::Saaty.value(4), Some(0.90));
/// assert_eq!(RandomIndex::Saaty.value(16), None);
/// assert_eq!(RandomIndex::DoneganDodd.value(4), Some(0.8286));
/// assert_eq!(RandomIndex::TummalaLing.value(4), Some(0.8921));
/// assert_eq!(RandomIndex::AlonsoLamata.value(4), Some(0.8816));
/// assert_eq!("tummala-ling".parse::<RandomIndex>(), Ok(RandomIndex::TummalaLing));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RandomIndex {
    /// Saaty's classic table (Saaty 1980, *The Analytic Hierarchy Process*,
    /// McGraw-Hill, for n = 1..10; Saaty 1994/2000, *Fundamentals of Decision
    /// Making and Priority Theory*, for n = 11..15):
    /// 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48,
    /// 1.56, 1.57, 1.59. Covers n <= 15.
    #[default]
    Saaty,
    /// Donegan, H. A. & Dodd, F. J. (1991), "A note on Saaty's random
    /// indexes", *Mathematical and Computer Modelling* 15(10), 135-137,
    /// doi:10.1016/0895-7177(91)90098-R, as tabulated by AHPy 2.1 (its
    /// default `random_index='dd'`): n = 3..20: 0.4914, 0.8286, 1.0591,
    /// 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643,
    /// 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371; then
    /// n = 25: 1.5619, 30: 1.5772, 40: 1.5976, 50: 1.6102, 60: 1.6178,
    /// 70: 1.6237, 80: 1.6277, 90: 1.6213, 100: 1.6339. Between tabulated
    /// sizes the value is interpolated linearly (as AHPy does). Covers
    /// n <= 100. (The table is not monotone at n = 90; it is reproduced as
    /// published.)
    DoneganDodd,
    /// Tummala, V. M. R. & Ling, H. (1998), "A note on the computation of the
    /// mean random consistency index of the analytic hierarchy process
    /// (AHP)", *Theory and Decision* 44(3), 221-230, as used by pymcdm 1.4.0
    /// (`pymcdm.weights.subjective.AHP.get_cr`): n = 1..15: 0, 0, 0.5799,
    /// 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117,
    /// 1.5356, 1.5571, 1.5714, 1.5831. Covers n <= 15.
    TummalaLing,
    /// Alonso, J. A. & Lamata, M. T. (2006), "Consistency in the analytic
    /// hierarchy process: a new approach", *Int. J. of Uncertainty,
    /// Fuzziness and Knowledge-Based Systems* 14(4), 445-459, as used by the
    /// R package `ahp` (C. Glur, <https://github.com/gluc/ahp>,
    /// `R/ahp_functions.R`, function `RI`): the simulated values for
    /// n = 3..15: 0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499,
    /// 1.4854, 1.5140, 1.5365, 1.5551, 1.5713, 1.5838; for n >= 16 the
    /// paper's fitted mean eigenvalue `lambda = 2.7699 n - 4.3513` gives
    /// `RI(n) = (1.7699 n - 4.3513) / (n - 1)`. Being a formula, it covers
    /// every n ([`RandomIndex::max_n`] is `usize::MAX`).
    AlonsoLamata,
}

/// Saaty's table, n = 1..15 (see [`RandomIndex::Saaty`]).
const SAATY: [f64; 15] = [
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/// Donegan & Dodd (1991) as tabulated by AHPy 2.1, `(n, RI)` with n
/// increasing (see [`RandomIndex::DoneganDodd`]).
const DONEGAN_DODD: [(usize, f64); 27] = [
    (3, 0.4914),
    (4, 0.8286),
    (5, 1.0591),
    (6, 1.1797),
    (7, 1.2519),
    (8, 1.3171),
    (9, 1.3733),
    (10, 1.4055),
    (11, 1.4213),
    (12, 1.4497),
    (13, 1.4643),
    (14, 1.4822),
    (15, 1.4969),
    (16, 1.5078),
    (17, 1.5153),
    (18, 1.5262),
    (19, 1.5313),
    (20, 1.5371),
    (25, 1.5619),
    (30, 1.5772),
    (40, 1.5976),
    (50, 1.6102),
    (60, 1.6178),
    (70, 1.6237),
    (80, 1.6277),
    (90, 1.6213),
    (100, 1.6339),
];

/// Tummala & Ling (1998) as used by pymcdm 1.4.0, n = 1..15 (see
/// [`RandomIndex::TummalaLing`]).
const TUMMALA_LING: [f64; 15] = [
    0.0, 0.0, 0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356, 1.5571, 1.5714, 1.5831,
];

/// Alonso & Lamata (2006) simulated values as used by the R package `ahp`,
/// n = 1..15 (see [`RandomIndex::AlonsoLamata`]).
const ALONSO_LAMATA: [f64; 15] = [
    0.0, 0.0, 0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854, 1.5140, 1.5365, 1.5551, 1.5713, 1.5838,
];

/// Slope and intercept of Alonso & Lamata's (2006) fit of the mean principal
/// eigenvalue of random matrices, `lambda = 2.7699 n - 4.3513`, rewritten as
/// `RI = (1.7699 n - 4.3513) / (n - 1)` (see [`RandomIndex::AlonsoLamata`]).
const ALONSO_LAMATA_FIT: (f64, f64) = (1.7699, 4.3513);

crate::math::names::named_choices!(RandomIndex, "random index", {
    Saaty => "saaty",
    DoneganDodd => "donegan-dodd",
    TummalaLing => "tummala-ling",
    AlonsoLamata => "alonso-lamata",
});

impl RandomIndex {
    /// The largest `n` the table covers (`usize::MAX` for the formula-based
    /// [`RandomIndex::AlonsoLamata`]).
    pub fn max_n(self) -> usize {
        match self {
            RandomIndex::Saaty => SAATY.len(),
            RandomIndex::DoneganDodd => DONEGAN_DODD[DONEGAN_DODD.len() - 1].0,
            RandomIndex::TummalaLing => TUMMALA_LING.len(),
            RandomIndex::AlonsoLamata => usize::MAX,
        }
    }

    /// `RI(n)`, or `None` when the table has no value for `n` (`n = 0` or
    /// `n > max_n()`).
    pub fn value(self, n: usize) -> Option<f64> {
        let table = |t: &[f64]| n.checked_sub(1).and_then(|i| t.get(i)).copied();
        match self {
            RandomIndex::Saaty => table(&SAATY),
            RandomIndex::TummalaLing => table(&TUMMALA_LING),
            RandomIndex::DoneganDodd => match n {
                0 => None,
                1 | 2 => Some(0.0),
                _ => donegan_dodd(n),
            },
            RandomIndex::AlonsoLamata => match n {
                0 => None,
                1..=15 => table(&ALONSO_LAMATA),
                _ => {
                    let (slope, intercept) = ALONSO_LAMATA_FIT;
                    let n = n as f64;
                    Some((slope * n - intercept) / (n - 1.0))
                }
            },
        }
    }
}

/// Donegan & Dodd's value at `n >= 3`, interpolated linearly between the
/// tabulated sizes; `None` past the table.
fn donegan_dodd(n: usize) -> Option<f64> {
    match DONEGAN_DODD.binary_search_by_key(&n, |&(size, _)| size) {
        Ok(i) => Some(DONEGAN_DODD[i].1),
        Err(i) if i == 0 || i == DONEGAN_DODD.len() => None,
        Err(i) => {
            let ((n0, r0), (n1, r1)) = (DONEGAN_DODD[i - 1], DONEGAN_DODD[i]);
            Some(r0 + (r1 - r0) / (n1 - n0) as f64 * (n - n0) as f64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_zero_below_three_and_none_at_zero() {
        for ri in RandomIndex::ALL {
            assert_eq!(ri.value(0), None, "{ri}");
            assert_eq!(ri.value(1), Some(0.0), "{ri}");
            assert_eq!(ri.value(2), Some(0.0), "{ri}");
            assert!(ri.value(3).unwrap() > 0.0, "{ri}");
            assert!(ri.value(ri.max_n()).is_some(), "{ri}");
        }
    }

    #[test]
    fn table_ends_are_where_max_n_says() {
        assert_eq!(RandomIndex::Saaty.max_n(), 15);
        assert_eq!(RandomIndex::TummalaLing.max_n(), 15);
        assert_eq!(RandomIndex::TummalaLing.value(16), None);
        assert_eq!(RandomIndex::DoneganDodd.max_n(), 100);
        assert_eq!(RandomIndex::DoneganDodd.value(100), Some(1.6339));
        assert_eq!(RandomIndex::DoneganDodd.value(101), None);
        assert_eq!(RandomIndex::AlonsoLamata.max_n(), usize::MAX);
        assert!(RandomIndex::AlonsoLamata.value(1000).is_some());
    }

    #[test]
    fn donegan_dodd_interpolates_linearly_between_tabulated_sizes() {
        // 20: 1.5371, 25: 1.5619 -> 22: 1.5371 + 2 * 0.0248 / 5.
        let v = RandomIndex::DoneganDodd.value(22).unwrap();
        assert!((v - (1.5371 + 2.0 * 0.0248 / 5.0)).abs() < 1e-15);
        assert_eq!(RandomIndex::DoneganDodd.value(30), Some(1.5772));
    }

    #[test]
    fn alonso_lamata_switches_from_table_to_formula_at_16() {
        assert_eq!(RandomIndex::AlonsoLamata.value(15), Some(1.5838));
        let v = RandomIndex::AlonsoLamata.value(16).unwrap();
        assert!((v - (1.7699 * 16.0 - 4.3513) / 15.0).abs() < 1e-15);
    }

    #[test]
    fn names_round_trip_and_parse_ignores_case() {
        for ri in RandomIndex::ALL {
            assert_eq!(ri.name().parse::<RandomIndex>(), Ok(ri));
            assert_eq!(ri.name().to_uppercase().parse::<RandomIndex>(), Ok(ri));
        }
        assert!("saaty1980".parse::<RandomIndex>().is_err());
    }
}
