//! Priority vectors from a comparison matrix.

use nalgebra::{DMatrix, DVector};

use super::{Consistency, PairwiseMatrix, RandomIndex};
use crate::math::ahp::MatrixError;

/// How priorities are derived from a comparison matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PriorityMethod {
    /// Principal right eigenvector (Saaty); the default.
    #[default]
    Eigen,
    /// Row geometric mean (logarithmic least squares).
    Geometric,
}

crate::math::names::named_choices!(PriorityMethod, "priority method", {
    Eigen => "eigen",
    Geometric => "geometric",
});

/// Priorities of the items of one matrix, with their consistency.
#[derive(Debug, Clone, PartialEq)]
pub struct Priorities {
    /// Positive priorities summing to 1, in item order.
    pub weights: Vec<f64>,
    /// Consistency of the (completed) matrix.
    pub consistency: Consistency,
}

/// Noda iteration stops once the Collatz-Wielandt bounds on the Perron root
/// agree to this relative width, or the iterate stops moving by more than
/// this (see [`perron_vector`]).
const PERRON_TOLERANCE: f64 = 1e-15;
/// Noda iteration converges quadratically, in a handful of steps; this cap
/// only makes termination unconditional (the last iterate is then used, and
/// its Collatz-Wielandt upper bound is reported as the eigenvalue, so the
/// eigenvalue is never underestimated).
const PERRON_MAX_STEPS: usize = 100;

impl PairwiseMatrix {
    /// The items' priorities by `method`, with consistency against Saaty's
    /// random index.
    pub fn priorities(&self, method: PriorityMethod) -> Priorities {
        self.priorities_with(method, RandomIndex::Saaty)
    }

    /// The items' priorities by `method`, with consistency against `ri`.
    ///
    /// Both methods work on logarithms and on the matrix balanced by the
    /// logarithmic least-squares solution `y` (`b_ij = a_ij e^(y_j - y_i)`,
    /// entries near 1 whatever the scale of the judgments), so judgments
    /// anywhere within [`crate::ahp::JUDGMENT_MIN`]..[`crate::ahp::JUDGMENT_MAX`]
    /// give finite, accurate priorities.
    pub fn priorities_with(&self, method: PriorityMethod, ri: RandomIndex) -> Priorities {
        let n = self.n();
        let y = log_least_squares(self);
        let (weights, lambda_max) = match method {
            PriorityMethod::Eigen => {
                let b = balanced(&harker_matrix(self), &y);
                let mut u = DVector::from_element(n, 1.0 / n as f64);
                let lambda = perron_vector(&b, &mut u);
                let log_w: Vec<f64> = u.iter().zip(&y).map(|(u, y)| u.ln() + y).collect();
                (normalised_exp(&log_w), lambda)
            }
            PriorityMethod::Geometric => (normalised_exp(&y), geometric_lambda(self, &y)),
        };
        Priorities {
            consistency: Consistency::new(n, lambda_max, ri),
            weights,
        }
    }
}

/// Checks what every priority computation promises: positive finite weights
/// summing to 1, a finite `lambda_max` not below `n` (beyond rounding) and
/// finite, non-negative CI and CR. A safety net behind the judgment bound.
pub(crate) fn check_priorities(p: &Priorities) -> Result<(), MatrixError> {
    if let Some(&w) = p.weights.iter().find(|w| !(w.is_finite() && **w > 0.0)) {
        return Err(MatrixError::NonFinite {
            what: "a priority",
            value: w,
        });
    }
    let sum: f64 = p.weights.iter().sum();
    if (sum - 1.0).abs() > 1e-9 {
        return Err(MatrixError::NonFinite {
            what: "the sum of the priorities",
            value: sum,
        });
    }
    let c = &p.consistency;
    let n = c.n as f64;
    if !(c.lambda_max.is_finite() && c.lambda_max >= n - 1e-9 * n) {
        return Err(MatrixError::NonFinite {
            what: "lambda_max",
            value: c.lambda_max,
        });
    }
    for (what, value) in [("CI", c.ci), ("CR", c.cr)] {
        if !(value.is_finite() && value >= 0.0) {
            return Err(MatrixError::NonFinite { what, value });
        }
    }
    Ok(())
}

/// `e^x` normalised to sum 1, computed after subtracting the largest `x` so
/// that nothing overflows and the largest term is 1.
pub(crate) fn normalised_exp(x: &[f64]) -> Vec<f64> {
    let largest = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let w: Vec<f64> = x.iter().map(|v| (v - largest).exp()).collect();
    let sum: f64 = w.iter().sum();
    w.into_iter().map(|v| v / sum).collect()
}

/// `b_ij e^(y_j - y_i)`: the similar matrix `D^-1 B D`, `D = diag(e^y)`,
/// whose Perron vector `u` gives `B`'s as `D u`, with the same eigenvalue.
pub(crate) fn balanced(b: &DMatrix<f64>, y: &[f64]) -> DMatrix<f64> {
    DMatrix::from_fn(b.nrows(), b.ncols(), |i, j| {
        if b[(i, j)] == 0.0 {
            0.0
        } else {
            (b[(i, j)].ln() + y[j] - y[i]).exp()
        }
    })
}

/// The geometric method's `lambda_max`, the mean of `(A w)_i / w_i` over the
/// matrix completed by `w_i / w_j`, with `w = e^y`: each judged term is
/// `e^(ln a_ij + y_j - y_i)`, each missing or diagonal one 1.
fn geometric_lambda(m: &PairwiseMatrix, y: &[f64]) -> f64 {
    let n = m.n();
    let total: f64 = (0..n)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .map(|(i, j)| match m.get(i, j) {
            Some(a) if i != j => (a.ln() + y[j] - y[i]).exp(),
            _ => 1.0,
        })
        .sum();
    total / n as f64
}

/// Harker's matrix: missing entries 0, diagonal `1 + m_i`. Equal to the
/// matrix itself when complete.
fn harker_matrix(m: &PairwiseMatrix) -> DMatrix<f64> {
    let mut b = m.entries().clone();
    for i in 0..m.n() {
        let missing = (0..m.n()).filter(|&j| b[(i, j)] == 0.0).count();
        b[(i, i)] = 1.0 + missing as f64;
    }
    b
}

/// Replaces `x` (positive) by the Perron vector of the non-negative
/// irreducible matrix `b`, normalised to sum 1, and returns the Perron root.
///
/// Noda iteration (Noda 1971, "Note on the computation of the maximal
/// eigenvalue of a non-negative irreducible matrix", *Numerische Mathematik*
/// 17, 382-386): with `mu_k = max_i (B x_k)_i / (x_k)_i`, an upper bound on
/// the Perron root (Collatz-Wielandt), `x_(k+1)` is `(mu_k I - B)^-1 x_k`
/// normalised. `mu_k I - B` is then a non-singular M-matrix whose inverse is
/// positive, so every iterate stays positive; `mu_k` decreases to the root,
/// quadratically near it. Unlike power iteration, whose rate
/// `|lambda_2 / lambda_1|` comes arbitrarily close to 1 for very
/// inconsistent judgments (a cycle of 1e6 judgments needs some 10^7 steps),
/// it takes a few steps on any input. Stops once the lower and upper
/// Collatz-Wielandt bounds agree to [`PERRON_TOLERANCE`] relative, the
/// iterate stops moving, or after [`PERRON_MAX_STEPS`]; the upper bound at
/// the last iterate is returned, so the root is never underestimated.
pub(crate) fn perron_vector(b: &DMatrix<f64>, x: &mut DVector<f64>) -> f64 {
    let n = b.nrows();
    let bounds = |x: &DVector<f64>| {
        let bx = b * x;
        let ratios = bx.iter().zip(x.iter()).map(|(y, x)| y / x);
        ratios.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| (lo.min(r), hi.max(r)))
    };
    let (mut lo, mut hi) = bounds(x);
    for _ in 0..PERRON_MAX_STEPS {
        if hi - lo <= PERRON_TOLERANCE * hi {
            break;
        }
        let shifted = DMatrix::from_diagonal_element(n, n, hi) - b;
        let Some(z) = shifted.lu().solve(&*x) else {
            break;
        };
        let sum = z.sum();
        if !(sum.is_finite() && sum > 0.0) || z.iter().any(|v| v.is_nan() || *v <= 0.0) {
            break;
        }
        let next = z / sum;
        let moved = (&next - &*x).amax();
        let (next_lo, next_hi) = bounds(&next);
        if !(next_lo.is_finite() && next_hi.is_finite()) {
            break;
        }
        *x = next;
        (lo, hi) = (next_lo, next_hi);
        if moved <= PERRON_TOLERANCE {
            break;
        }
    }
    hi
}

/// Logarithmic least-squares log-priorities `y` (summing to 0) over the
/// judged pairs: minimise `sum (ln a_ij - y_i + y_j)^2`, i.e. solve `L y = r`
/// with `L` the Laplacian of the judgment graph and `r_i = sum_j ln a_ij`.
/// Adding the all-ones matrix fixes `sum y = 0` and makes the system regular
/// for a connected graph. For a complete matrix `e^y` is the row geometric
/// mean. Working in logarithms keeps every value small (`|y_i|` is at most
/// 14 ln 1e6 for bounded judgments) where products of judgments would
/// overflow.
pub(crate) fn log_least_squares(m: &PairwiseMatrix) -> Vec<f64> {
    let n = m.n();
    let mut system = DMatrix::from_element(n, n, 1.0);
    let mut rhs = DVector::zeros(n);
    for i in 0..n {
        for j in (0..n).filter(|&j| j != i) {
            if let Some(a) = m.get(i, j) {
                system[(i, i)] += 1.0;
                system[(i, j)] -= 1.0;
                rhs[i] += a.ln();
            }
        }
    }
    let y = system
        .lu()
        .solve(&rhs)
        .expect("the judgment graph is connected, so L + J is regular");
    y.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consistent(w: &[f64]) -> PairwiseMatrix {
        PairwiseMatrix::from_rows(w.iter().map(|a| w.iter().map(|b| a / b).collect()).collect()).unwrap()
    }

    #[test]
    fn consistent_matrix_gives_its_weights_and_zero_cr() {
        let w = [0.5, 0.25, 0.15, 0.1];
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            let p = consistent(&w).priorities(method);
            for (got, want) in p.weights.iter().zip(w) {
                assert!((got - want).abs() < 1e-12, "{method:?}: {got} vs {want}");
            }
            assert!(p.consistency.cr.abs() < 1e-12);
            assert!((p.consistency.lambda_max - 4.0).abs() < 1e-12);
        }
    }

    #[test]
    fn incomplete_consistent_judgments_are_completed_exactly() {
        // 0 -> 1 -> 2 -> 3 chain implied by w = (8, 4, 2, 1).
        let m = PairwiseMatrix::from_judgments(4, &[(0, 1, 2.0), (1, 2, 2.0), (3, 2, 0.5)]).unwrap();
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            let p = m.priorities(method);
            let want = [8.0 / 15.0, 4.0 / 15.0, 2.0 / 15.0, 1.0 / 15.0];
            for (got, want) in p.weights.iter().zip(want) {
                assert!((got - want).abs() < 1e-12, "{method:?}: {got} vs {want}");
            }
            let estimates = m.estimates(&p.weights);
            assert_eq!(estimates.len(), 3);
            assert!((estimates[0].value - 4.0).abs() < 1e-9);
        }
    }

    #[test]
    fn geometric_method_is_row_geometric_mean_for_complete_matrix() {
        let m = PairwiseMatrix::from_rows(vec![
            vec![1.0, 3.0, 5.0],
            vec![1.0 / 3.0, 1.0, 2.0],
            vec![0.2, 0.5, 1.0],
        ])
        .unwrap();
        let p = m.priorities(PriorityMethod::Geometric);
        let g: Vec<f64> = [15f64, 2.0 / 3.0, 0.1].iter().map(|p| p.cbrt()).collect();
        let s: f64 = g.iter().sum();
        for (got, want) in p.weights.iter().zip(g.iter().map(|g| g / s)) {
            assert!((got - want).abs() < 1e-14);
        }
    }

    /// For 3 items `lambda_max = 1 + c^(1/3) + c^(-1/3)` with `c = a_01 a_12
    /// / a_02`, and `w` is proportional to the row geometric means (every
    /// 3x3 reciprocal matrix is "geometrically consistent" that way).
    fn three_by_three_exact(a01: f64, a12: f64, a02: f64) -> (Vec<f64>, f64) {
        let c: f64 = a01 * a12 / a02;
        let lambda = 1.0 + c.cbrt() + 1.0 / c.cbrt();
        let g = [(a01 * a02).cbrt(), (a12 / a01).cbrt(), 1.0 / (a02 * a12).cbrt()];
        let s: f64 = g.iter().sum();
        (g.iter().map(|g| g / s).collect(), lambda)
    }

    #[test]
    fn extreme_cycles_give_the_exact_eigenvector_and_lambda_max() {
        // Power iteration needed ~10^7 steps here (|lambda_2 / lambda_1| is
        // about 1 - 1.5e-6) and stopped at 100,000 far from the answer.
        for (a01, a12, a02) in [
            (1e6, 5e5, 1e-6),
            (1e6, 1e6, 1e-6),
            (1e-6, 1e-6, 1e6),
            (1e6, 3.0, 1e-6),
            (2.0, 1e6, 1e-6),
        ] {
            let m = PairwiseMatrix::from_judgments(3, &[(0, 1, a01), (1, 2, a12), (0, 2, a02)]).unwrap();
            let p = m.priorities(PriorityMethod::Eigen);
            let (w, lambda) = three_by_three_exact(a01, a12, a02);
            let c = p.consistency;
            assert!((c.lambda_max - lambda).abs() <= 1e-12 * lambda, "{c:?} vs {lambda}");
            for (got, want) in p.weights.iter().zip(&w) {
                assert!((got - want).abs() <= 1e-12 * want, "{:?} vs {w:?}", p.weights);
            }
            assert!(check_priorities(&p).is_ok());
        }
    }

    #[test]
    fn long_chains_at_the_bound_stay_finite_and_exact() {
        // 15 items, a_i,i+1 = 1e6: w_i proportional to 1e6^-i, down to 1e-84.
        let chain: Vec<(usize, usize, f64)> = (0..14).map(|i| (i, i + 1, 1e6)).collect();
        let m = PairwiseMatrix::from_judgments(15, &chain).unwrap();
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            let p = m.priorities(method);
            assert!(check_priorities(&p).is_ok(), "{method:?}: {p:?}");
            for i in 0..14 {
                let ratio = p.weights[i] / p.weights[i + 1];
                assert!((ratio - 1e6).abs() < 1e-6, "{method:?}: {ratio}");
            }
            assert!((p.consistency.lambda_max - 15.0).abs() < 1e-9, "{method:?}: {p:?}");
        }
    }

    #[test]
    fn the_safety_net_names_what_went_wrong() {
        let p = |weights: Vec<f64>, lambda_max: f64| Priorities {
            weights,
            consistency: Consistency::new(3, lambda_max, RandomIndex::Saaty),
        };
        assert!(check_priorities(&p(vec![0.5, 0.25, 0.25], 3.1)).is_ok());
        assert!(matches!(
            check_priorities(&p(vec![f64::NAN, 0.5, 0.5], 3.0)),
            Err(MatrixError::NonFinite { what: "a priority", .. })
        ));
        assert!(matches!(
            check_priorities(&p(vec![0.5, 0.25, 0.25], f64::NAN)),
            Err(MatrixError::NonFinite { what: "lambda_max", .. })
        ));
        assert!(matches!(
            check_priorities(&p(vec![0.5, 0.25, 0.25], 2.5)),
            Err(MatrixError::NonFinite { what: "lambda_max", .. })
        ));
        assert!(matches!(
            check_priorities(&p(vec![0.5, 0.5, 0.5], 3.0)),
            Err(MatrixError::NonFinite { .. })
        ));
    }

    #[test]
    fn disconnected_judgments_name_the_groups() {
        let err = PairwiseMatrix::from_judgments(4, &[(0, 2, 3.0), (1, 3, 2.0)]).unwrap_err();
        assert_eq!(
            err,
            crate::math::ahp::MatrixError::Disconnected {
                groups: vec![vec![0, 2], vec![1, 3]]
            }
        );
    }

    #[test]
    fn repeated_pair_in_either_order_is_refused() {
        let err = PairwiseMatrix::from_judgments(3, &[(0, 1, 3.0), (1, 0, 0.5)]).unwrap_err();
        assert_eq!(err, crate::math::ahp::MatrixError::RepeatedPair { a: 1, b: 0 });
    }
}
